// The one interface every wizard question goes through; the terminal uses inquirer, tests use scripted answers.

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface InputQuestion {
  message: string;
  /** Shown in brackets and returned when the user just presses Enter. */
  default?: string;
  /** Returns true to accept, or the message to show before asking again. */
  validate?: (answer: string) => true | string;
}

export interface Prompter {
  /** Prints lines that teach or report: section intros, help, examples, summaries. */
  say(text: string): void;
  /** Help under a question: what it means and an example answer. */
  help(lines: string[]): void;
  input(question: InputQuestion): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  select<T extends string>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T extends string>(question: {
    message: string;
    choices: Array<Choice<T> & { checked?: boolean }>;
    validate?: (chosen: T[]) => true | string;
  }): Promise<T[]>;
}

/** Thrown (by the terminal prompter) when the user presses Ctrl-C or the terminal goes away. */
export class WizardInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'WizardInterrupted';
  }
}
