// Section 6 rules: owners on the team, KPIs for everyone, rising commission rates, no early sales pressure.
import { describe, expect, it } from 'vitest';
import { findingsOf, variant } from '../fixtures/review/variants.js';

describe('owners-in-team', () => {
  it('is an error for an activity owner who is not in task allocation, shown under activities', () => {
    const plan = variant('en', (answers) => {
      answers.activities.planned[1]!.owner = 'Leo';
    });
    const [finding, ...others] = findingsOf(plan, 'owners-in-team');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', section: 'activities', path: 'activities.planned[1].owner' });
    expect(finding!.message).toBe('"Leo", owner of the activity "Spring wardrobe swap", is not in the team (Mia Chen, Ava Li, and Leo Zhang).');
    expect(findingsOf(plan, 'owners-in-team', 'zh-CN')[0]!.message).toContain('负责人“Leo”不在团队名单');
  });

  it('names only the unknown one of two slot owners, shown under the account plan', () => {
    const plan = variant('en', (answers) => {
      answers.accountPlan.contentCalendar[1]!.owner = 'Ava Li & Sam';
    });
    const findings = findingsOf(plan, 'owners-in-team');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ section: 'accountPlan', path: 'accountPlan.contentCalendar[1].owner' });
    expect(findings[0]!.message).toContain('"Sam", owner of the calendar slot "Wed 12:00 Fit & Fabric"');
  });

  it('accepts names written in another case or spacing, and several owners who are all on the team', () => {
    expect(findingsOf(variant('en'), 'owners-in-team')).toEqual([]);
    expect(findingsOf(variant('zh'), 'owners-in-team')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.activities.planned[0]!.owner = 'mia  chen';
      answers.accountPlan.contentCalendar[0]!.owner = 'Mia Chen, Leo Zhang';
    });
    expect(findingsOf(plan, 'owners-in-team')).toEqual([]);
  });
});

describe('person-kpis', () => {
  it('is an error for a person without KPIs', () => {
    const plan = variant('en', (answers) => {
      delete answers.team.people[1]!.kpis;
    });
    const [finding] = findingsOf(plan, 'person-kpis');
    expect(finding).toMatchObject({ severity: 'error', section: 'team', path: 'team.people[1]' });
    expect(finding!.message).toBe('Ava Li has no performance indicators.');
  });

  it('is quiet when everyone has KPIs', () => {
    expect(findingsOf(variant('en'), 'person-kpis')).toEqual([]);
  });
});

describe('commission-rates-rise', () => {
  it('is an error when a higher tier pays less', () => {
    const plan = variant('en', (answers) => {
      answers.team.commission![1]!.ratePercent = 3;
      answers.team.commission![2]!.ratePercent = 2;
    });
    const [finding, ...others] = findingsOf(plan, 'commission-rates-rise');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', path: 'team.commission[2].ratePercent' });
    expect(finding!.message).toBe('The commission tier from CN¥120,000 pays 2%, no more than the tier below it (3%).');
  });

  it('is an error when a higher tier pays the same', () => {
    const plan = variant('en', (answers) => {
      answers.team.commission![2]!.ratePercent = 2;
    });
    expect(findingsOf(plan, 'commission-rates-rise').map((finding) => finding.path)).toEqual(['team.commission[2].ratePercent']);
  });

  it('is quiet when rates rise with the thresholds', () => {
    expect(findingsOf(variant('en'), 'commission-rates-rise')).toEqual([]);
    expect(findingsOf(variant('zh'), 'commission-rates-rise')).toEqual([]);
  });
});

describe('early-sales-targets', () => {
  const newAccount = (withTrial: boolean, withPast: boolean) => variant('en', (answers) => {
    if (!withTrial) delete answers.value.trial;
    if (!withPast) delete answers.activities.past;
    answers.team.people[0]!.kpis!.push(
      { metric: 'Sales through article links', target: 30_000, unit: 'money', period: 'month' },
      { metric: 'Orders per month', target: 100, unit: 'count', period: 'month' },
    );
  });

  it('warns about sales KPIs of an account with no trial data and no past activities', () => {
    const findings = findingsOf(newAccount(false, false), 'early-sales-targets');
    expect(findings.map((finding) => finding.path)).toEqual(['team.people[0].kpis[2]', 'team.people[0].kpis[3]']);
    expect(findings[0]).toMatchObject({ severity: 'warning', section: 'team' });
    expect(findings[0]!.message).toContain('Mia Chen has a sales target ("Sales through article links")');
  });

  it('accepts sales KPIs once there is a trial or a past activity', () => {
    expect(findingsOf(newAccount(true, false), 'early-sales-targets')).toEqual([]);
    expect(findingsOf(newAccount(false, true), 'early-sales-targets')).toEqual([]);
  });
});
