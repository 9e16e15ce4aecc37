// Sections 4-7 driven through the Prompter with scripted answers, including rules that span fields and per-quarter figures.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/wizard/context.js';
import { runStep } from '../../src/wizard/steps.js';
import { ENTER, type ScriptLine } from './scripted.js';
import { META, rejected, start } from './stepContext.js';

describe('4/7 customer concerns', () => {
  it('takes topics, complaints with how often they come up, and improvements', async () => {
    const { context, answers } = start([
      ['What do customers ask about', 'Caffeine content'],
      ['Detail or an example', 'Whether green tea keeps them awake'],
      ['How often does it come up', 'often'],
      ['Add another topic', true],
      ['What do customers ask about', 'Gift wrapping'],
      ['Detail or an example', ENTER],
      ['How often does it come up', 'rarely'],
      ['Add another topic', false],
      ['complain', true],
      ['The complaint', 'Delivery takes four days'],
      ['How often do you hear it', 'sometimes'],
      ['How will you answer', 'Ship from the nearest store'],
      ['Add another complaint', false],
      ['Improvement 1', 'Caffeine level on every label'],
      ['Improvement 2', ENTER],
    ]);
    await runStep(context, 'customerConcerns');
    expect(answers.customerConcerns).toEqual({
      topics: [
        { topic: 'Caffeine content', detail: 'Whether green tea keeps them awake', frequency: 'often' },
        { topic: 'Gift wrapping', frequency: 'rarely' },
      ],
      complaints: [{ complaint: 'Delivery takes four days', frequency: 'sometimes', response: 'Ship from the nearest store' }],
      improvements: ['Caffeine level on every label'],
    });
  });
});

describe('5/7 account plan', () => {
  it('takes the calendar, at most three menus, promotion, a cost list with priorities, and departments', async () => {
    const menu = (name: string, items: boolean): ScriptLine[] => [
      ['Menu name', name],
      ['Add items under this menu', items],
      ...(items ? [['Item name', `${name} item`], ['What does it open', 'A page'], ['Add another item', false]] as ScriptLine[] : []),
    ];
    const { prompter, context, answers } = start([
      ['When?', 'Mon 08:00'],
      ['Column or content module', 'Brewing Monday'],
      ['Format', 'Image + text'],
      ['Who is responsible', 'Lin Zhou'],
      ['promote or run an activity', true],
      ['Note', ENTER],
      ['Add another slot', false],
      ['custom menu', true],
      ...menu('Shop', true),
      ['Add another menu', true],
      ...menu('Learn', false),
      ['Add another menu', true],
      ...menu('Visit', true),
      ['promoted', true],
      ['Where?', 'QR code at the till'],
      ['How?', 'Table cards'],
      ['Add another promotion channel', false],
      ['Third-party tools', ENTER],
      ['What is the money for', 'Photos'],
      ['Category', 'Content'],
      ['Amount for the whole plan', '12%'],
      ['Amount for the whole plan', '12,000'],
      ['How important', 'essential'],
      ['Note', ENTER],
      ['Add another cost item', true],
      ['What is the money for', 'Influencer post'],
      ['Category', 'Advertising'],
      ['Amount for the whole plan', '1.5k'],
      ['How important', 'optional'],
      ['Note', 'Only if spring goes well'],
      ['Add another cost item', false],
      ['departments', true],
      ['Department', 'Stores'],
      ['What do you need from them', 'QR codes at every till'],
      ['Add another department', false],
    ]);
    await runStep(context, 'accountPlan');
    expect(answers.accountPlan).toEqual({
      contentCalendar: [{ when: 'Mon 08:00', column: 'Brewing Monday', format: 'Image + text', owner: 'Lin Zhou', activityRelated: true }],
      menu: [
        { name: 'Shop', items: [{ name: 'Shop item', content: 'A page' }] },
        { name: 'Learn' },
        { name: 'Visit', items: [{ name: 'Visit item', content: 'A page' }] },
      ],
      promotion: [{ channel: 'QR code at the till', method: 'Table cards' }],
      costs: [
        { item: 'Photos', category: 'Content', amount: 12000, priority: 'essential' },
        { item: 'Influencer post', category: 'Advertising', amount: 1500, priority: 'optional', note: 'Only if spring goes well' },
      ],
      departments: [{ department: 'Stores', needFor: 'QR codes at every till' }],
    });
    // WeChat allows three menus: the wizard stops offering a fourth.
    expect(prompter.transcript).toContain('That is the most this list can hold (3).');
    expect(rejected(prompter)).toEqual(['12% -> This is an amount, not a percentage: type it without %']);
  });
});

