// Loads the wizard's wording from prompts/<language>/: one file per step of questions, plus wizard.yaml for the rest.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Language } from '../plan/schema.js';

/** The built-in prompts folder, shipped beside `dist/` like the templates. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const QuestionSchema = z.strictObject({
  message: z.string().min(1),
  help: z.string().optional(),
  example: z.string().optional(),
  /** A fixed default, or `{path}` / `{today}` / `{nextQuarterStart}` / `{uiLanguage}` filled in when asked. */
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Lists: the heading of one item, with `{n}`. */
  item: z.string().optional(),
  /** Lists: the "add another?" question. */
  more: z.string().optional(),
  /** Labels of the allowed values, keyed by value. */
  choices: z.record(z.string(), z.string()).optional(),
});

const StepFileSchema = z.strictObject({
  title: z.string().min(1),
  intro: z.string().min(1),
  example: z.string().min(1),
  questions: z.record(z.string(), QuestionSchema),
});

export type Question = z.infer<typeof QuestionSchema>;
export type StepWording = z.infer<typeof StepFileSchema> & { file: string };

export const STEP_FILES = {
  meta: '00-meta',
  competitorAnalysis: '01-competitorAnalysis',
  value: '02-value',
  activities: '03-activities',
  customerConcerns: '04-customerConcerns',
  accountPlan: '05-accountPlan',
  team: '06-team',
  growth: '07-growth',
} as const;

export type StepKey = keyof typeof STEP_FILES;

function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

const stepCache = new Map<string, StepWording>();

/** The questions of one step in one language; a malformed file is a broken install, reported with its name. */
export function loadStepWording(language: Language, step: StepKey): StepWording {
  const file = `${PROMPTS_DIR}${language}/${STEP_FILES[step]}.yaml`;
  const cached = stepCache.get(file);
  if (cached) return cached;
  const result = StepFileSchema.safeParse(readYaml(file));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const wording = { ...result.data, file };
  stepCache.set(file, wording);
  return wording;
}

export type Values = Record<string, string | number | undefined>;

/** The wizard's own sentences (headings, list actions, summary, errors) in one language. */
export interface Wizardese {
  language: Language;
  /** The text at a dotted key, with `{name}` placeholders filled. */
  t(key: string, values?: Values): string;
  has(key: string): boolean;
  /** The raw data under a key (e.g. a map of zh-CN validation sentences). */
  section(key: string): Record<string, unknown>;
}

const wizardeseCache = new Map<Language, Wizardese>();

export function loadWizardese(language: Language): Wizardese {
  const cached = wizardeseCache.get(language);
  if (cached) return cached;
  const file = `${PROMPTS_DIR}${language}/wizard.yaml`;
  const data = readYaml(file) as Record<string, unknown>;
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), data);
  const wizardese: Wizardese = {
    language,
    t(key, values = {}) {
      const text = lookup(key);
      if (typeof text !== 'string') throw new Error(`${file}: no text at "${key}"`);
      return fill(text, values) ?? text;
    },
    has: (key) => typeof lookup(key) === 'string',
    section(key) {
      const node = lookup(key);
      return node && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    },
  };
  wizardeseCache.set(language, wizardese);
  return wizardese;
}

/** Fills `{name}` placeholders from a record or a lookup; returns undefined when one of them has no value. */
export function fill(template: string, values: Values | ((name: string) => string | number | undefined)): string | undefined {
  const lookup = typeof values === 'function' ? values : (name: string) => values[name];
  let missing = false;
  const text = template.replace(/\{([\w.]+)\}/g, (_, name: string) => {
    const value = lookup(name);
    if (value === undefined) {
      missing = true;
      return '';
    }
    return String(value);
  });
  return missing ? undefined : text;
}
