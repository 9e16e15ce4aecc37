// Section 5's cost list: it has amounts, pays for the planned activities, and tells which costs matter.
import { findTerm } from '../text.js';
import type { Rule } from '../types.js';

export const costsTotal: Rule = {
  id: 'costs-total',
  severity: 'error',
  section: 'accountPlan',
  check: ({ figures }) => (figures.budget.total > 0 ? [] : [{ path: 'accountPlan.costs' }]),
};

/** Money promised to activities in section 3 must come out of the budget in section 5. */
export const plannedBudgetOverCosts: Rule = {
  id: 'planned-budget-over-costs',
  severity: 'error',
  section: 'accountPlan',
  check: ({ figures, format }) => {
    const planned = figures.plannedBudget.total;
    if (planned <= figures.budget.total) return [];
    return [{ path: 'accountPlan.costs', values: { planned: format.money(planned), total: format.money(figures.budget.total), gap: format.money(planned - figures.budget.total) } }];
  },
};

/** Even when the total is big enough, the boss should find the activities' money as its own line in the cost list. */
export const activityCostsMissing: Rule = {
  id: 'activity-costs-missing',
  severity: 'warning',
  section: 'accountPlan',
  check: ({ plan, figures, format, lexicon }) => {
    const planned = figures.plannedBudget.total;
    if (planned === 0 || planned > figures.budget.total) return [];
    const covered = plan.accountPlan.costs
      .filter((cost) => findTerm(cost.category, lexicon.activityCosts) || findTerm(cost.item, lexicon.activityCosts))
      .reduce((total, cost) => total + cost.amount, 0);
    return covered >= planned ? [] : [{ path: 'accountPlan.costs', values: { planned: format.money(planned), covered: format.money(covered) } }];
  },
};

/** The cost list exists to tell the boss which costs matter; one priority for everything tells nothing. */
export const costsPrioritySplit: Rule = {
  id: 'costs-priority-split',
  severity: 'warning',
  section: 'accountPlan',
  check: ({ plan }) => {
    const costs = plan.accountPlan.costs;
    if (costs.length < 2 || new Set(costs.map((cost) => cost.priority)).size > 1) return [];
    return [{ path: 'accountPlan.costs', values: { priority: costs[0]!.priority, items: costs.length } }];
  },
};
