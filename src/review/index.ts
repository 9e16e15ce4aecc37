// The plan review's public API: what the CLI, the wizard and the render appendix call.
export { reviewPlan, countFindings, FINDING_SECTIONS, type FindingCounts } from './engine.js';
export { RULES } from './rules/index.js';
export { SCORE_ITEMS } from './score.js';
export { countsLine, reviewJson, reviewText } from './report.js';
export { reviewAppendix, type ReviewAppendix } from './appendix.js';
export type {
  Finding, FindingSection, ReviewOptions, ReviewResult, Rule, RuleHit, Score, ScoreItemResult, SectionKey, SectionScore, Severity,
} from './types.js';
