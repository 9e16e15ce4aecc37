// Section 1 rules: a real peer to learn from, and no praise of ourselves before the peers.
import { describe, expect, it } from 'vitest';
import { findingsOf, variant } from '../fixtures/review/variants.js';

describe('competitors-present', () => {
  it('is an error when the only competitor listed is the company itself', () => {
    const plan = variant('en', (answers) => {
      answers.competitorAnalysis.competitors = [{ name: 'Lumen Threads', accountType: 'subscription-account', howTheyServe: 'Our own account.' }];
    });
    const [finding, ...others] = findingsOf(plan, 'competitors-present');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', section: 'competitorAnalysis', path: 'competitorAnalysis.competitors' });
    expect(finding!.message).toContain('Lumen Threads');
  });

  it('recognises the company by a shortened Chinese name', () => {
    const plan = variant('zh', (answers) => {
      answers.competitorAnalysis.competitors = [{ name: '川药通', accountType: 'wechat-group', howTheyServe: '我们自己的群。' }];
    });
    expect(findingsOf(plan, 'competitors-present', 'zh-CN')[0]!.message).toContain('川药通医药电商平台');
  });

  it('is satisfied by one peer next to the company itself', () => {
    expect(findingsOf(variant('en'), 'competitors-present')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.competitorAnalysis.competitors.push({ name: 'lumen threads', accountType: 'subscription-account', howTheyServe: 'Our own account.' });
    });
    expect(findingsOf(plan, 'competitors-present')).toEqual([]);
  });
});

describe('flattering-preface', () => {
  it('suggests leading with the peers when the overview opens by praising the company', () => {
    const plan = variant('en', (answers) => {
      answers.competitorAnalysis.overview = 'Lumen Threads is the **leading** fashion label of the city. Peers publish less often.';
    });
    const findings = findingsOf(plan, 'flattering-preface');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'suggestion', path: 'competitorAnalysis.overview' });
    expect(findings[0]!.message).toContain('"leading"');
  });

  it('finds Chinese praise of "us" and words it in Chinese', () => {
    const plan = variant('zh', (answers) => {
      answers.competitorAnalysis.overview = '我们是西南地区领先的医药电商平台。同行的VIP群大多只发价格表。';
    });
    const [finding] = findingsOf(plan, 'flattering-preface', 'zh-CN');
    expect(finding!.message).toContain('“领先”');
  });

  it('does not mind praise of a peer, or praise after the opening sentence', () => {
    expect(findingsOf(variant('en'), 'flattering-preface')).toEqual([]);
    const peerPraise = variant('en', (answers) => {
      answers.competitorAnalysis.overview = 'Harbor & Pine runs the leading account in our market. We can learn from its rhythm.';
    });
    expect(findingsOf(peerPraise, 'flattering-preface')).toEqual([]);
    const later = variant('en', (answers) => {
      answers.competitorAnalysis.overview = 'Peers publish less often but on fixed days. Our team is excellent at styling.';
    });
    expect(findingsOf(later, 'flattering-preface')).toEqual([]);
  });
});
