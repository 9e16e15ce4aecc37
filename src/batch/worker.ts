// A batch worker thread: takes plans from the queue it shares with the other threads until none are left, keeping
// fonts and templates warm from one plan to the next.
import { parentPort } from 'node:worker_threads';
import { EXIT } from '../errors.js';
import { takeJob, type WorkerOutcome, type WorkerStart } from './index.js';
import { renderOne, type RenderOutcome } from './renderOne.js';

parentPort?.once('message', async ({ jobs, queue, slot }: WorkerStart) => {
  for (let index = takeJob(queue, jobs.length, slot); index !== undefined; index = takeJob(queue, jobs.length, slot)) {
    const job = jobs[index]!;
    const outcome = await renderOne(job).catch((error: unknown): RenderOutcome => ({
      file: job.file,
      written: [],
      error: { code: 'UNEXPECTED', message: `${job.file}: unexpected error: ${error instanceof Error ? error.message : String(error)}`, problems: [], exitCode: EXIT.failure },
    }));
    parentPort?.postMessage({ index, outcome } satisfies WorkerOutcome);
  }
  Atomics.store(queue.held, slot, -1);
});
