// A batch worker thread: renders the answers files it is sent, one at a time, keeping fonts and templates warm.
import { parentPort } from 'node:worker_threads';
import { EXIT } from '../errors.js';
import { renderOne, type RenderJob, type RenderOutcome } from './renderOne.js';

parentPort?.on('message', (job: RenderJob) => {
  renderOne(job)
    .catch((error: unknown): RenderOutcome => ({
      file: job.file,
      written: [],
      error: { code: 'UNEXPECTED', message: `${job.file}: unexpected error: ${error instanceof Error ? error.message : String(error)}`, problems: [], exitCode: EXIT.failure },
    }))
    .then((outcome) => parentPort?.postMessage(outcome));
});
