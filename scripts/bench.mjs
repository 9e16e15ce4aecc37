// Benchmark: in-process render time per format, cold CLI runs, start-up cost, peak memory and output sizes,
// and the peer route (pandoc, then LibreOffice) on the same plan when those are installed.
// Usage: npm run bench [-- --runs 15]   (build first: npm run build)
//        npm run bench -- --instructions   counts instructions with valgrind instead (about ten minutes): the same
//        count every run, where times on a shared machine swing widely.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 11;
const examples = [
  ['English', path.join(root, 'examples', 'lumen-threads.en.yaml')],
  ['Chinese', path.join(root, 'examples', 'chuanyaotong-vip-group.zh-CN.yaml')],
];

const { loadPlan } = await import(path.join(root, 'dist', 'plan', 'load.js'));
const { composePlan, creationDate } = await import(path.join(root, 'dist', 'render.js'));
const { FORMATS } = await import(path.join(root, 'dist', 'writers', 'registry.js'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : mb(bytes));

/** Wall time of a whole process, and its peak resident memory (GNU time's %M, in kB). */
function timeProcess(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', ...options });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const rssKb = Number(result.stderr.trim().split('\n').at(-1));
  return { elapsed, rss: rssKb * 1024 };
}

function repeat(count, fn) {
  const samples = [];
  for (let index = 0; index < count; index += 1) samples.push(fn());
  return samples;
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const counting = process.argv.includes('--instructions');
say(`opsplan benchmark: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, Node ${process.version}, ${counting ? 'instruction counts' : `${runs} runs, medians`}`);
say();

/** `count` copies of the English example, each with a title of its own, in a new folder. */
function batchFiles(count) {
  const folder = mkdtempSync(path.join(tmpdir(), 'opsplan-bench-batch-'));
  const source = readFileSync(examples[0][1], 'utf8');
  const files = Array.from({ length: count }, (_, index) => {
    const file = path.join(folder, `plan-${index + 1}.yaml`);
    writeFileSync(file, source.replace(/^ {2}title: (.*)$/m, `  title: $1 ${index + 1}`));
    return file;
  });
  return { folder, files };
}

/** Instructions a Node command runs, all its threads together, counted by valgrind's cachegrind without its cache model. */
function instructions(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null', process.execPath, ...args], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => {
      const count = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (status === 0 && count) resolve(Number(count.replaceAll(',', '')));
      else reject(new Error(`valgrind ${args.join(' ')} failed:\n${stderr}`));
    });
  });
}

