// Property: any valid answers file, however odd its text and numbers, renders in every format into a sound document.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import { validatePlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { FORMATS } from '../../src/writers/registry.js';
import { DEFAULT_THEME, type Theme } from '../../src/writers/theme.js';
import { ROOT, scratchDir } from '../helpers.js';
import { validAnswers } from './arbitraries.js';
import { documentProblems } from './documents.js';
import { assertOptions, runs, timeLimit } from './settings.js';

/** Paged formats lay out every line and take far longer per plan than text formats: their failures are reported unshrunk. */
const SLOW = new Set(['docx', 'pdf']);
const scratch = scratchDir('opsplan-property-');
const themes: Theme[] = [DEFAULT_THEME];

beforeAll(async () => {
  // A brand with a logo and its own Latin font, so text in other scripts has to fall back to the built-in fonts.
  themes.push((await loadBrand(path.join(ROOT, 'test', 'fixtures', 'brands', 'harbor', 'brand.yaml'))).theme);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(FORMATS.map((format) => [format.id, format] as const))('any valid answers file as %s', (id, format) => {
  const numRuns = SLOW.has(id) ? runs(6, 0.2) : runs(25);

  it('writes half an emoji pair from a JSON escape (\\ud83d) in the title as a replacement character', async () => {
    const answers = parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8')) as Record<string, any>;
    answers.meta.title = 'Plan \ud83d 2027';
    answers.meta.author = '\ude00 Sam';
    const plan = validatePlan(answers, 'surrogates.json');
    const bytes = await (await format.load()).render(composePlan(plan).doc, { createdAt: creationDate(plan, {}) });
    expect(documentProblems(id, Buffer.from(bytes), scratch)).toEqual([]);
    if (id === 'md' || id === 'html') expect(Buffer.from(bytes).toString('utf8')).toContain('Plan \ufffd 2027');
  });

  it('renders without throwing into a complete, well-formed document', { timeout: timeLimit(numRuns, SLOW.has(id) ? 2500 : 300) }, async () => {
    const writer = await format.load();
    const answers = validAnswers({ text: 'hostile', loneSurrogates: true });
    await fc.assert(fc.asyncProperty(answers, fc.nat({ max: themes.length - 1 }), async ({ plan }, themeIndex) => {
      const bytes = await writer.render(composePlan(plan).doc, { createdAt: creationDate(plan, {}), theme: themes[themeIndex]! });
      expect(bytes.byteLength).toBeGreaterThan(0);
      expect(documentProblems(id, Buffer.from(bytes), scratch)).toEqual([]);
    }), { ...assertOptions(numRuns), ...(SLOW.has(id) ? { endOnFailure: true } : {}) });
  });
});
