// Durability: a render or a wizard save killed at any moment leaves each file as it was or complete and new, never torn.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswersFile } from '../../src/wizard/answersFile.js';
import { CLI, EXAMPLES, ROOT, rawAnswers, scratchDir } from '../helpers.js';

const KILLS = 16;
const SAVE_KILLS = 12;
const scratch = scratchDir('opsplan-kill-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small seeded generator, so the kill points are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts a node script; `killAfter` sends SIGKILL that many milliseconds later unless it has ended by then. */
function run(args: string[], killAfter?: number): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
  const exit = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal });
  }));
  return { child, exit };
}

/** Resolves when the child has printed `count` lines that start with `prefix`; fails if it ends first. */
function linesSeen(child: ChildProcess, prefix: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffered = '';
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      seen += lines.filter((line) => line.startsWith(prefix)).length;
      if (seen >= count) resolve();
    });
    child.on('exit', (code, signal) => {
      if (seen < count && signal !== 'SIGKILL') reject(new Error(`the save loop ended (${code}) before printing "${prefix}": ${errors}`));
    });
  });
}

const temporaryOf = (target: string) => new RegExp(`^\\.${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-(\\d+)-[0-9a-f]{8}$`);

/** Entries of a folder that are neither a target nor a temporary file of one; temporary files left behind, by pid. */
function strayEntries(folder: string, targets: readonly string[]): { stray: string[]; temporaries: Array<{ name: string; pid: number }> } {
  const stray: string[] = [];
  const temporaries: Array<{ name: string; pid: number }> = [];
  for (const entry of readdirSync(folder)) {
    if (targets.includes(entry)) continue;
    const pid = targets.map((target) => temporaryOf(target).exec(entry)?.[1]).find((found) => found !== undefined);
    if (pid === undefined) stray.push(entry);
    else temporaries.push({ name: entry, pid: Number(pid) });
  }
  return { stray, temporaries };
}

/** Makes leftover temporary files look as old as those of a write killed long ago. */
function age(folder: string, names: readonly string[]): void {
  const past = new Date(Date.now() - 10 * 60_000);
  for (const name of names) utimesSync(path.join(folder, name), past, past);
}

describe('opsplan render killed at random points', () => {
  const oldDir = path.join(scratch, 'old');
  const newDir = path.join(scratch, 'new');
  const newAnswers = path.join(scratch, 'plan.yaml');
  let targets: string[] = [];
  let renderMs = 0;

  beforeAll(async () => {
    // The previous version of the plan: another budget figure and overview, the same title and so the same file names.
    const previous = rawAnswers(EXAMPLES.en);
    previous.accountPlan.costs[0].amount += 1000;
    previous.competitorAnalysis.overview = `${previous.competitorAnalysis.overview ?? ''} Last quarter's view.`;
    writeFileSync(path.join(scratch, 'previous.yaml'), stringify(previous));
    copyFileSync(EXAMPLES.en, newAnswers);
    expect((await run([CLI, 'render', path.join(scratch, 'previous.yaml'), '--format', 'all', '--out', oldDir]).exit).code).toBe(0);
    const started = Date.now();
    expect((await run([CLI, 'render', newAnswers, '--format', 'all', '--out', newDir]).exit).code).toBe(0);
    renderMs = Date.now() - started;
    targets = readdirSync(newDir).sort();
  }, 300_000);

  it('leaves every target file either as it was or complete and new', { timeout: 900_000 }, async () => {
    expect(targets.map((name) => path.extname(name)).sort()).toEqual(['.docx', '.html', '.md', '.pdf']);
    for (const target of targets) expect(readFileSync(path.join(oldDir, target)).equals(readFileSync(path.join(newDir, target))), target).toBe(false);
    const random = seededRandom(20_270_105);
    const signals: Array<NodeJS.Signals | null> = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const folder = path.join(scratch, `kill-${kill}`);
      mkdirSync(folder);
      for (const target of targets) copyFileSync(path.join(oldDir, target), path.join(folder, target));
      // Half the kills spread from start-up to the measured end, half from the last fifth to just past the end, when files are written.
      const [from, span] = kill % 2 === 0 ? [0.05, 1] : [0.8, 0.35];
      const delay = Math.round(renderMs * (from + (span * (Math.floor(kill / 2) + random())) / (KILLS / 2)));
      const { child, exit } = run([CLI, 'render', newAnswers, '--format', 'all', '--out', folder], delay);
      const { signal } = await exit;
      signals.push(signal);
      for (const target of targets) {
        const bytes = readFileSync(path.join(folder, target));
        const state = bytes.equals(readFileSync(path.join(oldDir, target))) ? 'old' : bytes.equals(readFileSync(path.join(newDir, target))) ? 'new' : 'torn';
        expect(state, `${target} after a kill at ${delay} ms of ${renderMs} ms`).not.toBe('torn');
      }
      const { stray, temporaries } = strayEntries(folder, targets);
      expect(stray, `files that are neither a plan nor a temporary file of one, after a kill at ${delay} ms`).toEqual([]);
      for (const temporary of temporaries) expect(temporary.pid).toBe(child.pid);
    }
    // The first kill comes long before the render could have finished.
    expect(signals[0]).toBe('SIGKILL');
  });

  it('writes the complete new plan over what a killed render left, and clears its stale temporary files', { timeout: 300_000 }, async () => {
    const folder = path.join(scratch, 'after-kill');
    mkdirSync(folder);
    for (const target of targets) copyFileSync(path.join(oldDir, target), path.join(folder, target));
    const { child, exit } = run([CLI, 'render', newAnswers, '--format', 'all', '--out', folder], Math.round(renderMs * 0.2));
    await exit;
    // What a render killed during its writes leaves: a half-written temporary file beside each target.
    for (const target of targets) writeFileSync(path.join(folder, `.${target}.tmp-${child.pid}-0badc0de`), 'half a docu');
    age(folder, strayEntries(folder, targets).temporaries.map((temporary) => temporary.name));
    expect((await run([CLI, 'render', newAnswers, '--format', 'all', '--out', folder]).exit).code).toBe(0);
    for (const target of targets) expect(readFileSync(path.join(folder, target)).equals(readFileSync(path.join(newDir, target))), target).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(targets);
  });
});

