// The completeness score: for each section, the share of what a complete plan holds that this plan holds.
import { SECTION_KEYS, type SectionKey } from '../plan/schema.js';
import { peerCompetitors } from './rules/competitors.js';
import { ownersNotOnTeam } from './rules/team.js';
import { valueNamesTheCompany } from './rules/value.js';
import { hasFigure } from './text.js';
import type { ReviewContext, Score, SectionScore } from './types.js';
import type { Wording } from './wording.js';

interface ScoreItem {
  id: string;
  section: SectionKey;
  /** Left out of the section's count when it does not apply to this plan (e.g. menus for a group). */
  applies?: (context: ReviewContext) => boolean;
  met: (context: ReviewContext) => boolean;
}

const isAccount = ({ plan }: ReviewContext) => plan.meta.channel === 'service-account' || plan.meta.channel === 'subscription-account';
const every = <T>(items: readonly T[] | undefined, test: (item: T) => boolean) => (items?.length ?? 0) > 0 && items!.every(test);
const some = (items: readonly unknown[] | undefined) => (items?.length ?? 0) > 0;

/** Each item counts the same within its section; the wording of each is `score.items.<id>`. */
export const SCORE_ITEMS: readonly ScoreItem[] = [
  { id: 'peerCompetitor', section: 'competitorAnalysis', met: ({ plan }) => peerCompetitors(plan).length > 0 },
  { id: 'severalCompetitors', section: 'competitorAnalysis', met: ({ plan }) => plan.competitorAnalysis.competitors.length >= 2 },
  { id: 'competitorOverview', section: 'competitorAnalysis', met: ({ plan }) => plan.competitorAnalysis.overview !== undefined },
  { id: 'competitorLessons', section: 'competitorAnalysis', met: ({ plan }) => every(plan.competitorAnalysis.competitors, (competitor) => some(competitor.lessons)) },
  { id: 'competitorContent', section: 'competitorAnalysis', met: ({ plan }) => every(plan.competitorAnalysis.competitors, (competitor) => Boolean(competitor.content ?? competitor.activities)) },

  { id: 'companyNamed', section: 'value', met: valueNamesTheCompany },
  { id: 'accountTypeMatches', section: 'value', met: ({ plan }) => plan.meta.channel === 'other' || plan.value.recommendedAccountType === plan.meta.channel },
  { id: 'trialData', section: 'value', met: ({ plan }) => plan.value.trial !== undefined },

  { id: 'measurableGoals', section: 'activities', met: ({ plan }) => every(plan.activities.planned, (activity) => hasFigure(activity.goal)) },
  { id: 'pastResults', section: 'activities', met: ({ plan }) => some(plan.activities.past) },
  { id: 'pastLessons', section: 'activities', applies: ({ plan }) => some(plan.activities.past), met: ({ plan }) => every(plan.activities.past, (activity) => Boolean(activity.worked ?? activity.improve)) },
  { id: 'resourcesRequested', section: 'activities', met: ({ plan }) => every(plan.activities.planned, (activity) => activity.resources !== undefined) },
  { id: 'expectedParticipants', section: 'activities', met: ({ plan }) => every(plan.activities.planned, (activity) => activity.expectedParticipants !== undefined) },

  { id: 'topicDetail', section: 'customerConcerns', met: ({ plan }) => every(plan.customerConcerns.topics, (topic) => topic.detail !== undefined) },
  { id: 'complaints', section: 'customerConcerns', met: ({ plan }) => some(plan.customerConcerns.complaints) },
  { id: 'complaintResponses', section: 'customerConcerns', applies: ({ plan }) => some(plan.customerConcerns.complaints), met: ({ plan }) => every(plan.customerConcerns.complaints, (complaint) => complaint.response !== undefined) },
  { id: 'improvements', section: 'customerConcerns', met: ({ plan }) => some(plan.customerConcerns.improvements) },

  { id: 'menu', section: 'accountPlan', applies: isAccount, met: ({ plan }) => some(plan.accountPlan.menu) },
  { id: 'promotion', section: 'accountPlan', met: ({ plan }) => some(plan.accountPlan.promotion) },
  { id: 'tools', section: 'accountPlan', met: ({ plan }) => plan.accountPlan.tools !== undefined },
  { id: 'prioritySplit', section: 'accountPlan', met: ({ plan }) => new Set(plan.accountPlan.costs.map((cost) => cost.priority)).size > 1 },
  { id: 'departments', section: 'accountPlan', met: ({ plan }) => some(plan.accountPlan.departments) },
  { id: 'activityMarked', section: 'accountPlan', met: ({ plan }) => every(plan.accountPlan.contentCalendar, (slot) => slot.activityRelated !== undefined) },

  {
    id: 'ownersOnTeam', section: 'team',
    met: ({ plan }) => [...plan.activities.planned, ...plan.accountPlan.contentCalendar].every((owned) => ownersNotOnTeam(plan, owned.owner).length === 0),
  },
  { id: 'kpisForEveryone', section: 'team', met: ({ plan }) => every(plan.team.people, (person) => some(person.kpis)) },
  { id: 'dailyTasks', section: 'team', met: ({ plan }) => every(plan.team.people, (person) => some(person.dailyTasks)) },
  { id: 'evaluation', section: 'team', met: ({ plan }) => plan.team.evaluation !== undefined },

  { id: 'fourQuarters', section: 'growth', met: ({ plan }) => plan.meta.horizon.quarters >= 4 },
  { id: 'baselineMetrics', section: 'growth', met: ({ plan }) => some(plan.growth.baseline.metrics) },
  { id: 'growthKpis', section: 'growth', met: ({ plan }) => some(plan.growth.kpis) },
];

export function scorePlan(context: ReviewContext, wording: Wording): Score {
  const sections = SECTION_KEYS.map((section): SectionScore => {
    const items = SCORE_ITEMS.filter((item) => item.section === section && (item.applies?.(context) ?? true));
    const missing = items.filter((item) => !item.met(context));
    const met = items.length - missing.length;
    return {
      section,
      score: items.length === 0 ? 100 : Math.round((100 * met) / items.length),
      met,
      applicable: items.length,
      missing: missing.map((item) => ({ id: item.id, label: wording.say(`score.items.${item.id}`) })),
    };
  });
  return { total: Math.round(sections.reduce((total, section) => total + section.score, 0) / sections.length), sections };
}
