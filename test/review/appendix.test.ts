// The review appendix of a rendered plan: section 8, after the seven sections, in the plan's language.
import { describe, expect, it } from 'vitest';
import { plainText, type Block } from '../../src/doc/types.js';
import { composePlan } from '../../src/render.js';
import { reviewAppendix, reviewPlan } from '../../src/review/index.js';
import { variant, weakPlan } from '../fixtures/review/variants.js';

const sections = (body: Block[]) => body.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading' && block.level === 1);

describe('review appendix', () => {
  it('is left out unless asked for', () => {
    const { doc } = composePlan(variant('en'));
    expect(sections(doc.body)).toHaveLength(7);
  });

  it('adds section 8 with the score of each section, without changing the seven before it', () => {
    const plan = variant('en');
    const plain = composePlan(plan);
    const withAppendix = composePlan(plan, { review: reviewAppendix(plan) });
    expect(withAppendix.markdown.startsWith(plain.markdown.trimEnd())).toBe(true);
    const headings = sections(withAppendix.doc.body);
    expect(headings.map((heading) => heading.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(plainText(headings[7]!.content)).toBe('Appendix: plan review');

    const start = withAppendix.doc.body.indexOf(headings[7]!);
    const table = withAppendix.doc.body.slice(start).find((block) => block.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    const { score } = reviewPlan(plan, { language: 'en' });
    expect(table.rows.map((row) => plainText(row[1]!))).toEqual(score.sections.map((section) => String(section.score)));
    expect(plainText(table.rows[5]![2]!)).toBe('daily tasks for every person');
    expect(table.totals!.map((cell) => plainText(cell))).toEqual(['Whole plan', String(score.total), '']);
  });

  it('is written in the plan\'s language and lists every finding with its severity and fix', () => {
    const plan = weakPlan();
    const zh = variant('zh');
    expect(composePlan(zh, { review: reviewAppendix(zh) }).markdown).toContain('## 附录：方案检查');

    const { markdown } = composePlan(plan, { review: reviewAppendix(plan) });
    const { findings } = reviewPlan(plan, { language: 'en' });
    const items = markdown.split('\n').filter((line) => /^- \*\*(Error|Warning|Suggestion)\*\* · /.test(line));
    expect(items).toHaveLength(findings.length);
    expect(markdown).toContain('- **Error** · Tom has no performance indicators.<br>Fix: Give Tom one to three KPIs');
  });
});
