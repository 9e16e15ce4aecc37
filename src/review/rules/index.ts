// Every review rule, in the order their findings are listed within a section and severity.
import { activityDatesInHorizon, activityGoalsMissing, activityGoalVague } from './activities.js';
import { calendarPostsPerDay, communityActivityShare, departmentsMissing } from './accountPlan.js';
import { activityCostsMissing, costsPrioritySplit, costsTotal, plannedBudgetOverCosts } from './budget.js';
import { competitorsPresent, flatteringPreface } from './competitors.js';
import { forecastFourQuarters, growthUnsupported, kpiForecastMismatch, smallGroupActivityRate } from './growth.js';
import { placeholderText } from './presentation.js';
import { commissionRatesRise, earlySalesTargets, ownersInTeam, personKpis } from './team.js';
import { accountTypeMatchesChannel, valueNamesCompany } from './value.js';
import type { Rule } from '../types.js';

export const RULES: readonly Rule[] = [
  // Completeness: the essentials of each section.
  competitorsPresent,
  valueNamesCompany,
  activityGoalsMissing,
  costsTotal,
  personKpis,
  forecastFourQuarters,
  // Consistency across sections.
  ownersInTeam,
  plannedBudgetOverCosts,
  activityCostsMissing,
  kpiForecastMismatch,
  commissionRatesRise,
  activityDatesInHorizon,
  accountTypeMatchesChannel,
  // Realism, from what experienced operators know.
  calendarPostsPerDay,
  communityActivityShare,
  growthUnsupported,
  earlySalesTargets,
  smallGroupActivityRate,
  costsPrioritySplit,
  departmentsMissing,
  // Presentation.
  flatteringPreface,
  placeholderText,
  activityGoalVague,
];
