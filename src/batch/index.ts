// Renders many answers files at once, on as many threads as there are cores; one bad file never stops the others.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../errors.js';
import { fileStem } from '../io/fileName.js';
import { plainData } from '../plan/plainYaml.js';
import { resolveFormats } from '../writers/registry.js';
import { joinPair, pairedFormats, PLANS_IN_FLIGHT, takePlans, type Pairing, type SharedQueue, type WorkerOutcome, type WorkerStart } from './queue.js';
import type { RenderJob, RenderOutcome } from './renderOne.js';

/** Room in the shared queue's `held` for each worker's plans in flight. */
const SLOTS_PER_WORKER = Math.max(PLANS_IN_FLIGHT.word, PLANS_IN_FLIGHT.pdf);

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
      const found = title(plainData(block) ?? parseYaml(block));
      if (found !== undefined) return found;
    } catch {
      // An alias to an anchor outside the block, say: the whole file has the answer.
    }
  }
  try {
    return title(plainData(text) ?? parseYaml(text));
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
 * start first, so they load while this thread reads the titles. When Word and PDF are both asked for, threads work in
 * pairs (this one and the first worker, then the next two), each writing one of the two formats for both.
 */
export async function renderBatch(files: readonly string[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { concurrency, onOutcome, workerScript, ...shared } = options;
  const threads = Math.max(1, Math.min(files.length, concurrency ?? availableParallelism()));
  const pairs = pairings(threads, shared.formats);
  const queue: SharedQueue = {
    next: new Int32Array(new SharedArrayBuffer(4)),
    held: new Int32Array(new SharedArrayBuffer(4 * SLOTS_PER_WORKER * Math.max(1, threads - 1))).fill(-1),
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
  const partner = pairs[0] && joinPair(pairs[0]);
  const workers = Array.from({ length: threads - 1 }, (_, number) => {
    const pair = pairs[number + 1];
    const slots = Array.from({ length: pair?.inFlight ?? 1 }, (_, index) => number * SLOTS_PER_WORKER + index);
    // From dist/batch/ or a bundle's dist/chunks/ alike.
    const worker = new Worker(workerScript ?? new URL('../batch/worker.js', import.meta.url));
    worker.on('message', ({ index, outcome }: WorkerOutcome) => record(index, outcome));
    // A thread that stops fails the plans it held, if any; the other threads take the plans it would have, and this
    // thread draws its partner's share of the files.
    const stopped = (error: Error) => {
      if (number === 0) partner?.thread.stop();
      for (const slot of slots) {
        const held = Atomics.exchange(queue.held, slot, -1);
        if (held >= 0) record(held, lostOutcome(jobs[held]!, error));
      }
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => {
      stopped(new Error(`exit code ${code}`));
      running -= 1;
      check();
    });
    return { worker, slots, pair };
  });
  try {
    const stems = files.length > 1 ? await batchStems(files) : new Map<string, string>();
    jobs = files.map((file) => ({ ...shared, file, ...(stems.has(file) ? { stem: stems.get(file)! } : {}) }));
    for (const { worker, slots, pair } of workers) {
      worker.postMessage({ jobs, queue, slots, ...(pair ? { pair } : {}) } satisfies WorkerStart, pair ? [pair.asks, pair.answers] : []);
    }
    await takePlans(jobs, queue, Array.from({ length: pairs[0]?.inFlight ?? 1 }, () => undefined), partner, record);
    ownDone = true;
    check();
    await finished;
    // A plan a thread took but never reported (it stopped before it could say which) still gets an outcome.
    jobs.forEach((job, index) => record(index, lostOutcome(job, new Error('no outcome came back'))));
    return outcomes;
  } finally {
    await Promise.all([...workers.map(({ worker }) => worker.terminate()), partner?.thread.close()]);
  }
}

/** Each thread's pairing, by number (this thread first): none for a thread left over, or when the formats give none. */
function pairings(threads: number, formats: string): (Pairing | undefined)[] {
  let split: [string[], string[]] | undefined;
  try {
    split = pairedFormats(resolveFormats(formats).map((format) => format.id));
  } catch {
    // A format that does not exist: each plan reports it.
  }
  const pairs: (Pairing | undefined)[] = Array.from({ length: threads }, () => undefined);
  for (let first = 0; split && first + 1 < threads; first += 2) {
    const firstAsks = new MessageChannel();
    const secondAsks = new MessageChannel();
    pairs[first] = { sends: split[0], serves: split[1], asks: firstAsks.port1, answers: secondAsks.port2, inFlight: PLANS_IN_FLIGHT.word };
    pairs[first + 1] = { sends: split[1], serves: split[0], asks: secondAsks.port1, answers: firstAsks.port2, inFlight: PLANS_IN_FLIGHT.pdf };
  }
  return pairs;
}
