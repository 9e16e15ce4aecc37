// The review's wording per language (prompts/<language>/review.yaml): messages, fixes, labels and word lists.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { preparsedYaml } from '../io/builtins.js';
import { LANGUAGES, type Language } from '../plan/schema.js';
import type { HitValues, Lexicon } from './types.js';

/** The built-in prompts folder, shipped beside `dist/` like the templates. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface Wording {
  language: Language;
  file: string;
  /** The text at a dotted key with `{name}` placeholders filled; numbers are formatted for the language. */
  say(key: string, values?: HitValues): string;
  has(key: string): boolean;
  /** "1 error" / "2 errors": the `one` or `other` form under `key`, with `{count}` filled. */
  count(key: string, count: number): string;
  lexicon: Lexicon;
}

const cache = new Map<Language, Wording>();

export function reviewFile(language: Language): string {
  return `${PROMPTS_DIR}${language}/review.yaml`;
}

/** Loads (once) the wording of one language. A missing key is a broken install, reported with the file it belongs in. */
export function loadWording(language: Language): Wording {
  const cached = cache.get(language);
  if (cached) return cached;
  const file = reviewFile(language);
  const source = readFileSync(file, 'utf8');
  const data = (preparsedYaml(file, source) ?? { value: parse(source) as unknown }).value as Record<string, unknown>;
  const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(language);
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), data);
  const text = (key: string): string => {
    const value = lookup(key);
    if (typeof value !== 'string') throw new Error(`${file}: no text at "${key}"`);
    return value;
  };
  const fill = (template: string, key: string, values: HitValues) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${file}: "${key}" uses {${name}}, which the rule does not give`);
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  const wording: Wording = {
    language,
    file,
    say: (key, values = {}) => fill(text(key), key, values),
    has: (key) => typeof lookup(key) === 'string',
    count: (key, count) => {
      const form = plurals.select(count);
      const chosen = typeof lookup(`${key}.${form}`) === 'string' ? `${key}.${form}` : `${key}.other`;
      return fill(text(chosen), chosen, { count });
    },
    lexicon: lexiconOf(data, file),
  };
  cache.set(language, wording);
  return wording;
}

type WordList = Exclude<keyof Lexicon, 'weekdays'>;
const WORD_LISTS: readonly WordList[] = [
  'praise', 'selfReference', 'placeholders', 'followers', 'newcomers', 'sales', 'activityRate', 'activityCosts', 'everyDay', 'workdays', 'weekend',
];

function lexiconOf(data: Record<string, unknown>, file: string): Lexicon {
  const lexicon = (data.lexicon ?? {}) as Record<string, unknown>;
  const isWords = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
  const lists = Object.fromEntries(WORD_LISTS.map((name) => {
    const value = lexicon[name];
    if (!isWords(value)) throw new Error(`${file}: lexicon.${name} must be a list of words`);
    return [name, value];
  })) as Record<WordList, string[]>;
  const weekdays = lexicon.weekdays;
  if (!Array.isArray(weekdays) || weekdays.length !== 7 || !weekdays.every(isWords)) {
    throw new Error(`${file}: lexicon.weekdays must be seven lists of names, Monday first`);
  }
  return { ...lists, weekdays };
}

let combined: Lexicon | undefined;

/** Word lists of every language together, since answers in one language often carry words of another. */
export function combinedLexicon(): Lexicon {
  if (combined) return combined;
  const all = LANGUAGES.map((language) => loadWording(language).lexicon);
  const merge = (words: string[][]) => [...new Set(words.flat())];
  const lists = Object.fromEntries(WORD_LISTS.map((name) => [name, merge(all.map((lexicon) => lexicon[name]))])) as Record<WordList, string[]>;
  combined = { ...lists, weekdays: Array.from({ length: 7 }, (_, day) => merge(all.map((lexicon) => lexicon.weekdays[day]!))) };
  return combined;
}
