// Section 5's daily running: how much the calendar posts, what share promotes activities, who must cooperate.
import type { CalendarSlot } from '../../plan/schema.js';
import { findTerm, isBareTime } from '../text.js';
import type { Lexicon, Rule } from '../types.js';

/** More than this many posts a day and members mute the group or unfollow the account. */
export const MAX_POSTS_PER_DAY = 5;
/** In a sales community at least half of what is posted should promote or run an activity. */
export const MIN_ACTIVITY_SHARE_PERCENT = 50;

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** The weekdays (0 = Monday) a slot posts on; empty when its `when` names no day we can read (e.g. "monthly"). */
export function slotDays(slot: CalendarSlot, lexicon: Lexicon): number[] {
  const { when } = slot;
  if (isBareTime(when) || findTerm(when, lexicon.everyDay)) return ALL_DAYS;
  const days = new Set(ALL_DAYS.filter((day) => findTerm(when, lexicon.weekdays[day]!)));
  if (findTerm(when, lexicon.workdays)) [0, 1, 2, 3, 4].forEach((day) => days.add(day));
  if (findTerm(when, lexicon.weekend)) [5, 6].forEach((day) => days.add(day));
  return [...days].sort();
}

/** Posts planned on each weekday, Monday first. */
export function postsPerWeekday(slots: readonly CalendarSlot[], lexicon: Lexicon): number[] {
  const counts = ALL_DAYS.map(() => 0);
  for (const slot of slots) for (const day of slotDays(slot, lexicon)) counts[day]! += 1;
  return counts;
}

export const calendarPostsPerDay: Rule = {
  id: 'calendar-posts-per-day',
  severity: 'warning',
  section: 'accountPlan',
  check: ({ plan, lexicon, format, language }) => {
    const counts = postsPerWeekday(plan.accountPlan.contentCalendar, lexicon);
    const most = Math.max(...counts);
    if (most <= MAX_POSTS_PER_DAY) return [];
    const busiest = ALL_DAYS.filter((day) => counts[day] === most);
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    const names = busiest.map((day) => weekday.format(new Date(Date.UTC(2024, 0, 1 + day))));
    return [{
      path: 'accountPlan.contentCalendar',
      variant: busiest.length === 7 ? 'everyDay' : 'someDays',
      values: { count: most, max: MAX_POSTS_PER_DAY, days: format.list(names) },
    }];
  },
};

export const communityActivityShare: Rule = {
  id: 'community-activity-share',
  severity: 'warning',
  section: 'accountPlan',
  check: ({ plan, figures, format }) => {
    const community = plan.meta.channel === 'wechat-group' || plan.meta.channel === 'wecom';
    // Unmarked calendars cannot be judged; the completeness score asks for the marks instead.
    if (!community || !figures.calendar.marked || figures.calendar.activityPercent >= MIN_ACTIVITY_SHARE_PERCENT) return [];
    const slots = plan.accountPlan.contentCalendar;
    return [{
      path: 'accountPlan.contentCalendar',
      values: {
        share: format.percent(figures.calendar.activityPercent),
        related: slots.filter((slot) => slot.activityRelated).length,
        slots: slots.length,
        min: format.percent(MIN_ACTIVITY_SHARE_PERCENT),
      },
    }];
  },
};

/** The boss arranges other departments' help in advance, so the plan must say whose help it needs. */
export const departmentsMissing: Rule = {
  id: 'departments-missing',
  severity: 'warning',
  section: 'accountPlan',
  check: ({ plan }) => ((plan.accountPlan.departments?.length ?? 0) > 0 ? [] : [{ path: 'accountPlan.departments' }]),
};
