// The `review` command and the one-line count `render` prints: load the answers, review them, word the result.
import { EXIT, OpsplanError } from '../errors.js';
import { uiLanguage } from '../i18n/uiLanguage.js';
import { loadPlan } from '../plan/load.js';
import type { Language, Plan } from '../plan/schema.js';
import { reviewPlan } from './engine.js';
import { countsLine, reviewJson, reviewText } from './report.js';
import { loadWording } from './wording.js';

export { reviewAppendix } from './appendix.js';

export const REVIEW_FORMATS = ['text', 'json'] as const;

export interface ReviewCommandOptions {
  /** `--lang`: the language findings are written in; the system's language when left out. */
  lang?: string;
  format?: string;
}

/** The review's output and exit code: 1 when the plan has errors, so scripts and CI can stop on them. */
export async function runReview(file: string, options: ReviewCommandOptions = {}): Promise<{ output: string; exitCode: number }> {
  const format = options.format ?? 'text';
  if (!(REVIEW_FORMATS as readonly string[]).includes(format)) {
    throw new OpsplanError('USAGE', `unknown review format "${format}"`, { hint: `Use one of: ${REVIEW_FORMATS.join(', ')}.` });
  }
  const language = reviewLanguage(options.lang);
  // An invalid file throws the same located problems as `opsplan validate`.
  const { plan } = await loadPlan(file);
  const result = reviewPlan(plan, { language });
  const subject = { file, title: plan.meta.title, language };
  const output = format === 'json' ? `${JSON.stringify(reviewJson(result, subject), null, 2)}\n` : reviewText(result, subject);
  return { output, exitCode: result.findings.some((finding) => finding.severity === 'error') ? EXIT.invalidInput : EXIT.ok };
}

/** `--lang` when it names a language the review speaks, else the system's language. */
export function reviewLanguage(requested?: string, environment: NodeJS.ProcessEnv = process.env): Language {
  if (requested !== undefined && !/^(?:en|zh)(?:[-_][a-z]+)?$/i.test(requested)) {
    throw new OpsplanError('USAGE', `unknown language "${requested}"`, { hint: 'Use --lang en or --lang zh-CN.' });
  }
  return uiLanguage(requested, environment);
}

/** "Review: 0 errors, 2 warnings, 3 suggestions — run `opsplan review <file>` for details", after a render. */
export function reviewCountLine(plan: Plan, file: string, language: Language = uiLanguage()): string {
  const { findings } = reviewPlan(plan, { language });
  const shown = /[\s"'$`]/.test(file) ? JSON.stringify(file) : file;
  return loadWording(language).say('report.renderLine', { counts: countsLine(findings, language), file: shown });
}