describe('6/7 team', () => {
  it('takes people with duties and KPIs, and commission tiers in order', async () => {
    const { prompter, context, answers } = start([
      ['Name', 'Lin Zhou'],
      ['Role', 'Operations lead'],
      ['Duty 1', ''],
      ['Duty 1', 'Content'],
      ['Duty 2', 'Activities'],
      ['Duty 3', ENTER],
      ['Daily task 1', 'Answer messages before 18:00'],
      ['Daily task 2', ENTER],
      ['Add a target (KPI)', true],
      ['What is measured', 'Share rate'],
      ['Measured as', 'percent'],
      ['Target', '120%'],
      ['Per', 'month'],
      ['Target', '35%'],
      ['Add another target', true],
      ['What is measured', 'New followers'],
      ['Measured as', ENTER],
      ['Target', '800'],
      ['Per', 'quarter'],
      ['Add another target', false],
      ['Add another person', false],
      ['sales commission', true],
      ['Sales above which', '50,000'],
      ['Commission rate', '1%'],
      ['Add another tier', true],
      ['Sales above which', '2万'],
      ['Commission rate', '2.5'],
      ['Add another tier', false],
      ['How is performance evaluated', ENTER],
      ['Sales above which', '8万'],
    ]);
    await runStep(context, 'team');
    expect(answers.team).toEqual({
      people: [{
        name: 'Lin Zhou',
        role: 'Operations lead',
        duties: ['Content', 'Activities'],
        dailyTasks: ['Answer messages before 18:00'],
        kpis: [
          { metric: 'Share rate', target: 35, unit: 'percent', period: 'month' },
          { metric: 'New followers', target: 800, unit: 'count', period: 'quarter' },
        ],
      }],
      commission: [{ threshold: 50000, ratePercent: 1 }, { threshold: 80000, ratePercent: 2.5 }],
    });
    expect(rejected(prompter)).toEqual([' -> Needs at least one duty']);
    expect(prompter.transcript).toContain('Target: Is a percentage and cannot be over 100');
    expect(prompter.transcript).toContain(
      "Sales above which the tier applies (CNY): Must be above the previous tier's threshold (50000): list tiers from the lowest sales threshold up",
    );
  });
});

describe('7/7 growth', () => {
  it('takes follower targets per quarter, or one growth rate, and forecast KPIs per quarter', async () => {
    const { context, answers } = start([
      ['How many followers', '1,000'],
      ['where you start', true],
      ['What is measured', 'Reads per article'],
      ['The figure today', '640'],
      ['Unit', 'reads'],
      ['Add another starting figure', false],
      ['How do you want to forecast', 'targets'],
      ['Followers at the end of quarter 1', '1.2万'],
      ['Followers at the end of quarter 2', '15,000'],
      ['Add another figure to forecast', true],
      ['What is forecast', 'Orders'],
      ['Measured as', 'count'],
      ['Target for quarter 1', '350'],
      ['Target for quarter 2', '0.05万'],
      ['Add another forecast figure', false],
      ['How does this growth help', 'More repeat orders'],
    ]);
    await runStep(context, 'growth');
    expect(answers.growth).toEqual({
      baseline: { followers: 1000, metrics: [{ metric: 'Reads per article', value: 640, unit: 'reads' }] },
      targets: [12000, 15000],
      kpis: [{ metric: 'Orders', unit: 'count', targets: [350, 500] }],
      businessImpact: 'More repeat orders',
    });
  });

  it('lets a team switch from follower targets to a growth rate per quarter', async () => {
    const answers: Answers = {
      schemaVersion: 1,
      meta: structuredClone(META),
      growth: { baseline: { followers: 1000 }, targets: [1200, 1500], businessImpact: 'More repeat orders' },
    };
    const { prompter, context } = start([
      ['How many followers', ENTER],
      ['Add another figure that describes', false],
      ['How do you want to forecast', 'perQuarter'],
      ['Follower growth in quarter 1', '101'],
      ['Follower growth in quarter 1', '30%'],
      ['Follower growth in quarter 2', '25'],
      ['Add another figure to forecast', false],
      ['How does this growth help', ENTER],
    ], answers);
    await runStep(context, 'growth');
    expect(answers.growth).toEqual({ baseline: { followers: 1000 }, quarterlyGrowthPercent: [30, 25], businessImpact: 'More repeat orders' });
    expect(rejected(prompter)).toEqual(['101 -> Is a percentage and cannot be over 100']);
  });
});
