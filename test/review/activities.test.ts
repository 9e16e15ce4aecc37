// Section 3 rules: goals with figures, dates inside the horizon.
import { describe, expect, it } from 'vitest';
import { findingsOf, variant } from '../fixtures/review/variants.js';

describe('activity-goals-missing and activity-goal-vague', () => {
  it('is an error when no planned activity has a goal with a figure, without a suggestion per activity', () => {
    const plan = variant('en', (answers) => {
      for (const activity of answers.activities.planned) activity.goal = 'Raise awareness among followers.';
    });
    const [finding, ...others] = findingsOf(plan, 'activity-goals-missing');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', section: 'activities', path: 'activities.planned' });
    expect(findingsOf(plan, 'activity-goal-vague')).toEqual([]);
  });

  it('suggests a figure for the one goal that lacks it', () => {
    const plan = variant('en', (answers) => {
      answers.activities.planned[1]!.goal = 'Make the stores feel lively in spring.';
    });
    expect(findingsOf(plan, 'activity-goals-missing')).toEqual([]);
    const findings = findingsOf(plan, 'activity-goal-vague');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'suggestion', path: 'activities.planned[1].goal' });
    expect(findings[0]!.message).toContain('Spring wardrobe swap');
  });

  it('reads Chinese numerals with a counter as a figure', () => {
    const plan = variant('zh', (answers) => {
      answers.activities.planned[1]!.goal = '新增三十家诊所客户下单。';
    });
    expect(findingsOf(plan, 'activity-goal-vague', 'zh-CN')).toEqual([]);
    expect(findingsOf(variant('zh'), 'activity-goals-missing', 'zh-CN')).toEqual([]);
  });
});

describe('activity-dates-horizon', () => {
  // The example's horizon: four quarters from 2027-01-01, so it ends on 2027-12-31.
  it('warns about an activity that starts before the horizon, at its start date', () => {
    const plan = variant('en', (answers) => {
      answers.activities.planned[0]!.start = '2026-12-20';
    });
    const [finding, ...others] = findingsOf(plan, 'activity-dates-horizon');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', path: 'activities.planned[0].start' });
    expect(finding!.message).toContain('New Year capsule preview');
    expect(finding!.message).toContain('January 1, 2027 to December 31, 2027');
  });

  it('warns at the end date when an activity runs past the horizon', () => {
    const plan = variant('en', (answers) => {
      Object.assign(answers.activities.planned[2]!, { start: '2027-12-30', end: '2028-01-02' });
    });
    expect(findingsOf(plan, 'activity-dates-horizon').map((finding) => finding.path)).toEqual(['activities.planned[2].end']);
  });

  it('accepts activities on the horizon\'s first and last days', () => {
    expect(findingsOf(variant('en'), 'activity-dates-horizon')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.activities.planned[0]!.start = '2027-01-01';
      delete answers.activities.planned[0]!.end;
      answers.activities.planned[2]!.start = '2027-12-31';
    });
    expect(findingsOf(plan, 'activity-dates-horizon')).toEqual([]);
  });
});
