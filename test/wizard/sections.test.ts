// The plan's facts and sections 1-3 driven through the Prompter with scripted answers, including answers refused and asked again.
import { describe, expect, it } from 'vitest';
import { runStep } from '../../src/wizard/steps.js';
import { ENTER } from './scripted.js';
import { META, rejected, start } from './stepContext.js';

describe('the plan facts (meta)', () => {
  it('asks every fact, fills defaults from earlier answers and refuses what the schema refuses', async () => {
    const { prompter, context, answers } = start([
      ['Which company', 'Harbour Tea House'],
      ['Title of the plan', ENTER],
      ['Who is writing', '   '],
      ['Who is writing', 'Lin Zhou'],
      ['Who will read', 'Owner'],
      ['Date of the plan', 'tomorrow'],
      ['Date of the plan', '2027-02-30'],
      ['Date of the plan', '2027年1月8日'],
      ['Which language', 'zh-CN'],
      ['Which WeChat channel', 'wechat-group'],
      ['Name of the account', 'Tea Friends'],
      ['Currency', 'cny'],
      ['Currency', 'XYZ'],
      ['Currency', 'USD'],
      ['First day of the period', ENTER],
      ['How many quarters', '13'],
      ['How many quarters', '1.5'],
      ['How many quarters', ENTER],
    ], { schemaVersion: 1 });
    await runStep(context, 'meta');
    expect(answers.meta).toEqual({
      title: 'Harbour Tea House WeChat Operations Plan',
      company: 'Harbour Tea House',
      author: 'Lin Zhou',
      audience: 'Owner',
      date: '2027-01-08',
      language: 'zh-CN',
      currency: 'USD',
      channel: 'wechat-group',
      channelName: 'Tea Friends',
      horizon: { start: '2027-04-01', quarters: 4 },
    });
    // A new group of answers is written in the schema's order, like the examples.
    expect(Object.keys(answers.meta as object)).toEqual(['title', 'company', 'author', 'audience', 'date', 'language', 'currency', 'channel', 'channelName', 'horizon']);
    expect(rejected(prompter)).toEqual([
      '    -> Must not be empty',
      'tomorrow -> Must be a date written as YYYY-MM-DD, e.g. 2026-01-15',
      '2027-02-30 -> Is not a real calendar date',
      'cny -> Must be a three-letter ISO 4217 currency code in capitals, e.g. CNY or USD',
      'XYZ -> Is not a known ISO 4217 currency code',
      '13 -> Must be at most 12 (three years)',
      '1.5 -> Must be a whole number, not 1.5',
    ]);
    expect(prompter.transcript).toContain('\nBefore the seven sections: About the plan\n');
    expect(prompter.remaining).toEqual([]);
  });
});

describe('1/7 competitor analysis', () => {
  it('takes competitors one at a time, with short lists ended by an empty answer', async () => {
    const { prompter, context, answers } = start([
      ['Name of the company', ''],
      ['Name of the company', 'Leaf & Cup'],
      ['What kind of account', 'subscription-account'],
      ['How do they use WeChat', 'Weekly brewing guides with a **shop link**'],
      ['Their content layout', 'Monday guide, Friday offer'],
      ['Activities (campaigns)', ENTER],
      ['Strength 1', 'Fixed weekly rhythm'],
      ['Strength 2', 'Good photos'],
      ['Strength 3', ENTER],
      ['Weakness 1', 'Few replies to comments'],
      ['Weakness 2', ENTER],
      ['Lesson 1', ENTER],
      ['Add another competitor?', true],
      ['Name of the company', 'Steep Street'],
      ['What kind of account', 'wecom'],
      ['How do they use WeChat', 'One-to-one tasting advice'],
      ['Their content layout', ENTER],
      ['Activities (campaigns)', 'Monthly tasting day, about 60 guests'],
      ['Strength 1', ENTER],
      ['Weakness 1', ENTER],
      ['Lesson 1', 'Answer every message the same day'],
      ['Lesson 2', ENTER],
      ['Add another competitor?', false],
      ['Your takeaway', 'Peers publish on fixed days.'],
    ]);
    await runStep(context, 'competitorAnalysis');
    expect(answers.competitorAnalysis).toEqual({
      competitors: [
        {
          name: 'Leaf & Cup',
          accountType: 'subscription-account',
          howTheyServe: 'Weekly brewing guides with a **shop link**',
          content: 'Monday guide, Friday offer',
          strengths: ['Fixed weekly rhythm', 'Good photos'],
          weaknesses: ['Few replies to comments'],
        },
        {
          name: 'Steep Street',
          accountType: 'wecom',
          howTheyServe: 'One-to-one tasting advice',
          activities: 'Monthly tasting day, about 60 guests',
          lessons: ['Answer every message the same day'],
        },
      ],
      overview: 'Peers publish on fixed days.',
    });
    expect(rejected(prompter)).toEqual([' -> Must not be empty']);
    expect(prompter.transcript).toContain('\n1/7 Competitor analysis\n');
    expect(prompter.transcript).toContain('\nCompetitor 2');
  });
});

