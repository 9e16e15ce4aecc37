// The corpus of hand-made bad files: each one gets a clear message naming where the problem is, never a crash.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpsplanError } from '../../src/errors.js';
import { loadPlan, MAX_FILE_BYTES } from '../../src/plan/load.js';
import { ROOT, scratchDir } from '../helpers.js';

const folder = path.join(ROOT, 'test', 'fixtures', 'bad');

interface Expected {
  /** Text on the line the first problem must point at; omitted for problems with the whole file (line 1). */
  lineWith?: string;
  path: string;
  message: RegExp;
}

/** Every file in test/fixtures/bad must be listed here: loads (a valid plan in an unusual encoding) or fails as expected. */
const corpus: Record<string, Expected | 'loads'> = {
  'empty.yaml': { path: '(file)', message: /is empty/ },
  'yaml-syntax-error.yaml': { lineWith: 'company: "Acme', path: '(file)', message: /quote that is never closed/ },
  'unclosed-bracket.yaml': { lineWith: 'benefits: [', path: '(file)', message: /has a "\[" that is never closed: add "\]"/ },
  'json-trailing-comma.json': { lineWith: '}', path: '(file)', message: /comma after the last entry/ },
  'wrong-type.yaml': { lineWith: 'amount: "2,000 yuan"', path: 'accountPlan.costs[0].amount', message: /must be a number/ },
  'unknown-top-level-key.yaml': { path: 'competitorAnalysis', message: /is missing/ },
  'negative-amount.yaml': { lineWith: 'amount: -2000', path: 'accountPlan.costs[0].amount', message: /must not be negative/ },
  'percent-over-100.yaml': { lineWith: 'ratePercent: 120', path: 'team.commission[0].ratePercent', message: /cannot be over 100/ },
  'missing-required-field.yaml': { lineWith: 'meta:', path: 'meta.company', message: /is missing/ },
  'several-problems.yaml': { lineWith: 'date: 5 Jan 2027', path: 'meta.date', message: /YYYY-MM-DD/ },
  'utf8-bom.yaml': 'loads',
  'utf16.yaml': 'loads',
  'crlf.yaml': 'loads',
  'tab-indent.yaml': { lineWith: '\ttitle', path: '(file)', message: /tab to indent: YAML needs spaces/ },
  'duplicate-key.yaml': { lineWith: 'author: Kim Park', path: '(file)', message: /same key twice/ },
  'alias-bomb.yaml': { path: '(file)', message: /aliases .* expand/ },
  'deeply-nested.yaml': { path: '(file)', message: /nested far too deeply/ },
  'numbers-as-strings.yaml': { lineWith: 'amount: "2000"', path: 'accountPlan.costs[0].amount', message: /must be a number, not text "2000"/ },
  'odd-dates.yaml': { lineWith: 'date: 2027/01/05', path: 'meta.date', message: /must be a date written as YYYY-MM-DD/ },
  'truncated.yaml': { path: 'customerConcerns', message: /is missing/ },
  'newer-schema-version.yaml': { lineWith: 'schemaVersion: 2', path: 'schemaVersion', message: /update opsplan/ },
  'not-a-mapping.yaml': { path: '(file)', message: /named fields/ },
  'not-utf8.yaml': { path: '(file)', message: /not UTF-8/ },
};

function lineOf(file: string, text: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = text === '}' ? lines.findIndex((line, at) => line.trim() === '}' && lines[at - 1]?.trim().endsWith(',')) : lines.findIndex((line) => line.includes(text));
  return index + 1;
}

async function firstProblem(file: string) {
  const error = await loadPlan(file).then(() => undefined, (caught: unknown) => caught);
  expect(error, `${file} should not load`).toBeInstanceOf(OpsplanError);
  return (error as OpsplanError).problems[0]!;
}

describe('bad answers files', () => {
  it('lists every file in the corpus', () => {
    expect(readdirSync(folder).sort()).toEqual(Object.keys(corpus).sort());
  });

  it.each(Object.entries(corpus))('%s', async (name, expected) => {
    const file = path.join(folder, name);
    if (expected === 'loads') {
      expect((await loadPlan(file)).plan.meta.title).toBe('Minimal Plan');
      return;
    }
    const problem = await firstProblem(file);
    expect(problem.path).toBe(expected.path);
    expect(problem.message).toMatch(expected.message);
    expect(problem.line).toBe(expected.lineWith ? lineOf(file, expected.lineWith) : problem.path === '(file)' ? 1 : problem.line);
  });

  it('refuses a 20 MB file by its size, before reading it', async () => {
    const file = path.join(scratchDir(), 'huge.yaml');
    writeFileSync(file, `notes: "${'x'.repeat(20 * 1024 * 1024)}"\n`);
    expect(MAX_FILE_BYTES).toBeLessThan(20 * 1024 * 1024);
    const problem = await firstProblem(file);
    expect(problem.message).toMatch(/is 20\.0 MB; opsplan reads files of at most 5 MB/);
  });
});
