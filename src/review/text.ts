// Reading answer text the way a reviewer does: words from the lexicon, figures, names, times, trial periods, field paths.
import { SECTION_KEYS, type Plan, type SectionKey } from '../plan/schema.js';

const latinTerm = /^[\p{Script=Latin}\s'’-]+$/u;
const patterns = new Map<string, RegExp>();

/**
 * Whether `text` holds `term`. Latin terms match as whole words, in any case, with a plural ending or the last letter
 * repeated ("follower" finds "Followers", "xxx" finds "xxxx", "fan" does not find "fantastic"); other terms
 * (Chinese words, "??", "###") match anywhere.
 */
export function hasTerm(text: string, term: string): boolean {
  return findTerm(text, [term]) !== undefined;
}

/** The term of `terms` that comes first in `text`, as it is written in the text. */
export function findTerm(text: string, terms: readonly string[]): string | undefined {
  if (terms.length === 0) return undefined;
  const lower = text.toLowerCase();
  const found = termsPattern(terms).exec(lower);
  if (!found) return undefined;
  return lower.length === text.length ? text.slice(found.index, found.index + found[0].length) : found[0];
}

/**
 * One pattern per list of terms, over lower-cased text and without the `i` flag: V8 builds a large table for every
 * Unicode letter class it compiles (and more to case-fold one), so a pattern per term made every review, and so
 * every render, slow to start.
 */
function termsPattern(terms: readonly string[]): RegExp {
  const key = terms.join('\u0000');
  let pattern = patterns.get(key);
  if (!pattern) {
    const latin = terms.filter((term) => latinTerm.test(term)).map((term) => {
      const lower = term.toLowerCase();
      return `${escapeRegExp(lower.slice(0, -1))}${escapeRegExp(lower.slice(-1))}+`.replace(/\s+/g, '\\s+');
    });
    const other = terms.filter((term) => !latinTerm.test(term)).map((term) => escapeRegExp(term.toLowerCase()));
    const alternatives = [
      ...(latin.length > 0 ? [`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`] : []),
      ...other,
    ];
    pattern = new RegExp(alternatives.join('|'), 'u');
    patterns.set(key, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Chinese numerals followed by a counter or unit ("三场", "两倍", "五万") read as figures too. */
const figurePattern = /[0-9０-９]|[一二两三四五六七八九十百千万]+(?:个|位|家|人|场|次|倍|成|万|元|名|单|篇|条|%|％)/u;

/** Whether a goal states something measurable: a number the boss can check afterwards. */
export function hasFigure(text: string): boolean {
  return figurePattern.test(text);
}

/** The first sentence of a paragraph, in English or Chinese punctuation. */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?(?:[.!?](?=\s|$)|[。！？])/u.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/** Legal and generic endings that a plan's text usually leaves out when it names the company. */
const companySuffixes = /\s*(?:co\.?,?\s*ltd\.?|ltd\.?|inc\.?|llc|gmbh|limited|group|company|corp(?:oration)?\.?|有限责任公司|股份有限公司|有限公司|集团|公司)$/iu;

/**
 * The ways a text may name the company: its full name, its name without legal endings, the first word of a Latin
 * name, the first three characters of a Chinese name (how "川药通医药电商平台" is called in speech) and the channel name.
 */
export function companyNames(plan: Plan): string[] {
  const names = new Set<string>([plan.meta.company.trim()]);
  const short = plan.meta.company.trim().replace(companySuffixes, '').trim();
  if (short) names.add(short);
  if (/^\p{Script=Han}{3}/u.test(short)) names.add(short.slice(0, 3));
  // Five letters at least, so that "Best Buy" is not found in every "best".
  const firstWord = /^[\p{Script=Latin}\d&'’-]{5,}/u.exec(short)?.[0];
  if (firstWord) names.add(firstWord);
  if (plan.meta.channelName) names.add(plan.meta.channelName.trim());
  return [...names].filter((name) => name !== '');
}

/** Whether `text` names any of `names`; Latin names only as whole words, so "Lumen" is not found in "illumenate". */
export function mentionsAny(text: string, names: readonly string[]): boolean {
  return names.some((name) => hasTerm(text, name));
}

/** Splits "Mia Chen & Leo Zhang" or "王晓雯、陈敏" into the people named. */
export function ownerNames(owner: string): string[] {
  return owner.split(/\s*(?:,|&|\/|\+|、|，|；|;|\band\b|和)\s*/u).map((name) => name.trim()).filter((name) => name !== '');
}

/** Names compared the way people write them: case, spacing and full-width spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  const fold = (name: string) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
  return fold(a) === fold(b);
}

/** A slot's `when` that is only a time ("09:00", "20:00-21:00") repeats every day. */
export function isBareTime(when: string): boolean {
  return /^\s*\d{1,2}[:：]\d{2}(?:\s*[-–~至到]\s*\d{1,2}[:：]\d{2})?\s*$/u.test(when);
}

/** Length of a trial period in months, from two dates in it or a stated length; undefined when it cannot be told. */
export function trialMonths(period: string): number | undefined {
  const dates = period.match(/\d{4}-\d{2}-\d{2}/g);
  if (dates && dates.length >= 2) {
    const days = (Date.parse(`${dates[1]}T00:00:00Z`) - Date.parse(`${dates[0]}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > 0) return days / (365.25 / 12);
  }
  const cjkDigits: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
  const months = /(\d+(?:\.\d+)?)\s*(?:months?|个月)|([一两二三四五六])\s*个月/iu.exec(period);
  if (months) return months[1] ? Number(months[1]) : cjkDigits[months[2]!];
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
  const wordMonths = /\b(one|two|three|four|five|six)\s+months?\b/iu.exec(period);
  if (wordMonths) return words[wordMonths[1]!.toLowerCase()];
  const weeks = /(\d+)\s*(?:weeks?|周|星期)/iu.exec(period);
  if (weeks) return (Number(weeks[1]) * 7) / (365.25 / 12);
  return undefined;
}

export interface PlanString {
  path: string;
  value: string;
}

/** Every string in the answers, with its field path, e.g. `team.people[0].duties[1]`. */
export function planStrings(plan: Plan): PlanString[] {
  const found: PlanString[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') found.push({ path, value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key !== '$schema') walk(inner, path === '' ? key : `${path}.${key}`);
      }
    }
  };
  walk(plan, '');
  return found;
}

/** The section a field path belongs to: its first segment when that is a section, else `meta`. */
export function sectionOf(path: string): SectionKey | 'meta' {
  const first = /^[^.[]+/.exec(path)?.[0];
  return (SECTION_KEYS as readonly string[]).includes(first ?? '') ? (first as SectionKey) : 'meta';
}

/** Answer text without Markdown emphasis marks, as a reader sees it. */
export function plainText(markdown: string): string {
  return markdown.replace(/[*_`~]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** A short quote of answer text for a message. */
export function excerpt(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
