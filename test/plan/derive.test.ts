// Figures the plan prints, checked against sums and rates computed here from the raw answers.
import { describe, expect, it } from 'vitest';
import { deriveFigures, planQuarters } from '../../src/plan/derive.js';
import { loadPlan } from '../../src/plan/load.js';
import { EXAMPLES, rawAnswers } from '../helpers.js';

describe.each(Object.entries(EXAMPLES))('figures of the %s example', (_, file) => {
  const raw = rawAnswers(file);
  const costs = raw.accountPlan.costs as Array<{ amount: number; category: string; priority: string }>;

  it('totals the cost list overall, by priority and by category', async () => {
    const { budget } = deriveFigures((await loadPlan(file)).plan);
    let total = 0;
    let essential = 0;
    const byCategory: Record<string, number> = {};
    for (const cost of costs) {
      total += cost.amount;
      if (cost.priority === 'essential') essential += cost.amount;
      byCategory[cost.category] = (byCategory[cost.category] ?? 0) + cost.amount;
    }
    expect(budget.total).toBe(total);
    expect(budget.essential.total).toBe(essential);
    expect(budget.optional.total).toBe(total - essential);
    expect(Object.fromEntries(budget.byCategory.map((entry) => [entry.category, entry.total]))).toEqual(byCategory);
    expect(budget.byCategory.reduce((sum, entry) => sum + entry.sharePercent, 0)).toBeCloseTo(100, 9);
  });

  it('computes conversion rates of past activities', async () => {
    const figures = deriveFigures((await loadPlan(file)).plan);
    const past = raw.activities.past as Array<{ applicants: number; conversions: number; cost: number }>;
    figures.pastActivities.forEach((activity, index) => {
      expect(activity.conversionPercent).toBeCloseTo((past[index]!.conversions / past[index]!.applicants) * 100, 9);
      expect(activity.costPerConversion).toBeCloseTo(past[index]!.cost / past[index]!.conversions, 9);
    });
    const applicants = past.reduce((sum, activity) => sum + activity.applicants, 0);
    const conversions = past.reduce((sum, activity) => sum + activity.conversions, 0);
    expect(figures.pastTotals).toMatchObject({ applicants, conversions });
    expect(figures.pastTotals!.conversionPercent).toBeCloseTo((conversions / applicants) * 100, 9);
  });

  it('builds one forecast row per quarter that adds up to the final figure', async () => {
    const figures = deriveFigures((await loadPlan(file)).plan);
    const { forecast } = figures;
    expect(forecast.rows).toHaveLength(raw.meta.horizon.quarters);
    expect(forecast.baseline + forecast.rows.reduce((sum, row) => sum + row.netNew, 0)).toBe(forecast.final);
  });
});

describe('growth forecast', () => {
  it('compounds a quarterly rate on the exact figure and rounds only for display', async () => {
    const { plan } = await loadPlan(EXAMPLES.en);
    const { forecast } = deriveFigures(plan);
    const rate = rawAnswers(EXAMPLES.en).growth.quarterlyGrowthPercent as number;
    const baseline = rawAnswers(EXAMPLES.en).growth.baseline.followers as number;
    expect(forecast.rows.map((row) => row.followers)).toEqual([1, 2, 3, 4].map((quarter) => Math.round(baseline * (1 + rate / 100) ** quarter)));
    expect(forecast.uniformRate).toBe(rate);
  });

  it('takes explicit targets as they are and shows the growth each implies', async () => {
    const { plan } = await loadPlan(EXAMPLES.zh);
    const { forecast } = deriveFigures(plan);
    const targets = rawAnswers(EXAMPLES.zh).growth.targets as number[];
    expect(forecast.rows.map((row) => row.followers)).toEqual(targets);
    expect(forecast.rows[0]!.growthPercent).toBeCloseTo(((targets[0]! - 186) / 186) * 100, 9);
    expect(forecast.fromRate).toBe(false);
  });
});

describe('plan quarters', () => {
  it('are consecutive three-month periods from the start date', () => {
    expect(planQuarters('2027-01-01', 2)).toEqual([
      { number: 1, start: '2027-01-01', end: '2027-03-31' },
      { number: 2, start: '2027-04-01', end: '2027-06-30' },
    ]);
    expect(planQuarters('2027-11-30', 1)).toEqual([{ number: 1, start: '2027-11-30', end: '2028-02-28' }]);
  });
});
