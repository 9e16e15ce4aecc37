// Whole wizard sessions: editing an existing plan without losing what it does not ask about, review, Ctrl-C and resume, fixing problems.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { progressFile } from '../../src/wizard/progress.js';
import { exitCodeOf, runWizard, type WizardOptions } from '../../src/wizard/run.js';
import { fileStem } from '../../src/io/fileName.js';
import { EXAMPLES, rawAnswers, scratchDir } from '../helpers.js';
import { CTRL_C, ENTER, ScriptedPrompter, type ScriptLine } from './scripted.js';
import { ACCOUNT_PLAN_EN, ACTIVITIES_EN, COMPETITORS_EN, CONCERNS_EN, GROWTH_EN, META_EN, SHORT_PLAN_EN, TEAM_EN, VALUE_EN } from './scripts.js';

const TODAY = new Date(2027, 0, 5);

function wizard(prompter: ScriptedPrompter, file: string, options: Partial<WizardOptions> = {}) {
  return runWizard({ prompter, language: 'en', file, outDir: path.join(path.dirname(file), 'out'), today: TODAY, ...options });
}

/** The example plan in a scratch folder, with a field and comments the wizard never asks about. */
function exampleCopy(): { file: string; original: string } {
  const dir = scratchDir('opsplan-wizard-');
  const file = path.join(dir, 'plan.yaml');
  const original = readFileSync(EXAMPLES.en, 'utf8')
    .replace('  channelName: Lumen Threads Style Notes\n', '  channelName: Lumen Threads Style Notes\n  brand: brand.yaml  # client colours, kept by the wizard\n')
    .replace('  costs:\n', '  # Costs agreed with Finance on 2026-11-20.\n  costs:\n');
  writeFileSync(file, original);
  return { file, original };
}

function commentLines(text: string): string[] {
  return text.split('\n').filter((line) => /#/.test(line)).map((line) => line.slice(line.indexOf('#')));
}

/** Object keys at every level, to compare the order of fields. */
function keyOrder(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keyOrder(item, `${at}[${index}]`));
  if (value && typeof value === 'object') {
    return [`${at}: ${Object.keys(value).join(',')}`, ...Object.entries(value).flatMap(([key, item]) => keyOrder(item, `${at}.${key}`))];
  }
  return [];
}

const EXAMPLE = rawAnswers(EXAMPLES.en);
const money = (amount: number) => new Intl.NumberFormat('en', { style: 'currency', currency: EXAMPLE.meta.currency, maximumFractionDigits: 0 }).format(amount);
const count = (value: number) => new Intl.NumberFormat('en').format(value);

