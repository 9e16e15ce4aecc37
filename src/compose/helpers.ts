// Handlebars helpers: labels from the locale file, formatted figures, and safe placement of answer text in Markdown.
import type Handlebars from 'handlebars';
import { OpsplanError } from '../errors.js';
import type { Formatter } from '../i18n/format.js';
import type { Forecast, Quarter } from '../plan/derive.js';
import type { KpiUnit } from '../plan/schema.js';

export interface Locale {
  file: string;
  labels: Record<string, unknown>;
}

type HelperOptions = Handlebars.HelperOptions;

/** Looks up a dotted key in the locale; a missing label is an error, never an empty or "undefined" heading. */
export function label(locale: Locale, key: string): string {
  let value: unknown = locale.labels;
  for (const part of key.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value !== 'string') {
    throw new OpsplanError('TEMPLATE_ERROR', `${locale.file}: no label "${key}"`, { hint: 'Add the label to the locale file.' });
  }
  return value;
}

/** Fills `{name}` placeholders; values are answer text, so they are placed as literal text. */
function interpolate(template: string, values: Record<string, unknown>, words: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in values) return escapeText(String(values[name] ?? ''));
    return words[name] ?? whole;
  });
}

/** Groups and WeCom have members; accounts have followers. */
export function audienceKind(channel: string): 'group' | 'account' {
  return channel === 'wechat-group' || channel === 'wecom' ? 'group' : 'account';
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Literal text: every character that Markdown would read as syntax is escaped. */
export function escapeText(value: unknown): string {
  if (isBlank(value)) return '';
  return String(value)
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/\r?\n/g, ' ');
}

/** Answer text as Markdown blocks: raw HTML and headings are neutralised so they cannot break the plan's structure. */
export function escapeMarkdown(value: unknown): string {
  if (isBlank(value)) return '';
  return String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/</g, '&lt;')
    .replace(/^(\s{0,3})(#)/gm, '$1\\$2')
    // A line of only = or - under text would turn that text into a heading.
    .replace(/^(\s{0,3})([=-]+\s*)$/gm, '$1\\$2')
    .trim();
}

/** Answer text inside one table cell: inline Markdown, with pipes escaped and lines joined by breaks. */
export function escapeCell(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => escapeCell(item)).filter((item) => item !== '').join('<br>');
  return escapeMarkdown(value).replace(/\|/g, '\\|').replace(/\n+/g, '<br>');
}

/** What a render speaks with: the locale, the number formats and the audience words of one plan. */
export interface Voice {
  locale: Locale;
  format: Formatter;
  say(key: string, values?: Record<string, unknown>): string;
  quarterLabel(quarter: Quarter): string;
  quarterShort(quarter: Quarter): string;
}

export function createVoice(locale: Locale, format: Formatter, channel: string): Voice {
  const kind = audienceKind(channel);
  // Words every label may use, e.g. "{Noun} forecast": "Followers forecast" or "Members forecast".
  const words = { noun: label(locale, `audience.${kind}.noun`), Noun: label(locale, `audience.${kind}.Noun`) };
  return {
    locale,
    format,
    say: (key, values = {}) => interpolate(label(locale, key), values, words),
    quarterLabel: (quarter) =>
      label(locale, 'quarter.label')
        .replace('{number}', String(quarter.number))
        .replace('{start}', format.month(quarter.start))
        .replace('{end}', format.month(quarter.end)),
    quarterShort: (quarter) => label(locale, 'quarter.short').replace('{number}', String(quarter.number)),
  };
}

/** The voice of the plan being rendered travels in Handlebars' data frame, so compiled templates can be reused. */
function voiceOf(options: HelperOptions): Voice {
  return (options.data as { opsplan: Voice }).opsplan;
}

