// Numbers and dates as marketers type them: separators, 万/k shorthand, percent signs, Chinese dates.
import { describe, expect, it } from 'vitest';
import { normalizeDate, parseNumberAnswer } from '../../src/wizard/numbers.js';

describe('parseNumberAnswer', () => {
  it.each([
    ['12000', 'money', 12000],
    ['12,000', 'money', 12000],
    ['1,234,567.5', 'money', 1234567.5],
    ['1.2万', 'money', 12000],
    ['0.45万', 'money', 4500],
    ['3亿', 'money', 300000000],
    ['1.5k', 'money', 1500],
    ['24K', 'money', 24000],
    ['2w', 'count', 20000],
    ['¥12,000', 'money', 12000],
    ['12000元', 'money', 12000],
    ['１２，０００', 'money', 12000],
    ['12 000', 'money', 12000],
    ['12.5%', 'percent', 12.5],
    ['12.5', 'percent', 12.5],
    ['4.2%', 'plain', 4.2],
    ['３５％', 'percent', 35],
    ['-5', 'money', -5],
    ['.5', 'plain', 0.5],
    ['0.1', 'plain', 0.1],
  ] as const)('reads %s (%s) as %d', (typed, kind, expected) => {
    expect(parseNumberAnswer(typed, kind)).toEqual({ ok: true, value: expected });
  });

  it('keeps decimals exact when scaling (1.1万 is 11000, not 11000.000000000002)', () => {
    const result = parseNumberAnswer('1.1万', 'money');
    expect(result.ok && result.value).toBe(11000);
    expect(result.ok && Number.isInteger(result.value)).toBe(true);
  });

  it.each([
    ['', 'money', 'empty'],
    ['   ', 'count', 'empty'],
    ['abc', 'money', 'notANumber'],
    ['twelve', 'count', 'notANumber'],
    ['1e4', 'plain', 'notANumber'],
    ['12,00', 'money', 'separators'],
    ['1,2', 'plain', 'separators'],
    ['1.2.3', 'plain', 'separators'],
    ['12%', 'money', 'percentNotAllowed'],
    ['30%', 'count', 'percentNotAllowed'],
    ['1.5k', 'percent', 'suffixNotAllowed'],
    ['万', 'money', 'notANumber'],
  ] as const)('refuses %j (%s): %s', (typed, kind, problem) => {
    expect(parseNumberAnswer(typed, kind)).toEqual({ ok: false, problem });
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2027-01-08', '2027-01-08'],
    ['2027/1/8', '2027-01-08'],
    ['2027.12.31', '2027-12-31'],
    ['2027-1-8', '2027-01-08'],
    ['2027年1月8日', '2027-01-08'],
    ['２０２７年３月２０日', '2027-03-20'],
    [' 2027-03-20 ', '2027-03-20'],
  ])('rewrites %j as %s', (typed, expected) => {
    expect(normalizeDate(typed)).toBe(expected);
  });

  it('leaves other text for the schema to judge', () => {
    expect(normalizeDate('next Tuesday')).toBe('next Tuesday');
    expect(normalizeDate('08/01/2027')).toBe('08/01/2027');
  });
});
