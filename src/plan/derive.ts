// Every figure the plan shows is computed here, once, from the raw answers; templates only place them.
import type { CostItem, KpiUnit, PastActivity, Plan, PlannedActivity } from './schema.js';

export interface Share {
  total: number;
  /** Percent points of the cost-list total. */
  sharePercent: number;
}

export interface CategoryTotal extends Share {
  category: string;
  items: number;
}

export interface Budget {
  total: number;
  items: number;
  byCategory: CategoryTotal[];
  essential: Share;
  optional: Share;
}

/** A past activity with its computed rates. */
export interface PastActivityFigures extends PastActivity {
  /** Conversions per applicant, in percent points; undefined when nobody applied. */
  conversionPercent?: number;
  costPerApplicant?: number;
  costPerConversion?: number;
}

export interface ActivityTotals {
  applicants: number;
  conversions: number;
  cost: number;
  conversionPercent?: number;
  costPerConversion?: number;
}

/** A planned activity with its computed length and cost per participant. */
export interface PlannedActivityFigures extends PlannedActivity {
  days: number;
  costPerParticipant?: number;
}

export interface Quarter {
  /** 1-based number within the plan. */
  number: number;
  start: string;
  end: string;
}

export interface ForecastRow extends Quarter {
  /** Followers at the end of the quarter, rounded to whole followers. */
  followers: number;
  netNew: number;
  /** Growth over the previous quarter, in percent points. */
  growthPercent: number;
}

export interface Forecast {
  baseline: number;
  rows: ForecastRow[];
  final: number;
  totalNew: number;
  /** Growth over the whole horizon, in percent points. */
  totalGrowthPercent: number;
  /** Whether the rows came from a growth rate (true) or from explicit targets (false). */
  fromRate: boolean;
  /** The growth rate per quarter when one rate is given for every quarter. */
  uniformRate?: number;
  /** The growth rate of each quarter when rates differ per quarter. */
  rates?: number[];
}

export interface CalendarFigures {
  /** Whether any slot says if it is activity-related. */
  marked: boolean;
  /** Share of slots that promote or run an activity, in percent points. */
  activityPercent: number;
}

export interface KpiQuarterRow {
  metric: string;
  unit: KpiUnit;
  targets: number[];
}

export interface CommissionBand {
  from: number;
  /** Upper bound of the band; undefined for the top tier. */
  to?: number;
  ratePercent: number;
}

export interface Figures {
  horizon: { start: string; end: string };
  budget: Budget;
  calendar: CalendarFigures;
  pastActivities: PastActivityFigures[];
  pastTotals?: ActivityTotals;
  plannedActivities: PlannedActivityFigures[];
  plannedBudget: Share;
  quarters: Quarter[];
  forecast: Forecast;
  kpisByQuarter: KpiQuarterRow[];
  commission: CommissionBand[];
  /** Whether every money amount in the answers is whole, so the plan can print amounts without decimals. */
  wholeMoney: boolean;
}

export function deriveFigures(plan: Plan): Figures {
  const budget = deriveBudget(plan.accountPlan.costs);
  const quarters = planQuarters(plan.meta.horizon.start, plan.meta.horizon.quarters);
  const plannedTotal = sum(plan.activities.planned.map((activity) => activity.budget));
  const slots = plan.accountPlan.contentCalendar;
  return {
    horizon: { start: plan.meta.horizon.start, end: quarters.at(-1)?.end ?? plan.meta.horizon.start },
    budget,
    calendar: {
      marked: slots.some((slot) => slot.activityRelated !== undefined),
      activityPercent: ratioPercent(slots.filter((slot) => slot.activityRelated).length, slots.length),
    },
    ...derivePast(plan),
    plannedActivities: plan.activities.planned.map((activity) => {
      const figures: PlannedActivityFigures = { ...activity, days: daysBetween(activity.start, activity.end ?? activity.start) + 1 };
      if (activity.expectedParticipants) figures.costPerParticipant = activity.budget / activity.expectedParticipants;
      return figures;
    }),
    plannedBudget: { total: plannedTotal, sharePercent: ratioPercent(plannedTotal, budget.total) },
    quarters,
    forecast: deriveForecast(plan, quarters),
    kpisByQuarter: (plan.growth.kpis ?? []).map((kpi) => ({ metric: kpi.metric, unit: kpi.unit, targets: kpi.targets })),
    commission: (plan.team.commission ?? []).map((tier, index, tiers) => {
      const next = tiers[index + 1];
      return next ? { from: tier.threshold, to: next.threshold, ratePercent: tier.ratePercent } : { from: tier.threshold, ratePercent: tier.ratePercent };
    }),
    wholeMoney: moneyAmounts(plan).every((amount) => Number.isInteger(amount)),
  };
}

