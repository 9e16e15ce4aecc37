// Section 7: a year of forecast, KPIs that agree with it, and growth that past data can support.
import type { Kpi } from '../../plan/schema.js';
import { findTerm, trialMonths } from '../text.js';
import type { Rule, RuleHit } from '../types.js';

/** The boss wants a year ahead, listed every three months. */
export const MIN_QUARTERS = 4;
/** A quarterly KPI may differ this much (as a share) from the forecast before it disagrees with it. */
export const KPI_TOLERANCE = 0.1;
/** One person's newcomer target may exceed the forecast's best quarter by this share before it cannot be true. */
export const PERSON_TOLERANCE = 0.2;
/** Without past data, growth above this many percent points a quarter is a hope, not a forecast. */
export const MAX_UNSUPPORTED_GROWTH_PERCENT = 50;
/** The forecast may outpace the trial by this factor before it is "far above" it. */
export const TRIAL_PACE_FACTOR = 1.5;
/** The domain's trial runs the first one to two months; when its length cannot be read, two is assumed. */
export const ASSUMED_TRIAL_MONTHS = 2;
/** Below this size a group rarely reaches the activity rate healthy communities have. */
export const MIN_ACTIVE_GROUP = 150;
export const HEALTHY_ACTIVITY_PERCENT = 30;

const PERIODS_PER_QUARTER: Record<Kpi['period'], number> = { day: 365.25 / 4, week: 13, month: 3, quarter: 1 };

export const forecastFourQuarters: Rule = {
  id: 'forecast-four-quarters',
  severity: 'error',
  section: 'growth',
  check: ({ plan }) =>
    (plan.meta.horizon.quarters >= MIN_QUARTERS ? [] : [{ path: 'meta.horizon.quarters', values: { quarters: plan.meta.horizon.quarters, min: MIN_QUARTERS } }]),
};

/** Follower KPIs are the forecast seen from another side: the two must tell the same story. */
export const kpiForecastMismatch: Rule = {
  id: 'kpi-forecast-mismatch',
  severity: 'warning',
  section: 'growth',
  check: ({ plan, figures, format, lexicon }) => {
    const rows = figures.forecast.rows;
    const hits: RuleHit[] = [];
    plan.growth.kpis?.forEach((kpi, index) => {
      if (kpi.unit !== 'count' || !findTerm(kpi.metric, lexicon.followers)) return;
      const newcomers = findTerm(kpi.metric, lexicon.newcomers) !== undefined;
      const expectedAt = (quarter: number) => (newcomers ? rows[quarter]?.netNew : rows[quarter]?.followers);
      const quarter = kpi.targets.findIndex((target, at) => {
        const expected = expectedAt(at);
        return expected !== undefined && Math.abs(target - expected) > Math.max(1, Math.abs(expected) * KPI_TOLERANCE);
      });
      if (quarter < 0) return;
      hits.push({
        path: `growth.kpis[${index}].targets[${quarter}]`,
        variant: newcomers ? 'newcomers' : 'total',
        values: { metric: kpi.metric, quarter: `Q${quarter + 1}`, target: format.number(kpi.targets[quarter]!), forecast: format.number(expectedAt(quarter)!) },
      });
    });
    const bestQuarter = Math.max(0, ...rows.map((row) => row.netNew));
    plan.team.people.forEach((person, personIndex) => person.kpis?.forEach((kpi, kpiIndex) => {
      if (kpi.unit !== 'count' || !findTerm(kpi.metric, lexicon.followers) || !findTerm(kpi.metric, lexicon.newcomers)) return;
      const perQuarter = Math.round(kpi.target * PERIODS_PER_QUARTER[kpi.period]);
      if (perQuarter <= bestQuarter * (1 + PERSON_TOLERANCE)) return;
      hits.push({
        path: `team.people[${personIndex}].kpis[${kpiIndex}].target`,
        section: 'team',
        variant: 'person',
        values: {
          name: person.name, metric: kpi.metric, target: format.number(kpi.target), period: { label: `periods.${kpi.period}` },
          perQuarter: format.number(perQuarter), forecast: format.number(bestQuarter),
        },
      });
    }));
    return hits;
  },
};

