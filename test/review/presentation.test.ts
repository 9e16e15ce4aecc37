// Placeholder text anywhere in the answers, found with its field path and section.
import { describe, expect, it } from 'vitest';
import { findingsOf, variant } from '../fixtures/review/variants.js';

describe('placeholder-text', () => {
  it('finds English placeholders in any field, under the field\'s section', () => {
    const plan = variant('en', (answers) => {
      answers.competitorAnalysis.competitors[1]!.content = 'TBD';
      answers.meta.author = 'xxxx';
      answers.team.people[2]!.duties.push('Weekend cover: todo');
    });
    const findings = findingsOf(plan, 'placeholder-text');
    expect(findings.map((finding) => [finding.section, finding.path])).toEqual([
      ['meta', 'meta.author'],
      ['competitorAnalysis', 'competitorAnalysis.competitors[1].content'],
      ['team', 'team.people[2].duties[2]'],
    ]);
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(findings[2]!.message).toBe('Placeholder "todo" left in: "Weekend cover: todo".');
  });

  it('finds Chinese placeholders and question marks', () => {
    const plan = variant('zh', (answers) => {
      answers.customerConcerns.topics[2]!.detail = '待定';
      answers.growth.businessImpact = '每季度销售额 ?? 万元';
    });
    const findings = findingsOf(plan, 'placeholder-text', 'zh-CN');
    expect(findings.map((finding) => finding.path)).toEqual(['customerConcerns.topics[2].detail', 'growth.businessImpact']);
    expect(findings[0]!.message).toBe('留有占位内容“待定”：“待定”。');
  });

  it('does not take words that merely contain the letters for placeholders', () => {
    expect(findingsOf(variant('en'), 'placeholder-text')).toEqual([]);
    expect(findingsOf(variant('zh'), 'placeholder-text')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.customerConcerns.topics[0]!.detail = 'Customers ask whether XXL runs small; the tbdx code in the shop is a SKU.';
    });
    expect(findingsOf(plan, 'placeholder-text')).toEqual([]);
  });
});