export function deriveBudget(costs: readonly CostItem[]): Budget {
  const total = sum(costs.map((cost) => cost.amount));
  const categories = new Map<string, { total: number; items: number }>();
  for (const cost of costs) {
    const entry = categories.get(cost.category) ?? { total: 0, items: 0 };
    entry.total += cost.amount;
    entry.items += 1;
    categories.set(cost.category, entry);
  }
  const share = (amount: number): Share => ({ total: amount, sharePercent: ratioPercent(amount, total) });
  return {
    total,
    items: costs.length,
    byCategory: [...categories].map(([category, entry]) => ({ category, items: entry.items, ...share(entry.total) })),
    essential: share(sum(costs.filter((cost) => cost.priority === 'essential').map((cost) => cost.amount))),
    optional: share(sum(costs.filter((cost) => cost.priority === 'optional').map((cost) => cost.amount))),
  };
}

function derivePast(plan: Plan): Pick<Figures, 'pastActivities' | 'pastTotals'> {
  const past = plan.activities.past ?? [];
  const pastActivities = past.map((activity) => {
    const figures: PastActivityFigures = { ...activity };
    if (activity.applicants > 0) {
      figures.conversionPercent = ratioPercent(activity.conversions, activity.applicants);
      figures.costPerApplicant = activity.cost / activity.applicants;
    }
    if (activity.conversions > 0) figures.costPerConversion = activity.cost / activity.conversions;
    return figures;
  });
  if (past.length === 0) return { pastActivities };
  const totals: ActivityTotals = {
    applicants: sum(past.map((activity) => activity.applicants)),
    conversions: sum(past.map((activity) => activity.conversions)),
    cost: sum(past.map((activity) => activity.cost)),
  };
  if (totals.applicants > 0) totals.conversionPercent = ratioPercent(totals.conversions, totals.applicants);
  if (totals.conversions > 0) totals.costPerConversion = totals.cost / totals.conversions;
  return { pastActivities, pastTotals: totals };
}

/** Consecutive three-month periods from the horizon's start date. */
export function planQuarters(start: string, count: number): Quarter[] {
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    start: addMonths(start, 3 * index),
    end: addDays(addMonths(start, 3 * (index + 1)), -1),
  }));
}

function deriveForecast(plan: Plan, quarters: Quarter[]): Forecast {
  const { growth } = plan;
  const baseline = growth.baseline.followers;
  const rate = growth.quarterlyGrowthPercent;
  const fromRate = rate !== undefined;
  // Followers compound on the exact figure; each quarter is rounded only for display, so the
  // net-new column is the difference of the rounded figures and the table adds up.
  let exact = baseline;
  const ends = quarters.map((_, index) => {
    if (fromRate) {
      const percent = Array.isArray(rate) ? rate[index] ?? 0 : rate;
      exact *= 1 + percent / 100;
      return Math.round(exact);
    }
    return growth.targets?.[index] ?? baseline;
  });
  const rows = quarters.map((quarter, index): ForecastRow => {
    const before = index === 0 ? baseline : ends[index - 1]!;
    const followers = ends[index]!;
    return { ...quarter, followers, netNew: followers - before, growthPercent: ratioPercent(followers - before, before) };
  });
  const final = rows.at(-1)?.followers ?? baseline;
  const forecast: Forecast = { baseline, rows, final, totalNew: final - baseline, totalGrowthPercent: ratioPercent(final - baseline, baseline), fromRate };
  if (typeof rate === 'number') forecast.uniformRate = rate;
  if (Array.isArray(rate)) forecast.rates = rate;
  return forecast;
}

function moneyAmounts(plan: Plan): number[] {
  return [
    ...plan.accountPlan.costs.map((cost) => cost.amount),
    ...(plan.activities.past ?? []).flatMap((activity) => [activity.cost, ...(activity.sales === undefined ? [] : [activity.sales])]),
    ...plan.activities.planned.map((activity) => activity.budget),
    ...(plan.team.commission ?? []).map((tier) => tier.threshold),
  ];
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** `part` as percent points of `whole`; 0 when the whole is 0, so an empty plan shows 0 %, not NaN. */
function ratioPercent(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
