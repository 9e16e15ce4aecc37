// The shapes of the plan review: rules, what they find, and the completeness score.
import type { Formatter } from '../i18n/format.js';
import type { Figures } from '../plan/derive.js';
import type { Language, Plan, SectionKey } from '../plan/schema.js';

export type { SectionKey } from '../plan/schema.js';

/** error: the plan is not ready for the boss; warning: likely wrong or unrealistic; suggestion: would read better. */
export type Severity = 'error' | 'warning' | 'suggestion';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion'];

/** Where a finding is shown: one of the seven sections, or `meta` for the facts about the plan itself. */
export type FindingSection = SectionKey | 'meta';

export interface Finding {
  /** Id of the rule that found it, e.g. `owners-in-team`. */
  rule: string;
  severity: Severity;
  section: FindingSection;
  /** Field path in the answers file, e.g. `activities.planned[1].owner`. */
  path: string;
  /** What is wrong, in the language asked for. */
  message: string;
  /** How to fix it, in the language asked for. */
  fix: string;
}

/** Text placed into a message as is; numbers are formatted in the review's language. */
export type HitValue = string | number;
export type HitValues = Record<string, HitValue>;
/** A value may also name a label in the review's wording (e.g. `words.noPastData`), worded like the message. */
export type RuleValues = Record<string, HitValue | { label: string }>;

/** One problem a rule found, before it is worded. */
export interface RuleHit {
  path: string;
  values?: RuleValues;
  /** Picks one of several messages of the rule: `rules.<id>.message.<variant>`. */
  variant?: string;
  /** Shown under another section than the rule's own, e.g. an owner found in the content calendar. */
  section?: FindingSection;
}

/** Everything a rule may look at; figures are computed once for all rules. */
export interface ReviewContext {
  plan: Plan;
  figures: Figures;
  /** Formats numbers, money and dates in the review's language and the plan's currency. */
  format: Formatter;
  /** Word lists of every language: answers often mix languages (a Chinese plan keeps an English "TBD"). */
  lexicon: Lexicon;
  /** The language findings are written in. */
  language: Language;
}

/** Words the rules look for in answer text; each language's file adds its own. */
export interface Lexicon {
  /** Praise that should not open the competitor analysis ("excellent", "领先"). */
  praise: string[];
  /** How a plan refers to its own company ("we", "我们"). */
  selfReference: string[];
  /** Text left in for later ("TBD", "待定"). */
  placeholders: string[];
  /** What the people a channel reaches are called ("followers", "成员"). */
  followers: string[];
  /** Words that make a metric a count of newcomers rather than a total ("new", "新增"). */
  newcomers: string[];
  /** Metrics about selling ("sales", "销售额"). */
  sales: string[];
  /** Metrics about the activity rate of a group ("activity rate", "活跃度"). */
  activityRate: string[];
  /** Cost-list categories or items that pay for activities ("activities", "prizes", "活动"). */
  activityCosts: string[];
  /** A slot that repeats every day ("daily", "每天"). */
  everyDay: string[];
  /** Monday to Friday ("weekdays", "工作日"). */
  workdays: string[];
  /** Saturday and Sunday ("weekend", "周末"). */
  weekend: string[];
  /** Names of each weekday, Monday first. */
  weekdays: string[][];
}

/** A named check; its wording lives under `rules.<id>` in prompts/<language>/review.yaml. */
export interface Rule {
  id: string;
  severity: Severity;
  section: FindingSection;
  check(context: ReviewContext): RuleHit[];
}

export interface ScoreItemResult {
  id: string;
  /** What the item asks for, in the review's language. */
  label: string;
}

export interface SectionScore {
  section: SectionKey;
  /** 0-100: the share of this section's applicable checklist items the plan has. */
  score: number;
  met: number;
  applicable: number;
  missing: ScoreItemResult[];
}

export interface Score {
  /** 0-100: the mean of the seven section scores, each section counting the same. */
  total: number;
  sections: SectionScore[];
}

export interface ReviewResult {
  findings: Finding[];
  score: Score;
}

export interface ReviewOptions {
  /** The language findings are written in: the language the tool speaks to the user, not the plan's. */
  language: Language;
}
