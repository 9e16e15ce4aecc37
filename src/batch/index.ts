// Renders many answers files at once, on as many threads as there are cores; one bad file never stops the others.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../errors.js';
import { fileStem } from '../io/fileName.js';
import { renderOne, type RenderJob, type RenderOutcome } from './renderOne.js';

export type BatchOptions = Omit<RenderJob, 'file' | 'stem'> & {
  /** Threads to use; the number of cores when left out. */
  concurrency?: number;
  /** Called as each file finishes, in the order they finish. */
  onOutcome?: (outcome: RenderOutcome, done: number, total: number) => void;
  /** The worker threads' script: the build's dist/batch/worker.js when left out. */
  workerScript?: URL;
};

/** The `meta:` block of a YAML answers file written in the usual block style: its line and the indented lines after it. */
const META_BLOCK = /(?:^|\n)(meta[ \t]*:[^\n]*(?:\n(?:[ \t#][^\n]*|[ \t]*\r?))*)/;

/**
 * The title an answers file gives its plan, read without checking the rest: only names depend on it here. Only the
 * `meta:` block is parsed when the file has one written the usual way, as parsing a whole file takes far longer and
 * every file is parsed again when it is rendered; anything else (JSON, directives, aliases) is parsed whole.
 */
export function titleIn(text: string): string | undefined {
  const title = (answers: unknown) => {
    const meta = (answers as { meta?: { title?: unknown } } | null)?.meta;
    return typeof meta?.title === 'string' ? meta.title : undefined;
  };
  const block = /(?:^|\n)%/.test(text) ? undefined : META_BLOCK.exec(text)?.[1];
  if (block !== undefined) {
    try {
      const found = title(parseYaml(block));
      if (found !== undefined) return found;
    } catch {
      // An alias to an anchor outside the block, say: the whole file has the answer.
    }
  }
  try {
    return title(parseYaml(text));
  } catch {
    // A file that cannot be parsed is reported by its own render.
    return undefined;
  }
}

async function titleOf(file: string): Promise<string | undefined> {
  return titleIn(await readFile(file, 'utf8').catch(() => ''));
}

/**
 * Output stems for a batch. Plans usually have distinct titles; when two share one, each output is named after
 * its answers file as well, so no plan overwrites another.
 */
export async function batchStems(files: readonly string[]): Promise<Map<string, string>> {
  const titles = (await Promise.all(files.map(titleOf))).map((title) => (title === undefined ? undefined : fileStem(title)));
  const counts = new Map<string, number>();
  for (const stem of titles) if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const stems = new Map<string, string>();
  files.forEach((file, index) => {
    const stem = titles[index];
    if (stem && counts.get(stem)! > 1) stems.set(file, `${stem}-${fileStem(path.basename(file, path.extname(file)))}`);
  });
  return stems;
}

/**
 * Plans are handed out through memory every thread shares: `next` is the index of the next plan to take, and each
 * worker notes in `held` the last plan it took (finished or not: a stopped worker's plan counts as lost only if no
 * outcome came for it). A thread takes its next plan the moment it finishes one, without waiting for this thread,
 * which is often busy rendering a plan of its own.
 */
export interface SharedQueue {
  next: Int32Array;
  held: Int32Array;
}

/** What the pool tells a worker once: the jobs, the shared queue, and which slot of `held` is its own. */
export interface WorkerStart {
  jobs: RenderJob[];
  queue: SharedQueue;
  slot: number;
}

/** What a worker says about a plan it finished. */
export interface WorkerOutcome {
  index: number;
  outcome: RenderOutcome;
}

/** Takes the next plan, noting it in `slot` of `held` when there is one: undefined when all are taken. */
export function takeJob(queue: SharedQueue, total: number, slot?: number): number | undefined {
  const index = Atomics.add(queue.next, 0, 1);
  if (index >= total) return undefined;
  if (slot !== undefined) Atomics.store(queue.held, slot, index);
  return index;
}

/** The outcome of a plan whose thread stopped under it (out of memory, say): that plan failed, the others go on. */
function lostOutcome(job: RenderJob, error: Error): RenderOutcome {
  return {
    file: job.file,
    written: [],
    error: { code: 'UNEXPECTED', message: `${job.file}: the thread rendering it stopped: ${error.message}`, problems: [], exitCode: EXIT.failure },
  };
}

/**
 * Renders the files on `concurrency` threads (the number of cores by default): this one and workers. This thread
 * takes a share of the plans rather than only waiting, which saves a thread's start-up and its memory. The workers
 * start first, so they load while this thread reads the titles.
 */
export async function renderBatch(files: readonly string[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { concurrency, onOutcome, workerScript, ...shared } = options;
  const threads = Math.max(1, Math.min(files.length, concurrency ?? availableParallelism()));
  const queue: SharedQueue = {
    next: new Int32Array(new SharedArrayBuffer(4)),
    held: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, threads - 1))).fill(-1),
  };
  let jobs: RenderJob[] = [];
  const outcomes: RenderOutcome[] = [];
  let done = 0;
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  let running = threads - 1;
  let ownDone = false;
  /** Once this thread has no plan left to take: done when every plan has an outcome, or no thread could give one. */
  const check = () => {
    if (ownDone && (done === jobs.length || running === 0)) allDone();
  };
  const record = (index: number, outcome: RenderOutcome) => {
    if (outcomes[index]) return;
    outcomes[index] = outcome;
    done += 1;
    onOutcome?.(outcome, done, jobs.length);
    check();
  };
  const workers = Array.from({ length: threads - 1 }, (_, slot) => {
    // From dist/batch/ or a bundle's dist/chunks/ alike.
    const worker = new Worker(workerScript ?? new URL('../batch/worker.js', import.meta.url));
    worker.on('message', ({ index, outcome }: WorkerOutcome) => record(index, outcome));
    // A thread that stops fails the plan it held, if any; the other threads take the plans it would have.
    const stopped = (error: Error) => {
      const held = Atomics.exchange(queue.held, slot, -1);
      if (held >= 0) record(held, lostOutcome(jobs[held]!, error));
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => {
      stopped(new Error(`exit code ${code}`));
      running -= 1;
      check();
    });
    return worker;
  });
  try {
    const stems = files.length > 1 ? await batchStems(files) : new Map<string, string>();
    jobs = files.map((file) => ({ ...shared, file, ...(stems.has(file) ? { stem: stems.get(file)! } : {}) }));
    workers.forEach((worker, slot) => worker.postMessage({ jobs, queue, slot } satisfies WorkerStart));
    for (let index = takeJob(queue, jobs.length); index !== undefined; index = takeJob(queue, jobs.length)) {
      record(index, await renderOne(jobs[index]!));
    }
    ownDone = true;
    check();
    await finished;
    // A plan a thread took but never reported (it stopped before it could say which) still gets an outcome.
    jobs.forEach((job, index) => record(index, lostOutcome(job, new Error('no outcome came back'))));
    return outcomes;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
