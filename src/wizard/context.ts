// What every wizard step works with: the prompter, the wording in the user's language, and the answers being filled in.
import type { Language } from '../plan/schema.js';
import type { Prompter } from './prompter.js';
import { fill, type Question, type StepWording, type Values, type Wizardese } from './questions.js';
import type { FieldPath } from './fields.js';

export type Answers = Record<string, unknown>;

export interface WizardContext {
  prompter: Prompter;
  /** The language the wizard speaks (not necessarily the plan's language). */
  language: Language;
  words: Wizardese;
  /** The answers being filled in; steps edit them in place, so an interruption can save what was answered. */
  answers: Answers;
  /** "Today", for date defaults; fixed in tests. */
  today: Date;
}

export interface StepContext extends WizardContext {
  wording: StepWording;
  /** Code for the few questions the schema alone cannot drive, keyed by question key. */
  hooks: Partial<Record<string, Hook>>;
}

export type Hook = (context: StepContext, parent: Answers, at: FieldPath) => Promise<void>;

/** The value at a dotted path such as `meta.horizon.quarters`. */
export function valueAt(data: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Answers)[part] : undefined), data);
}

/** Fills `{name}` from `extra`, the special names (today, nextQuarterStart, uiLanguage), then the answers. */
export function fillText(context: WizardContext, template: string, extra: Values = {}): string | undefined {
  return fill(template, (name) => {
    if (extra[name] !== undefined) return extra[name];
    if (name === 'today') return isoDay(context.today);
    if (name === 'nextQuarterStart') return nextQuarterStart(context.today);
    if (name === 'uiLanguage') return context.language;
    const value = valueAt(context.answers, name);
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  });
}

/** A question's message with its placeholders filled; unknown placeholders are dropped rather than shown raw. */
export function messageOf(context: WizardContext, question: Question, extra: Values = {}, text = question.message): string {
  return fillText(context, text, extra) ?? text.replace(/\{[\w.]+\}/g, '').replace(/\s+/g, ' ').trim();
}

export function questionAt(context: StepContext, template: string): Question {
  const question = context.wording.questions[template];
  if (!question) throw new Error(`${context.wording.file}: no question for "${template}"`);
  return question;
}

/** The local calendar day, which is what a user means by "today". */
function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function nextQuarterStart(date: Date): string {
  const month = Math.floor(date.getMonth() / 3) * 3 + 3;
  return isoDay(new Date(date.getFullYear() + Math.floor(month / 12), month % 12, 1));
}

/** The number of quarters the plan covers, for questions asked once per quarter. */
export function planQuarters(context: WizardContext): number {
  const quarters = valueAt(context.answers, 'meta.horizon.quarters');
  return typeof quarters === 'number' && Number.isInteger(quarters) && quarters >= 1 && quarters <= 12 ? quarters : 4;
}
