// `opsplan wizard`: checks the command line and the terminal, then runs the wizard with the inquirer prompter.
import { OpsplanError } from '../errors.js';
import { uiLanguage } from '../i18n/uiLanguage.js';
import { LANGUAGES, SECTION_KEYS, type Language } from '../plan/schema.js';
import { loadWizardese, STEP_FILES, type StepKey } from './questions.js';

export interface WizardCommandOptions {
  lang?: string;
  section?: string;
  out: string;
}

interface Terminal {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/** Runs the wizard and returns the exit code; usage problems are thrown as OpsplanError. */
export async function wizardCommand(file: string | undefined, options: WizardCommandOptions, terminal: Terminal = process): Promise<number> {
  const language = wizardLanguage(options.lang);
  const step = options.section === undefined ? undefined : parseSection(options.section);
  // Only a real terminal matters: CI=true with a pseudo-terminal (tmux, script) still gets the wizard.
  if (!terminal.stdin.isTTY || !terminal.stdout.isTTY) {
    throw new OpsplanError('NO_TERMINAL', loadWizardese(language).t('noTerminal'));
  }
  // Loaded only now, so that the no-terminal answer comes without loading inquirer and the templates.
  const { exitCodeOf, runWizard } = await import('./run.js');
  const { terminalPrompter } = await import('./terminalPrompter.js');
  const prompter = await terminalPrompter();
  const result = await runWizard({ prompter, language, outDir: options.out, ...(file ? { file } : {}), ...(step ? { step } : {}) });
  return exitCodeOf(result);
}

export function wizardLanguage(requested: string | undefined): Language {
  if (requested === undefined) return uiLanguage();
  const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === requested.toLowerCase());
  if (!language) {
    throw new OpsplanError('USAGE', `unknown language "${requested}"`, { hint: `Use --lang ${LANGUAGES.join(' or --lang ')}.` });
  }
  return language;
}

/** `--section 5`, `--section accountPlan` or `--section meta` (0). */
export function parseSection(value: string): StepKey {
  const steps = Object.keys(STEP_FILES) as StepKey[];
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) < steps.length) return steps[Number(trimmed)]!;
  const named = steps.find((step) => step.toLowerCase() === trimmed.toLowerCase());
  if (named) return named;
  throw new OpsplanError('USAGE', `unknown section "${value}"`, {
    hint: `Use a number from 0 (about the plan) to ${SECTION_KEYS.length}, or one of: ${steps.join(', ')}.`,
  });
}
