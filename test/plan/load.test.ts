// Bad answers files: every problem is reported at once, with the right line, field and a plain message.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpsplanError, type Problem } from '../../src/errors.js';
import { loadPlan } from '../../src/plan/load.js';
import { EXAMPLES, ROOT, runCli } from '../helpers.js';

const bad = (name: string) => path.join(ROOT, 'test', 'fixtures', 'bad', name);

/** Line (1-based) of the first line containing `text`, found independently of the loader. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

async function problemsOf(file: string): Promise<Problem[]> {
  try {
    await loadPlan(file);
  } catch (error) {
    expect(error).toBeInstanceOf(OpsplanError);
    expect((error as OpsplanError).code).toBe('INVALID_ANSWERS');
    return [...(error as OpsplanError).problems];
  }
  throw new Error(`${file} loaded without problems`);
}

describe('loading answers files', () => {
  it('loads both examples', async () => {
    expect((await loadPlan(EXAMPLES.en)).plan.meta.language).toBe('en');
    expect((await loadPlan(EXAMPLES.zh)).plan.meta.language).toBe('zh-CN');
  });

  it('reports an empty file', async () => {
    const [problem, ...rest] = await problemsOf(bad('empty.yaml'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 1, column: 1, path: '(file)' });
    expect(problem!.message).toMatch(/is empty/);
  });

  it('reports a YAML syntax error where the unclosed quote opens', async () => {
    const file = bad('yaml-syntax-error.yaml');
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: lineOf(file, 'company: "Acme'), column: 12 });
    expect(problem!.message).toMatch(/quote that is never closed/);
  });

  it('reports a JSON trailing comma at its line', async () => {
    const file = bad('json-trailing-comma.json');
    const [problem] = await problemsOf(file);
    expect(problem!.line).toBe(lineOf(file, '"quarters": 4,') + 1);
    expect(problem!.message).toMatch(/comma after the last entry/);
  });

  it('reports a wrong type with the field path and what to write instead', async () => {
    const file = bad('wrong-type.yaml');
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: lineOf(file, 'amount: "2,000 yuan"'), column: 15, path: 'accountPlan.costs[0].amount' });
    expect(problem!.message).toMatch(/must be a number, not text "2,000 yuan".*digits only/);
  });

  it('reports a mistyped top-level key and suggests the right one', async () => {
    const file = bad('unknown-top-level-key.yaml');
    const problems = await problemsOf(file);
    const typo = problems.find((problem) => problem.path === 'competitorAnalysys');
    expect(typo).toMatchObject({ line: lineOf(file, 'competitorAnalysys:'), column: 1 });
    expect(typo!.message).toMatch(/did you mean "competitorAnalysis"/);
    expect(problems.find((problem) => problem.path === 'competitorAnalysis')?.message).toMatch(/is missing/);
  });

  it('reports a negative amount', async () => {
    const file = bad('negative-amount.yaml');
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: lineOf(file, 'amount: -2000'), path: 'accountPlan.costs[0].amount', message: 'must not be negative' });
  });

  it('reports a percentage over 100', async () => {
    const file = bad('percent-over-100.yaml');
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: lineOf(file, 'ratePercent: 120'), path: 'team.commission[0].ratePercent' });
    expect(problem!.message).toMatch(/percentage and cannot be over 100/);
  });

  it('reports a missing required field at its parent, with what the field is for', async () => {
    const file = bad('missing-required-field.yaml');
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: lineOf(file, 'meta:'), path: 'meta.company' });
    expect(problem!.message).toMatch(/^is missing: the company the plan is written for/);
  });

  it('keeps an acronym that starts a field\'s description as written', async () => {
    const source = readFileSync(bad('missing-required-field.yaml'), 'utf8');
    expect(source).toMatch(/^ {2}currency: CNY\n/m);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'opsplan-load-')), 'no-currency.yaml');
    writeFileSync(file, source.replace(/^ {2}currency: CNY\n/m, ''));
    const problems = await problemsOf(file);
    expect(problems.find((problem) => problem.path === 'meta.currency')!.message).toBe('is missing: ISO 4217 code of the currency all amounts are in, e.g. CNY, USD.');
  });

  it('reports every problem at once, in line order', async () => {
    const file = bad('several-problems.yaml');
    const problems = await problemsOf(file);
    expect(problems.map((problem) => [problem.line, problem.path])).toEqual([
      [lineOf(file, 'date: 5 Jan 2027'), 'meta.date'],
      [lineOf(file, 'amount: -2000'), 'accountPlan.costs[0].amount'],
      [lineOf(file, 'ratePercent: 120'), 'team.commission[0].ratePercent'],
    ]);
  });
});

describe('opsplan validate', () => {
  it('accepts both examples', () => {
    const result = runCli(['validate', EXAMPLES.en, EXAMPLES.zh]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('prints file:line:col  path  message lines and exits 1, without a stack trace', () => {
    const file = path.relative(ROOT, bad('several-problems.yaml'));
    const result = runCli(['validate', file]);
    expect(result.status).toBe(1);
    const line = lineOf(file, 'amount: -2000');
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:15 +accountPlan\\.costs\\[0\\]\\.amount +must not be negative$`, 'm'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing file and exits 1', () => {
    const result = runCli(['validate', 'no-such-plan.yaml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no-such-plan\.yaml: no such file/);
  });

  it('refuses a file that is neither YAML nor JSON, as a usage error', () => {
    const result = runCli(['validate', 'README.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.yaml, \.yml or \.json/);
  });
});
