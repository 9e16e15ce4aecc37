// The wizard's eight steps (the plan's facts, then the seven sections in plan order) and how one step is run.
import { SECTION_KEYS } from '../plan/schema.js';
import { askWith } from './ask.js';
import { isPlainObject } from './answersFile.js';
import { fieldSchema, issuesOf } from './fields.js';
import { loadStepWording, STEP_FILES, type StepKey } from './questions.js';
import { askObject, askPerQuarter, resolveIssues } from './walk.js';
import { messageOf, questionAt, type Answers, type Hook, type StepContext, type WizardContext } from './context.js';

export const STEPS = Object.keys(STEP_FILES) as StepKey[];

/** A step's name where the user is told where they are: "3/7 Activity plans", or "About the plan". */
export function stepName(context: WizardContext, step: StepKey): string {
  const title = messageOf(context, { message: loadStepWording(context.language, step).title });
  if (step === 'meta') return title;
  return context.words.t('step.heading', { n: SECTION_KEYS.indexOf(step) + 1, total: SECTION_KEYS.length, title });
}

/** The heading a step opens with. */
export function stepHeading(context: WizardContext, step: StepKey): string {
  return step === 'meta' ? context.words.t('step.metaHeading', { title: stepName(context, step) }) : stepName(context, step);
}

/**
 * The forecast is either a growth rate (one for every quarter, or one per quarter) or follower targets per quarter;
 * the schema allows exactly one of them, so the user picks the method first.
 */
const askForecast: Hook = async (context, growth, at) => {
  const { prompter, words } = context;
  const base = at.slice(0, -1);
  const current = Array.isArray(growth.targets) ? 'targets' : Array.isArray(growth.quarterlyGrowthPercent) ? 'perQuarter' : 'same';
  prompter.help(words.t('forecast.help').trim().split('\n'));
  const method = await prompter.select({
    message: words.t('forecast.method'),
    choices: (['same', 'perQuarter', 'targets'] as const).map((value) => ({ value, name: words.t(`forecast.${value}`) })),
    default: current,
  });
  if (method === 'targets') {
    delete growth.quarterlyGrowthPercent;
    await askPerQuarter(context, growth, [...base, 'targets'], {});
    return;
  }
  delete growth.targets;
  if (method === 'perQuarter') {
    if (!Array.isArray(growth.quarterlyGrowthPercent)) delete growth.quarterlyGrowthPercent;
    await askPerQuarter(context, growth, at, {}, 'item');
    return;
  }
  const schema = fieldSchema(at);
  const rate = typeof growth.quarterlyGrowthPercent === 'number' ? growth.quarterlyGrowthPercent : undefined;
  const question = questionAt(context, 'growth.quarterlyGrowthPercent');
  growth.quarterlyGrowthPercent = await askWith(context, schema, { kind: 'number', optional: false, numberKind: 'percent' }, question, rate);
};

const HOOKS: Partial<Record<string, Hook>> = {
  'growth.quarterlyGrowthPercent': askForecast,
  // Asked by the forecast hook, together with the growth rate.
  'growth.targets': async () => undefined,
};

/** Runs one step: heading, what the section is for, a good example, then its questions. Edits `context.answers`. */
export async function runStep(context: WizardContext, step: StepKey): Promise<void> {
  const wording = loadStepWording(context.language, step);
  const stepContext: StepContext = { ...context, wording, hooks: HOOKS };
  const { prompter, words } = context;
  prompter.say(`\n${stepHeading(context, step)}\n`);
  prompter.say(messageOf(context, { message: wording.intro }).trim());
  prompter.say(`\n${words.t('step.example')}\n${messageOf(context, { message: wording.example }).trim()}\n`);
  const section: Answers = isPlainObject(context.answers[step]) ? context.answers[step] : {};
  context.answers[step] = section;
  await askObject(stepContext, section, [step]);
  await resolveIssues(stepContext, fieldSchema([step]), section, [step]);
}

/** Whether a step's answers are complete and valid on their own (used when there is no saved progress). */
export function stepComplete(answers: Answers, step: StepKey): boolean {
  const section = answers[step];
  return isPlainObject(section) && issuesOf(fieldSchema([step]), section).length === 0;
}
