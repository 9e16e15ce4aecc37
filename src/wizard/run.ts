// Runs a wizard session: new plan, resume or review; saves after every step and handles an interruption in one place.
import path from 'node:path';
import { formatProblems } from '../errors.js';
import { SCHEMA_VERSION, type Language } from '../plan/schema.js';
import { AnswersFile } from './answersFile.js';
import { chooseAndRender, checkPlanFile, planSummary, stepOfProblem } from './finish.js';
import { nextStep, readProgress, writeProgress, type Progress } from './progress.js';
import { WizardInterrupted, type Prompter } from './prompter.js';
import { loadWizardese, type StepKey } from './questions.js';
import { runStep, stepComplete, stepName, STEPS } from './steps.js';
import type { WizardContext } from './context.js';

/** Exit code after Ctrl-C, as shells report a process stopped by SIGINT. */
export const EXIT_INTERRUPTED = 130;

export interface WizardOptions {
  prompter: Prompter;
  language: Language;
  /** The answers file; asked for when not given. */
  file?: string;
  /** Go straight to one step, then check and render. */
  step?: StepKey;
  /** Folder the rendered plan is written to. */
  outDir: string;
  today?: Date;
}

export type WizardResult =
  | { status: 'rendered'; file: string; written: string[] }
  | { status: 'saved'; file: string }
  | { status: 'incomplete'; file: string }
  | { status: 'interrupted'; file?: string };

export function exitCodeOf(result: WizardResult): number {
  if (result.status === 'interrupted') return EXIT_INTERRUPTED;
  return result.status === 'incomplete' ? 1 : 0;
}

interface Session {
  context: WizardContext;
  answersFile: AnswersFile;
  progress: Progress;
  outDir: string;
}

export async function runWizard(options: WizardOptions): Promise<WizardResult> {
  const words = loadWizardese(options.language);
  const { prompter } = options;
  let session: Session | undefined;
  try {
    const file = options.file ?? await askFileName(options);
    const answersFile = await AnswersFile.open(file, words.t('file.header', { file: path.basename(file) }));
    const answers = answersFile.answers();
    // Set before any answer, so that a new file opens with the format version.
    answers.schemaVersion ??= SCHEMA_VERSION;
    const saved = await readProgress(file);
    // Progress belongs to the answers beside it: a new file starts from the beginning whatever an old sidecar says.
    const progress: Progress = saved && answersFile.existed
      ? saved
      : { done: answersFile.existed ? STEPS.filter((step) => stepComplete(answers, step)) : [], ...(saved?.formats ? { formats: saved.formats } : {}) };
    session = {
      context: { prompter, language: options.language, words, answers, today: options.today ?? new Date() },
      answersFile,
      progress,
      outDir: options.outDir,
    };
    prompter.say(words.t(answersFile.existed ? 'file.editing' : 'file.creating', { file }));

    if (options.step) {
      await runAndSave(session, options.step);
      return await finish(session);
    }
    const next = nextStep(progress);
    if (!answersFile.existed || (next && progress.done.length === 0)) {
      await walkRemaining(session);
      return await finish(session);
    }
    if (next && await prompter.confirm({ message: words.t('resume.offer', { step: stepName(session.context, next) }), default: true })) {
      await walkRemaining(session);
      return await finish(session);
    }
    return await review(session);
  } catch (error) {
    if (!(error instanceof WizardInterrupted)) throw error;
    return interrupted(session, options);
  }
}

async function askFileName(options: WizardOptions): Promise<string> {
  const words = loadWizardese(options.language);
  return options.prompter.input({
    message: words.t('file.ask'),
    default: 'plan.yaml',
    validate: (raw) => (/\.(ya?ml|json)$/i.test(raw.trim()) ? true : words.t('file.extension')),
  }).then((answer) => answer.trim());
}

async function runAndSave(session: Session, step: StepKey): Promise<void> {
  await runStep(session.context, step);
  await session.answersFile.save(session.context.answers);
  if (!session.progress.done.includes(step)) session.progress.done.push(step);
  await writeProgress(session.answersFile.file, session.progress);
  session.context.prompter.say(session.context.words.t('saved', { file: session.answersFile.file }));
}

