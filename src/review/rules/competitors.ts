// Section 1: the plan learns from real peers, and opens with them rather than with praise of itself.
import { companyNames, findTerm, firstSentence, mentionsAny, plainText, sameName } from '../text.js';
import type { Plan } from '../../plan/schema.js';
import type { Rule } from '../types.js';

/** Competitors other than the company itself. */
export function peerCompetitors(plan: Plan): Plan['competitorAnalysis']['competitors'] {
  const ours = companyNames(plan);
  return plan.competitorAnalysis.competitors.filter((competitor) => !ours.some((name) => sameName(name, competitor.name)));
}

/** Peers are "the best teachers": a competitor list that holds only the company itself teaches nothing. */
export const competitorsPresent: Rule = {
  id: 'competitors-present',
  severity: 'error',
  section: 'competitorAnalysis',
  check: ({ plan }) => (peerCompetitors(plan).length > 0 ? [] : [{ path: 'competitorAnalysis.competitors', values: { company: plan.meta.company } }]),
};

/** The boss skims: a first sentence praising the company or the plan pushes what peers do out of sight. */
export const flatteringPreface: Rule = {
  id: 'flattering-preface',
  severity: 'suggestion',
  section: 'competitorAnalysis',
  check: ({ plan, lexicon }) => {
    const overview = plan.competitorAnalysis.overview;
    if (!overview) return [];
    const opening = firstSentence(plainText(overview));
    const praise = findTerm(opening, lexicon.praise);
    if (!praise) return [];
    const aboutUs = mentionsAny(opening, companyNames(plan)) || findTerm(opening, lexicon.selfReference) !== undefined;
    // Praise in a sentence that names a peer is about the peer ("X runs the leading account in our market").
    const aboutPeer = mentionsAny(opening, peerCompetitors(plan).map((competitor) => competitor.name));
    return aboutUs && !aboutPeer ? [{ path: 'competitorAnalysis.overview', values: { word: praise } }] : [];
  },
};
