// `opsplan render --compare`: the "Changes since the last plan" section in every format, and how a bad previous plan,
// another currency or a batch with a folder of previous plans are handled.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, run, runCli, scratchDir, withTools } from '../helpers.js';

const EN_MD = 'lumen-threads-wechat-operations-plan-2027.md';
const EN_PDF = 'lumen-threads-wechat-operations-plan-2027.pdf';

/** The English example as it stood last quarter: photo shoots cost 20,000 instead of 24,000. */
function lastQuarter(dir: string, name = 'previous.yaml', edit: (source: string) => string = (source) => source): string {
  const source = readFileSync(EXAMPLES.en, 'utf8');
  const previous = edit(source.replace(/(item: Photo shoots \(monthly\)\n\s+category: Content\n\s+amount:) 24000/, '$1 20000'));
  expect(previous).not.toBe(source);
  const file = path.join(dir, name);
  writeFileSync(file, previous);
  return file;
}

const section = (markdown: string) => markdown.slice(markdown.indexOf('## 8. '));
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('opsplan render --compare', () => {
  withTools('pdftotext')('adds "Changes since the last plan" after the growth forecast, in Markdown and PDF', () => {
    const dir = scratchDir();
    const previous = lastQuarter(dir);
    const out = path.join(dir, 'out');
    const result = runCli(['render', EXAMPLES.en, '--compare', previous, '--format', 'md,pdf', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Compared with ${previous}`);

    const markdown = readFileSync(path.join(out, EN_MD), 'utf8');
    expect(markdown).toMatch(/## 7\. Growth forecast[\s\S]*## 8\. Changes since the last plan\n/);
    // 24,000 - 20,000 = 4,000, 20 % of 20,000; the total moves by the same 4,000 from 97,000 to 101,000.
    expect(section(markdown)).toMatch(/\| Photo shoots \(monthly\) +\| +CN¥20,000 \| +CN¥24,000 \| +\+CN¥4,000 \| +\+20% \|/);
    expect(section(markdown)).toMatch(/\| \*\*Total budget\*\* +\| +\*\*CN¥97,000\*\* \| +\*\*CN¥101,000\*\* \| +\*\*\+CN¥4,000\*\* \| +\*\*\+4\.1%\*\* \|/);

    const text = squash(run('pdftotext', ['-layout', path.join(out, EN_PDF), '-']));
    expect(text).toContain('8 Changes since the last plan');
    expect(text).toMatch(/Photo shoots \(monthly\) CN¥20,000 CN¥24,000 \+CN¥4,000 \+20%/);
    expect(text).toMatch(/Total budget CN¥97,000 CN¥101,000 \+CN¥4,000 \+4\.1%/);
  });

  it('is worded in the plan\'s language', () => {
    const dir = scratchDir();
    const out = path.join(dir, 'out');
    const result = runCli(['render', EXAMPLES.zh, '--compare', EXAMPLES.zh, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(out, '川药通vip客户群2027年运营方案.md'), 'utf8');
    expect(markdown).toContain('## 8. 与上一版方案相比的变化\n');
    expect(section(markdown)).toContain('费用清单没有变化，合计 ¥86,600。');
    expect(section(markdown)).toContain('KPI目标没有变化。');
  });

  it('gives the change of a percent target in percentage points, in English and Chinese', () => {
    const dir = scratchDir();
    // Last quarter the video completion rate target was 34.5 %; it is 35 % now.
    const previous = lastQuarter(dir, 'previous.yaml', (source) => source.replace(/(metric: Video completion rate\n\s+target:) 35/, '$1 34.5'));
    const out = path.join(dir, 'out');
    expect(runCli(['render', EXAMPLES.en, '--compare', previous, '--out', out]).status).toBe(0);
    expect(section(readFileSync(path.join(out, EN_MD), 'utf8'))).toMatch(/\| Video completion rate · Ava Li, per month +\| +34\.5% +\| +35% +\| +\+0\.5 pts +\|/);

    const zhSource = readFileSync(EXAMPLES.zh, 'utf8');
    const zhPrevious = path.join(dir, 'previous.zh-CN.yaml');
    writeFileSync(zhPrevious, zhSource.replace(/(metric: 群活跃度\n\s+target:) 35\n/, '$1 34.5\n'));
    expect(readFileSync(zhPrevious, 'utf8')).not.toBe(zhSource);
    expect(runCli(['render', EXAMPLES.zh, '--compare', zhPrevious, '--out', out]).status).toBe(0);
    expect(section(readFileSync(path.join(out, '川药通vip客户群2027年运营方案.md'), 'utf8'))).toMatch(/\| 群活跃度 · 王晓雯，每月 \| +34\.5% \| +35% \| \+0\.5个百分点 \|/);
  });

  it('does not subtract amounts in different currencies, and shows both totals', () => {
    const dir = scratchDir();
    const previous = lastQuarter(dir, 'usd.yaml', (source) => source.replace('currency: CNY', 'currency: USD'));
    const out = path.join(dir, 'out');
    const result = runCli(['render', EXAMPLES.en, '--compare', previous, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const changes = section(readFileSync(path.join(out, EN_MD), 'utf8'));
    expect(changes).toContain('The last plan was in USD and this one is in CNY, so amounts are not compared: the total budget was $97,000 and is now CN¥101,000.');
    expect(changes).not.toContain('+CN¥4,000');
  });

  it('reports a missing previous plan like a missing answers file, without a stack trace, and writes nothing', () => {
    const dir = scratchDir();
    const out = path.join(dir, 'out');
    const missing = path.join(dir, 'last-quarter.yaml');
    const result = runCli(['render', EXAMPLES.en, '--compare', missing, '--format', 'md,pdf', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`opsplan: ${missing}: no such file`);
    expect(result.stderr).toMatch(/previous plan given with --compare/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('locates the problems of an invalid previous plan in that file', () => {
    const dir = scratchDir();
    const previous = lastQuarter(dir, 'broken.yaml', (source) => source.replace('amount: 9600', 'amount: -9600'));
    const result = runCli(['render', EXAMPLES.en, '--compare', previous, '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`opsplan: ${previous}: 1 problem found`);
    expect(result.stderr).toMatch(new RegExp(`${previous.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:15 +accountPlan\\.costs\\[1\\]\\.amount +must not be negative`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes the file of the same name when given a folder for one plan', () => {
    const dir = scratchDir();
    const folder = path.join(dir, 'last-quarter');
    mkdirSync(folder);
    lastQuarter(folder, path.basename(EXAMPLES.en));
    const out = path.join(dir, 'out');
    const result = runCli(['render', EXAMPLES.en, '--compare', folder, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(section(readFileSync(path.join(out, EN_MD), 'utf8'))).toMatch(/Photo shoots \(monthly\) +\| +CN¥20,000/);
  });

  it('compares each plan of a batch with its namesake in a folder; a plan without one renders without the section', () => {
    const dir = scratchDir();
    const plans = path.join(dir, 'plans');
    const previous = path.join(dir, 'previous');
    mkdirSync(plans);
    mkdirSync(previous);
    const source = readFileSync(EXAMPLES.en, 'utf8');
    const north = path.join(plans, 'north.yaml');
    const south = path.join(plans, 'south.yaml');
    writeFileSync(north, source.replace(/^ {2}title: (.*)$/m, '  title: North plan'));
    writeFileSync(south, source.replace(/^ {2}title: (.*)$/m, '  title: South plan'));
    lastQuarter(previous, 'north.yaml');
    const out = path.join(dir, 'out');
    const result = runCli(['render', north, south, '--compare', previous, '--out', out, '--jobs', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Rendered 2 of 2 plans: 2 files in ${out}`);
    expect(result.stdout).toContain(`${south}: no previous plan to compare with (${path.join(previous, 'south.yaml')} does not exist)`);
    // Said once, after the summary, not again in the progress line.
    expect(result.stdout.split(`no previous plan to compare with`)).toHaveLength(2);
    expect(readFileSync(path.join(out, 'north-plan.md'), 'utf8')).toContain('## 8. Changes since the last plan');
    expect(readFileSync(path.join(out, 'south-plan.md'), 'utf8')).not.toContain('Changes since the last plan');
  });

  it('stops a batch before any work when the --compare path does not exist', () => {
    const dir = scratchDir();
    const result = runCli(['render', EXAMPLES.en, EXAMPLES.zh, '--compare', path.join(dir, 'nowhere'), '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'nowhere')}: no such file or folder`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