describe('editing an existing plan', () => {
  it('changes one cost and removes another, keeping every comment, the order of fields and fields it does not ask about', async () => {
    const { file, original } = exampleCopy();
    const costs = EXAMPLE.accountPlan.costs as Array<{ item: string; amount: number; priority: string }>;
    const prompter = new ScriptedPrompter([
      [`Cost item 1: ${costs[0]!.item}`, 'edit'],
      ['Amount for the whole plan', '26,000'],
      [`Cost item 5: ${costs[4]!.item}`, 'remove'],
      ['Which formats', ['md']],
    ], 'enter');
    const result = await wizard(prompter, file, { step: 'accountPlan' });
    expect(result.status).toBe('rendered');
    expect(prompter.remaining).toEqual([]);

    const saved = readFileSync(file, 'utf8');
    const expected = parse(original) as Record<string, any>;
    expected.accountPlan.costs[0].amount = 26000;
    expected.accountPlan.costs.splice(4, 1);
    expect(parse(saved)).toEqual(expected);
    expect(commentLines(saved)).toEqual(commentLines(original));
    expect(saved).toMatch(/\n {2}brand: brand\.yaml +# client colours, kept by the wizard\n/);
    expect(keyOrder(parse(saved))).toEqual(keyOrder(expected));
    // Lines the wizard did not touch stay as they were (a flow list too), so the change reads well in git.
    const flowList = `      targets: [${(EXAMPLE.growth.kpis[0].targets as number[]).join(', ')}]\n`;
    expect(original).toContain(flowList);
    expect(saved).toContain(flowList);
    expect(saved).toContain(`    - item: ${costs[0]!.item}\n      category: ${(costs[0] as any).category}\n      amount: 26000\n`);
    expect(saved).not.toContain(costs[4]!.item);

    // The summary, computed here from the example's own figures with the two changes.
    const kept = expected.accountPlan.costs as typeof costs;
    const total = kept.reduce((sum, cost) => sum + cost.amount, 0);
    const essential = kept.filter((cost) => cost.priority === 'essential').reduce((sum, cost) => sum + cost.amount, 0);
    const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(essential / total);
    expect(prompter.transcript).toContain(`  Budget: ${money(total)} in total, ${money(essential)} essential (${share}) and ${money(total - essential)} optional`);
    const baseline = EXAMPLE.growth.baseline.followers as number;
    const rate = 1 + (EXAMPLE.growth.quarterlyGrowthPercent as number) / 100;
    const quarters = EXAMPLE.meta.horizon.quarters as number;
    expect(prompter.transcript).toContain(
      `  Followers: ${count(baseline)} now, ${count(Math.round(baseline * rate))} after the first quarter, ${count(Math.round(baseline * rate ** quarters))} after quarter ${quarters}`,
    );
    const markdown = readFileSync(path.join(path.dirname(file), 'out', `${fileStem(EXAMPLE.meta.title)}.md`), 'utf8');
    expect(markdown).toContain(costs[0]!.item);
    expect(markdown).toContain(money(total));
    expect(markdown).not.toContain(costs[4]!.item);
  });

  it('shows every current answer as the default, so pressing Enter throughout changes nothing', async () => {
    const { file, original } = exampleCopy();
    const person = EXAMPLE.team.people[0];
    const prompter = new ScriptedPrompter([[`Person 1: ${person.name}`, 'edit'], ['Which formats', ['md']]], 'enter');
    await wizard(prompter, file, { step: 'team' });
    expect(parse(readFileSync(file, 'utf8'))).toEqual(parse(original));
    expect(prompter.transcript).toContain(`? Role ${person.role}`);
    expect(prompter.transcript).toContain(`? Duty 1 ${person.duties[0]}`);
  });

  it('offers a review of the sections when the plan is complete, and remembers the formats chosen', async () => {
    const { file } = exampleCopy();
    const first = new ScriptedPrompter([
      ['What would you like to do', 'meta'],
      ['Title of the plan', 'Lumen Threads WeChat Plan 2027 Q2'],
      ['What would you like to do', 'finish'],
      ['Which formats', ['md']],
    ], 'enter');
    const result = await wizard(first, file);
    expect(result).toMatchObject({ status: 'rendered' });
    expect(first.transcript).toContain('Editing ' + file + '. Every question shows the current answer: press Enter to keep it.');
    expect((parse(readFileSync(file, 'utf8')) as any).meta.title).toBe('Lumen Threads WeChat Plan 2027 Q2');
    expect(existsSync(path.join(path.dirname(file), 'out', 'lumen-threads-wechat-plan-2027-q2.md'))).toBe(true);
    expect(JSON.parse(readFileSync(progressFile(file), 'utf8'))).toMatchObject({ formats: ['md'] });

    // Next time the last choice is ticked already: Enter keeps it.
    const second = new ScriptedPrompter([['What would you like to do', 'finish'], ['Which formats', ENTER]], 'fail');
    await expect(wizard(second, file)).resolves.toMatchObject({ status: 'rendered' });
    expect(second.transcript.some((line) => line.startsWith('Wrote ') && line.endsWith('.md'))).toBe(true);
  });
});

describe('Ctrl-C and resume', () => {
  it('saves every answer given, says how to go on, and resumes at the section in progress', async () => {
    const dir = scratchDir('opsplan-wizard-');
    const file = path.join(dir, 'plan.yaml');
    const interruptAt = ACTIVITIES_EN.findIndex(([question]) => question === 'Budget');
    const first = new ScriptedPrompter([...META_EN, ...COMPETITORS_EN, ...VALUE_EN, ...ACTIVITIES_EN.slice(0, interruptAt), ['Budget', CTRL_C]]);
    const stopped = await wizard(first, file);
    expect(stopped.status).toBe('interrupted');
    expect(exitCodeOf(stopped)).toBe(130);
    expect(first.transcript).toContain(`\nStopped. Every answer you gave is saved in ${file}.`);
    expect(first.transcript).toContain(`Run \`opsplan wizard ${file}\` to continue with 3/7 Activity plans.`);

    const saved = parse(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(saved.meta.company).toBe('Harbour Tea House');
    expect(saved.value.businesses).toEqual([{ name: 'Loose-leaf tea', howOnChannel: 'Brewing guides linked to the mini-program shop' }]);
    // The section in progress is kept as far as it got: the planned activity without its budget.
    expect(saved.activities.planned).toEqual([{
      name: 'Spring tasting', start: '2027-03-20', goal: '200 tasters', mechanics: 'Free tasting for followers', owner: 'Lin Zhou',
    }]);
    expect(JSON.parse(readFileSync(progressFile(file), 'utf8')).done).toEqual(['meta', 'competitorAnalysis', 'value']);

    const second = new ScriptedPrompter([
      ['Continue there?', true],
      ['already run activities', false],
      // The unfinished activity is offered for editing, with every answer given so far as the default.
      ['Planned activity 1: Spring tasting', ENTER],
      ['Name of the activity', ENTER],
      ['First day', ENTER],
      ['Last day', ENTER],
      ['What should it achieve', ENTER],
      ['How does it work', ENTER],
      ['Who is responsible', ENTER],
      ['Which company resources', ENTER],
      ['Budget', '3k'],
      ['How many participants', ENTER],
      ['Add another planned activity', false],
      ...CONCERNS_EN, ...ACCOUNT_PLAN_EN, ...TEAM_EN, ...GROWTH_EN,
      ['Which formats', ['md']],
    ]);
    const finished = await wizard(second, file);
    expect(finished.status).toBe('rendered');
    expect(second.transcript).toContain('\n3/7 Activity plans\n');
    expect(second.transcript).not.toContain('\n2/7 What WeChat can do for Harbour Tea House\n');

    const { plan } = await loadPlan(file);
    expect(plan.activities.planned[0]!.budget).toBe(3000);
    const markdown = readFileSync(path.join(dir, 'out', 'harbour-tea-house-wechat-operations-plan.md'), 'utf8');
    expect(markdown).toContain('Spring tasting');
    expect(markdown).toContain('Leaf & Cup');
    // Costs 12,000 essential + 5,000 optional.
    expect(second.transcript).toContain('  Budget: CN¥17,000 in total, CN¥12,000 essential (70.6%) and CN¥5,000 optional');
    // 1,000 followers growing 10 % a quarter for two quarters: 1,100 then 1,210.
    expect(second.transcript).toContain('  Followers: 1,000 now, 1,100 after the first quarter, 1,210 after quarter 2');
  });

  it('exits cleanly when stopped before any answer', async () => {
    const prompter = new ScriptedPrompter([['Where should your answers be saved', CTRL_C]]);
    const result = await runWizard({ prompter, language: 'en', outDir: scratchDir(), today: TODAY });
    expect(result).toEqual({ status: 'interrupted' });
    expect(prompter.transcript).toContain('\nStopped. Nothing was saved yet.');
  });
});

describe('a plan with problems at the end', () => {
  const kpi = EXAMPLE.growth.kpis[0] as { metric: string; targets: number[] };
  const complete = `      targets: [${kpi.targets.join(', ')}]`;
  const short = `      targets: [${kpi.targets.slice(0, -1).join(', ')}]`;

  function brokenCopy(): string {
    const { file } = exampleCopy();
    writeFileSync(file, readFileSync(file, 'utf8').replace(complete, short));
    return file;
  }

  it('lists the problems like `opsplan validate` and takes the user to the section to fix', async () => {
    const file = brokenCopy();
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text === short) + 1;
    const quarters = EXAMPLE.meta.horizon.quarters as number;
    const prompter = new ScriptedPrompter([
      ['What would you like to do', 'finish'],
      ['What would you like to fix first', 'growth'],
      [`Forecast figure 1: ${kpi.metric}`, 'edit'],
      [`Target for quarter ${quarters}`, String(kpi.targets.at(-1))],
      ['Which formats', ['md']],
    ], 'enter');
    const result = await wizard(prompter, file);
    expect(result.status).toBe('rendered');
    expect(prompter.transcript).toContain('\nThe plan is not complete yet (1 to fix):');
    expect(prompter.transcript).toContain(
      `${file}:${line}:16  growth.kpis[0].targets  has ${quarters - 1} values but the plan covers ${quarters} quarters (meta.horizon.quarters): give one per quarter`,
    );
    expect((parse(readFileSync(file, 'utf8')) as any).growth.kpis[0].targets).toEqual(kpi.targets);
  });

  it('says the problems in Chinese for a Chinese user, and saves for later with exit code 1', async () => {
    const file = brokenCopy();
    const quarters = EXAMPLE.meta.horizon.quarters as number;
    const prompter = new ScriptedPrompter([
      ['接下来做什么', 'finish'],
      ['先修改哪一部分', 'quit'],
    ], 'fail');
    const result = await wizard(prompter, file, { language: 'zh-CN' });
    expect(result.status).toBe('incomplete');
    expect(exitCodeOf(result)).toBe(1);
    expect(prompter.transcript.join('\n')).toContain(
      `growth.kpis[0].targets  有 ${quarters - 1} 个数值，但方案覆盖 ${quarters} 个季度（meta.horizon.quarters）：每个季度填写一个`,
    );
    expect(prompter.transcript).toContain(`答案已保存。运行 \`opsplan wizard ${file}\` 继续修改，或直接编辑文件后运行 \`opsplan validate\` 检查。`);
  });
});

describe('answers files', () => {
  it('asks for a file name, defaulting to plan.yaml, and writes JSON answers as JSON', async () => {
    const dir = scratchDir('opsplan-wizard-');
    const file = path.join(dir, 'plan.json');
    const prompter = new ScriptedPrompter([
      ['Where should your answers be saved', 'plan.txt'],
      ['Where should your answers be saved', file],
      ...SHORT_PLAN_EN,
      ['Which formats', ['md']],
    ] as ScriptLine[]);
    await runWizard({ prompter, language: 'en', outDir: path.join(dir, 'out'), today: TODAY });
    expect(prompter.rejections.map((rejection) => rejection.message)).toEqual(['The file name must end in .yaml, .yml or .json, e.g. plan.yaml']);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(data.schemaVersion).toBe(1);
    expect(Object.keys(data)).toEqual(['schemaVersion', 'meta', 'competitorAnalysis', 'value', 'activities', 'customerConcerns', 'accountPlan', 'team', 'growth']);
    await expect(loadPlan(file)).resolves.toBeDefined();
  });

  it('starts a new file from the first question even when an old progress file is left beside it', async () => {
    const dir = scratchDir('opsplan-wizard-');
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(progressFile(file), JSON.stringify({ done: ['meta', 'competitorAnalysis', 'value'], formats: ['md'] }));
    const prompter = new ScriptedPrompter([...META_EN, ['Name of the company or account', CTRL_C]]);
    await expect(wizard(prompter, file)).resolves.toMatchObject({ status: 'interrupted' });
    expect(prompter.remaining).toEqual([]);
    expect(JSON.parse(readFileSync(progressFile(file), 'utf8'))).toMatchObject({ done: ['meta'], formats: ['md'] });
  });

  it('starts a new YAML file with a comment that says how to render it', async () => {
    const dir = scratchDir('opsplan-wizard-');
    const file = path.join(dir, 'tea.yaml');
    copyFileSync(EXAMPLES.en, path.join(dir, 'unrelated.yaml'));
    const prompter = new ScriptedPrompter([...SHORT_PLAN_EN, ['Which formats', ['md']]]);
    await wizard(prompter, file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Answers for a WeChat operations plan, written with `opsplan wizard`.\n')).toBe(true);
    expect(text).toContain('# Render the plan: npx opsplan render tea.yaml --format all\n');
    // Fields in the schema's order, one blank line between sections, as in the examples.
    expect(text).toContain('\nschemaVersion: 1\n\nmeta:\n  title: Harbour Tea House WeChat Operations Plan\n  company: Harbour Tea House\n');
    expect(text).toContain('\n\ncompetitorAnalysis:\n');
    expect(text).toContain('\n\ngrowth:\n');
  });
});
