// Comparing a plan with its previous version: every figure checked against sums worked out here from the raw answers.
import { describe, expect, it } from 'vitest';
import { plainText, type Block } from '../../src/doc/types.js';
import { comparePlans, MAX_COST_LINES } from '../../src/plan/compare.js';
import { composePlan } from '../../src/render.js';
import { reviewAppendix } from '../../src/review/index.js';
import { exampleAnswers, variant } from '../fixtures/review/variants.js';

const costsOf = (example: 'en' | 'zh') => exampleAnswers(example).accountPlan.costs.map((cost) => ({ item: cost.item, amount: cost.amount }));
const rawTotal = (example: 'en' | 'zh') => costsOf(example).reduce((total, cost) => total + cost.amount, 0);
const sections = (body: Block[]) =>
  body.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading' && block.level === 1).map((heading) => plainText(heading.content));

describe('comparePlans: budget', () => {
  it('shows a changed and an added cost line with the total before and after, its change and percent', () => {
    const previous = variant('en');
    const current = variant('en', (answers) => {
      answers.accountPlan.costs[0]!.amount = 30000; // Photo shoots (monthly): 24,000 before
      answers.accountPlan.costs.push({ item: 'Mini-program ads', category: 'Advertising', amount: 5000, priority: 'optional' });
    });
    const before = rawTotal('en');
    const after = before - 24000 + 30000 + 5000;
    const { budget, sameCurrency } = comparePlans(previous, current);
    expect(sameCurrency).toBe(true);
    expect(budget.changed).toBe(true);
    expect(budget.total).toEqual({ previous: before, current: after, change: 11000, changePercent: (11000 / before) * 100 });
    expect(budget.lines).toEqual([
      { item: 'Photo shoots (monthly)', status: 'changed', previous: 24000, current: 30000, change: 6000, changePercent: 25 },
      { item: 'Mini-program ads', status: 'added', previous: 0, current: 5000, change: 5000 },
    ]);
    const unchanged = costsOf('en').length - 1;
    expect(budget.unchangedLines).toEqual({ count: unchanged, previous: before - 24000, current: before - 24000, change: 0 });
    expect(budget.otherLines).toBeUndefined();
  });

  it('matches cost items whatever their case and spaces, and shows a dropped line at 0', () => {
    const previous = variant('en');
    const current = variant('en', (answers) => {
      answers.accountPlan.costs[0]!.item = '  photo   SHOOTS (Monthly) ';
      answers.accountPlan.costs = answers.accountPlan.costs.filter((cost) => cost.item !== 'Influencer collaboration');
    });
    const { budget } = comparePlans(previous, current);
    expect(budget.lines).toEqual([{ item: 'Influencer collaboration', status: 'dropped', previous: 15000, current: 0, change: -15000, changePercent: -100 }]);
    expect(budget.total.change).toBe(-15000);
  });

  it('lists the five largest changes by amount and sums the others, so every column adds up to its total', () => {
    const raise = [500, -7000, 3000, 12000, -250, 900, 4000];
    const previous = variant('en');
    const current = variant('en', (answers) => {
      answers.accountPlan.costs.forEach((cost, index) => {
        cost.amount += raise[index]!;
      });
    });
    const costs = costsOf('en');
    const { budget } = comparePlans(previous, current);
    expect(costs).toHaveLength(raise.length);
    expect(budget.lines).toHaveLength(MAX_COST_LINES);
    expect(budget.lines.map((line) => line.change)).toEqual([12000, -7000, 4000, 3000, 900]);
    expect(budget.lines[0]!.item).toBe(costs[3]!.item);
    expect(budget.otherLines).toEqual({ count: 2, previous: costs[0]!.amount + costs[4]!.amount, current: costs[0]!.amount + 500 + costs[4]!.amount - 250, change: 250 });
    expect(budget.unchangedLines).toBeUndefined();
    const column = (pick: (row: { previous: number; current: number; change: number }) => number) =>
      budget.lines.reduce((total, line) => total + pick(line), 0) + pick(budget.otherLines!);
    expect(column((row) => row.change)).toBe(budget.total.change);
    expect(column((row) => row.previous)).toBe(budget.total.previous);
    expect(column((row) => row.current)).toBe(budget.total.current);
    expect(budget.total.change).toBe(raise.reduce((total, amount) => total + amount, 0));
  });

  it('never subtracts money in two currencies, and shows both totals', () => {
    const previous = variant('en', (answers) => {
      answers.meta.currency = 'USD';
    });
    const current = variant('en', (answers) => {
      answers.accountPlan.costs[0]!.amount = 30000;
      answers.team.people[0]!.kpis!.push({ metric: 'Sales per month', target: 20000, unit: 'money', period: 'month' });
    });
    const before = variant('en', (answers) => {
      answers.meta.currency = 'USD';
      answers.team.people[0]!.kpis!.push({ metric: 'Sales per month', target: 20000, unit: 'money', period: 'month' });
    });
    const changes = comparePlans(previous, current);
    expect(changes.sameCurrency).toBe(false);
    expect(changes.previous.currency).toBe('USD');
    expect(changes.budget.total).toEqual({ previous: rawTotal('en'), current: rawTotal('en') + 6000 });
    expect(changes.budget.lines).toEqual([]);
    // The same figure in another currency is another amount: listed, but without a difference.
    const sales = comparePlans(before, current).kpis.find((kpi) => kpi.metric === 'Sales per month')!;
    expect(sales).toMatchObject({ status: 'changed', previous: 20000, current: 20000 });
    expect(sales.change).toBeUndefined();
  });
});

