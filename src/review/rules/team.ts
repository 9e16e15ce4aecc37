// Section 6: every owner is on the team, everyone is evaluated, commissions reward more sales, no early sales pressure.
import { findTerm, ownerNames, sameName } from '../text.js';
import type { Plan } from '../../plan/schema.js';
import type { Rule, RuleHit } from '../types.js';

/** The people named in an `owner` field who are not in task allocation. */
export function ownersNotOnTeam(plan: Plan, owner: string): string[] {
  return ownerNames(owner).filter((name) => !plan.team.people.some((person) => sameName(person.name, name)));
}

/** An owner who is not in task allocation means nobody the boss can hold to the activity or slot. */
export const ownersInTeam: Rule = {
  id: 'owners-in-team',
  severity: 'error',
  section: 'team',
  check: ({ plan, format }) => {
    const team = format.list(plan.team.people.map((person) => person.name));
    const unknown = (owner: string) => ownersNotOnTeam(plan, owner);
    const hits: RuleHit[] = [];
    plan.activities.planned.forEach((activity, index) => {
      for (const owner of unknown(activity.owner)) {
        hits.push({ path: `activities.planned[${index}].owner`, section: 'activities', variant: 'activity', values: { owner, what: activity.name, team } });
      }
    });
    plan.accountPlan.contentCalendar.forEach((slot, index) => {
      for (const owner of unknown(slot.owner)) {
        hits.push({ path: `accountPlan.contentCalendar[${index}].owner`, section: 'accountPlan', variant: 'slot', values: { owner, what: `${slot.when} ${slot.column}`, team } });
      }
    });
    return hits;
  },
};

/** Without indicators the boss cannot evaluate a person, and may assume they are idle. */
export const personKpis: Rule = {
  id: 'person-kpis',
  severity: 'error',
  section: 'team',
  check: ({ plan }) => plan.team.people.flatMap((person, index) =>
    ((person.kpis?.length ?? 0) > 0 ? [] : [{ path: `team.people[${index}]`, values: { name: person.name } }])),
};

/** A tier that pays the same or less for more sales punishes the best sellers. */
export const commissionRatesRise: Rule = {
  id: 'commission-rates-rise',
  severity: 'error',
  section: 'team',
  check: ({ plan, format }) => (plan.team.commission ?? []).flatMap((tier, index, tiers) => {
    const previous = tiers[index - 1];
    if (!previous || tier.ratePercent > previous.ratePercent) return [];
    return [{
      path: `team.commission[${index}].ratePercent`,
      values: { threshold: format.money(tier.threshold), rate: format.percent(tier.ratePercent), previous: format.percent(previous.ratePercent) },
    }];
  }),
};

/** Sales targets before there is any track record put too much pressure on staff. */
export const earlySalesTargets: Rule = {
  id: 'early-sales-targets',
  severity: 'warning',
  section: 'team',
  check: ({ plan, lexicon }) => {
    const hasHistory = plan.value.trial !== undefined || (plan.activities.past?.length ?? 0) > 0;
    if (hasHistory) return [];
    return plan.team.people.flatMap((person, personIndex) => (person.kpis ?? []).flatMap((kpi, kpiIndex) =>
      (kpi.unit === 'money' || findTerm(kpi.metric, lexicon.sales)
        ? [{ path: `team.people[${personIndex}].kpis[${kpiIndex}]`, values: { name: person.name, metric: kpi.metric } }]
        : [])));
  },
};
