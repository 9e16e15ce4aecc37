// A batch worker thread: takes plans from the queue it shares with the other threads until none are left, keeping
// fonts and templates warm from one plan to the next; with a partner, it also renders its share of the partner's files.
import { parentPort } from 'node:worker_threads';
import { joinPair, takePlans, type WorkerOutcome, type WorkerStart } from './queue.js';

parentPort?.once('message', ({ jobs, queue, slots, pair }: WorkerStart) => {
  void takePlans(jobs, queue, slots, pair && joinPair(pair), (index, outcome) => parentPort?.postMessage({ index, outcome } satisfies WorkerOutcome));
});
