// Asks for one answer (text, number, date, choice, yes/no) and checks it with the field's own schema before accepting it.
import type { z } from 'zod';
import { checkWith, describeField, fieldSchema, templateOf, type Field, type FieldPath } from './fields.js';
import { asSentence, issueText } from './issueText.js';
import { normalizeDate, parseNumberAnswer } from './numbers.js';
import type { Question, Values } from './questions.js';
import { fillText, messageOf, questionAt, type StepContext, type WizardContext } from './context.js';

type AnySchema = z.core.$ZodType;

export interface AskOptions {
  /** The question, when it is not the one filed under the field's own key (e.g. one of a list's per-quarter values). */
  question?: Question;
  /** The message to show instead of the question's own (already filled). */
  message?: string;
  extra?: Values;
  /** Skip the help lines (for the second and later values of a series). */
  quiet?: boolean;
}

type Interpreted = { ok: true; value: unknown } | { ok: false; message: string };

/** Asks for the answer at `fieldPath`; returns undefined when an optional field is left empty or cleared with "-". */
export async function askField(context: StepContext, fieldPath: FieldPath, current: unknown, options: AskOptions = {}): Promise<unknown> {
  const schema = fieldSchema(fieldPath);
  return askWith(context, schema, describeField(schema), options.question ?? questionAt(context, templateOf(fieldPath)), current, options);
}

/** Asks for an answer checked against `schema`, described as `field`. */
export async function askWith(
  context: WizardContext,
  schema: AnySchema,
  field: Field,
  question: Question,
  current: unknown,
  options: AskOptions = {},
): Promise<unknown> {
  const { prompter, words } = context;
  const message = options.message ?? messageOf(context, question, options.extra);
  const preset = question.default === undefined ? undefined
    : typeof question.default === 'string' ? fillText(context, question.default, options.extra) : question.default;
  if (!options.quiet) prompter.help(helpLines(context, question, field, current, options.extra));

  if (field.kind === 'choice') {
    const labels = question.choices ?? {};
    const choices = field.values.map((value) => ({ value, name: labels[value] ?? value }));
    const fallback = [current, preset, field.schemaDefault].find((value): value is string => typeof value === 'string' && field.values.includes(value));
    return prompter.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
  }
  if (field.kind === 'yesNo') {
    return prompter.confirm({ message, default: typeof current === 'boolean' ? current : preset === true });
  }
  if (field.kind !== 'text' && field.kind !== 'number') throw new Error(`"${question.message}" is not a single answer`);

  const interpret = (raw: string): Interpreted => {
    const typed = raw.trim();
    if (field.optional && (typed === '' || typed === '-')) return { ok: true, value: undefined };
    let value: unknown = raw;
    if (field.kind === 'number') {
      const parsed = parseNumberAnswer(raw, field.numberKind);
      if (!parsed.ok) return { ok: false, message: words.t(`numbers.${parsed.problem}`) };
      value = parsed.value;
    } else if (field.date) {
      value = normalizeDate(raw);
    }
    const checked = checkWith(schema, value);
    return checked.ok ? checked : { ok: false, message: asSentence(issueText(checked.issue, context.language)) };
  };
  const shown = current !== undefined && current !== null ? String(current) : preset !== undefined ? String(preset) : undefined;
  const answer = await prompter.input({
    message,
    ...(shown !== undefined ? { default: shown } : {}),
    validate: (raw) => {
      const result = interpret(raw);
      return result.ok ? true : result.message;
    },
  });
  const result = interpret(answer);
  return result.ok ? result.value : undefined;
}

function helpLines(context: WizardContext, question: Question, field: Field, current: unknown, extra?: Values): string[] {
  const { words } = context;
  const lines: string[] = [];
  if (question.help) lines.push(...(fillText(context, question.help, extra) ?? question.help).trim().split('\n'));
  if (question.example) lines.push(words.t('question.example', { example: question.example.trim() }));
  if (field.kind === 'text' || field.kind === 'number') {
    const answered = current !== undefined && current !== null;
    if (answered) lines.push(words.t(field.optional ? 'question.keepOrClear' : 'question.keep'));
    else if (field.optional) lines.push(words.t('question.optional'));
  }
  return lines;
}