const isPercentUnit = (unit: string | undefined) => unit !== undefined && /^\s*(?:%|％|percent|百分比)\s*$/iu.test(unit);

/** Growth is judged against the trial's pace when the trial counted followers, else against a ceiling. */
export const growthUnsupported: Rule = {
  id: 'growth-unsupported',
  severity: 'warning',
  section: 'growth',
  check: ({ plan, figures, format, lexicon }) => {
    const rows = figures.forecast.rows;
    if (rows.length === 0) return [];
    const path = plan.growth.targets ? 'growth.targets' : 'growth.quarterlyGrowthPercent';
    const trial = plan.value.trial;
    const gained = trial?.metrics.find((metric) => metric.value > 0 && !isPercentUnit(metric.unit)
      && (findTerm(metric.metric, lexicon.followers) || (metric.unit !== undefined && findTerm(metric.unit, lexicon.followers))));
    if (trial && gained) {
      const months = trialMonths(trial.period) ?? ASSUMED_TRIAL_MONTHS;
      const pace = (gained.value / months) * 3;
      const best = rows.reduce((top, row) => (row.netNew > top.netNew ? row : top));
      if (best.netNew <= pace * TRIAL_PACE_FACTOR) return [];
      return [{
        path,
        variant: 'trial',
        values: {
          quarter: `Q${best.number}`, netNew: format.number(best.netNew), pace: format.number(Math.round(pace)),
          gained: format.number(gained.value), months: format.number(Math.round(months * 10) / 10),
        },
      }];
    }
    // The rate as answered, where there is one: rounding followers to whole people must not push 50 % over 50 %.
    const given = plan.growth.quarterlyGrowthPercent;
    const rateOf = (index: number) => (given === undefined ? rows[index]!.growthPercent : Array.isArray(given) ? given[index] ?? 0 : given);
    const fastest = rows.map((_, index) => index).reduce((top, index) => (rateOf(index) > rateOf(top) ? index : top), 0);
    if (rateOf(fastest) <= MAX_UNSUPPORTED_GROWTH_PERCENT) return [];
    return [{
      path,
      variant: 'noData',
      values: { quarter: `Q${fastest + 1}`, rate: format.percent(rateOf(fastest)), max: format.percent(MAX_UNSUPPORTED_GROWTH_PERCENT) },
    }];
  },
};

/** A small group aiming at a healthy community's activity rate needs past data showing it can get there. */
export const smallGroupActivityRate: Rule = {
  id: 'small-group-activity-rate',
  severity: 'warning',
  section: 'growth',
  check: ({ plan, format, lexicon }) => {
    const members = plan.growth.baseline.followers;
    const community = plan.meta.channel === 'wechat-group' || plan.meta.channel === 'wecom';
    if (!community || members >= MIN_ACTIVE_GROUP) return [];
    const isActivityRate = (metric: string) => findTerm(metric, lexicon.activityRate) !== undefined;
    const past = [...(plan.value.trial?.metrics ?? []), ...(plan.growth.baseline.metrics ?? [])]
      .filter((metric) => isActivityRate(metric.metric))
      .map((metric) => metric.value);
    const best = past.length > 0 ? Math.max(...past) : undefined;
    const targets: Array<{ path: string; section: 'team' | 'growth'; target: number }> = [];
    plan.team.people.forEach((person, personIndex) => person.kpis?.forEach((kpi, kpiIndex) => {
      if (kpi.unit === 'percent' && isActivityRate(kpi.metric)) targets.push({ path: `team.people[${personIndex}].kpis[${kpiIndex}].target`, section: 'team', target: kpi.target });
    }));
    plan.growth.kpis?.forEach((kpi, index) => {
      if (kpi.unit === 'percent' && isActivityRate(kpi.metric)) targets.push({ path: `growth.kpis[${index}].targets`, section: 'growth', target: Math.max(...kpi.targets) });
    });
    return targets
      .filter(({ target }) => target >= HEALTHY_ACTIVITY_PERCENT && (best === undefined || best < target))
      .map(({ path, section, target }) => ({
        path,
        section,
        values: { members, min: MIN_ACTIVE_GROUP, target: format.percent(target), past: best === undefined ? { label: 'words.noPastData' } : format.percent(best) },
      }));
  },
};
