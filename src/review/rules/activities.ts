// Section 3: planned activities have goals the boss can check, and fall inside the period the plan covers.
import { hasFigure } from '../text.js';
import type { Rule } from '../types.js';

/** Resources are granted for results: without one measurable goal there is nothing to approve. */
export const activityGoalsMissing: Rule = {
  id: 'activity-goals-missing',
  severity: 'error',
  section: 'activities',
  check: ({ plan }) => (plan.activities.planned.some((activity) => hasFigure(activity.goal)) ? [] : [{ path: 'activities.planned' }]),
};

/** Once one goal states a figure, the others should too; reported only then, so it never repeats the error above. */
export const activityGoalVague: Rule = {
  id: 'activity-goal-vague',
  severity: 'suggestion',
  section: 'activities',
  check: ({ plan }) => {
    const planned = plan.activities.planned;
    if (!planned.some((activity) => hasFigure(activity.goal))) return [];
    return planned.flatMap((activity, index) =>
      (hasFigure(activity.goal) ? [] : [{ path: `activities.planned[${index}].goal`, values: { name: activity.name } }]));
  },
};

/** An activity outside the horizon is either a mistyped date or a budget the plan does not cover. */
export const activityDatesInHorizon: Rule = {
  id: 'activity-dates-horizon',
  severity: 'warning',
  section: 'activities',
  check: ({ plan, figures, format }) => {
    const { start, end } = figures.horizon;
    return plan.activities.planned.flatMap((activity, index) => {
      const last = activity.end ?? activity.start;
      if (activity.start >= start && last <= end) return [];
      const field = activity.start < start || activity.start > end || !activity.end ? 'start' : 'end';
      return [{
        path: `activities.planned[${index}].${field}`,
        values: { name: activity.name, dates: format.dates(activity.start, activity.end), start: format.date(start), end: format.date(end) },
      }];
    });
  },
};
