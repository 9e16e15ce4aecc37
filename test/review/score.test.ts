// The completeness score: a checklist per section, each section counting the same in the total.
import { describe, expect, it } from 'vitest';
import { reviewPlan } from '../../src/review/index.js';
import { variant, weakPlan } from '../fixtures/review/variants.js';

const scores = (plan: Parameters<typeof reviewPlan>[0], language: 'en' | 'zh-CN' = 'en') => reviewPlan(plan, { language }).score;

describe('completeness score', () => {
  it('scores the English example section by section', () => {
    const score = scores(variant('en'));
    expect(Object.fromEntries(score.sections.map((section) => [section.section, [section.met, section.applicable, section.score]]))).toEqual({
      competitorAnalysis: [4, 5, 80], // Velvet Lane: neither content nor activities observed
      value: [3, 3, 100],
      activities: [4, 5, 80], // Summer members' day requests no resources
      customerConcerns: [3, 4, 75], // "Fabric care" has no detail
      accountPlan: [6, 6, 100],
      team: [3, 4, 75], // Leo Zhang has no daily tasks
      growth: [3, 3, 100],
    });
    expect(score.total).toBe(Math.round((80 + 100 + 80 + 75 + 100 + 75 + 100) / 7));
    expect(score.sections.find((section) => section.section === 'team')!.missing).toEqual([{ id: 'dailyTasks', label: 'daily tasks for every person' }]);
  });

  it('rises when the missing content is filled in', () => {
    const plan = variant('en', (answers) => {
      answers.activities.planned[2]!.resources = 'Store staff in all three stores; gifts from the warehouse.';
      answers.customerConcerns.topics[2]!.detail = 'How to wash wool and linen.';
    });
    const score = scores(plan);
    expect(score.sections.find((section) => section.section === 'activities')!.score).toBe(100);
    expect(score.total).toBe(Math.round((80 + 100 + 100 + 100 + 100 + 75 + 100) / 7));
  });

  it('leaves the custom menu out of a group\'s account plan, and words what is missing in Chinese', () => {
    const accountPlan = scores(variant('zh'), 'zh-CN').sections.find((section) => section.section === 'accountPlan')!;
    expect(accountPlan.applicable).toBe(5);
    const competitors = scores(variant('zh'), 'zh-CN').sections.find((section) => section.section === 'competitorAnalysis')!;
    expect(competitors.missing.map((item) => item.label)).toEqual(['每个竞品值得学习之处', '每个竞品的内容或活动观察']);
  });

  it('is low for the weak example, with what each section lacks', () => {
    const score = scores(weakPlan());
    expect(score.total).toBeLessThan(50);
    const missing = Object.fromEntries(score.sections.map((section) => [section.section, section.missing.map((item) => item.id)]));
    expect(missing.competitorAnalysis).toContain('peerCompetitor');
    expect(missing.team).toEqual(['ownersOnTeam', 'kpisForEveryone', 'dailyTasks', 'evaluation']);
    expect(missing.growth).toEqual(['fourQuarters', 'baselineMetrics']);
  });
});
