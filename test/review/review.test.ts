// The review as a whole: both examples pass, the weak example shows every severity, findings are grouped and worded.
import { describe, expect, it } from 'vitest';
import { countFindings, countsLine, FINDING_SECTIONS, reviewJson, reviewPlan, reviewText, type Finding } from '../../src/review/index.js';
import { variant, weakPlan } from '../fixtures/review/variants.js';

const LANGUAGES = ['en', 'zh-CN'] as const;

describe('reviewing the examples', () => {
  it.each(LANGUAGES)('finds no errors in either example (findings in %s)', (language) => {
    for (const example of ['en', 'zh'] as const) {
      const { findings } = reviewPlan(variant(example), { language });
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    }
  });

  it('finds errors, warnings and suggestions in the weak example', () => {
    const counts = countFindings(reviewPlan(weakPlan(), { language: 'en' }).findings);
    expect(counts.error).toBeGreaterThan(0);
    expect(counts.warning).toBeGreaterThan(0);
    expect(counts.suggestion).toBeGreaterThan(0);
  });
});

describe('findings', () => {
  it.each(LANGUAGES)('are fully worded in %s, with no placeholder left unfilled', (language) => {
    for (const finding of reviewPlan(weakPlan(), { language }).findings) {
      expect(finding.message).not.toMatch(/\{\w+\}/);
      expect(finding.fix).not.toMatch(/\{\w+\}/);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });

  it('come in the plan\'s section order, most severe first within a section', () => {
    const { findings } = reviewPlan(weakPlan(), { language: 'en' });
    const rank = (finding: Finding) => [FINDING_SECTIONS.indexOf(finding.section), ['error', 'warning', 'suggestion'].indexOf(finding.severity)];
    const ranks = findings.map(rank);
    const sorted = [...ranks].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(ranks).toEqual(sorted);
    expect(new Set(findings.map((finding) => finding.section)).size).toBeGreaterThanOrEqual(7);
  });

  it('say the same thing in Chinese for the Chinese user', () => {
    const [finding] = reviewPlan(weakPlan(), { language: 'zh-CN' }).findings.filter((entry) => entry.rule === 'person-kpis');
    expect(finding).toMatchObject({ rule: 'person-kpis', severity: 'error', section: 'team', path: 'team.people[1]' });
    expect(finding!.message).toBe('“Tom”没有考核指标。');
  });
});

describe('reports', () => {
  it('count findings with plural forms in English and counters in Chinese', () => {
    const one = (severity: Finding['severity']): Finding => ({ rule: 'r', severity, section: 'team', path: 'p', message: 'm', fix: 'f' });
    const findings = [one('error'), one('warning'), one('warning')];
    expect(countsLine(findings, 'en')).toBe('1 error, 2 warnings, 0 suggestions');
    expect(countsLine(findings, 'zh-CN')).toBe('1 个错误，2 个警告，0 条建议');
  });

  it('group the text report by section, each with its score and findings', () => {
    const plan = weakPlan();
    const result = reviewPlan(plan, { language: 'en' });
    const text = reviewText(result, { file: 'examples/weak-plan.yaml', title: plan.meta.title, language: 'en' });
    const headings = ['About the plan', '1. Competitor analysis', '2. Value to the company', '3. Activity plans', '4. What customers care about',
      '5. Account operations plan', '6. Task allocation', '7. Growth forecast'];
    const positions = headings.map((heading) => text.indexOf(`\n${heading}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(`Completeness: ${result.score.total}/100`);
    expect(text).toContain('   [error] team.people[1]\n      Tom has no performance indicators.\n      Fix: ');
    expect(text.trimEnd().split('\n').at(-1)).toBe(countsLine(result.findings, 'en'));
  });

  it('give tools the findings, counts and score as data', () => {
    const plan = weakPlan();
    const result = reviewPlan(plan, { language: 'en' });
    const json = reviewJson(result, { file: 'weak.yaml', title: plan.meta.title, language: 'en' });
    expect(json.findings).toEqual(result.findings);
    expect(json.counts).toEqual(countFindings(result.findings));
    expect(json.score.sections.map((section) => section.section)).toEqual(FINDING_SECTIONS.slice(1));
  });
});
