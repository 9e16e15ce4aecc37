// Finds templates and locale files (user folders first, then the built-in ones) and renders plan Markdown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { OpsplanError } from '../errors.js';
import type { Figures } from '../plan/derive.js';
import type { Plan } from '../plan/schema.js';
import type { ReviewAppendix } from '../review/appendix.js';
import type { PlanChanges } from '../plan/compare.js';
import { createFormatter } from '../i18n/format.js';
import { precompiledTemplate, preparsedYaml } from '../io/builtins.js';
import { createVoice, registerHelpers, type Locale } from './helpers.js';

/** The built-in templates folder, shipped beside `dist/`. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const PLAN_TEMPLATE = 'plan.md.hbs';
const PARTIALS = 'partials';
const LOCALES = 'locales';

export interface TemplateOptions {
  /** Folders searched file by file before the built-in templates. */
  templateDirs?: readonly string[];
}

/** The first folder in the search path that holds `relative`. */
function findFile(dirs: readonly string[], relative: string): string | undefined {
  return dirs.map((dir) => path.join(dir, relative)).find((candidate) => existsSync(candidate));
}

function searchPath(options: TemplateOptions): string[] {
  return [...(options.templateDirs ?? []), BUILTIN_TEMPLATES];
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new OpsplanError('TEMPLATE_ERROR', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * Templates and locales are read and compiled once per process and search path: a batch renders many plans with
 * the same files, and compiling them is most of the cost of a Markdown plan.
 */
const locales = new Map<string, Locale>();
const planTemplates = new Map<string, { file: string; template: HandlebarsTemplateDelegate }>();

/**
 * Loads the locale for a language: its labels are all the wording the templates use. A locale file in a templates
 * folder overrides the built-in labels it names; labels it lacks (say, of a section added since it was copied by
 * `brand init`) keep their built-in wording.
 */
export function loadLocale(language: string, options: TemplateOptions = {}): Locale {
  const relative = path.join(LOCALES, `${language}.yaml`);
  const files = searchPath(options).map((dir) => path.join(dir, relative)).filter((candidate) => existsSync(candidate));
  if (files.length === 0) throw new OpsplanError('TEMPLATE_ERROR', `no locale file ${relative} for language "${language}"`);
  const key = files.join('\0');
  const cached = locales.get(key);
  if (cached) return cached;
  const labels = files.map(readLabels).reduceRight((base, override) => mergeLabels(base, override));
  const locale = { file: files[0]!, labels };
  locales.set(key, locale);
  return locale;
}

function readLabels(file: string): Record<string, unknown> {
  let labels: unknown;
  try {
    const source = readTemplate(file);
    labels = (preparsedYaml(file, source) ?? { value: parseYaml(source) as unknown }).value;
  } catch (error) {
    if (error instanceof OpsplanError) throw error;
    throw templateError(file, error);
  }
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) throw new OpsplanError('TEMPLATE_ERROR', `${file}: must hold labels as named fields`);
  return labels as Record<string, unknown>;
}

/** Labels of `override` over those of `base`, group by group; neither is changed. */
function mergeLabels(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(override)) {
    const inherited = merged[name];
    const isGroup = (node: unknown): node is Record<string, unknown> => !!node && typeof node === 'object' && !Array.isArray(node);
    merged[name] = isGroup(inherited) && isGroup(value) ? mergeLabels(inherited, value) : value;
  }
  return merged;
}

function planTemplate(dirs: readonly string[]): { file: string; template: HandlebarsTemplateDelegate } {
  const key = dirs.join('\0');
  const cached = planTemplates.get(key);
  if (cached) return cached;
  const env = Handlebars.create();
  registerHelpers(env);
  for (const name of partialNames(dirs)) {
    env.registerPartial(name, compile(env, findFile(dirs, path.join(PARTIALS, `${name}.md.hbs`))!));
  }
  const file = findFile(dirs, PLAN_TEMPLATE)!;
  const compiled = { file, template: compile(env, file) };
  planTemplates.set(key, compiled);
  return compiled;
}

function compile(env: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  try {
    // Parsing eagerly surfaces syntax errors here, with the file they came from.
    const source = readTemplate(file);
    const precompiled = precompiledTemplate(file, source);
    if (precompiled) return env.template(precompiled);
    env.parse(source);
    return env.compile(source, { preventIndent: true });
  } catch (error) {
    if (error instanceof OpsplanError) throw error;
    throw templateError(file, error);
  }
}

function templateError(file: string, error: unknown): OpsplanError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message)?.[1];
  return new OpsplanError('TEMPLATE_ERROR', `${file}${line ? `:${line}` : ''}: ${message.split('\n')[0]}`, {
    hint: 'Fix the template, or remove it from your templates folder to use the built-in one.',
  });
}

/** Parts of the plan computed outside the figures, placed by the templates only when present. */
export interface PlanExtras {
  /** The review appendix, after the seven sections (`render --appendix review`). */
  review?: ReviewAppendix;
  /** What changed since a previous plan, after the growth forecast (`render --compare`). */
  changes?: PlanChanges;
}

/** Renders the plan's Markdown from the templates, in the plan's language. */
export function renderPlanMarkdown(plan: Plan, figures: Figures, options: TemplateOptions = {}, extras: PlanExtras = {}): string {
  const { file: planFile, template } = planTemplate(searchPath(options));
  const locale = loadLocale(plan.meta.language, options);
  const format = createFormatter({ language: plan.meta.language, currency: plan.meta.currency, wholeMoney: figures.wholeMoney });
  const voice = createVoice(locale, format, plan.meta.channel);
  try {
    return normalise(template({ ...plan, figures, review: extras.review, changes: extras.changes }, {
      data: { opsplan: voice },
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    }));
  } catch (error) {
    if (error instanceof OpsplanError) throw error;
    throw templateError(planFile, error);
  }
}

function partialNames(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    const folder = path.join(dir, PARTIALS);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder)) {
      if (entry.endsWith('.md.hbs')) names.add(entry.slice(0, -'.md.hbs'.length));
    }
  }
  return [...names].sort();
}

/** Collapses the blank lines that left-out optional parts leave behind. */
function normalise(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
