// A Prompter that answers from a script, for driving the wizard in tests exactly as a user would.
import { WizardInterrupted, type Choice, type InputQuestion, type Prompter } from '../../src/wizard/prompter.js';

/** Press Enter: take the default, as inquirer does. */
export const ENTER = Symbol('enter');
/** Press Ctrl-C at this question. */
export const CTRL_C = Symbol('ctrl-c');

export type Answer = string | boolean | string[] | typeof ENTER | typeof CTRL_C;
export type ScriptLine = readonly [question: string | RegExp, answer: Answer];

export interface Rejection {
  question: string;
  answer: string;
  message: string;
}

/**
 * Each question takes the next script line, whose pattern must match the question. With `otherwise: 'enter'`, questions
 * the next line does not match are answered with Enter (the default), so a test scripts only what it changes.
 */
export class ScriptedPrompter implements Prompter {
  readonly transcript: string[] = [];
  readonly rejections: Rejection[] = [];
  private readonly script: ScriptLine[];

  constructor(script: readonly ScriptLine[], private readonly otherwise: 'fail' | 'enter' = 'fail') {
    this.script = [...script];
  }

  get remaining(): readonly ScriptLine[] {
    return this.script;
  }

  say(text: string): void {
    this.transcript.push(text);
  }

  help(lines: string[]): void {
    this.transcript.push(...lines.map((line) => `  ${line}`));
  }

  private next(question: string): Answer {
    const line = this.script[0];
    const matches = line !== undefined && (typeof line[0] === 'string' ? question.includes(line[0]) : line[0].test(question));
    if (matches) {
      this.script.shift();
      if (line[1] === CTRL_C) throw new WizardInterrupted();
      return line[1];
    }
    if (this.otherwise === 'enter') return ENTER;
    throw new Error(`unexpected question "${question}"; next in the script: ${line ? String(line[0]) : '(script finished)'}`);
  }

  async input(question: InputQuestion): Promise<string> {
    for (;;) {
      const answer = this.next(question.message);
      if (typeof answer !== 'string' && answer !== ENTER) throw new Error(`"${question.message}" takes text, not ${String(answer)}`);
      const value = (answer === ENTER ? '' : answer) || (question.default ?? '');
      const verdict = question.validate ? question.validate(value) : true;
      this.transcript.push(`? ${question.message} ${value}`);
      if (verdict === true) return value;
      this.rejections.push({ question: question.message, answer: value, message: verdict });
      this.transcript.push(`> ${verdict}`);
      if (answer === ENTER && this.otherwise === 'enter' && !this.nextMatches(question.message)) {
        throw new Error(`"${question.message}": the default "${value}" is rejected (${verdict}) and the script has no answer`);
      }
    }
  }

  private nextMatches(question: string): boolean {
    const line = this.script[0];
    return line !== undefined && (typeof line[0] === 'string' ? question.includes(line[0]) : line[0].test(question));
  }

  async confirm(question: { message: string; default?: boolean }): Promise<boolean> {
    const answer = this.next(question.message);
    const value = answer === ENTER ? question.default ?? false : answer;
    if (typeof value !== 'boolean') throw new Error(`"${question.message}" takes yes or no, not ${String(value)}`);
    this.transcript.push(`? ${question.message} ${value ? 'yes' : 'no'}`);
    return value;
  }

  async select<T extends string>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    const answer = this.next(question.message);
    const value = answer === ENTER ? question.default ?? question.choices[0]?.value : answer;
    const choice = question.choices.find((entry) => entry.value === value);
    if (!choice) throw new Error(`"${question.message}" has no choice ${String(value)}; choices: ${question.choices.map((entry) => entry.value).join(', ')}`);
    this.transcript.push(`? ${question.message} ${choice.name}`);
    return choice.value;
  }

  async checkbox<T extends string>(question: {
    message: string;
    choices: Array<Choice<T> & { checked?: boolean }>;
    validate?: (chosen: T[]) => true | string;
  }): Promise<T[]> {
    for (;;) {
      const answer = this.next(question.message);
      const values = answer === ENTER ? question.choices.filter((choice) => choice.checked).map((choice) => choice.value) : answer;
      if (!Array.isArray(values)) throw new Error(`"${question.message}" takes a list of choices`);
      const unknown = values.filter((value) => !question.choices.some((choice) => choice.value === value));
      if (unknown.length > 0) throw new Error(`"${question.message}" has no choice ${unknown.join(', ')}`);
      const verdict = question.validate ? question.validate(values as T[]) : true;
      this.transcript.push(`? ${question.message} ${values.join(', ')}`);
      if (verdict === true) return values as T[];
      this.rejections.push({ question: question.message, answer: values.join(','), message: verdict });
    }
  }
}
