// Picks the language the tool speaks to the user (wizard, review), independent of the plan's language.
import { LANGUAGES, type Language } from '../plan/schema.js';

/** `--lang` when given, else the system locale (LC_ALL, LC_MESSAGES, LANG, then Intl), else English. */
export function uiLanguage(requested?: string, environment: NodeJS.ProcessEnv = process.env): Language {
  const candidates = [requested, environment.LC_ALL, environment.LC_MESSAGES, environment.LANG, Intl.DateTimeFormat().resolvedOptions().locale];
  for (const candidate of candidates) {
    const language = matchLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}

function matchLanguage(value: string | undefined): Language | undefined {
  if (!value || value === 'C' || value === 'POSIX') return undefined;
  const tag = value.split('.')[0]!.replace('_', '-').toLowerCase();
  if (tag.startsWith('zh')) return 'zh-CN';
  if (tag.startsWith('en')) return 'en';
  return LANGUAGES.find((language) => language.toLowerCase() === tag);
}
