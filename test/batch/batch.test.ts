// Batch rendering: many plans at once, a summary, a non-zero exit when any failed, and no plan overwriting another.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBatch } from '../../src/batch/index.js';
import { readZipEntries } from '../property/documents.js';
import { CLI, EXAMPLES, ROOT, run, runCli, scratchDir, withTools } from '../helpers.js';
import { TmuxSession, tmuxAvailable } from '../wizard/tmux.js';

/** Answers files made from the examples: each its own company and title, alternating language. */
function generatePlans(dir: string, count: number): string[] {
  const sources = [readFileSync(EXAMPLES.en, 'utf8'), readFileSync(EXAMPLES.zh, 'utf8')];
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(dir, `client-${String(index + 1).padStart(2, '0')}.yaml`);
    const source = sources[index % 2]!.replace(/^ {2}title: (.*)$/m, `  title: $1 client ${index + 1}`);
    writeFileSync(file, source);
    return file;
  });
}

/**
 * Plans in the batches whose worker stops. This thread renders plans too, and a worker thread takes some 50 ms or more
 * to start on a busy machine: a batch of a few Markdown plans can be over before the worker takes one.
 */
const LOST_PLAN_BATCH = 30;

/** A two-thread batch whose worker is one of the fixtures that stop, as a thread that runs out of memory would. */
function withStoppingWorker(plans: string[], formats: string, out: string, fixture: 'stopsMidPlan' | 'takesWithoutSaying') {
  return renderBatch(plans, { formats, out, concurrency: 2, workerScript: pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'workers', `${fixture}.mjs`)) });
}

