// The wizard's wording files: every field a plan needs has a question in every language, and both languages match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LANGUAGES, PlanSchema, TeamSchema } from '../../src/plan/schema.js';
import { describeField, schemaAtTemplate } from '../../src/wizard/fields.js';
import { issueText } from '../../src/wizard/issueText.js';
import { loadStepWording, PROMPTS_DIR, STEP_FILES, type StepKey } from '../../src/wizard/questions.js';
import { ROOT } from '../helpers.js';

const STEPS = Object.keys(STEP_FILES) as StepKey[];
const CJK = /[\u4e00-\u9fff]/;

/** Question keys a complete plan cannot do without: every required field, reached through required groups and lists. */
function requiredKeys(template: string): string[] {
  const schema = schemaAtTemplate(template)!;
  const field = describeField(schema);
  if (field.kind === 'object') {
    const shape = unwrapShape(schema);
    return Object.keys(shape).flatMap((key) => {
      const child = `${template}.${key}`;
      return describeField(schemaAtTemplate(child)!).optional ? [] : requiredKeys(child);
    });
  }
  if (field.kind === 'list' && field.item === 'object') return [template, ...requiredKeys(`${template}[]`)];
  return [template];
}

function unwrapShape(schema: z.core.$ZodType): Record<string, unknown> {
  let def = schema._zod.def as unknown as { type: string; shape?: Record<string, unknown>; innerType?: z.core.$ZodType };
  while (def.type === 'optional' || def.type === 'default') def = def.innerType!._zod.def as unknown as typeof def;
  return def.shape ?? {};
}

describe.each(LANGUAGES)('questions in %s', (language) => {
  it.each(STEPS)('%s: every key is a field of the answers file', (step) => {
    const wording = loadStepWording(language, step);
    for (const key of Object.keys(wording.questions)) {
      expect(key.split(/[.[]/)[0], key).toBe(step);
      expect(schemaAtTemplate(key), key).toBeDefined();
    }
  });

  it.each(STEPS)('%s: every required field has a question', (step) => {
    const keys = Object.keys(loadStepWording(language, step).questions);
    const missing = requiredKeys(step).filter((key) => !keys.includes(key));
    expect(missing).toEqual([]);
  });

  it.each(STEPS)('%s: every question teaches: it has help text', (step) => {
    const wording = loadStepWording(language, step);
    const silent = Object.entries(wording.questions).filter(([, question]) => !question.help?.trim()).map(([key]) => key);
    expect(silent).toEqual([]);
    expect(wording.intro.trim().length).toBeGreaterThan(40);
    expect(wording.example.trim().length).toBeGreaterThan(40);
  });

  it.each(STEPS)('%s: every allowed value of a choice has a label, and lists say what an item is', (step) => {
    for (const [key, question] of Object.entries(loadStepWording(language, step).questions)) {
      const field = describeField(schemaAtTemplate(key)!);
      if (field.kind === 'choice') expect(Object.keys(question.choices ?? {}).sort(), key).toEqual([...field.values].sort());
      if (field.kind === 'list' && field.item === 'object') {
        expect(question.item, key).toMatch(/\{n\}/);
        expect(question.more, key).toBeTruthy();
      }
      if (field.kind === 'list' && field.item === 'text') expect(question.message, key).toMatch(/\{n\}/);
    }
  });
});

describe('English and Chinese wording', () => {
  it.each(STEPS)('%s: the same questions in the same order, with the same choices and defaults', (step) => {
    const en = loadStepWording('en', step);
    const zh = loadStepWording('zh-CN', step);
    expect(Object.keys(zh.questions)).toEqual(Object.keys(en.questions));
    for (const [key, question] of Object.entries(en.questions)) {
      const other = zh.questions[key]!;
      expect(Object.keys(other.choices ?? {}), key).toEqual(Object.keys(question.choices ?? {}));
      expect(other.item === undefined, key).toBe(question.item === undefined);
      expect(other.more === undefined, key).toBe(question.more === undefined);
      if (typeof question.default !== 'string') expect(other.default, key).toEqual(question.default);
      expect(placeholders(other.message), key).toEqual(placeholders(question.message));
      expect(CJK.test(other.message), `${key} is not translated`).toBe(true);
    }
  });

  it('wizard.yaml has the same sentences and placeholders in both languages', () => {
    const flat = (language: string) => flatten(parse(readFileSync(path.join(PROMPTS_DIR, language, 'wizard.yaml'), 'utf8')) as object);
    const en = flat('en');
    const zh = flat('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) expect(placeholders(zh[key]!), key).toEqual(placeholders(text));
  });
});

describe('validation messages in Chinese', () => {
  it('translate every sentence the answers schema can say', () => {
    const source = readFileSync(path.join(ROOT, 'src', 'plan', 'schema.ts'), 'utf8');
    const sentences = [...source.matchAll(/(?:error|message): '([^']+)'/g)].map((match) => match[1]!);
    expect(sentences.length).toBeGreaterThan(20);
    for (const message of new Set(sentences)) {
      const text = issueText({ code: 'custom', message, path: [], input: 1 } as z.core.$ZodIssue, 'zh-CN');
      expect(CJK.test(text), `"${message}" has no Chinese translation (prompts/zh-CN/validation.yaml)`).toBe(true);
    }
  });

  it('fill the figures of rules that name them', () => {
    const team = TeamSchema.safeParse({
      people: [{ name: 'A', role: 'B', duties: ['C'] }],
      commission: [{ threshold: 50000, ratePercent: 1 }, { threshold: 20000, ratePercent: 2 }],
    });
    expect(team.success).toBe(false);
    expect(issueText(team.error!.issues[0]!, 'zh-CN')).toBe('必须高于上一档的门槛（50000）：请按销售额门槛由低到高填写');

    const raw = parse(readFileSync(path.join(ROOT, 'examples', 'lumen-threads.en.yaml'), 'utf8')) as Record<string, any>;
    raw.growth.kpis[0].targets = [1, 2];
    const plan = PlanSchema.safeParse(raw);
    const texts = plan.error!.issues.map((issue) => issueText(issue, 'zh-CN'));
    expect(texts).toContain('有 2 个数值，但方案覆盖 4 个季度（meta.horizon.quarters）：每个季度填写一个');
  });

  it('say generic problems in Chinese too, and English exactly as `opsplan validate` does', () => {
    const result = PlanSchema.safeParse({ schemaVersion: 1 }, { reportInput: true });
    const meta = result.error!.issues.find((issue) => issue.path.join('.') === 'meta')!;
    expect(issueText(meta, 'zh-CN')).toBe('未填写');
    expect(issueText(meta, 'en')).toMatch(/^is missing: about the plan/);
  });
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([\w.]+)\}/g)].map((match) => match[1]!).sort();
}

function flatten(node: object, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object') Object.assign(result, flatten(value as object, `${prefix}${key}.`));
    else result[`${prefix}${key}`] = String(value);
  }
  return result;
}
