// Section 2: the value section is written for this company, and recommends the account the plan is about.
import { companyNames, findTerm, mentionsAny } from '../text.js';
import type { ReviewContext, Rule } from '../types.js';

/** Whether section 2's text names the company, or speaks for it as "we". */
export function valueNamesTheCompany({ plan, lexicon }: Pick<ReviewContext, 'plan' | 'lexicon'>): boolean {
  const { value } = plan;
  const text = [
    ...value.businesses.flatMap((business) => [business.name, business.howOnChannel]),
    value.accountTypeReason,
    ...value.benefits,
    ...(value.trial ? [value.trial.period, ...value.trial.metrics.flatMap((metric) => [metric.metric, metric.note ?? ''])] : []),
  ].join('\n');
  return mentionsAny(text, companyNames(plan)) || findTerm(text, lexicon.selfReference) !== undefined;
}

/**
 * The template's heading already names the company, so the plan is never silent about it; but value text that
 * neither names the company nor speaks as "we" reads as if it were written for anyone.
 */
export const valueNamesCompany: Rule = {
  id: 'value-names-company',
  severity: 'warning',
  section: 'value',
  check: (context) => (valueNamesTheCompany(context) ? [] : [{ path: 'value', values: { company: context.plan.meta.company } }]),
};

/** Registering the wrong account type means registering again: the recommendation and the plan's channel must agree. */
export const accountTypeMatchesChannel: Rule = {
  id: 'account-type-matches-channel',
  severity: 'warning',
  section: 'value',
  check: ({ plan }) => {
    const { channel } = plan.meta;
    const recommended = plan.value.recommendedAccountType;
    if (channel === 'other' || recommended === 'other' || channel === recommended) return [];
    return [{ path: 'value.recommendedAccountType', values: { recommended, channel } }];
  },
};
