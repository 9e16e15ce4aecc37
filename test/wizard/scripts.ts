// Scripted answers for a short but complete plan, section by section, as a first-time user would give them.
import { ENTER, type ScriptLine } from './scripted.js';

export const META_EN: ScriptLine[] = [
  ['Which company', 'Harbour Tea House'],
  ['Title of the plan', ENTER],
  ['Who is writing', 'Lin Zhou'],
  ['Who will read', 'Owner'],
  ['Date of the plan', '2027/1/5'],
  ['Which language should the plan', 'en'],
  ['Which WeChat channel', 'subscription-account'],
  ['Name of the account', ENTER],
  ['Currency', ENTER],
  ['First day of the period', '2027-01-01'],
  ['How many quarters', '2'],
];

export const COMPETITORS_EN: ScriptLine[] = [
  ['Name of the company', 'Leaf & Cup'],
  ['What kind of account', 'subscription-account'],
  ['How do they use WeChat', 'Weekly brewing guides with a shop link'],
  ['Their content layout', ENTER],
  ['Activities (campaigns)', ENTER],
  ['Strength 1', 'Fixed weekly rhythm'],
  ['Strength 2', ENTER],
  ['Weakness 1', ENTER],
  ['Lesson 1', ENTER],
  ['Add another competitor?', false],
  ['Your takeaway', ENTER],
];

export const VALUE_EN: ScriptLine[] = [
  ['Business line or product', 'Loose-leaf tea'],
  ['How can it be served', 'Brewing guides linked to the mini-program shop'],
  ['Add another business', false],
  ['Which account type', 'subscription-account'],
  ['Why does this type fit Harbour Tea House?', 'We sell by publishing'],
  ['trial', false],
  ['Benefit 1', 'Repeat purchases between visits'],
  ['Benefit 2', ENTER],
];

export const ACTIVITIES_EN: ScriptLine[] = [
  ['already run activities', false],
  ['Name of the activity', 'Spring tasting'],
  ['First day', '2027-03-20'],
  ['Last day', ENTER],
  ['What should it achieve', '200 tasters'],
  ['How does it work', 'Free tasting for followers'],
  ['Who is responsible', 'Lin Zhou'],
  ['Which company resources', ENTER],
  ['Budget', '3k'],
  ['How many participants', ENTER],
  ['Add another planned activity', false],
];

export const CONCERNS_EN: ScriptLine[] = [
  ['What do customers ask about', 'Caffeine content'],
  ['Detail or an example', ENTER],
  ['How often does it come up', 'often'],
  ['Add another topic', false],
  ['complain', false],
  ['Improvement 1', ENTER],
];

export const ACCOUNT_PLAN_EN: ScriptLine[] = [
  ['When?', 'Mon 08:00'],
  ['Column or content module', 'Brewing Monday'],
  ['Format', 'Image + text'],
  ['Who is responsible', 'Lin Zhou'],
  ['promote or run an activity', false],
  ['Note', ENTER],
  ['Add another slot', false],
  ['custom menu', false],
  ['promoted', false],
  ['Third-party tools', ENTER],
  ['What is the money for', 'Photos'],
  ['Category', 'Content'],
  ['Amount for the whole plan', '12,000'],
  ['How important', 'essential'],
  ['Note', ENTER],
  ['Add another cost item', true],
  ['What is the money for', 'Ads'],
  ['Category', 'Advertising'],
  ['Amount for the whole plan', '0.5万'],
  ['How important', 'optional'],
  ['Note', ENTER],
  ['Add another cost item', false],
  ['departments', false],
];

export const TEAM_EN: ScriptLine[] = [
  ['Name', 'Lin Zhou'],
  ['Role', 'Everything'],
  ['Duty 1', 'Content'],
  ['Duty 2', ENTER],
  ['Daily task 1', ENTER],
  ['Add a target (KPI)', false],
  ['Add another person', false],
  ['sales commission', false],
  ['How is performance evaluated', ENTER],
];

export const GROWTH_EN: ScriptLine[] = [
  ['How many followers', '1,000'],
  ['where you start', false],
  ['How do you want to forecast', 'same'],
  ['Follower growth per quarter', '10%'],
  ['Add another figure to forecast', false],
  ['How does this growth help', 'More repeat orders'],
];

export const SHORT_PLAN_EN: ScriptLine[] = [
  ...META_EN, ...COMPETITORS_EN, ...VALUE_EN, ...ACTIVITIES_EN, ...CONCERNS_EN, ...ACCOUNT_PLAN_EN, ...TEAM_EN, ...GROWTH_EN,
];