/** Runs the tasks two at a time (valgrind runs one thread at a time, so two use both cores). */
async function twoAtATime(tasks) {
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

/**
 * Instructions, which are the same every run where times on a shared machine swing widely: a warm plan's share as the
 * difference between two runs that differ only in their number of plans, what a thread spends before its plans get
 * that cheap (start-up and warm-up), and the Word and PDF writers' shares.
 */
async function countInstructions() {
  const billions = (count) => `${(count / 1e9).toFixed(2)} billion`;
  const batches = [10, 20, 30].map((count) => batchFiles(count));
  const batch = ({ folder, files }, jobs = 1) => () => instructions([cli, 'render', ...files, '--format', 'all', '--jobs', String(jobs), '--out', path.join(folder, `out-${jobs}`)]);
  // One format alone in one process, the same plan rendered again and again.
  const renders = (format, count) => () => instructions(['--input-type=module', '-e', `
    const { loadPlan } = await import(${JSON.stringify(path.join(root, 'dist', 'plan', 'load.js'))});
    const { composePlan, creationDate } = await import(${JSON.stringify(path.join(root, 'dist', 'render.js'))});
    const { FORMATS } = await import(${JSON.stringify(path.join(root, 'dist', 'writers', 'registry.js'))});
    const { plan } = await loadPlan(${JSON.stringify(examples[0][1])});
    const { doc } = composePlan(plan);
    const writer = await FORMATS.find((entry) => entry.id === ${JSON.stringify(format)}).load();
    for (let index = 0; index < ${count}; index += 1) await writer.render(doc, { createdAt: creationDate(plan) });
  `]);
  const [ten, twenty, pairTen, pairThirty, docx6, docx16, pdf6, pdf16] = await twoAtATime([
    batch(batches[0]), batch(batches[1]), batch(batches[0], 2), batch(batches[2], 2),
    renders('docx', 6), renders('docx', 16), renders('pdf', 6), renders('pdf', 16),
  ]);
  for (const { folder } of batches) rmSync(folder, { recursive: true, force: true });
  const plan = (twenty - ten) / 10;
  const warmUp = ten - 10 * plan;
  say(`Instructions (valgrind), English plans in all formats on one thread: ${billions(plan)} per warm plan; start-up and warm-up ${billions(warmUp)} (${(warmUp / plan).toFixed(1)} plans' worth).`);
  // Each thread of a pair still warms up over its first five plans, so the pair is counted from 10 to 30 plans.
  const pairPlan = (pairThirty - pairTen) / 20;
  say(`On two threads (a pair: one writes every Word file, the other draws every PDF), all threads together: ${billions(pairPlan)} per plan; start-up and warm-up ${billions(pairTen - 10 * pairPlan)}.`);
  say(`Of a warm plan, renders 7 to 16 of one format: docx ${billions((docx16 - docx6) / 10)}, pdf ${billions((pdf16 - pdf6) / 10)}.`);
}

if (counting) {
  if (!has('valgrind')) {
    console.error('--instructions needs valgrind (apt-get install valgrind)');
    process.exit(2);
  }
  await countInstructions();
  const report = path.join(root, 'output', 'bench-instructions.md');
  writeFileSync(report, `${lines.join('\n')}\n`);
  console.log(`\nWrote ${path.relative(root, report)}`);
  process.exit(0);
}

// Start-up: `opsplan --help` against a bare Node process.
const bare = median(repeat(runs, () => timeProcess(process.execPath, ['-e', '0']).elapsed));
const help = median(repeat(runs, () => timeProcess(process.execPath, [cli, '--help']).elapsed));
say(`start-up: node -e 0 ${ms(bare)}, opsplan --help ${ms(help)} (${(help / bare).toFixed(2)}x)`);
say();

const formatIds = FORMATS.map((format) => format.id);
say(`| plan | ${formatIds.map((id) => `${id} in-process`).join(' | ')} | cold render --format all | peak memory | same on one thread (--jobs 1) | ${formatIds.map((id) => `${id} size`).join(' | ')} | peer route (pandoc + LibreOffice) |`);
say(`|---|${formatIds.map(() => '--:|').join('')}--:|--:|--:|${formatIds.map(() => '--:|').join('')}--:|`);

for (const [name, file] of examples) {
  const { plan } = await loadPlan(file);
  const createdAt = creationDate(plan);
  const inProcess = [];
  for (const format of FORMATS) {
    const writer = await format.load();
    // One warm-up run, so the figure is the steady cost of a plan, not module loading.
    await writer.render(composePlan(plan).doc, { createdAt });
    const samples = [];
    for (let index = 0; index < runs; index += 1) {
      const started = process.hrtime.bigint();
      await writer.render(composePlan(plan).doc, { createdAt });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    inProcess.push(median(samples));
  }

  const out = mkdtempSync(path.join(tmpdir(), 'opsplan-bench-'));
  const cold = repeat(runs, () => timeProcess(process.execPath, [cli, 'render', file, '--format', 'all', '--out', out], { cwd: root }));
  const sizes = Object.fromEntries(readdirSync(out).map((entry) => [path.extname(entry).slice(1), statSync(path.join(out, entry)).size]));
  const coldMedian = median(cold.map((sample) => sample.elapsed));
  const peak = Math.max(...cold.map((sample) => sample.rss));
  // A plan alone draws its PDF on a second thread; --jobs 1 shows what that thread saves and what it costs.
  const oneThread = repeat(runs, () => timeProcess(process.execPath, [cli, 'render', file, '--format', 'all', '--jobs', '1', '--out', out], { cwd: root }));
  const oneThreadFigures = `${ms(median(oneThread.map((sample) => sample.elapsed)))}, ${mb(Math.max(...oneThread.map((sample) => sample.rss)))}`;

  let peer = 'pandoc or LibreOffice not installed';
  const markdownFile = readdirSync(out).find((entry) => entry.endsWith('.md'));
  if (has('pandoc') && has('soffice') && markdownFile) {
    const profile = mkdtempSync(path.join(tmpdir(), 'opsplan-bench-lo-'));
    const peerRuns = Math.min(runs, 5);
    const samples = repeat(peerRuns, () => {
      const docx = path.join(out, 'peer.docx');
      const a = timeProcess('pandoc', [path.join(out, markdownFile), '-o', docx]);
      const b = timeProcess('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx]);
      return a.elapsed + b.elapsed;
    });
    const peerMedian = median(samples);
    peer = `${ms(peerMedian)} (opsplan takes ${(coldMedian / peerMedian).toFixed(2)}x)`;
    rmSync(profile, { recursive: true, force: true });
  }
  say(`| ${name} | ${inProcess.map(ms).join(' | ')} | ${ms(coldMedian)} | ${mb(peak)} | ${oneThreadFigures} | ${formatIds.map((id) => (sizes[id] === undefined ? '-' : kb(sizes[id]))).join(' | ')} | ${peer} |`);
  rmSync(out, { recursive: true, force: true });
}

// Batch throughput: English plans rendered in every format by one `render` command, with peak memory.
say();
say('| batch (English plans, --format all) | wall time | plans per second | peak memory |');
say('|---|--:|--:|--:|');
for (const count of [1, 10, 50]) {
  const { folder, files } = batchFiles(count);
  const batchRuns = count === 50 ? Math.min(runs, 3) : Math.min(runs, 5);
  const samples = repeat(batchRuns, () => timeProcess(process.execPath, [cli, 'render', ...files, '--format', 'all', '--out', path.join(folder, 'out')], { cwd: root }));
  const wall = median(samples.map((sample) => sample.elapsed));
  say(`| ${count} | ${ms(wall)} | ${(count / (wall / 1000)).toFixed(1)} | ${mb(Math.max(...samples.map((sample) => sample.rss)))} |`);
  rmSync(folder, { recursive: true, force: true });
}

const report = path.join(root, 'output', 'bench.md');
writeFileSync(report, `${lines.join('\n')}\n`);
console.log(`\nWrote ${path.relative(root, report)}`);
