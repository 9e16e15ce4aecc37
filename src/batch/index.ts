// Renders many answers files at once, on as many threads as there are cores; one bad file never stops the others.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileStem } from '../io/fileName.js';
import { renderOne, type RenderJob, type RenderOutcome } from './renderOne.js';

export type BatchOptions = Omit<RenderJob, 'file' | 'stem'> & {
  /** Threads to use; the number of cores when left out. */
  concurrency?: number;
  /** Called as each file finishes, in the order they finish. */
  onOutcome?: (outcome: RenderOutcome, done: number, total: number) => void;
};

/**
 * Output stems for a batch. Plans usually have distinct titles; when two share one, each output is named after
 * its answers file as well, so no plan overwrites another.
 */
export async function batchStems(files: readonly string[]): Promise<Map<string, string>> {
  const { loadPlan } = await import('../plan/load.js');
  const titles = await Promise.all(files.map((file) => loadPlan(file).then(({ plan }) => fileStem(plan.meta.title), () => undefined)));
  const counts = new Map<string, number>();
  for (const stem of titles) if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const stems = new Map<string, string>();
  files.forEach((file, index) => {
    const stem = titles[index];
    if (stem && counts.get(stem)! > 1) stems.set(file, `${stem}-${fileStem(path.basename(file, path.extname(file)))}`);
  });
  return stems;
}

export async function renderBatch(files: readonly string[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { concurrency, onOutcome, ...shared } = options;
  const stems = files.length > 1 ? await batchStems(files) : new Map<string, string>();
  const jobs: RenderJob[] = files.map((file) => ({ ...shared, file, ...(stems.has(file) ? { stem: stems.get(file)! } : {}) }));
  const threads = Math.max(1, Math.min(jobs.length, concurrency ?? availableParallelism()));
  const outcomes: RenderOutcome[] = new Array(jobs.length);
  let done = 0;
  const finish = (index: number, outcome: RenderOutcome) => {
    outcomes[index] = outcome;
    done += 1;
    onOutcome?.(outcome, done, jobs.length);
  };

  if (threads === 1) {
    for (const [index, job] of jobs.entries()) finish(index, await renderOne(job));
    return outcomes;
  }

  let next = 0;
  const workerFile = new URL('./worker.js', import.meta.url);
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(workerFile);
    let current = -1;
    const take = () => {
      if (next >= jobs.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      current = next;
      next += 1;
      worker.postMessage(jobs[current]);
    };
    worker.on('message', (outcome: RenderOutcome) => {
      finish(current, outcome);
      take();
    });
    worker.on('error', reject);
    take();
  })));
  return outcomes;
}