describe('2/7 value', () => {
  it('names the company, and takes trial figures with a percent sign', async () => {
    const { prompter, context, answers } = start([
      ['Business line or product', 'Loose-leaf tea'],
      ['How can it be served', 'Brewing guides linked to the shop'],
      ['Add another business', false],
      ['Which account type', 'subscription-account'],
      ['Why does this type fit Harbour Tea House?', 'We sell by publishing'],
      ['trial', true],
      ['Trial period', 'First two months'],
      ['What was measured', 'Share rate'],
      ['The figure', 'four'],
      ['The figure', '4.2%'],
      ['Unit of the figure', '%'],
      ['What does the figure tell', ENTER],
      ['Add another trial figure', true],
      ['What was measured', 'Followers gained'],
      ['The figure', '1,850'],
      ['Unit of the figure', ENTER],
      ['What does the figure tell', '70% came from the QR code at the till'],
      ['Add another trial figure', false],
      ['Benefit 1', ''],
      ['Benefit 1', 'Repeat purchases between visits'],
      ['Benefit 2', 'Fewer phone calls'],
      ['Benefit 3', ENTER],
    ]);
    await runStep(context, 'value');
    expect(answers.value).toEqual({
      businesses: [{ name: 'Loose-leaf tea', howOnChannel: 'Brewing guides linked to the shop' }],
      recommendedAccountType: 'subscription-account',
      accountTypeReason: 'We sell by publishing',
      trial: {
        period: 'First two months',
        metrics: [
          { metric: 'Share rate', value: 4.2, unit: '%' },
          { metric: 'Followers gained', value: 1850, note: '70% came from the QR code at the till' },
        ],
      },
      benefits: ['Repeat purchases between visits', 'Fewer phone calls'],
    });
    expect(rejected(prompter)).toEqual([
      'four -> That is not a number: type digits, e.g. 12000, 12,000, 1.2万 or 1.5k',
      ' -> Needs at least one benefit',
    ]);
    expect(prompter.transcript).toContain('\n2/7 What WeChat can do for Harbour Tea House\n');
  });
});

