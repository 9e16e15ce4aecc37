// What changed between a previous plan and the current one (`render --compare`): figures only, worded by a template.
import { deriveFigures, sum, type Figures } from './derive.js';
import type { Kpi, KpiUnit, Plan, PlannedActivity } from './schema.js';

type KpiPeriod = Kpi['period'];

/** How a line compares: in both plans with another figure, only in the current plan, or only in the previous one. */
export type ChangeStatus = 'changed' | 'added' | 'dropped';

/** A figure before and after; `change` and `changePercent` are left out where they cannot be worked out. */
export interface FigureChange {
  previous?: number;
  current?: number;
  /** `current - previous`, in the unit of the figure. */
  change?: number;
  /** The change in percent points of the previous figure; left out when the previous figure is 0 or missing. */
  changePercent?: number;
}

export interface CostLineChange extends FigureChange {
  /** The item as the current plan writes it (as the previous one did, when dropped). */
  item: string;
  status: ChangeStatus;
  previous: number;
  current: number;
  change: number;
}

/** Cost lines summed into one row: the changed lines beyond the largest ones, or the unchanged lines. */
export interface CostLineGroup {
  count: number;
  previous: number;
  current: number;
  change: number;
}

export interface BudgetChanges {
  total: FigureChange & { previous: number; current: number };
  /** Whether the total or any cost line changed. */
  changed: boolean;
  /** The largest cost-line changes by amount, at most `MAX_COST_LINES`; empty when the currencies differ. */
  lines: CostLineChange[];
  /** The other changed lines, so that the change column adds up to the total's change. */
  otherLines?: CostLineGroup;
  /** The lines that did not change, so that each column adds up to its total. */
  unchangedLines?: CostLineGroup;
}

export interface KpiChange extends FigureChange {
  metric: string;
  unit: KpiUnit;
  /** The unit in the previous plan, when it was there (it may differ: then no change is worked out). */
  previousUnit: KpiUnit;
  status: ChangeStatus;
  /** A person's KPI (task allocation): whose, and per what period. */
  person?: string;
  period?: KpiPeriod;
  /** A KPI target by quarter (growth): the quarter whose target changed; left out for a KPI added or dropped as a whole. */
  quarter?: PeriodChange;
  /** A KPI by quarter added or dropped as a whole: its target for each quarter, in order. */
  targets?: number[];
}

/** A quarter, matched between the plans by its first and last day. */
export interface PeriodChange {
  /** Its number in the current plan; left out for a quarter the current plan no longer covers. */
  number?: number;
  start: string;
  end: string;
}

export interface ForecastQuarterChange extends FigureChange, PeriodChange {
  status: ChangeStatus;
}

export interface ForecastChanges {
  /** Whether the start or any quarter changed. */
  changed: boolean;
  /** Followers at the start, when both plans start on the same day and the figure changed. */
  baseline?: FigureChange & { start: string };
  /** Quarters whose forecast changed, and quarters only one plan covers, in date order. */
  quarters: ForecastQuarterChange[];
  /** The current plan's final figure, for the line that says nothing changed. */
  final: number;
}

export interface ActivityRef {
  name: string;
  start: string;
  end?: string;
  budget: number;
}

export interface PlanChanges {
  previous: { title: string; date: string; currency: string };
  current: { currency: string };
  /** When the currencies differ, money is shown in each plan's currency and never subtracted. */
  sameCurrency: boolean;
  /** Whether every amount of both plans is whole, so compared money prints without decimals. */
  wholeMoney: boolean;
  budget: BudgetChanges;
  kpis: KpiChange[];
  forecast: ForecastChanges;
  activities: { changed: boolean; added: ActivityRef[]; dropped: ActivityRef[] };
}

/** The most cost lines listed one by one; the rest are summed in one row. */
export const MAX_COST_LINES = 5;

