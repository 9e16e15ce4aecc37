// The review as an appendix of the rendered plan: figures and wording computed here, placed by a template.
import type { Plan } from '../plan/schema.js';
import { reviewPlan } from './engine.js';
import { countsLine } from './report.js';
import type { Severity } from './types.js';

/** What `templates/partials/reviewAppendix.md.hbs` places; labels come from the plan's locale by key. */
export interface ReviewAppendix {
  score: number;
  /** "0 errors, 2 warnings, 1 suggestion" in the plan's language. */
  counts: string;
  sections: Array<{ labelKey: string; score: number; missing: string[] }>;
  findings: Array<{ severity: Severity; severityKey: string; path: string; message: string; fix: string }>;
}

/** Reviews the plan in its own language, for readers of the plan rather than for the person running the tool. */
export function reviewAppendix(plan: Plan): ReviewAppendix {
  const language = plan.meta.language;
  const { findings, score } = reviewPlan(plan, { language });
  return {
    score: score.total,
    counts: countsLine(findings, language),
    sections: score.sections.map((section) => ({
      labelKey: `sections.${section.section}`,
      score: section.score,
      missing: section.missing.map((item) => item.label),
    })),
    findings: findings.map((finding) => ({
      severity: finding.severity,
      severityKey: `review.severity.${finding.severity}`,
      path: finding.path,
      message: finding.message,
      fix: finding.fix,
    })),
  };
}
