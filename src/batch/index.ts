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
};

/** The title an answers file gives its plan, read without checking the rest: only names depend on it here. */
async function titleOf(file: string): Promise<string | undefined> {
  try {
    const answers = parseYaml(await readFile(file, 'utf8')) as { meta?: { title?: unknown } } | null;
    return typeof answers?.meta?.title === 'string' ? answers.meta.title : undefined;
  } catch {
    // A file that cannot be read is reported by its own render.
    return undefined;
  }
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

/** A worker thread that renders the jobs it is sent, one at a time, and says when each is done. */
interface PoolWorker {
  /** False once the thread has stopped: it takes no more plans. */
  alive(): boolean;
  render(job: RenderJob): Promise<RenderOutcome>;
  close(): Promise<void>;
}

/** The outcome of a plan whose thread stopped under it (out of memory, say): that plan failed, the others go on. */
function lostOutcome(job: RenderJob, error: Error): RenderOutcome {
  return {
    file: job.file,
    written: [],
    error: { code: 'UNEXPECTED', message: `${job.file}: the thread rendering it stopped: ${error.message}`, problems: [], exitCode: EXIT.failure },
  };
}

function startWorker(): PoolWorker {
  // From dist/batch/ or a bundle's dist/chunks/ alike.
  const worker = new Worker(new URL('../batch/worker.js', import.meta.url));
  let pending: { job: RenderJob; resolve: (outcome: RenderOutcome) => void } | undefined;
  let stopped: Error | undefined;
  const settle = (outcome: (job: RenderJob) => RenderOutcome) => {
    const waiting = pending;
    pending = undefined;
    waiting?.resolve(outcome(waiting.job));
  };
  const stop = (error: Error) => {
    stopped ??= error;
    settle((job) => lostOutcome(job, stopped!));
  };
  worker.on('message', (outcome: RenderOutcome) => settle(() => outcome));
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`exit code ${code}`)));
  return {
    alive: () => stopped === undefined,
    render: (job) => new Promise((resolve) => {
      pending = { job, resolve };
      worker.postMessage(job);
    }),
    close: () => worker.terminate().then(() => undefined),
  };
}

/**
 * Renders the files on `concurrency` threads (the number of cores by default): this one and workers. This thread
 * takes a share of the plans rather than only waiting, which saves a thread's start-up and its memory. The workers
 * start first, so they load while this thread reads the titles.
 */
export async function renderBatch(files: readonly string[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { concurrency, onOutcome, ...shared } = options;
  const threads = Math.max(1, Math.min(files.length, concurrency ?? availableParallelism()));
  const workers = Array.from({ length: threads - 1 }, startWorker);
  try {
    const stems = files.length > 1 ? await batchStems(files) : new Map<string, string>();
    const jobs: RenderJob[] = files.map((file) => ({ ...shared, file, ...(stems.has(file) ? { stem: stems.get(file)! } : {}) }));
    const outcomes: RenderOutcome[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    const work = async (render: (job: RenderJob) => Promise<RenderOutcome>, alive = () => true) => {
      while (next < jobs.length && alive()) {
        const index = next;
        next += 1;
        outcomes[index] = await render(jobs[index]!);
        done += 1;
        onOutcome?.(outcomes[index], done, jobs.length);
      }
    };
    await Promise.all([...workers.map((worker) => work(worker.render, worker.alive)), work(renderOne)]);
    return outcomes;
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
  }
}
