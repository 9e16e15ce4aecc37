// `opsplan render` from the command line: what is written where, and how failures are reported.
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, EXAMPLES, ROOT, runCli, scratchDir } from '../helpers.js';

const BRAND = path.join(ROOT, 'test', 'fixtures', 'brands', 'jade', 'brand.yaml');

describe('opsplan render', () => {
  it('writes the Markdown plan named after the title and says where', () => {
    const out = scratchDir();
    const result = runCli(['render', EXAMPLES.en, '--format', 'md', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const target = path.join(out, 'lumen-threads-wechat-operations-plan-2027.md');
    expect(result.stdout).toContain(`Wrote ${target}`);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Lumen Threads WeChat Operations Plan 2027\n/);
    expect(readdirSync(out)).toEqual(['lumen-threads-wechat-operations-plan-2027.md']);
  });

  it('runs as the command itself, as npx opsplan starts it in a fresh clone', () => {
    const out = scratchDir();
    const result = spawnSync(CLI, ['render', EXAMPLES.en, '--out', out], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toEqual(['lumen-threads-wechat-operations-plan-2027.md']);
  });

  it('keeps Chinese titles in the file name', () => {
    const out = scratchDir();
    expect(runCli(['render', EXAMPLES.zh, '--out', out]).status).toBe(0);
    expect(readdirSync(out)).toEqual(['川药通vip客户群2027年运营方案.md']);
  });

  it('writes the same files when the PDF is drawn on a second thread as on one thread', () => {
    for (const [plan, brand] of [[EXAMPLES.zh, undefined], [EXAMPLES.en, BRAND]] as const) {
      const [two, one] = [scratchDir(), scratchDir()];
      const brandArgs = brand ? ['--brand', brand] : [];
      const threaded = runCli(['render', plan, '--format', 'all', '--jobs', '2', '--out', two, ...brandArgs]);
      const alone = runCli(['render', plan, '--format', 'all', '--jobs', '1', '--out', one, ...brandArgs]);
      expect(threaded.stderr).toBe('');
      expect(threaded.status).toBe(0);
      expect(alone.status).toBe(0);
      // Same messages, in the same order, naming each folder's files.
      expect(threaded.stdout.replaceAll(two, '<out>')).toBe(alone.stdout.replaceAll(one, '<out>'));
      const files = readdirSync(two).sort();
      expect(files.map((file) => path.extname(file))).toEqual(['.docx', '.html', '.md', '.pdf']);
      expect(readdirSync(one).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(path.join(two, file)).equals(readFileSync(path.join(one, file))), file).toBe(true);
    }
  });

  it('rejects an unknown format as a usage error, naming the formats it knows', () => {
    const result = runCli(['render', EXAMPLES.en, '--format', 'odt', '--out', scratchDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown format "odt"/);
    expect(result.stderr).toMatch(/md/);
  });

  it('says which path failed when the output folder is not writable, and leaves no file behind', () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere: use a path below a regular file instead, which fails for everyone.
      const out = path.join(EXAMPLES.en, 'sub');
      const result = runCli(['render', EXAMPLES.en, '--out', out]);
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/could not be written/);
      expect(result.stderr).toContain(out);
      return;
    }
    const out = scratchDir();
    chmodSync(out, 0o500);
    const result = runCli(['render', EXAMPLES.en, '--out', out]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/could not be written \(the folder is not writable\)/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('gives up with the reason where the output folder cannot be made, rather than spin forever', () => {
    const dir = scratchDir();
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'link'));
    // Below a broken link, and under /proc, where Node's own recursive mkdir loops forever.
    const places = [path.join(dir, 'link', 'plans'), ...(existsSync('/proc/self') ? ['/proc/opsplan-test/plans'] : [])];
    for (const out of places) {
      const result = runCli(['render', EXAMPLES.en, '--out', out]);
      expect(result.status, out).toBe(3);
      expect(result.stderr).toContain(`${out}${path.sep}lumen-threads-wechat-operations-plan-2027.md: could not be written (the folder cannot be made there`);
    }
  });

  it('reports an invalid answers file with its problems and writes nothing', () => {
    const out = scratchDir();
    const result = runCli(['render', 'test/fixtures/bad/negative-amount.yaml', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/accountPlan\.costs\[0\]\.amount +must not be negative/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  // A PDF does not depend on which other formats are made in the same run.
  it.each([['plain', []], ['branded', ['--brand', BRAND]]] as const)('writes the same %s PDF whether drawn beside other formats or alone', (_, brand) => {
    const [together, alone] = [scratchDir(), scratchDir()];
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1803889800' };
    const all = runCli(['render', EXAMPLES.zh, '--format', 'md,pdf', '--out', together, ...brand], { env });
    expect(all.status, all.stderr).toBe(0);
    expect(runCli(['render', EXAMPLES.zh, '--format', 'pdf', '--out', alone, ...brand], { env }).status).toBe(0);
    const pdf = (folder: string) => readFileSync(path.join(folder, readdirSync(folder).find((name) => name.endsWith('.pdf'))!));
    expect(pdf(together).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf(together).equals(pdf(alone))).toBe(true);
  });

  it('prints help with every command', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['render', 'validate', 'schema', 'formats']) expect(result.stdout).toContain(command);
  });
});
