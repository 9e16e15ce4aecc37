// Reads numbers and dates the way marketers type them: "12,000", "1.2万", "1.5k", "12.5%", "2027/1/8", "2027年1月8日".
import type { NumberKind } from './fields.js';

export type NumberProblem = 'empty' | 'notANumber' | 'separators' | 'percentNotAllowed' | 'suffixNotAllowed';

export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: NumberProblem };

/** Powers of ten for the shorthand people use for large figures. */
const MULTIPLIERS: Record<string, number> = { 'k': 3, 'K': 3, '千': 3, 'w': 4, 'W': 4, '万': 4, 'm': 6, 'M': 6, '百万': 6, '亿': 8 };

const CURRENCY_PREFIX = /^(?:[¥$€£]|CNY|RMB|USD|EUR|HKD)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|块|CNY|RMB|USD|EUR|HKD)$/i;

/**
 * Parses a typed number. Thousands separators must group digits by three, so "1,2" (a European decimal?)
 * is refused rather than guessed. The result is exact: "1.2万" shifts the decimal point instead of multiplying floats.
 */
export function parseNumberAnswer(raw: string, kind: NumberKind): ParsedNumber {
  // NFKC turns full-width digits, commas, points and percent signs (from Chinese keyboards) into ASCII ones.
  let text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (kind === 'money') text = text.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  let percent = false;
  if (text.endsWith('%')) {
    if (kind === 'money' || kind === 'count') return { ok: false, problem: 'percentNotAllowed' };
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let exponent = 0;
  const suffix = /(百万|[kKwWmM千万亿])$/.exec(text)?.[1];
  if (suffix) {
    if (percent || kind === 'percent') return { ok: false, problem: 'suffixNotAllowed' };
    exponent = MULTIPLIERS[suffix]!;
    text = text.slice(0, -suffix.length).trim();
  }
  // A space or apostrophe between digit groups is a thousands separator in some locales.
  text = text.replace(/(\d)[ '’](?=\d{3}\b)/g, '$1,');
  const match = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { ok: false, problem: /^\d[\d,.]*$/.test(text) ? 'separators' : 'notANumber' };
  }
  const whole = (match[2] ?? '0').replace(/,/g, '');
  const fraction = match[3] ?? '';
  const value = Number(`${match[1] === '-' ? '-' : ''}${whole}${fraction}e${exponent - fraction.length}`);
  return Number.isFinite(value) ? { ok: true, value: Object.is(value, -0) ? 0 : value } : { ok: false, problem: 'notANumber' };
}

/** Rewrites common date spellings as YYYY-MM-DD; anything else is returned as typed, for the schema to judge. */
export function normalizeDate(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}
