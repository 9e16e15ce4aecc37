// Property: every answer a marketer writes reaches the reader of the Markdown and HTML plans, whole and in any script.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { formatEntry } from '../../src/writers/registry.js';
import { ROOT } from '../helpers.js';
import { answerTexts, validAnswers } from './arbitraries.js';
import { assertOptions, runs, timeLimit } from './settings.js';
import { htmlVisibleText, markdownVisibleText, normaliseText } from './text.js';

const numRuns = runs(25);

/** Answers missing from `visible`, and what is left of it once every answer is taken out. */
function compare(visible: string, texts: ReturnType<typeof answerTexts>): { missing: string[]; rest: string } {
  const shown = normaliseText(visible);
  let rest = shown;
  const missing: string[] = [];
  // Longest first, so an answer that contains a shorter one is found before the shorter one is taken out.
  for (const { path: field, text } of [...texts].sort((a, b) => b.text.length - a.text.length)) {
    const wanted = normaliseText(text);
    if (!shown.includes(wanted)) missing.push(`${field.join('.')}: ${JSON.stringify(text)}`);
    rest = rest.split(wanted).join(' ');
  }
  return { missing, rest };
}

async function render(format: 'md' | 'html', plan: Parameters<typeof composePlan>[0]): Promise<string> {
  const writer = await formatEntry(format)!.load();
  return (await writer.render(composePlan(plan).doc, { createdAt: creationDate(plan, {}) })).toString('utf8');
}

describe('answer text in the rendered plan', () => {
  it('generates only answers files that pass validation', () => {
    fc.assert(fc.property(validAnswers({ text: 'hostile', loneSurrogates: true }), ({ answers }) => {
      expect(() => validatePlan(structuredClone(answers), 'generated.yaml')).not.toThrow();
    }), assertOptions(numRuns));
  });

  it('shows every non-empty answer in the Markdown, and no undefined, NaN or template syntax around them', { timeout: timeLimit(numRuns, 300) }, async () => {
    await fc.assert(fc.asyncProperty(validAnswers({ text: 'plain' }), async ({ plan }) => {
      const texts = answerTexts(plan);
      expect(texts.length).toBeGreaterThan(10);
      const { missing, rest } = compare(markdownVisibleText(await render('md', plan)), texts);
      expect(missing).toEqual([]);
      expect(rest).not.toMatch(/undefined|NaN|Infinity|\[object |\{\{|\}\}/);
    }), assertOptions(numRuns));
  });

  it('keeps the space where a Korean answer wraps, and joins Chinese and Japanese lines without one', async () => {
    const answers = parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8')) as Record<string, any>;
    answers.growth.businessImpact = '회원이 늘어나면\n매출도 늘어납니다. 会员增加\n销售也增加。会員が増えれば\n売上も増える。';
    const visible = markdownVisibleText(await render('md', validatePlan(answers, 'korean.yaml'))).replace(/\s+/g, ' ');
    expect(visible).toContain('회원이 늘어나면 매출도 늘어납니다. 会员增加销售也增加。会員が増えれば売上も増える。');
  });

  it('shows every non-empty answer in the HTML page', { timeout: timeLimit(numRuns, 300) }, async () => {
    await fc.assert(fc.asyncProperty(validAnswers({ text: 'plain' }), async ({ plan }) => {
      const { missing, rest } = compare(htmlVisibleText(await render('html', plan)), answerTexts(plan));
      expect(missing).toEqual([]);
      expect(rest).not.toMatch(/undefined|NaN|Infinity|\[object /);
    }), assertOptions(numRuns));
  });
});
