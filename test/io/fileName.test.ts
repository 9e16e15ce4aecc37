// File names from plan titles stay inside the output folder and are valid everywhere.
import { describe, expect, it } from 'vitest';
import { fileStem } from '../../src/io/fileName.js';

describe('fileStem', () => {
  it.each([
    ['Lumen Threads Plan 2027', 'lumen-threads-plan-2027'],
    ['川药通VIP客户群2027年运营方案', '川药通vip客户群2027年运营方案'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['CON', 'con-plan'],
    ['***', 'plan'],
    ['Plan: Q1/Q2 <draft>?', 'plan-q1-q2-draft'],
  ])('%s -> %s', (title, stem) => {
    expect(fileStem(title)).toBe(stem);
  });

  it('keeps very long titles under the file-name limit without cutting a character in half', () => {
    const stem = fileStem('微信运营方案'.repeat(100));
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(150);
    expect(stem).toMatch(/^(微信运营方案)+[微信运营方案]*$/u);
  });
});
