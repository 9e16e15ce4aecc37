// The Prompter for a real terminal, on top of @inquirer/prompts (loaded only when the wizard starts).
import { styleText } from 'node:util';
import { WizardInterrupted, type Prompter } from './prompter.js';

type Inquirer = typeof import('@inquirer/prompts');

/** Inquirer reports Ctrl-C and a closed terminal as ExitPromptError; the wizard handles it once, as WizardInterrupted. */
async function guarded<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new WizardInterrupted();
    throw error;
  }
}

export async function terminalPrompter(output: NodeJS.WriteStream = process.stdout): Promise<Prompter> {
  const inquirer: Inquirer = await import('@inquirer/prompts');
  const dim = (text: string) => (output.hasColors?.() ? styleText('dim', text) : text);
  return {
    say: (text) => output.write(`${text}\n`),
    help: (lines) => {
      for (const line of lines) output.write(`${dim(`  ${line}`)}\n`);
    },
    input: (question) => guarded(() => inquirer.input({
      message: question.message,
      ...(question.default !== undefined && question.default !== '' ? { default: question.default } : {}),
      ...(question.validate ? { validate: question.validate } : {}),
      theme: { validationFailureMode: 'keep' },
    })),
    confirm: (question) => guarded(() => inquirer.confirm({ message: question.message, default: question.default ?? false })),
    select: (question) => guarded(() => inquirer.select({
      message: question.message,
      choices: question.choices,
      ...(question.default !== undefined ? { default: question.default } : {}),
      pageSize: 12,
    })),
    checkbox: (question) => guarded(() => inquirer.checkbox({
      message: question.message,
      // Once answered, the line shows the chosen values (md, docx), not their whole descriptions.
      choices: question.choices.map((choice) => ({ ...choice, short: choice.value })),
      ...(question.validate ? { validate: (chosen: ReadonlyArray<{ value: (typeof question.choices)[number]['value'] }>) => question.validate!(chosen.map((choice) => choice.value)) } : {}),
    })),
  };
}
