// Cost-list rules: amounts, room for the planned activities, an activities line, essential versus optional.
import { describe, expect, it } from 'vitest';
import { exampleAnswers, findingsOf, variant } from '../fixtures/review/variants.js';

const cny = (amount: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(amount);
const answers = exampleAnswers('en');
const costTotal = answers.accountPlan.costs.reduce((total, cost) => total + cost.amount, 0);
const plannedOthers = answers.activities.planned.slice(0, 2).reduce((total, activity) => total + activity.budget, 0);

describe('costs-total', () => {
  it('is an error when every cost is 0', () => {
    const plan = variant('en', (changed) => {
      for (const cost of changed.accountPlan.costs) cost.amount = 0;
    });
    expect(findingsOf(plan, 'costs-total')).toMatchObject([{ severity: 'error', section: 'accountPlan', path: 'accountPlan.costs' }]);
  });

  it('is quiet when the cost list has amounts', () => {
    expect(findingsOf(variant('en'), 'costs-total')).toEqual([]);
  });
});

describe('planned-budget-over-costs', () => {
  it('is an error when planned activities need more than the whole cost list, naming the gap', () => {
    const plan = variant('en', (changed) => {
      changed.activities.planned[2]!.budget = 100_000;
    });
    const planned = plannedOthers + 100_000;
    const [finding] = findingsOf(plan, 'planned-budget-over-costs');
    expect(finding).toMatchObject({ severity: 'error', path: 'accountPlan.costs' });
    expect(finding!.message).toBe(`Planned activities need ${cny(planned)}, but the whole cost list comes to ${cny(costTotal)}: ${cny(planned - costTotal)} is not budgeted.`);
  });

  it('accepts planned budgets that use the whole cost list exactly', () => {
    const plan = variant('en', (changed) => {
      changed.activities.planned[2]!.budget = costTotal - plannedOthers;
    });
    expect(findingsOf(plan, 'planned-budget-over-costs')).toEqual([]);
  });
});

describe('activity-costs-missing', () => {
  it('warns when the activity items of the cost list do not cover the planned budgets', () => {
    const plan = variant('en', (changed) => {
      const activities = changed.accountPlan.costs.find((cost) => cost.category === 'Activities')!;
      activities.amount = 30_000;
    });
    const [finding] = findingsOf(plan, 'activity-costs-missing');
    expect(finding).toMatchObject({ severity: 'warning', path: 'accountPlan.costs' });
    expect(finding!.message).toContain(`need ${cny(plannedOthers + answers.activities.planned[2]!.budget)}`);
    expect(finding!.message).toContain(`come to ${cny(30_000)}`);
  });

  it('finds no activity line when it is filed under another name', () => {
    const plan = variant('en', (changed) => {
      Object.assign(changed.accountPlan.costs.find((cost) => cost.category === 'Activities')!, { category: 'Marketing', item: 'Spring and summer budget' });
    });
    expect(findingsOf(plan, 'activity-costs-missing')[0]!.message).toContain(`come to ${cny(0)}`);
  });

  it('is quiet when the activities line covers the planned budgets, in English or Chinese', () => {
    expect(findingsOf(variant('en'), 'activity-costs-missing')).toEqual([]);
    expect(findingsOf(variant('zh'), 'activity-costs-missing', 'zh-CN')).toEqual([]);
  });
});

describe('costs-priority-split', () => {
  it('warns when every cost has the same priority', () => {
    const plan = variant('en', (changed) => {
      for (const cost of changed.accountPlan.costs) cost.priority = 'essential';
    });
    const [finding] = findingsOf(plan, 'costs-priority-split');
    expect(finding).toMatchObject({ severity: 'warning', path: 'accountPlan.costs' });
    expect(finding!.message).toContain(`(${answers.accountPlan.costs.length})`);
  });

  it('is quiet for a split list, and for a single item', () => {
    expect(findingsOf(variant('en'), 'costs-priority-split')).toEqual([]);
    const single = variant('en', (changed) => {
      changed.accountPlan.costs = [{ item: 'Everything', category: 'Activities', amount: 200_000, priority: 'essential' }];
    });
    expect(findingsOf(single, 'costs-priority-split')).toEqual([]);
  });
});
