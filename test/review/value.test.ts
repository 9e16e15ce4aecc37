// Section 2 rules: written for this company, recommending the account the plan is about.
import { describe, expect, it } from 'vitest';
import { findingsOf, variant } from '../fixtures/review/variants.js';

describe('value-names-company', () => {
  const anonymous = () => variant('zh', (answers) => {
    answers.value.benefits[0] = '采购更方便：老板在群里就能看到特价并下单，不必等业务员上门。';
  });

  it('warns when the value text neither names the company nor speaks for it', () => {
    const findings = findingsOf(anonymous(), 'value-names-company');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', section: 'value', path: 'value' });
    expect(findings[0]!.message).toContain('川药通医药电商平台');
  });

  it('accepts the company named by its short name, or text written as "we"', () => {
    expect(findingsOf(variant('zh'), 'value-names-company')).toEqual([]);
    const inFirstPerson = variant('zh', (answers) => {
      answers.value.benefits[0] = '我们的客户在群里就能看到特价并下单。';
    });
    expect(findingsOf(inFirstPerson, 'value-names-company')).toEqual([]);
    expect(findingsOf(variant('en'), 'value-names-company')).toEqual([]);
  });
});

describe('account-type-matches-channel', () => {
  it('warns when the recommended account type is not the channel the plan is about', () => {
    const plan = variant('en', (answers) => {
      answers.value.recommendedAccountType = 'service-account';
    });
    const [finding] = findingsOf(plan, 'account-type-matches-channel');
    expect(finding).toMatchObject({ severity: 'warning', path: 'value.recommendedAccountType' });
    expect(finding!.message).toContain('service-account');
    expect(finding!.message).toContain('subscription-account');
  });

  it('is quiet when they agree, or when the channel is "other"', () => {
    expect(findingsOf(variant('en'), 'account-type-matches-channel')).toEqual([]);
    const other = variant('en', (answers) => {
      answers.meta.channel = 'other';
      answers.value.recommendedAccountType = 'service-account';
    });
    expect(findingsOf(other, 'account-type-matches-channel')).toEqual([]);
  });
});