describe('comparePlans: KPIs, forecast and activities', () => {
  it('lists changed quarterly targets by quarter, and KPIs added or dropped, by name', () => {
    const previous = variant('en');
    const current = variant('en', (answers) => {
      const kpis = answers.growth.kpis!;
      kpis[2]!.targets = [4.5, 5, 6, 6.5]; // Share rate: 5.5 and 6 before in Q3 and Q4
      kpis.splice(1, 1); // Orders through the account
      kpis.push({ metric: 'Mini-program visits', unit: 'count', targets: [1000, 1200, 1400, 1600] });
      kpis[0]!.metric = 'average READS per article';
      answers.team.people[0]!.kpis![0]!.target = 1000; // Mia Chen, average reads: 900 a month before
      answers.team.people[1]!.kpis!.pop(); // Ava Li, video completion rate
    });
    const { kpis } = comparePlans(previous, current);
    expect(kpis).toEqual([
      { metric: 'Share rate', unit: 'percent', previousUnit: 'percent', status: 'changed', quarter: { number: 3, start: '2027-07-01', end: '2027-09-30' }, previous: 5.5, current: 6, change: 0.5 },
      { metric: 'Share rate', unit: 'percent', previousUnit: 'percent', status: 'changed', quarter: { number: 4, start: '2027-10-01', end: '2027-12-31' }, previous: 6, current: 6.5, change: 0.5 },
      { metric: 'Mini-program visits', unit: 'count', previousUnit: 'count', status: 'added', targets: [1000, 1200, 1400, 1600] },
      { metric: 'Orders through the account', unit: 'count', previousUnit: 'count', status: 'dropped', targets: [350, 480, 620, 800] },
      { metric: 'Average reads per article', unit: 'count', previousUnit: 'count', person: 'Mia Chen', period: 'month', status: 'changed', previous: 900, current: 1000, change: 100 },
      { metric: 'Video completion rate', unit: 'percent', previousUnit: 'percent', person: 'Ava Li', period: 'month', status: 'dropped', previous: 35 },
    ]);
  });

  it('compares the followers forecast quarter by quarter', () => {
    const answers = exampleAnswers('en');
    const baseline = answers.growth.baseline.followers;
    const previous = variant('en');
    const current = variant('en', (changed) => {
      changed.growth.quarterlyGrowthPercent = 40;
    });
    const forecast = (rate: number) => [1, 2, 3, 4].map((quarter) => Math.round(baseline * (1 + rate / 100) ** quarter));
    const before = forecast(answers.growth.quarterlyGrowthPercent as number);
    const after = forecast(40);
    const { forecast: changes } = comparePlans(previous, current);
    expect(changes.changed).toBe(true);
    expect(changes.baseline).toBeUndefined();
    expect(changes.final).toBe(after[3]);
    expect(changes.quarters.map((row) => [row.number, row.status, row.previous, row.current, row.change])).toEqual(
      [0, 1, 2, 3].map((index) => [index + 1, 'changed', before[index], after[index], after[index]! - before[index]!]),
    );
    expect(changes.quarters[3]!.changePercent).toBeCloseTo(((after[3]! - before[3]!) / before[3]!) * 100, 9);
  });

  it('matches quarters by their dates when the next plan starts a quarter later', () => {
    const previous = variant('en', (answers) => {
      answers.growth.quarterlyGrowthPercent = undefined;
      answers.growth.targets = [2000, 2600, 3200, 4000];
    });
    const current = variant('en', (answers) => {
      answers.meta.horizon.start = '2027-04-01';
      answers.growth.baseline.followers = 2100;
      answers.growth.quarterlyGrowthPercent = undefined;
      answers.growth.targets = [2600, 3300, 4000, 4800];
    });
    const { forecast, kpis } = comparePlans(previous, current);
    expect(forecast.baseline).toBeUndefined();
    expect(forecast.quarters.map((row) => [row.start, row.number, row.status, row.previous, row.current])).toEqual([
      ['2027-01-01', undefined, 'dropped', 2000, undefined],
      ['2027-07-01', 2, 'changed', 3200, 3300],
      ['2028-01-01', 4, 'added', undefined, 4800],
    ]);
    // KPI targets are compared in the quarters both plans cover: Apr-Jun 2027 is Q2 before and Q1 now.
    const reads = kpis.filter((kpi) => kpi.metric === 'Average reads per article' && kpi.quarter);
    expect(reads.map((kpi) => [kpi.quarter!.start, kpi.previous, kpi.current])).toEqual([
      ['2027-04-01', 950, 800],
      ['2027-07-01', 1100, 950],
      ['2027-10-01', 1250, 1100],
    ]);
  });

  it('lists planned activities added and dropped, by name', () => {
    const previous = variant('en');
    const current = variant('en', (answers) => {
      answers.activities.planned[0]!.name = 'NEW YEAR   capsule preview';
      answers.activities.planned.splice(1, 1);
      answers.activities.planned.push({ name: 'Autumn trunk show', start: '2027-09-10', goal: 'Show the line.', mechanics: 'Invitations.', owner: 'Mia Chen', budget: 9000 });
    });
    expect(comparePlans(previous, current).activities).toEqual({
      changed: true,
      added: [{ name: 'Autumn trunk show', start: '2027-09-10', budget: 9000 }],
      dropped: [{ name: 'Spring wardrobe swap', start: '2027-03-20', end: '2027-03-21', budget: 8000 }],
    });
  });

  it('finds nothing to report between a plan and itself', () => {
    const plan = variant('zh');
    const changes = comparePlans(plan, plan);
    expect(changes.budget).toMatchObject({ changed: false, lines: [], total: { previous: rawTotal('zh'), current: rawTotal('zh'), change: 0 } });
    expect(changes.kpis).toEqual([]);
    expect(changes.forecast).toMatchObject({ changed: false, quarters: [] });
    expect(changes.activities.changed).toBe(false);
  });
});

