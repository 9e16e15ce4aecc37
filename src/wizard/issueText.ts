// Validation messages in the user's language: English is exactly what `opsplan validate` says; others come from prompts/<lang>/validation.yaml.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { describeIssue } from '../plan/messages.js';
import type { Language } from '../plan/schema.js';
import { PROMPTS_DIR, fill } from './questions.js';

type Issue = z.core.$ZodIssue;

interface Translation {
  /** The schema's own sentences (e.g. "must not be negative"), translated; `{name}` matches any value. */
  sentences: Record<string, string>;
  /** Sentences for zod's generic issues, by kind. */
  issues: Record<string, string>;
  file: string;
}

const cache = new Map<Language, Translation>();

export function validationFile(language: Language): string {
  return `${PROMPTS_DIR}${language}/validation.yaml`;
}

function loadTranslation(language: Language): Translation {
  const cached = cache.get(language);
  if (cached) return cached;
  const file = validationFile(language);
  const data = parse(readFileSync(file, 'utf8')) as { sentences?: Record<string, string>; issues?: Record<string, string> };
  const translation = { sentences: data.sentences ?? {}, issues: data.issues ?? {}, file };
  cache.set(language, translation);
  return translation;
}

/** One sentence for a validation issue, in `language`; `key` names the unknown field for `unrecognized_keys`. */
export function issueText(issue: Issue, language: Language, key?: string): string {
  if (language === 'en') return describeIssue(issue, key);
  const translation = loadTranslation(language);
  return translateSentence(issue.message, translation) ?? genericText(issue, language, translation, key) ?? describeIssue(issue, key);
}

/** The translation of one of the schema's English sentences, if the file has it. */
export function translateSentence(message: string, translation: Pick<Translation, 'sentences'>): string | undefined {
  const exact = translation.sentences[message];
  if (exact !== undefined) return exact;
  for (const [english, translated] of Object.entries(translation.sentences)) {
    if (!english.includes('{')) continue;
    const names: string[] = [];
    const pattern = english
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return '(.+?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    const match = new RegExp(`^${pattern}$`).exec(message);
    if (match) return fill(translated, Object.fromEntries(names.map((name, index) => [name, match[index + 1]])));
  }
  return undefined;
}

function genericText(issue: Issue, language: Language, translation: Translation, key?: string): string | undefined {
  const say = (kind: string, values: Record<string, string | number | undefined> = {}) => {
    const template = translation.issues[kind];
    return template === undefined ? undefined : fill(template, values);
  };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return say('missing');
      return say(`expected_${issue.expected}`) ?? say('invalid_type');
    case 'invalid_value':
      return say('invalid_value', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return say('unrecognized_key', { key });
    case 'too_small':
      return say(`too_small_${issue.origin}`, { minimum: String(issue.minimum) });
    case 'too_big':
      return say(`too_big_${issue.origin}`, { maximum: String(issue.maximum) });
    case 'invalid_union': {
      const nested = issue.errors.flat().find((inner) => inner.code !== 'invalid_type');
      return nested ? issueText(nested, language) : say('invalid_union');
    }
    default:
      return undefined;
  }
}

/** Sentence case for a message shown on its own at a prompt ("must not be empty" -> "Must not be empty"). */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
