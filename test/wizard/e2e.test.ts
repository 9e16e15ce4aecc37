// The real CLI in a pseudo-terminal (tmux): a short plan, Ctrl-C in the middle of a section, resume, render.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { CLI, scratchDir } from '../helpers.js';
import { TmuxSession, tmuxAvailable } from './tmux.js';

const ENV = { CI: 'true', LANG: 'en_US.UTF-8', TERM: 'xterm-256color' };

describe('opsplan wizard in a terminal', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.stop());

  it('completes a short plan across a Ctrl-C and a resume, and renders it', async () => {
    expect(tmuxAvailable(), 'tmux is needed for this test: apt-get install -y tmux').toBe(true);
    expect(existsSync(CLI), 'build first: npm run build (npm test does)').toBe(true);
    const dir = scratchDir('opsplan-wizard-e2e-');
    const file = path.join(dir, 'plan.yaml');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} wizard plan.yaml --lang en`;
    const terminal = new TmuxSession(30_000);
    session = terminal;

    // First run: the plan's facts and section 1, then Ctrl-C halfway through section 2. CI=true must not stop the wizard.
    terminal.start(command, dir, ENV);
    await terminal.answer('Which company is the plan for?', 'Harbour Tea House');
    await terminal.answer('Title of the plan', '');
    await terminal.answer('Who is writing the plan?', 'Lin Zhou');
    await terminal.answer('Who will read and approve it?', 'Owner');
    await terminal.answer('Date of the plan', '2027/1/5');
    await terminal.answer('Which language should the plan be written in?', '');
    await terminal.answer('Which WeChat channel is the plan about?', '', 'Down', 'Enter');
    await terminal.answer('Name of the account, group or community', '');
    await terminal.answer('Currency of all amounts', '');
    await terminal.answer('First day of the period the plan covers', '2027-01-01');
    await terminal.answer('How many quarters', 'two');
    await terminal.waitFor('That is not a number', { peek: true });
    terminal.press('C-u');
    terminal.type('2');
    terminal.press('Enter');
    await terminal.waitFor('Saved plan.yaml');
    await terminal.waitFor('1/7 Competitor analysis');
    await terminal.answer('Name of the company or account', 'Leaf & Cup');
    await terminal.answer('What kind of account do they run?', '', 'Down', 'Enter');
    await terminal.answer('How do they use WeChat', 'Weekly brewing guides with a shop link');
    await terminal.answer('Their content layout', '');
    await terminal.answer('Activities (campaigns)', '');
    await terminal.answer('Strength 1', 'Fixed weekly rhythm');
    await terminal.answer('Strength 2', '');
    await terminal.answer('Weakness 1', '');
    await terminal.answer('Lesson 1', '');
    await terminal.answer('Add another competitor?', 'n');
    await terminal.answer('Your takeaway', '');
    await terminal.waitFor('2/7 What WeChat can do for Harbour Tea House');
    await terminal.answer('Business line or product', 'Loose-leaf tea');
    await terminal.waitFor('? How can it be served');
    terminal.press('C-c');
    await terminal.waitFor('Stopped. Every answer you gave is saved in');
    await terminal.waitFor('Run `opsplan wizard plan.yaml` to continue with 2/7 What WeChat can do for Harbour Tea House.');
    await terminal.waitFor('[exit 130]');
    terminal.stop();

    const saved = parse(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(saved.meta).toMatchObject({ company: 'Harbour Tea House', date: '2027-01-05', channel: 'subscription-account', horizon: { quarters: 2 } });
    expect(saved.competitorAnalysis.competitors[0]).toEqual({
      name: 'Leaf & Cup', accountType: 'subscription-account', howTheyServe: 'Weekly brewing guides with a shop link', strengths: ['Fixed weekly rhythm'],
    });
    expect(saved.value).toEqual({ businesses: [{ name: 'Loose-leaf tea' }] });

    // Second run: resume at section 2 and finish the plan.
    const again = new TmuxSession(30_000);
    session = again;
    again.start(command, dir, ENV);
    await again.answer('Last time you stopped at 2/7 What WeChat can do for Harbour Tea House. Continue there?', '');
    await again.answer('Business 1: Loose-leaf tea', '');
    await again.answer('Business line or product', '');
    await again.answer('How can it be served', 'Brewing guides linked to the shop');
    await again.answer('Add another business or product?', '');
    await again.answer('Which account type do you recommend?', '', 'Down', 'Enter');
    await again.answer('Why does this type fit Harbour Tea House?', 'We sell by publishing');
    await again.answer('Have you already run the account', '');
    await again.answer('Benefit 1', 'Repeat purchases between visits');
    await again.answer('Benefit 2', '');
    await again.waitFor('3/7 Activity plans');
    await again.answer('Have you already run activities', 'n');
    await again.answer('Name of the activity', 'Spring tasting');
    await again.answer('First day', '2027-03-20');
    await again.answer('Last day', '');
    await again.answer('What should it achieve?', '200 tasters');
    await again.answer('How does it work', 'Free tasting for followers');
    await again.answer('Who is responsible?', 'Lin Zhou');
    await again.answer('Which company resources', '');
    await again.answer('Budget (CNY)', '3k');
    await again.answer('How many participants', '');
    await again.answer('Add another planned activity?', '');
    await again.waitFor('4/7 What customers care about');
    await again.answer('What do customers ask about?', 'Caffeine content');
    await again.answer('Detail or an example', '');
    await again.answer('How often does it come up?', '');
    await again.answer('Add another topic?', '');
    await again.answer('Do customers complain', 'n');
    await again.answer('Improvement 1', '');
    await again.waitFor('5/7 Account operations plan');
    await again.answer('When?', 'Mon 08:00');
    await again.answer('Column or content module', 'Brewing Monday');
    await again.answer('Format', 'Image + text');
    await again.answer('Who is responsible?', 'Lin Zhou');
    await again.answer('Does this slot promote or run an activity?', '');
    await again.answer('Note', '');
    await again.answer('Add another slot?', '');
    await again.answer('Do you want to plan the custom menu?', 'n');
    await again.answer('Do you want to list how the account will be promoted?', 'n');
    await again.answer('Third-party tools', '');
    await again.answer('What is the money for?', 'Photos');
    await again.answer('Category', 'Content');
    await again.answer('Amount for the whole plan (CNY)', '12,000');
    await again.answer('How important is it?', '');
    await again.answer('Note', '');
    await again.answer('Add another cost item?', 'y');
    await again.answer('What is the money for?', 'Ads');
    await again.answer('Category', 'Advertising');
    await again.answer('Amount for the whole plan (CNY)', '5k');
    await again.answer('How important is it?', '', 'Down', 'Enter');
    await again.answer('Note', '');
    await again.answer('Add another cost item?', '');
    await again.answer('Do other departments need to cooperate?', 'n');
    await again.waitFor('6/7 Task allocation');
    await again.answer('Name', 'Lin Zhou');
    await again.answer('Role', 'Everything');
    await again.answer('Duty 1', 'Content');
    await again.answer('Duty 2', '');
    await again.answer('Daily task 1', '');
    await again.answer('Add a target (KPI) for this person?', 'n');
    await again.answer('Add another person?', '');
    await again.answer('Is there a sales commission?', '');
    await again.answer('How is performance evaluated overall?', '');
    await again.waitFor('7/7 Growth forecast');
    await again.answer('How many followers', '1,000');
    await again.answer('Add another figure that describes where you start?', '');
    await again.answer('How do you want to forecast follower growth?', '');
    await again.answer('Follower growth per quarter, in percent', '10%');
    await again.answer('Add another figure to forecast', '');
    await again.answer('How does this growth help the business?', 'More repeat orders');
    // 12,000 essential + 5,000 optional; 1,000 followers growing 10 % a quarter: 1,100, then 1,210.
    await again.waitFor('Budget: CN¥17,000 in total, CN¥12,000 essential (70.6%) and CN¥5,000 optional');
    await again.waitFor('Followers: 1,000 now, 1,100 after the first quarter, 1,210 after quarter 2');
    await again.answer('Which formats should be written?', '');
    const markdownFile = path.join('output', 'harbour-tea-house-wechat-operations-plan.md');
    await again.waitFor(`Wrote ${markdownFile}`);
    await again.waitFor('[exit 0]');

    const { plan } = await loadPlan(file);
    expect(plan.value.businesses).toEqual([{ name: 'Loose-leaf tea', howOnChannel: 'Brewing guides linked to the shop' }]);
    expect(plan.accountPlan.costs.map((cost) => [cost.item, cost.amount, cost.priority])).toEqual([['Photos', 12000, 'essential'], ['Ads', 5000, 'optional']]);
    expect(plan.activities.planned[0]).toMatchObject({ name: 'Spring tasting', budget: 3000 });
    expect(plan.growth.quarterlyGrowthPercent).toBe(10);
    const markdown = readFileSync(path.join(dir, markdownFile), 'utf8');
    expect(markdown).toContain('# Harbour Tea House WeChat Operations Plan');
    expect(markdown).toContain('Leaf & Cup');
    expect(markdown).toContain('Spring tasting');
    expect(markdown).toMatch(/1,210/);
    expect(JSON.parse(readFileSync(path.join(dir, '.plan.yaml.opsplan-progress.json'), 'utf8'))).toMatchObject({
      done: ['meta', 'competitorAnalysis', 'value', 'activities', 'customerConcerns', 'accountPlan', 'team', 'growth'],
      formats: ['md'],
    });
  }, 180_000);
});
