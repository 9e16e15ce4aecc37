// Number, money, percent and date formatting in the plan's language, with Intl; the one place values are rounded.
import type { KpiUnit } from '../plan/schema.js';

export interface Formatter {
  money(amount: number): string;
  /** Money in another currency or precision than the plan's, e.g. a previous plan's amounts; the plan's own when left out. */
  moneyIn(amount: number, options: { currency?: string; whole?: boolean }): string;
  number(value: number): string;
  /** `points` are percent points: 12.5 prints as 12.5 %. */
  percent(points: number): string;
  /** A value in the unit a KPI is measured in. */
  measure(value: number, unit: KpiUnit): string;
  date(iso: string): string;
  /** A date range; a single date when both ends are the same day. */
  dates(start: string, end?: string): string;
  /** Items joined the way the language joins a list ("a, b and c"). */
  list(items: string[]): string;
  month(iso: string): string;
}

export interface FormatOptions {
  language: string;
  currency: string;
  /** Print money without decimals, when every amount in the answers is whole. */
  wholeMoney: boolean;
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Formatters by their options: Intl's are slow to make and hold no state, and a batch renders many plans alike. */
const made = new Map<string, Formatter>();

export function createFormatter(options: FormatOptions): Formatter {
  const key = `${options.language} ${options.currency} ${options.wholeMoney}`;
  let formatter = made.get(key);
  if (!formatter) {
    formatter = makeFormatter(options);
    made.set(key, formatter);
  }
  return formatter;
}

function makeFormatter({ language, currency, wholeMoney }: FormatOptions): Formatter {
  const moneyFormat = new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    ...(wholeMoney ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
  const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const rangeFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const monthFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const otherMoney = new Map<string, Intl.NumberFormat>();
  const moneyIn = (amount: number, options: { currency?: string; whole?: boolean }) => {
    const code = options.currency ?? currency;
    const whole = options.whole ?? wholeMoney;
    if (code === currency && whole === wholeMoney) return moneyFormat.format(amount);
    const key = `${code} ${whole}`;
    let format = otherMoney.get(key);
    if (!format) {
      format = new Intl.NumberFormat(language, { style: 'currency', currency: code, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) });
      otherMoney.set(key, format);
    }
    return format.format(amount);
  };
  const formatter: Formatter = {
    money: (amount) => moneyFormat.format(amount),
    moneyIn,
    number: (value) => numberFormat.format(value),
    percent: (points) => percentFormat.format(points / 100),
    measure: (value, unit) => (unit === 'money' ? formatter.money(value) : unit === 'percent' ? formatter.percent(value) : formatter.number(value)),
    date: (iso) => dateFormat.format(utcDate(iso)),
    dates: (start, end) => (end && end !== start ? rangeFormat.formatRange(utcDate(start), utcDate(end)) : rangeFormat.format(utcDate(start))),
    list: (items) => listFormat.format(items),
    month: (iso) => monthFormat.format(utcDate(iso)),
  };
  return formatter;
}
