// Section 5 rules: posts per day, the share of activity posts in a sales community, departments to cooperate.
import { describe, expect, it } from 'vitest';
import { postsPerWeekday, slotDays } from '../../src/review/rules/accountPlan.js';
import { combinedLexicon } from '../../src/review/wording.js';
import { findingsOf, variant } from '../fixtures/review/variants.js';

const slot = (when: string, owner = '陈敏') => ({ when, column: '话题讨论', format: '图文', owner, activityRelated: false });

describe('reading when a calendar slot posts', () => {
  const lexicon = combinedLexicon();
  const days = (when: string) => slotDays({ when, column: 'c', format: 'f', owner: 'o' }, lexicon);

  it('knows daily slots, weekdays in English and Chinese, workdays and weekends', () => {
    expect(days('09:00')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days('每天 11:00')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days('Daily, 8 pm')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days('Mon 08:30')).toEqual([0]);
    expect(days('每周四 10:00')).toEqual([3]);
    expect(days('Tuesdays and Thursdays 12:00')).toEqual([1, 3]);
    expect(days('weekdays 12:00')).toEqual([0, 1, 2, 3, 4]);
    expect(days('周末 20:00')).toEqual([5, 6]);
    expect(days('Monthly report')).toEqual([]);
  });

  it('counts the example\'s posts per weekday: two daily slots plus one on Tuesday to Friday', () => {
    expect(postsPerWeekday(variant('zh').accountPlan.contentCalendar, lexicon)).toEqual([2, 3, 3, 3, 3, 2, 2]);
  });
});

describe('calendar-posts-per-day', () => {
  it('warns when every day has more than five posts', () => {
    const plan = variant('zh', (answers) => {
      answers.accountPlan.contentCalendar = ['每天 09:00', '每天 11:00', '每天 13:00', '每天 15:00', '21:00', '每日 22:00'].map((when) => slot(when));
    });
    const [finding] = findingsOf(plan, 'calendar-posts-per-day');
    expect(finding).toMatchObject({ severity: 'warning', section: 'accountPlan', path: 'accountPlan.contentCalendar' });
    expect(finding!.message).toContain('6 posts every day');
    expect(findingsOf(plan, 'calendar-posts-per-day', 'zh-CN')[0]!.message).toContain('每天安排了 6 条');
  });

  it('names the busiest weekday', () => {
    const plan = variant('zh', (answers) => {
      answers.accountPlan.contentCalendar.push(slot('每天 13:00'), slot('每周四 15:00'), slot('每周四 21:00'));
    });
    expect(findingsOf(plan, 'calendar-posts-per-day')[0]!.message).toContain('6 posts on Thursday');
    expect(findingsOf(plan, 'calendar-posts-per-day', 'zh-CN')[0]!.message).toContain('在星期四安排了 6 条');
  });

  it('accepts five posts on the busiest day', () => {
    const plan = variant('zh', (answers) => {
      answers.accountPlan.contentCalendar.push(slot('每天 13:00'), slot('每周四 15:00'));
    });
    expect(findingsOf(plan, 'calendar-posts-per-day')).toEqual([]);
  });
});

describe('community-activity-share', () => {
  it('warns when less than half of a group\'s slots are activity-related', () => {
    const plan = variant('zh', (answers) => {
      answers.accountPlan.contentCalendar[1]!.activityRelated = false;
    });
    const [finding] = findingsOf(plan, 'community-activity-share');
    expect(finding).toMatchObject({ severity: 'warning', path: 'accountPlan.contentCalendar' });
    expect(finding!.message).toBe('Only 2 of 6 calendar slots (33.3%) promote or run an activity; a sales community needs at least 50%.');
  });

  it('accepts exactly half, and does not apply to official accounts', () => {
    expect(findingsOf(variant('zh'), 'community-activity-share')).toEqual([]);
    const account = variant('en', (answers) => {
      for (const entry of answers.accountPlan.contentCalendar) entry.activityRelated = false;
    });
    expect(findingsOf(account, 'community-activity-share')).toEqual([]);
  });
});

describe('departments-missing', () => {
  it('warns when no department is named', () => {
    const plan = variant('en', (answers) => {
      delete answers.accountPlan.departments;
    });
    expect(findingsOf(plan, 'departments-missing')).toMatchObject([{ severity: 'warning', path: 'accountPlan.departments' }]);
  });

  it('is quiet when departments are named', () => {
    expect(findingsOf(variant('en'), 'departments-missing')).toEqual([]);
  });
});