describe('the changes section of a plan', () => {
  it('comes after the growth forecast and before the review appendix, in the plan\'s language', () => {
    const plan = variant('en');
    const changes = comparePlans(variant('en', (answers) => {
      answers.accountPlan.costs[0]!.amount = 20000;
    }), plan);
    const { doc, markdown } = composePlan(plan, { changes, review: reviewAppendix(plan) });
    expect(sections(doc.body).slice(6)).toEqual(['Growth forecast', 'Changes since the last plan', 'Appendix: plan review']);
    expect(markdown).toContain('| Photo shoots (monthly) | CN¥20,000 | CN¥24,000 | +CN¥4,000 | +20% |');

    const zh = variant('zh');
    expect(sections(composePlan(zh, { changes: comparePlans(zh, zh) }).doc.body)[7]).toBe('与上一版方案相比的变化');
  });

  it('says in one line when a part did not change, instead of printing an empty table', () => {
    const plan = variant('en');
    const { markdown, doc } = composePlan(plan, { changes: comparePlans(plan, plan) });
    const section = markdown.slice(markdown.indexOf('## Changes since the last plan'));
    expect(section).toContain('The cost list is unchanged: CN¥101,000 in total.');
    expect(section).toContain('No KPI target changed.');
    expect(section).toContain('The followers forecast is unchanged: 6,145 at the end of the plan.');
    expect(section).toContain('No planned activity was added or dropped.');
    const start = doc.body.findIndex((block) => block.type === 'heading' && plainText(block.content) === 'Changes since the last plan');
    expect(doc.body.slice(start).some((block) => block.type === 'table')).toBe(false);
  });

  it('shows both totals in their own currencies when the currencies differ', () => {
    const plan = variant('en');
    const previous = variant('en', (answers) => {
      answers.meta.currency = 'USD';
    });
    const { markdown } = composePlan(plan, { changes: comparePlans(previous, plan) });
    expect(markdown).toContain('The last plan was in USD and this one is in CNY, so amounts are not compared: the total budget was $101,000 and is now CN¥101,000.');
    const section = markdown.slice(markdown.indexOf('## Changes since the last plan'));
    expect(section).not.toContain('Total budget');
    expect(section).not.toContain('opsplan:table kinds=text,money');
  });
});
