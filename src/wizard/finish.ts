// The end of the wizard: check the whole plan, show what the boss will see first, and render the chosen formats.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { OpsplanError, type Problem } from '../errors.js';
import { createFormatter } from '../i18n/format.js';
import { deriveFigures } from '../plan/derive.js';
import { decodeText, formatPath, validatePlan } from '../plan/load.js';
import { PlanSchema, type Language, type Plan } from '../plan/schema.js';
import type { RenderedFile } from '../render.js';
import { FORMATS, type FormatEntry } from '../writers/registry.js';
import { issueText } from './issueText.js';
import { STEP_FILES, type StepKey } from './questions.js';
import type { WizardContext } from './context.js';

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

/** Validates the saved answers file as `opsplan validate` does, with messages in the wizard's language. */
export async function checkPlanFile(file: string, language: Language): Promise<PlanCheck> {
  const lineCounter = new LineCounter();
  const document = parseDocument(decodeText(await readFile(file), file), { lineCounter });
  const data = document.toJS() as unknown;
  try {
    return { ok: true, plan: validatePlan(data, file, document, lineCounter) };
  } catch (error) {
    if (!(error instanceof OpsplanError) || error.problems.length === 0) throw error;
    return { ok: false, problems: localizeProblems([...error.problems], data, language) };
  }
}

/** The same problems, with each message said again in `language` (matched to its issue by field path). */
function localizeProblems(problems: Problem[], data: unknown, language: Language): Problem[] {
  if (language === 'en') return problems;
  const result = PlanSchema.safeParse(data, { reportInput: true });
  if (result.success) return problems;
  const byPath = new Map<string, string[]>();
  const add = (fieldPath: PropertyKey[], message: string) => {
    const key = formatPath(fieldPath);
    byPath.set(key, [...(byPath.get(key) ?? []), message]);
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], issueText(issue, language, key));
    else add(issue.path, issueText(issue, language));
  }
  return problems.map((problem) => ({ ...problem, message: byPath.get(problem.path)?.shift() ?? problem.message }));
}

/** The step that holds a problem's field, so the user can be taken there to fix it. */
export function stepOfProblem(problem: Problem): StepKey {
  const first = /^[^.[]+/.exec(problem.path)?.[0] ?? '';
  return first in STEP_FILES ? (first as StepKey) : 'meta';
}

/** Budget total, essential and optional, and followers after the first and the last quarter, in the wizard's language. */
export function planSummary(context: WizardContext, plan: Plan): string[] {
  const figures = deriveFigures(plan);
  const format = createFormatter({ language: context.language, currency: plan.meta.currency, wholeMoney: figures.wholeMoney });
  const { budget, forecast } = figures;
  const first = forecast.rows[0];
  const last = forecast.rows.at(-1);
  const lines = [
    context.words.t('finish.summaryTitle', { title: plan.meta.title }),
    context.words.t('finish.budget', {
      total: format.money(budget.total),
      essential: format.money(budget.essential.total),
      essentialShare: format.percent(budget.essential.sharePercent),
      optional: format.money(budget.optional.total),
    }),
  ];
  if (first && last) {
    lines.push(context.words.t('finish.followers', {
      baseline: format.number(forecast.baseline),
      first: format.number(first.followers),
      last: format.number(last.followers),
      quarters: forecast.rows.length,
    }));
  }
  return lines;
}

/** Asks which formats to write (last choice ticked), renders them and returns the files written. */
export async function chooseAndRender(
  context: WizardContext,
  plan: Plan,
  outDir: string,
  lastChoice: readonly string[] | undefined,
): Promise<{ formats: string[]; written: RenderedFile[] }> {
  const ticked = new Set(lastChoice?.length ? lastChoice : ['md']);
  const formats = await context.prompter.checkbox({
    message: context.words.t('formats.message'),
    choices: FORMATS.map((format) => ({ value: format.id, name: `${format.id.padEnd(5)} ${format.description}`, checked: ticked.has(format.id) })),
    validate: (chosen) => (chosen.length > 0 ? true : context.words.t('formats.required')),
  });
  const entries: FormatEntry[] = FORMATS.filter((format) => formats.includes(format.id));
  // The templates and Markdown parser load only when the plan is rendered, so the first question comes sooner.
  const { renderPlanFiles } = await import('../render.js');
  const written = await renderPlanFiles(plan, entries, outDir);
  return { formats, written };
}