/** Names are matched ignoring case, width variants and every space: "Photo shoots " matches "photo  Shoots". */
export function matchKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Compares two plans; every figure comes from `deriveFigures` of each, so it matches what each plan printed. */
export function comparePlans(previous: Plan, current: Plan): PlanChanges {
  const before = deriveFigures(previous);
  const after = deriveFigures(current);
  const sameCurrency = previous.meta.currency === current.meta.currency;
  return {
    previous: { title: previous.meta.title, date: previous.meta.date, currency: previous.meta.currency },
    current: { currency: current.meta.currency },
    sameCurrency,
    wholeMoney: before.wholeMoney && after.wholeMoney,
    budget: compareBudget(previous, current, sameCurrency),
    kpis: [...comparePlanKpis(before, after, sameCurrency), ...comparePersonKpis(previous, current, sameCurrency)],
    forecast: compareForecast(before, after),
    activities: compareActivities(previous, current),
  };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function difference(previous: number, current: number): FigureChange & { previous: number; current: number; change: number } {
  const change = current - previous;
  return previous === 0 ? { previous, current, change } : { previous, current, change, changePercent: (change / previous) * 100 };
}

/** Items keyed by name; a name used twice is told apart by its occurrence, so the second matches the second. */
function byOccurrence<T>(items: readonly T[], name: (item: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, T>();
  for (const item of items) {
    const key = matchKey(name(item));
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    keyed.set(occurrence === 1 ? key : `${key}#${occurrence}`, item);
  }
  return keyed;
}

function compareBudget(previous: Plan, current: Plan, sameCurrency: boolean): BudgetChanges {
  const before = costLines(previous);
  const after = costLines(current);
  const previousTotal = sum([...before.values()].map((line) => line.amount));
  const currentTotal = sum([...after.values()].map((line) => line.amount));
  if (!sameCurrency) return { total: { previous: previousTotal, current: currentTotal }, changed: true, lines: [] };

  const lines: CostLineChange[] = [];
  const unchanged: CostLineGroup = { count: 0, previous: 0, current: 0, change: 0 };
  for (const [key, line] of after) {
    const old = before.get(key);
    if (!old) lines.push({ item: line.item, status: 'added', ...difference(0, line.amount) });
    else if (!same(old.amount, line.amount)) lines.push({ item: line.item, status: 'changed', ...difference(old.amount, line.amount) });
    else {
      unchanged.count += 1;
      unchanged.previous += old.amount;
      unchanged.current += line.amount;
    }
  }
  for (const [key, line] of before) {
    if (!after.has(key)) lines.push({ item: line.item, status: 'dropped', ...difference(line.amount, 0) });
  }
  // Largest first; equal changes keep the order of the cost lists (current plan, then dropped lines).
  const ranked = lines.map((line, index) => ({ line, index })).sort((a, b) => Math.abs(b.line.change) - Math.abs(a.line.change) || a.index - b.index);
  const shown = ranked.slice(0, MAX_COST_LINES).map(({ line }) => line);
  const rest = ranked.slice(MAX_COST_LINES).map(({ line }) => line);
  const total = difference(previousTotal, currentTotal);
  const budget: BudgetChanges = { total, changed: lines.length > 0 || !same(previousTotal, currentTotal), lines: shown };
  if (rest.length > 0) {
    budget.otherLines = {
      count: rest.length,
      previous: sum(rest.map((line) => line.previous)),
      current: sum(rest.map((line) => line.current)),
      change: sum(rest.map((line) => line.change)),
    };
  }
  if (unchanged.count > 0) budget.unchangedLines = unchanged;
  return budget;
}

/** Cost lines by name; lines with the same name are one line with their amounts summed. */
function costLines(plan: Plan): Map<string, { item: string; amount: number }> {
  const lines = new Map<string, { item: string; amount: number }>();
  for (const cost of plan.accountPlan.costs) {
    const key = matchKey(cost.item);
    const line = lines.get(key);
    if (line) line.amount += cost.amount;
    else lines.set(key, { item: cost.item, amount: cost.amount });
  }
  return lines;
}

/** Money targets in two currencies are shown side by side, never subtracted; nor are targets in different units. */
function kpiDifference(previous: number, previousUnit: KpiUnit, current: number, unit: KpiUnit, sameCurrency: boolean): FigureChange | undefined {
  const comparable = previousUnit === unit && (unit !== 'money' || sameCurrency);
  if (!comparable) return { previous, current };
  if (same(previous, current)) return undefined;
  const { change } = difference(previous, current);
  return { previous, current, change };
}

const periodKey = (period: { start: string; end: string }) => `${period.start}/${period.end}`;

/** KPI targets by quarter (growth): one row per quarter whose target changed, one per KPI added or dropped. */
function comparePlanKpis(before: Figures, after: Figures, sameCurrency: boolean): KpiChange[] {
  const quartersOf = (figures: Figures) => new Map(figures.quarters.map((quarter, index) => [periodKey(quarter), index]));
  const beforeQuarters = quartersOf(before);
  const previousKpis = byOccurrence(before.kpisByQuarter, (kpi) => kpi.metric);
  const currentKpis = byOccurrence(after.kpisByQuarter, (kpi) => kpi.metric);
  const targetsOf = (figures: Figures, targets: number[]) => targets.slice(0, figures.quarters.length);
  const rows: KpiChange[] = [];
  for (const [key, kpi] of currentKpis) {
    const old = previousKpis.get(key);
    if (!old) {
      rows.push({ metric: kpi.metric, unit: kpi.unit, previousUnit: kpi.unit, status: 'added', targets: targetsOf(after, kpi.targets) });
      continue;
    }
    after.quarters.forEach((quarter, index) => {
      const target = kpi.targets[index];
      const oldIndex = beforeQuarters.get(periodKey(quarter));
      const oldTarget = oldIndex === undefined ? undefined : old.targets[oldIndex];
      if (target === undefined || oldTarget === undefined) return;
      const change = kpiDifference(oldTarget, old.unit, target, kpi.unit, sameCurrency);
      if (change) rows.push({ metric: kpi.metric, unit: kpi.unit, previousUnit: old.unit, status: 'changed', quarter: { ...quarter }, ...change });
    });
  }
  for (const [key, kpi] of previousKpis) {
    if (!currentKpis.has(key)) rows.push({ metric: kpi.metric, unit: kpi.unit, previousUnit: kpi.unit, status: 'dropped', targets: targetsOf(before, kpi.targets) });
  }
  return rows;
}

/** People's KPIs (task allocation), matched by person, metric and period: a target per month is not one per week. */
function comparePersonKpis(previous: Plan, current: Plan, sameCurrency: boolean): KpiChange[] {
  const kpisOf = (plan: Plan) => byOccurrence(
    plan.team.people.flatMap((person) => (person.kpis ?? []).map((kpi) => ({ ...kpi, person: person.name }))),
    (kpi) => `${kpi.person}\u0000${kpi.metric}\u0000${kpi.period}`,
  );
  const before = kpisOf(previous);
  const after = kpisOf(current);
  const rows: KpiChange[] = [];
  for (const [key, kpi] of after) {
    const old = before.get(key);
    const who = { metric: kpi.metric, unit: kpi.unit, person: kpi.person, period: kpi.period };
    if (!old) {
      rows.push({ ...who, previousUnit: kpi.unit, status: 'added', current: kpi.target });
      continue;
    }
    const change = kpiDifference(old.target, old.unit, kpi.target, kpi.unit, sameCurrency);
    if (change) rows.push({ ...who, previousUnit: old.unit, status: 'changed', ...change });
  }
  for (const [key, kpi] of before) {
    if (!after.has(key)) {
      rows.push({ metric: kpi.metric, unit: kpi.unit, person: kpi.person, period: kpi.period, previousUnit: kpi.unit, status: 'dropped', previous: kpi.target });
    }
  }
  return rows;
}

/** Followers at the end of each quarter, matched by the quarter's dates, not its number: plans move on. */
function compareForecast(before: Figures, after: Figures): ForecastChanges {
  const previousRows = new Map(before.forecast.rows.map((row) => [periodKey(row), row]));
  const currentKeys = new Set(after.forecast.rows.map(periodKey));
  const quarters: ForecastQuarterChange[] = [];
  for (const row of after.forecast.rows) {
    const old = previousRows.get(periodKey(row));
    const period = { number: row.number, start: row.start, end: row.end };
    if (!old) quarters.push({ ...period, status: 'added', current: row.followers });
    else if (old.followers !== row.followers) quarters.push({ ...period, status: 'changed', ...difference(old.followers, row.followers) });
  }
  for (const row of before.forecast.rows) {
    if (!currentKeys.has(periodKey(row))) quarters.push({ start: row.start, end: row.end, status: 'dropped', previous: row.followers });
  }
  quarters.sort((a, b) => a.start.localeCompare(b.start));
  const forecast: ForecastChanges = { changed: quarters.length > 0, quarters, final: after.forecast.final };
  if (before.horizon.start === after.horizon.start && before.forecast.baseline !== after.forecast.baseline) {
    forecast.baseline = { start: after.horizon.start, ...difference(before.forecast.baseline, after.forecast.baseline) };
    forecast.changed = true;
  }
  return forecast;
}

function compareActivities(previous: Plan, current: Plan): PlanChanges['activities'] {
  const before = byOccurrence(previous.activities.planned, (activity) => activity.name);
  const after = byOccurrence(current.activities.planned, (activity) => activity.name);
  const ref = ({ name, start, end, budget }: PlannedActivity): ActivityRef => (end ? { name, start, end, budget } : { name, start, budget });
  const added = [...after].filter(([key]) => !before.has(key)).map(([, activity]) => ref(activity));
  const dropped = [...before].filter(([key]) => !after.has(key)).map(([, activity]) => ref(activity));
  return { changed: added.length + dropped.length > 0, added, dropped };
}