async function walkRemaining(session: Session): Promise<void> {
  for (let step = nextStep(session.progress); step; step = nextStep(session.progress)) await runAndSave(session, step);
}

/** A menu of the steps (with a mark for the complete ones), to change some answers before rendering. */
async function review(session: Session): Promise<WizardResult> {
  const { prompter, words, answers } = session.context;
  const check = await checkPlanFile(session.answersFile.file, session.context.language);
  if (check.ok) for (const line of ['', ...planSummary(session.context, check.plan), '']) prompter.say(line);
  for (;;) {
    const choice = await prompter.select<StepKey | 'finish' | 'quit'>({
      message: words.t('review.message'),
      choices: [
        ...STEPS.map((step) => ({
          value: step,
          name: `${stepComplete(answers, step) ? words.t('review.complete') : words.t('review.incomplete')} ${stepName(session.context, step)}`,
        })),
        { value: 'finish', name: words.t('review.finish') },
        { value: 'quit', name: words.t('review.quit') },
      ],
      default: 'finish',
    });
    if (choice === 'quit') return { status: 'saved', file: session.answersFile.file };
    if (choice === 'finish') return finish(session);
    await runAndSave(session, choice);
  }
}

/** Checks the whole plan; while it has problems, lists them and offers to fix each step; then summary and render. */
async function finish(session: Session): Promise<WizardResult> {
  const { context, answersFile, progress } = session;
  const { prompter, words } = context;
  for (;;) {
    const check = await checkPlanFile(answersFile.file, context.language);
    if (check.ok) {
      prompter.say('');
      for (const line of planSummary(context, check.plan)) prompter.say(line);
      prompter.say('');
      const { formats, written } = await chooseAndRender(context, check.plan, session.outDir, progress.formats);
      progress.formats = formats;
      await writeProgress(answersFile.file, progress);
      for (const output of written) prompter.say(words.t('finish.wrote', { path: output.path }));
      prompter.say(words.t('finish.again', { file: answersFile.file }));
      return { status: 'rendered', file: answersFile.file, written: written.map((output) => output.path) };
    }
    prompter.say(`\n${words.t('finish.problems', { count: check.problems.length })}`);
    prompter.say(formatProblems(check.problems));
    const steps = STEPS.filter((step) => check.problems.some((problem) => stepOfProblem(problem) === step));
    const choice = await prompter.select<StepKey | 'quit'>({
      message: words.t('finish.fix'),
      choices: [
        ...steps.map((step) => ({
          value: step,
          name: words.t('finish.fixStep', {
            step: stepName(context, step),
            count: check.problems.filter((problem) => stepOfProblem(problem) === step).length,
          }),
        })),
        { value: 'quit', name: words.t('finish.later') },
      ],
      default: steps[0] ?? 'quit',
    });
    if (choice === 'quit') {
      prompter.say(words.t('finish.resumeHint', { command: resumeCommand(answersFile.file) }));
      return { status: 'incomplete', file: answersFile.file };
    }
    await runAndSave(session, choice);
  }
}

/** Ctrl-C: save every answer given so far (the step in progress as far as it got) and say how to go on. */
async function interrupted(session: Session | undefined, options: WizardOptions): Promise<WizardResult> {
  const words = loadWizardese(options.language);
  const say = (text: string) => options.prompter.say(text);
  if (!session) {
    say(`\n${words.t('interrupted.nothingSaved')}`);
    return { status: 'interrupted' };
  }
  const file = session.answersFile.file;
  await session.answersFile.save(session.context.answers);
  await writeProgress(file, session.progress);
  const next = nextStep(session.progress);
  say(`\n${words.t('interrupted.saved', { file })}`);
  say(next
    ? words.t('interrupted.resume', { command: resumeCommand(file), step: stepName(session.context, next) })
    : words.t('interrupted.review', { command: resumeCommand(file) }));
  return { status: 'interrupted', file };
}

function resumeCommand(file: string): string {
  return `opsplan wizard ${/\s/.test(file) ? JSON.stringify(file) : file}`;
}
