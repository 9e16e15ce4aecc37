// `opsplan review` and the review parts of `opsplan render`, through the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countsLine, reviewPlan, type Finding } from '../../src/review/index.js';
import { weakPlan } from '../fixtures/review/variants.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const WEAK = 'examples/weak-plan.yaml';
const EXAMPLE_FILES = ['examples/lumen-threads.en.yaml', 'examples/chuanyaotong-vip-group.zh-CN.yaml'];
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };
const BLOCK_HEAVY = path.join(ROOT, 'test', 'fixtures', 'review', 'block-heavy-imports.mjs');

describe('opsplan review', () => {
  it('lists the weak example\'s findings by section with every severity, and exits with 1', () => {
    const result = runCli(['review', WEAK], { env: ENGLISH });
    expect(result.status).toBe(1);
    for (const severity of ['[error]', '[warning]', '[suggestion]']) expect(result.stdout).toContain(severity);
    expect(result.stdout.indexOf('\n1. Competitor analysis')).toBeLessThan(result.stdout.indexOf('\n7. Growth forecast'));
    expect(result.stdout).toContain('[error] activities.planned[0].owner\n      "Sam", owner of the activity "Grand opening tasting", is not in the team (Lily Wang and Tom).');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(countsLine(reviewPlan(weakPlan(), { language: 'en' }).findings, 'en'));
  });

  it.each(EXAMPLE_FILES)('finds no errors in %s and exits with 0', (file) => {
    const result = runCli(['review', file, '--lang', 'en'], { env: ENGLISH });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\n0 errors, /);
  });

  it('prints findings and the score as JSON for tools', () => {
    const result = runCli(['review', WEAK, '--format', 'json'], { env: ENGLISH });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      file: string; language: string; counts: Record<string, number>; findings: Finding[];
      score: { total: number; sections: Array<{ section: string; score: number }> };
    };
    expect(report.file).toBe(WEAK);
    expect(report.language).toBe('en');
    expect(report.findings).toEqual(reviewPlan(weakPlan(), { language: 'en' }).findings);
    for (const severity of ['error', 'warning', 'suggestion']) {
      expect(report.counts[severity]).toBe(report.findings.filter((finding) => finding.severity === severity).length);
    }
    const mean = report.score.sections.reduce((total, section) => total + section.score, 0) / report.score.sections.length;
    expect(report.score.total).toBe(Math.round(mean));
    const clean = runCli(['review', EXAMPLE_FILES[0]!, '--format', 'json'], { env: ENGLISH });
    expect(clean.status).toBe(0);
    expect((JSON.parse(clean.stdout) as { counts: { error: number } }).counts.error).toBe(0);
  });

  it('speaks Chinese when asked with --lang or when the system language is Chinese', () => {
    const asked = runCli(['review', WEAK, '--lang', 'zh-CN'], { env: ENGLISH });
    expect(asked.status).toBe(1);
    expect(asked.stdout).toContain('[错误] team.people[1]\n      “Tom”没有考核指标。\n      修改建议：');
    expect(asked.stdout).toContain('6. 任务分配');
    const system = runCli(['review', WEAK], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    expect(system.stdout).toBe(asked.stdout);
  });

  it('reports an invalid answers file exactly as validate does', () => {
    const file = 'test/fixtures/review/invalid.yaml';
    const review = runCli(['review', file], { env: ENGLISH });
    const validate = runCli(['validate', file], { env: ENGLISH });
    expect(review.status).toBe(1);
    expect(review.stdout).toBe('');
    expect(review.stderr).toBe(validate.stderr);
    expect(review.stderr).toMatch(/invalid\.yaml:8:9 +meta\.date/);
  });

  it('rejects an unknown language or format as a usage error', () => {
    expect(runCli(['review', WEAK, '--lang', 'fr']).status).toBe(2);
    expect(runCli(['review', WEAK, '--format', 'xml']).status).toBe(2);
  });

  it('never loads pdfkit, docx or inquirer', () => {
    const blocked = { ...ENGLISH, NODE_OPTIONS: `--import=${BLOCK_HEAVY}` };
    // The hook does block them: importing pdfkit under it fails.
    const probe = spawnSync(process.execPath, ['--input-type=module', '-e', 'await import("pdfkit")'], { env: { ...process.env, ...blocked }, encoding: 'utf8' });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toContain('blocked heavy import: pdfkit');
    const review = runCli(['review', WEAK], { env: blocked });
    expect(review.stderr).toBe('');
    expect(review.status).toBe(1);
    expect(review.stdout).toContain('[error]');
  });
});

describe('opsplan render and the review', () => {
  it('prints the review count after writing the files', () => {
    const out = scratchDir();
    const result = runCli(['render', WEAK, '--format', 'md', '--out', out], { env: ENGLISH });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Wrote .*\.md /);
    const counts = countsLine(reviewPlan(weakPlan(), { language: 'en' }).findings, 'en');
    expect(lines.at(-1)).toBe(`Review: ${counts} — run \`opsplan review ${WEAK}\` for details`);
  });

  it('adds the review appendix with --appendix review', () => {
    const out = scratchDir();
    const result = runCli(['render', WEAK, '--format', 'md', '--out', out, '--appendix', 'review'], { env: ENGLISH });
    expect(result.status).toBe(0);
    const markdown = readFileSync(path.join(out, readdirSync(out).find((name) => name.endsWith('.md'))!), 'utf8');
    const { score } = reviewPlan(weakPlan(), { language: 'en' });
    expect(markdown).toMatch(/^## 8\.? Appendix: plan review$/m);
    expect(markdown).toContain(`Completeness score: **${score.total}/100**`);
    expect(runCli(['render', WEAK, '--out', out, '--appendix', 'everything']).status).toBe(2);
  });
});
