// Walks a part of the answers question by question, in the order of the prompts file; lists are filled one item at a time.
import type { z } from 'zod';
import { askField } from './ask.js';
import { isPlainObject } from './answersFile.js';
import { checkAnswer, describeField, fieldSchema, issuesOf, shapeKeys, templateOf, type Field, type FieldPath } from './fields.js';
import { asSentence, issueText } from './issueText.js';
import type { Values } from './questions.js';
import { messageOf, planQuarters, questionAt, type Answers, type StepContext } from './context.js';

type ListField = Extract<Field, { kind: 'list' }>;

/** The fields under `template` that have questions, in the order their questions first appear. */
export function childKeys(context: StepContext, template: string): string[] {
  const keys: string[] = [];
  const prefix = `${template}.`;
  for (const key of Object.keys(context.wording.questions)) {
    if (!key.startsWith(prefix)) continue;
    const child = /^[^.[]+/.exec(key.slice(prefix.length))?.[0];
    if (child && !keys.includes(child)) keys.push(child);
  }
  return keys;
}

/** Asks every question under `at`, writing each answer into `target` as soon as it is given. */
export async function askObject(context: StepContext, target: Answers, at: FieldPath, extra: Values = {}): Promise<void> {
  const fresh = Object.keys(target).length === 0;
  try {
    await askChildren(context, target, at, extra);
  } finally {
    // A new group of answers is written in the schema's order (title before company), like the examples, even when interrupted.
    if (fresh) orderLikeSchema(target, shapeKeys(at));
  }
}

function orderLikeSchema(target: Answers, order: readonly string[]): void {
  const entries = Object.entries(target).sort(([a], [b]) => rank(order, a) - rank(order, b));
  for (const [key] of entries) delete target[key];
  for (const [key, value] of entries) target[key] = value;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

async function askChildren(context: StepContext, target: Answers, at: FieldPath, extra: Values): Promise<void> {
  for (const key of childKeys(context, templateOf(at))) {
    const fieldPath = [...at, key];
    const hook = context.hooks[templateOf(fieldPath)];
    if (hook) {
      await hook(context, target, fieldPath);
      continue;
    }
    const field = describeField(fieldSchema(fieldPath));
    if (field.kind === 'object') {
      if (field.optional) {
        const question = questionAt(context, templateOf(fieldPath));
        if (question.help) context.prompter.help([question.help.trim()]);
        const wanted = await context.prompter.confirm({ message: messageOf(context, question, extra), default: target[key] !== undefined });
        if (!wanted) {
          delete target[key];
          continue;
        }
      }
      const child = isPlainObject(target[key]) ? target[key] : {};
      target[key] = child;
      await askObject(context, child, fieldPath, extra);
    } else if (field.kind === 'list') {
      if (field.item === 'object') await askItems(context, target, fieldPath, field, extra);
      else if (field.item === 'text') await askTextList(context, target, fieldPath, field, extra);
      else await askPerQuarter(context, target, fieldPath, extra);
    } else if (field.kind === 'union') {
      throw new Error(`"${templateOf(fieldPath)}" needs a hook: the schema allows more than one shape`);
    } else {
      const value = await askField(context, fieldPath, target[key], { extra });
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
  }
}

/** A list of items with fields: existing items are kept, changed or removed; new ones are added with "add another?". */
async function askItems(context: StepContext, parent: Answers, at: FieldPath, field: ListField, extra: Values): Promise<void> {
  const { prompter, words } = context;
  const key = String(at.at(-1));
  const question = questionAt(context, templateOf(at));
  const list: unknown[] = Array.isArray(parent[key]) ? parent[key] : [];
  parent[key] = list;
  const itemSchema = fieldSchema([...at, 0]);
  const help = question.help ? question.help.trim().split('\n') : [];
  // A list that must have items opens with its message as a statement; an optional one asks it as a yes/no question.
  if (list.length === 0 && field.min > 0) prompter.say(messageOf(context, question, extra));
  prompter.help(help);
  let index = 0;
  while (index < list.length) {
    if (!isPlainObject(list[index])) list[index] = {};
    const item = list[index] as Answers;
    const label = itemLabel(context, question.item ?? question.message, index, item, extra);
    const complete = issuesOf(itemSchema, item).length === 0;
    const action = await prompter.select({
      message: words.t('list.action', { item: label }),
      choices: [
        { value: 'keep', name: words.t('list.keep') },
        { value: 'edit', name: words.t('list.edit') },
        { value: 'remove', name: words.t('list.remove') },
      ],
      default: complete ? 'keep' : 'edit',
    });
    if (action === 'remove') {
      list.splice(index, 1);
      continue;
    }
    if (action === 'edit') await askItem(context, item, [...at, index], extra);
    index += 1;
  }
  while (list.length < field.max) {
    if (list.length >= field.min) {
      const first = list.length === 0;
      const add = await prompter.confirm({
        message: messageOf(context, question, extra, first ? question.message : question.more ?? question.message),
        default: first && question.default === true,
      });
      if (!add) break;
    }
    const item: Answers = {};
    list.push(item);
    prompter.say(`\n${messageOf(context, question, { ...extra, n: list.length }, question.item ?? question.message)}`);
    await askItem(context, item, [...at, list.length - 1], extra);
  }
  if (list.length >= field.max && field.max !== Infinity) prompter.say(words.t('list.full', { max: field.max }));
  if (list.length === 0 && field.optional) delete parent[key];
}

async function askItem(context: StepContext, item: Answers, at: FieldPath, extra: Values): Promise<void> {
  await askObject(context, item, at, extra);
  await resolveIssues(context, fieldSchema(at), item, at, extra);
}

/** "Cost item 2: Photo shoots": the item heading and its first text answer, to recognise it by. */
function itemLabel(context: StepContext, template: string, index: number, item: Answers, extra: Values): string {
  const heading = messageOf(context, { message: template }, { ...extra, n: index + 1 });
  const name = Object.values(item).find((value): value is string => typeof value === 'string');
  if (!name) return heading;
  return `${heading}: ${[...name].length > 50 ? `${[...name].slice(0, 50).join('')}…` : name}`;
}

/** A list of short texts, one per answer; an empty answer ends the list, "-" removes an existing entry. */
async function askTextList(context: StepContext, parent: Answers, at: FieldPath, field: ListField, extra: Values): Promise<void> {
  const { prompter, words } = context;
  const key = String(at.at(-1));
  const question = questionAt(context, templateOf(at));
  const existing = Array.isArray(parent[key]) ? parent[key].filter((entry): entry is string => typeof entry === 'string') : [];
  const entries: string[] = [];
  const store = () => {
    if (entries.length === 0 && field.optional) delete parent[key];
    else parent[key] = [...entries];
  };
  const help = [question.help?.trim(), question.example ? words.t('question.example', { example: question.example.trim() }) : undefined];
  prompter.help([...help.filter((line): line is string => line !== undefined), words.t(existing.length > 0 ? 'list.textKeep' : 'list.textHelp')]);
  const checkEntry = (raw: string): { ok: true; value: string } | { ok: false; message: string } => {
    const checked = checkAnswer([...at, entries.length], raw);
    return checked.ok ? { ok: true, value: String(checked.value) } : { ok: false, message: asSentence(issueText(checked.issue, context.language)) };
  };
  for (const current of existing) {
    const answer = await prompter.input({
      message: messageOf(context, question, { ...extra, n: entries.length + 1 }),
      default: current,
      validate: (raw) => {
        if (raw.trim() === '-') return true;
        const checked = checkEntry(raw);
        return checked.ok || checked.message;
      },
    });
    if (answer.trim() === '-') continue;
    const checked = checkEntry(answer);
    if (checked.ok) entries.push(checked.value);
    store();
  }
  const tooFew = () => {
    const issue = issuesOf(fieldSchema(at), entries)[0];
    return issue ? asSentence(issueText(issue, context.language)) : undefined;
  };
  while (entries.length < field.max) {
    const canStop = entries.length >= field.min;
    const answer = await prompter.input({
      message: `${messageOf(context, question, { ...extra, n: entries.length + 1 })}${canStop ? words.t('list.emptyToFinish') : ''}`,
      validate: (raw) => {
        if (raw.trim() === '') return canStop ? true : tooFew() ?? true;
        const checked = checkEntry(raw);
        return checked.ok || checked.message;
      },
    });
    if (answer.trim() === '') break;
    const checked = checkEntry(answer);
    if (checked.ok) entries.push(checked.value);
    store();
  }
  store();
}

/** One number per quarter of the plan (follower targets, KPI targets). */
export async function askPerQuarter(context: StepContext, parent: Answers, at: FieldPath, extra: Values, messageKey: 'message' | 'item' = 'message'): Promise<void> {
  const key = String(at.at(-1));
  const question = questionAt(context, templateOf(at));
  const existing = Array.isArray(parent[key]) ? parent[key] : [];
  const values: unknown[] = [];
  const quarters = planQuarters(context);
  for (let quarter = 1; quarter <= quarters; quarter += 1) {
    const message = messageOf(context, question, { ...extra, quarter }, question[messageKey] ?? question.message);
    const value = await askField(context, [...at, quarter - 1], existing[quarter - 1], { question, message, quiet: quarter > 1, extra });
    values.push(value);
    parent[key] = [...values];
  }
}

/**
 * Checks a finished item or section with its schema, for rules that span fields (conversions not above applicants,
 * commission tiers in order), and asks again for each field an issue points at.
 */
export async function resolveIssues(context: StepContext, schema: z.core.$ZodType, value: Answers, at: FieldPath, extra: Values = {}): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    const fixable = issuesOf(schema, value).flatMap((issue) => {
      const relative = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const fieldPath = [...at, ...relative];
      const question = context.wording.questions[templateOf(fieldPath)];
      if (!question || relative.length === 0) return [];
      const kind = describeField(fieldSchema(fieldPath)).kind;
      return kind === 'text' || kind === 'number' || kind === 'choice' || kind === 'yesNo' ? [{ issue, relative, fieldPath, question }] : [];
    });
    if (fixable.length === 0) return;
    for (const { issue, relative, fieldPath, question } of fixable) {
      const parent = relative.slice(0, -1).reduce<unknown>((node, part) => (node as Answers)[part as string], value) as Answers;
      const key = relative.at(-1)!;
      context.prompter.say(context.words.t('issue', {
        field: messageOf(context, question, { ...extra, n: typeof relative.at(-2) === 'number' ? Number(relative.at(-2)) + 1 : undefined }),
        message: asSentence(issueText(issue, context.language)),
      }));
      const answer = await askField(context, fieldPath, parent[key], { extra, quiet: true });
      if (answer === undefined) delete parent[key];
      else parent[key] = answer;
    }
  }
}
