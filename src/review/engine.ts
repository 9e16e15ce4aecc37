// Runs every rule over a plan and words what they find in the language the tool speaks to the user.
import { createFormatter } from '../i18n/format.js';
import { deriveFigures } from '../plan/derive.js';
import { SECTION_KEYS, type Plan } from '../plan/schema.js';
import { RULES } from './rules/index.js';
import { scorePlan } from './score.js';
import { SEVERITIES, type Finding, type FindingSection, type HitValues, type ReviewContext, type ReviewOptions, type ReviewResult, type Rule, type RuleHit } from './types.js';
import { combinedLexicon, loadWording, type Wording } from './wording.js';

/** Meta first (it stands on the cover), then the seven sections in the plan's order. */
export const FINDING_SECTIONS: readonly FindingSection[] = ['meta', ...SECTION_KEYS];

/** Reviews a plan: findings grouped by section (most severe first) and the completeness score. */
export function reviewPlan(plan: Plan, options: ReviewOptions, rules: readonly Rule[] = RULES): ReviewResult {
  const wording = loadWording(options.language);
  const figures = deriveFigures(plan);
  const context: ReviewContext = {
    plan,
    figures,
    format: createFormatter({ language: options.language, currency: plan.meta.currency, wholeMoney: figures.wholeMoney }),
    lexicon: combinedLexicon(),
    language: options.language,
  };
  const findings = rules.flatMap((rule) => rule.check(context).map((hit) => wordHit(rule, hit, wording)));
  const rank = (finding: Finding) => FINDING_SECTIONS.indexOf(finding.section) * SEVERITIES.length + SEVERITIES.indexOf(finding.severity);
  // Array.prototype.sort is stable, so rules keep their order within a section and severity.
  findings.sort((a, b) => rank(a) - rank(b));
  return { findings, score: scorePlan(context, wording) };
}

function wordHit(rule: Rule, hit: RuleHit, wording: Wording): Finding {
  const values: HitValues = {};
  for (const [name, value] of Object.entries(hit.values ?? {})) {
    values[name] = typeof value === 'object' ? wording.say(value.label) : value;
  }
  const base = `rules.${rule.id}`;
  const messageKey = hit.variant ? `${base}.message.${hit.variant}` : `${base}.message`;
  const fixKey = hit.variant && wording.has(`${base}.fix.${hit.variant}`) ? `${base}.fix.${hit.variant}` : `${base}.fix`;
  return {
    rule: rule.id,
    severity: rule.severity,
    section: hit.section ?? rule.section,
    path: hit.path,
    message: wording.say(messageKey, values),
    fix: wording.say(fixKey, values),
  };
}

export interface FindingCounts {
  error: number;
  warning: number;
  suggestion: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, suggestion: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