/** Registers the helpers once per Handlebars environment; each call reads the current plan's voice. */
export function registerHelpers(env: typeof Handlebars): void {
  const safe = (text: string) => new env.SafeString(text);
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const formatted = (value: unknown, print: (value: number) => string) => {
    const known = number(value);
    return known === undefined ? '' : print(known);
  };

  const moneyOf = (amount: number, options: HelperOptions) => {
    const { currency, whole } = options.hash as { currency?: unknown; whole?: unknown };
    const other = {
      ...(typeof currency === 'string' ? { currency } : {}),
      ...(typeof whole === 'boolean' ? { whole } : {}),
    };
    return voiceOf(options).format.moneyIn(amount, other);
  };
  const measureOf = (value: number, unit: KpiUnit, options: HelperOptions) =>
    (unit === 'money' ? moneyOf(value, options) : voiceOf(options).format.measure(value, unit));

  env.registerHelper({
    t: (key: string, options: HelperOptions) => safe(voiceOf(options).say(key, options.hash as Record<string, unknown>)),
    enum: (kind: string, value: unknown, options: HelperOptions) =>
      safe(isBlank(value) ? '' : label(voiceOf(options).locale, `enums.${kind}.${String(value)}`)),
    text: (value: unknown) => safe(escapeText(value)),
    md: (value: unknown, options: HelperOptions) => {
      const indent = ' '.repeat(Number((options.hash as { indent?: number }).indent ?? 0));
      return safe(escapeMarkdown(value).replace(/\n/g, `\n${indent}`));
    },
    cell: (value: unknown) => safe(escapeCell(value)),
    // `currency=` and `whole=` print an amount in another currency or precision than the plan's (a previous plan's).
    money: (value: unknown, options: HelperOptions) => formatted(value, (known) => moneyOf(known, options)),
    num: (value: unknown, options: HelperOptions) => formatted(value, voiceOf(options).format.number),
    pct: (value: unknown, options: HelperOptions) => formatted(value, voiceOf(options).format.percent),
    measure: (value: unknown, unit: KpiUnit, options: HelperOptions) => formatted(value, (known) => measureOf(known, unit, options)),
    signedNum: (value: unknown, options: HelperOptions) =>
      formatted(value, (known) => `${known > 0 ? '+' : ''}${voiceOf(options).format.number(known)}`),
    signedPct: (value: unknown, options: HelperOptions) =>
      formatted(value, (known) => `${known > 0 ? '+' : ''}${voiceOf(options).format.percent(known)}`),
    signedMoney: (value: unknown, options: HelperOptions) =>
      formatted(value, (known) => `${known > 0 ? '+' : ''}${moneyOf(known, options)}`),
    /** A change of a measure; a percent's change is in percentage points (34 % to 34.5 % is +0.5 points, not +0.5 %). */
    signedMeasure: (value: unknown, unit: KpiUnit, options: HelperOptions) =>
      formatted(value, (known) => {
        const sign = known > 0 ? '+' : '';
        if (unit !== 'percent') return `${sign}${measureOf(known, unit, options)}`;
        const voice = voiceOf(options);
        return label(voice.locale, 'changes.percentPoints').replace('{points}', `${sign}${voice.format.number(known)}`);
      }),
    /** A date's month and year, e.g. "Apr 2027". */
    month: (value: unknown, options: HelperOptions) => (typeof value === 'string' ? voiceOf(options).format.month(value) : ''),
    /** One field of each item, joined the way the plan's language joins a list. */
    listOf: (items: unknown, field: string, options: HelperOptions) =>
      (Array.isArray(items)
        ? voiceOf(options).format.list(items.map((item) => String((item as Record<string, unknown>)[field] ?? '')).filter((text) => text !== ''))
        : ''),
    pctList: (values: unknown, options: HelperOptions) => {
      const { format } = voiceOf(options);
      return Array.isArray(values) ? format.list(values.map((value) => format.percent(Number(value)))) : '';
    },
    date: (value: unknown, options: HelperOptions) => (typeof value === 'string' ? voiceOf(options).format.date(value) : ''),
    dates: (start: unknown, end: unknown, options: HelperOptions) =>
      (typeof start === 'string' ? voiceOf(options).format.dates(start, typeof end === 'string' ? end : undefined) : ''),
    quarter: (value: Quarter, options: HelperOptions) => voiceOf(options).quarterLabel(value),
    quarterShort: (value: Quarter, options: HelperOptions) => voiceOf(options).quarterShort(value),
    or: (...values: unknown[]) => values.slice(0, -1).some((value) => !isBlank(value)),
    eq: (a: unknown, b: unknown) => a === b,
    /** Marks the GFM table that follows with its column kinds (the last kind repeats) and totals row. */
    table: function (this: unknown, kinds: string, options: HelperOptions) {
      const totals = (options.hash as { totals?: boolean }).totals ? ' totals' : '';
      return safe(`\n<!-- opsplan:table kinds=${kinds}${totals} -->\n${options.fn(this).trim()}\n\n`);
    },
    /** The growth chart as a marker the document model reads: start plus one bar per quarter. */
    growthChart: (forecast: Forecast, quarters: Quarter[], options: HelperOptions) => {
      const voice = voiceOf(options);
      const values = [forecast.baseline, ...forecast.rows.map((row) => row.followers)];
      const chart = {
        title: voice.say('growth.chartTitle'),
        labels: [voice.say('growth.start'), ...quarters.map(voice.quarterShort)],
        series: [{ name: voice.say('growth.followers'), values }],
        valueLabels: [values.map((value) => voice.format.number(value))],
      };
      // `--` cannot stand inside an HTML comment; JSON reads the escaped form back unchanged.
      return safe(`\n<!-- opsplan:chart ${JSON.stringify(chart).replace(/--/g, '-\\u002d')} -->\n\n`);
    },
    pagebreak: () => safe('\n<!-- opsplan:pagebreak -->\n\n'),
  });
}
