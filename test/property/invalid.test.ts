// Property: a broken answers file is always reported as located problems (line, field, message), never as a crash.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { OpsplanError } from '../../src/errors.js';
import { loadPlan } from '../../src/plan/load.js';
import { scratchDir } from '../helpers.js';
import type { FieldPath } from './arbitraries.js';
import { brokenFiles, garbledFiles, type BrokenFile } from './mutations.js';
import { assertOptions, runs, timeLimit } from './settings.js';

const scratch = scratchDir('opsplan-invalid-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const numRuns = runs(60);

/** A field path as the user reads it in a message: `accountPlan.costs[0].amount`. */
function dotted(fieldPath: FieldPath): string {
  return fieldPath.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`)).join('');
}

let written = 0;
/** Writes the file as a user's editor would and loads it; returns what loading threw, or undefined when it loaded. */
async function load(broken: BrokenFile): Promise<{ file: string; lines: string[]; error: unknown }> {
  written += 1;
  const file = path.join(scratch, `answers-${written}.${broken.format}`);
  writeFileSync(file, broken.text);
  const lines = Buffer.from(broken.text).toString('utf8').split('\n');
  const error = await loadPlan(file).then(() => undefined, (caught: unknown) => caught);
  return { file, lines, error };
}

/** Every problem names the file, a real line and column, a field and a message in words. */
function expectLocatedProblems(error: OpsplanError, file: string, lines: string[]): void {
  expect(error.code).toBe('INVALID_ANSWERS');
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    expect(problem.file).toBe(file);
    expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lines.length, `line ${problem.line} of ${lines.length}`).toBe(true);
    expect(Number.isInteger(problem.column) && problem.column >= 1, `column ${problem.column}`).toBe(true);
    expect(problem.path.trim()).not.toBe('');
    expect(problem.message.trim()).not.toBe('');
    expect(problem.message).not.toMatch(/undefined|\[object |NaN/);
  }
}

describe('broken answers files', () => {
  it('are reported with located problems naming the broken field', { timeout: timeLimit(numRuns, 200) }, async () => {
    await fc.assert(fc.asyncProperty(brokenFiles(), async (broken) => {
      const { file, lines, error } = await load(broken);
      expect(error, `${broken.breakage.kind} should not load`).toBeInstanceOf(OpsplanError);
      const failure = error as OpsplanError;
      expectLocatedProblems(failure, file, lines);
      const { expectedPaths, keyOnLine } = broken.breakage;
      if (!expectedPaths) return;
      const wanted = expectedPaths.map(dotted);
      const problem = failure.problems.find((candidate) => wanted.includes(candidate.path));
      expect(problem, `a problem at ${wanted.join(' or ')} among ${failure.problems.map((candidate) => candidate.path).join(', ')}`).toBeDefined();
      if (keyOnLine) {
        const key = broken.format === 'json' ? `"${keyOnLine}":` : `${keyOnLine}:`;
        expect(lines[problem!.line - 1]).toContain(key);
      }
    }), assertOptions(numRuns));
  });

  it('with garbage pasted anywhere either still load or are reported, never crash', { timeout: timeLimit(numRuns, 200) }, async () => {
    await fc.assert(fc.asyncProperty(garbledFiles(), async (garbled) => {
      const { file, lines, error } = await load(garbled);
      if (error === undefined) return;
      expect(error).toBeInstanceOf(OpsplanError);
      expectLocatedProblems(error as OpsplanError, file, lines);
    }), assertOptions(numRuns));
  });
});