describe('3/7 activities', () => {
  it('reads amounts such as 1.2万 and 12,000 and asks again when fields contradict each other', async () => {
    const { prompter, context, answers } = start([
      ['already run activities', true],
      ['Name of the activity', 'Autumn tasting'],
      ['When did it run', '2026/10/10'],
      ['How many people', 'abc'],
      ['How many people', '120'],
      ['How many of them', '150'],
      ['What did it cost', '12%'],
      ['What did it cost', '1.2万'],
      ['Sales it brought', '12,000'],
      ['What worked', ENTER],
      ['What would you do better', ENTER],
      ['How many of them', '45'],
      ['Add another past activity', false],
      ['Name of the activity', 'Spring tasting'],
      ['First day', '2027-02-30'],
      ['First day', '2027-03-20'],
      ['Last day', '2027-03-01'],
      ['What should it achieve', '200 tasters'],
      ['How does it work', 'Free tasting for followers'],
      ['Who is responsible', 'Lin Zhou'],
      ['Which company resources', ENTER],
      ['Budget', '-5'],
      ['Budget', '3k'],
      ['How many participants', '200'],
      ['Last day', '2027-03-21'],
      ['Add another planned activity', false],
    ]);
    await runStep(context, 'activities');
    expect(answers.activities).toEqual({
      past: [{ name: 'Autumn tasting', date: '2026-10-10', applicants: 120, conversions: 45, cost: 12000, sales: 12000 }],
      planned: [{
        name: 'Spring tasting', start: '2027-03-20', end: '2027-03-21', goal: '200 tasters', mechanics: 'Free tasting for followers',
        owner: 'Lin Zhou', budget: 3000, expectedParticipants: 200,
      }],
    });
    expect(rejected(prompter)).toEqual([
      'abc -> That is not a number: type digits, e.g. 12000, 12,000, 1.2万 or 1.5k',
      '12% -> This is an amount, not a percentage: type it without %',
      '2027-02-30 -> Is not a real calendar date',
      '-5 -> Must not be negative',
    ]);
    // Rules that span two fields are checked when the item is complete, then the field at fault is asked again.
    expect(prompter.transcript).toContain('How many of them became customers or bought?: Conversions cannot be more than applicants');
    expect(prompter.transcript).toContain('Last day (leave empty for a one-day activity): End date is before the start date');
  });
});

describe('in Chinese', () => {
  it('asks in Chinese and refuses answers with Chinese messages', async () => {
    const { prompter, context, answers } = start([
      ['是否做过可以汇报效果的活动', true],
      ['活动名称', '第一次周四VIP专场'],
      ['活动哪天开始', '2026年11月5日'],
      ['有多少人报名或参与', 'abc'],
      ['有多少人报名或参与', '62'],
      ['其中多少人成为客户或下单', '70'],
      ['花费多少', '12%'],
      ['花费多少', '0.3万'],
      ['带来多少销售额', '6.8万'],
      ['哪些做法有效', ENTER],
      ['下次哪里可以做得更好', ENTER],
      ['其中多少人成为客户或下单', '41'],
      ['再添加一个已做的活动', false],
      ['活动名称', '春季备货节'],
      ['开始日期', '2027-02-30'],
      ['开始日期', '2027/3/18'],
      ['结束日期', ENTER],
      ['活动要达到什么目标', '150 家门店参与'],
      ['活动怎么做', '满额赠品加限时特价'],
      ['负责人是谁', '王晓雯'],
      ['需要公司提供哪些资源', ENTER],
      ['预算', '-1'],
      ['预算', '1.2万'],
      ['预计多少人参与', ENTER],
      ['再添加一个计划活动', false],
    ], { schemaVersion: 1, meta: { ...structuredClone(META), language: 'zh-CN' } }, 'zh-CN');
    await runStep(context, 'activities');
    expect(answers.activities).toEqual({
      past: [{ name: '第一次周四VIP专场', date: '2026-11-05', applicants: 62, conversions: 41, cost: 3000, sales: 68000 }],
      planned: [{ name: '春季备货节', start: '2027-03-18', goal: '150 家门店参与', mechanics: '满额赠品加限时特价', owner: '王晓雯', budget: 12000 }],
    });
    expect(rejected(prompter)).toEqual([
      'abc -> 这不是数字：请输入如 12000、12,000、1.2万 或 1.5k 的数字',
      '12% -> 这里填的是金额或数量，不是百分比：请去掉 %',
      '2027-02-30 -> 不是一个真实存在的日期',
      '-1 -> 不能是负数',
    ]);
    expect(prompter.transcript).toContain('其中多少人成为客户或下单？：转化人数不能超过参与人数');
    expect(prompter.transcript).toContain('\n3/7 活动策划\n');
  });
});