describe('opsplan render with many files', () => {
  it('renders every plan, reports the bad one, and exits 1', () => {
    const dir = scratchDir();
    const plans = generatePlans(dir, 12);
    const bad = path.join(dir, 'broken.yaml');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'bad', 'negative-amount.yaml'), bad);
    const out = path.join(dir, 'out');
    const result = runCli(['render', ...plans, bad, '--format', 'md,html', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`Rendered 12 of 13 plans: 24 files in ${out}`);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:15 +accountPlan\.costs\[0\]\.amount +must not be negative/);
    expect(result.stderr).toContain('1 of 13 plans could not be rendered.');
    const single = runCli(['render', plans[0]!, bad, '--format', 'md', '--out', path.join(dir, 'one')]);
    expect(single.stdout).toContain(`Rendered 1 of 2 plans: 1 file in ${path.join(dir, 'one')}`);
    const written = readdirSync(out);
    expect(written).toHaveLength(24);
    expect(written.filter((name) => name.endsWith('.md'))).toHaveLength(12);
    // Without a terminal, progress is plain lines, one per plan.
    expect(result.stdout.match(/^\[\d+\/13\] (done|failed) /gm)).toHaveLength(13);
  });

  withTools('qpdf', 'pdftotext')('renders 50 plans in every format, each file whole and its own', () => {
    const dir = scratchDir();
    const plans = generatePlans(dir, 50);
    const out = path.join(dir, 'out');
    const result = runCli(['render', ...plans, '--format', 'all', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Rendered 50 of 50 plans: 200 files in ${out}`);
    const written = readdirSync(out);
    expect(written).toHaveLength(200);
    for (const extension of ['.md', '.docx', '.pdf', '.html']) expect(written.filter((name) => name.endsWith(extension))).toHaveLength(50);
    plans.forEach((_, index) => {
      const client = `client ${index + 1}`;
      const named = written.filter((name) => name.includes(`client-${index + 1}.`));
      expect(named, client).toHaveLength(4);
      const stem = path.join(out, named[0]!.slice(0, named[0]!.lastIndexOf('.')));
      expect(readFileSync(`${stem}.md`, 'utf8')).toContain(client);
      const document = readZipEntries(readFileSync(`${stem}.docx`)).get('word/document.xml')!.toString('utf8');
      expect(document).toContain(client);
      run('qpdf', ['--check', `${stem}.pdf`]);
      expect(run('pdftotext', [`${stem}.pdf`, '-']).replace(/\s+/g, ' ')).toContain(client);
    });
  }, 300_000);

  it('writes the same files when pairs of threads share the Word and PDF work as on one thread, brand included', () => {
    // Jade carries a Chinese font file and a logo: the brand crosses to the other thread once, and is drawn the same.
    // Four threads make two pairs, the second of two worker threads.
    const dir = scratchDir();
    const plans = generatePlans(dir, 6);
    const brand = path.join(ROOT, 'test', 'fixtures', 'brands', 'jade', 'brand.yaml');
    const outputs = ['1', '2', '4'].map((jobs) => {
      const out = path.join(dir, `jobs-${jobs}`);
      const result = runCli(['render', ...plans, '--format', 'all', '--brand', brand, '--jobs', jobs, '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Rendered 6 of 6 plans: 24 files in ${out}`);
      return out;
    });
    const names = readdirSync(outputs[0]!).sort();
    for (const paired of outputs.slice(1)) {
      expect(readdirSync(paired).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(path.join(paired, name)).equals(readFileSync(path.join(outputs[0]!, name))), `${paired}/${name}`).toBe(true);
    }
  }, 180_000);

  it('draws its partner\'s share of the files itself when the partner thread stops', async () => {
    // With Word and PDF asked for, this thread sends its plans' PDFs to the worker, which stops: each PDF the worker
    // never answers for is drawn here, and at most the plan the worker held is lost.
    const dir = scratchDir();
    const plans = generatePlans(dir, 6);
    const out = path.join(dir, 'out');
    const outcomes = await withStoppingWorker(plans, 'all', out, 'stopsMidPlan');
    expect(outcomes.map((outcome) => outcome.file)).toEqual(plans);
    const rendered = outcomes.filter((outcome) => !outcome.error);
    expect(rendered.length).toBeGreaterThanOrEqual(plans.length - 1);
    for (const outcome of rendered) expect(outcome.written.map((file) => file.format).sort()).toEqual(['docx', 'html', 'md', 'pdf']);
    expect(readdirSync(out).filter((name) => name.endsWith('.pdf'))).toHaveLength(rendered.length);
  }, 120_000);

  it('shows a progress bar on a terminal, then the summary', async () => {
    expect(tmuxAvailable(), 'tmux is needed for this test: apt-get install -y tmux').toBe(true);
    const dir = scratchDir();
    const plans = generatePlans(dir, 3);
    const terminal = new TmuxSession(60_000);
    try {
      // Without CI in the environment: on CI machines a terminal still gets plain lines.
      terminal.start(`env -u CI ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} render ${plans.map((file) => JSON.stringify(file)).join(' ')} --format md --out out`, dir, {
        LANG: 'en_US.UTF-8',
        TERM: 'xterm-256color',
      });
      const screen = await terminal.waitFor('[exit ');
      expect(screen).toContain('Rendered 3 of 3 plans: 3 files in out');
      expect(screen).toContain('[exit 0]');
      expect(screen).not.toMatch(/^\[\d\/3\] done/m);
      expect(readdirSync(path.join(dir, 'out'))).toHaveLength(3);
    } finally {
      terminal.stop();
    }
  });

  it('fails at most the plan a stopped worker thread held, and renders the rest on the threads left', async () => {
    // Run from the sources, a worker thread cannot start: there is no built worker beside src/batch/index.ts. Whether
    // it stops before or after it is handed a plan depends on timing, so both are allowed; the batch goes on either way.
    const dir = scratchDir();
    const plans = generatePlans(dir, 3);
    const outcomes = await renderBatch(plans, { formats: 'md', out: path.join(dir, 'out'), concurrency: 2 });
    expect(outcomes.map((outcome) => outcome.file).sort()).toEqual([...plans].sort());
    const lost = outcomes.filter((outcome) => outcome.error);
    expect(lost.length).toBeLessThanOrEqual(1);
    for (const outcome of lost) {
      expect(outcome.error!.code).toBe('UNEXPECTED');
      expect(outcome.error!.message).toContain(`${outcome.file}: the thread rendering it stopped`);
    }
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(3 - lost.length);
  });

  it('fails the plan a worker thread stopped under, and renders every other plan on the threads left', async () => {
    const dir = scratchDir();
    // Enough plans that this thread is still busy with them when the worker starts and takes one.
    const plans = generatePlans(dir, LOST_PLAN_BATCH);
    const out = path.join(dir, 'out');
    const outcomes = await withStoppingWorker(plans, 'md', out, 'stopsMidPlan');
    expect(outcomes.map((outcome) => outcome.file)).toEqual(plans);
    const lost = outcomes.filter((outcome) => outcome.error);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.error!.code).toBe('UNEXPECTED');
    expect(lost[0]!.error!.message).toBe(`${lost[0]!.file}: the thread rendering it stopped: exit code 3`);
    expect(readdirSync(out)).toHaveLength(LOST_PLAN_BATCH - 1);
    for (const outcome of outcomes.filter((each) => !each.error)) expect(outcome.written.map((file) => path.dirname(file.path))).toEqual([out]);
  });

  it('still finishes, with the plan failed, when a worker thread stops before it can say which plan it took', async () => {
    const dir = scratchDir();
    const plans = generatePlans(dir, LOST_PLAN_BATCH);
    const outcomes = await withStoppingWorker(plans, 'md', path.join(dir, 'out'), 'takesWithoutSaying');
    expect(outcomes.map((outcome) => outcome.file)).toEqual(plans);
    const lost = outcomes.filter((outcome) => outcome.error);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.error!.message).toBe(`${lost[0]!.file}: the thread rendering it stopped: no outcome came back`);
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(LOST_PLAN_BATCH - 1);
  });

  it('names plans that share a title after their answers files, so none overwrites another', () => {
    const dir = scratchDir();
    const first = path.join(dir, 'north.yaml');
    const second = path.join(dir, 'south.yaml');
    copyFileSync(EXAMPLES.en, first);
    copyFileSync(EXAMPLES.en, second);
    const out = path.join(dir, 'out');
    const result = runCli(['render', first, second, '--out', out, '--jobs', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'lumen-threads-wechat-operations-plan-2027-north.md',
      'lumen-threads-wechat-operations-plan-2027-south.md',
    ]);
  });

  it('rejects a bad --jobs value as a usage error', () => {
    const result = runCli(['render', EXAMPLES.en, '--jobs', 'many', '--out', scratchDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs must be a whole number/);
  });
});