describe('a wizard save killed at random points', () => {
  const folder = path.join(scratch, 'wizard');
  const file = path.join(folder, 'answers.yaml');
  const versions = path.join(scratch, 'versions');
  const saveLoop = (args: string[], killAfter?: number) =>
    run([path.join(ROOT, 'test', 'durability', 'saveLoop.mjs'), path.join(ROOT, 'dist'), file, ...args], killAfter);

  it('leaves the answers file parsing as the old or the new answers, and the next save works', { timeout: 600_000 }, async () => {
    // A large answers file: a cost list of over a thousand items, as a team that pastes in a year of spending might have.
    const first = rawAnswers(EXAMPLES.en);
    const template = first.accountPlan.costs[0];
    first.accountPlan.costs = Array.from({ length: 1200 }, (_, index) => ({ ...template, item: `${template.item} ${index + 1}`, amount: index * 10 }));
    const second = structuredClone(first);
    second.meta.title = `${first.meta.title} (revised)`;
    second.accountPlan.costs[1199].amount = 123_456;
    second.competitorAnalysis.overview = 'Rewritten after the review. '.repeat(200);
    mkdirSync(folder, { recursive: true });
    mkdirSync(versions, { recursive: true });
    writeFileSync(path.join(versions, 'first.json'), JSON.stringify(first));
    writeFileSync(path.join(versions, 'second.json'), JSON.stringify(second));
    writeFileSync(file, stringify(first));
    const versionFiles = [path.join(versions, 'first.json'), path.join(versions, 'second.json')];

    // How long start-up and one save take on this machine, to spread the kills over saves in progress.
    const calibration = saveLoop(versionFiles);
    const ready = linesSeen(calibration.child, 'ready', 1);
    const threeSaves = linesSeen(calibration.child, 'saved', 3);
    await ready;
    const started = Date.now();
    await threeSaves;
    const saveMs = (Date.now() - started) / 3;
    calibration.child.kill('SIGKILL');
    await calibration.exit;

    const random = seededRandom(7);
    const killed = new Set<number | undefined>([calibration.child.pid]);
    for (let kill = 0; kill < SAVE_KILLS; kill += 1) {
      const { child, exit } = saveLoop(versionFiles);
      killed.add(child.pid);
      await linesSeen(child, 'ready', 1);
      const delay = Math.round(random() * saveMs * 3);
      setTimeout(() => child.kill('SIGKILL'), delay);
      await exit;
      const saved = parse(readFileSync(file, 'utf8')) as unknown;
      expect(isDeepStrictEqual(saved, first) || isDeepStrictEqual(saved, second), `answers file after a kill ${delay} ms into saving`).toBe(true);
      const { stray, temporaries } = strayEntries(folder, ['answers.yaml']);
      expect(stray).toEqual([]);
      for (const temporary of temporaries) expect(killed.has(temporary.pid), temporary.name).toBe(true);
    }

    age(folder, strayEntries(folder, ['answers.yaml']).temporaries.map((temporary) => temporary.name));
    const answers = await AnswersFile.open(file, 'Answers saved by the durability test.');
    await answers.save(structuredClone(second));
    expect(parse(readFileSync(file, 'utf8'))).toEqual(second);
    expect(readdirSync(folder)).toEqual(['answers.yaml']);
  });
});
