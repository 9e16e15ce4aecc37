// Runs one format's writer on a worker thread: a single plan's PDF is drawn on a second core while this thread
// composes the plan and writes the other formats. The thread starts loading its writer (and fonts) at once, so that
// start-up cost overlaps with loading and composing the plan.
import { Worker } from 'node:worker_threads';
import type { Doc } from '../doc/types.js';
import { OpsplanError, type ErrorCode, type Problem } from '../errors.js';
import type { RenderOptions, Writer } from './types.js';

/** What the thread answers: the bytes of the document, or the error the writer threw. */
export type ThreadReply =
  | { data: Uint8Array }
  | { error: { code: ErrorCode; message: string; problems: Problem[]; hint?: string } };

export interface ThreadWriter extends Writer {
  /** Stops the thread; call it whether or not the writer was used. */
  close(): Promise<void>;
}

export function writerOnThread(formatId: string): ThreadWriter {
  const worker = new Worker(new URL('./threadMain.js', import.meta.url), { workerData: { formatId } });
  // A failure to start (or a crash) is reported by the render that waits for the thread, not as an unhandled event.
  let failure: Error | undefined;
  const waiting = new Set<(reply: ThreadReply | Error) => void>();
  worker.on('error', (error) => {
    failure = error;
    for (const settle of waiting) settle(error);
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the ${formatId} writer thread stopped (exit code ${code})`);
    for (const settle of waiting) settle(failure);
  });
  return {
    prepare(hint) {
      if (!failure) worker.postMessage({ prepare: hint });
    },
    render(doc: Doc, options: RenderOptions): Promise<Buffer> {
      return new Promise<Buffer>((resolve, reject) => {
        const settle = (reply: ThreadReply | Error) => {
          waiting.delete(settle);
          if (reply instanceof Error) reject(new OpsplanError('UNEXPECTED', `the ${formatId} file could not be made: ${reply.message}`, { cause: reply }));
          else if ('error' in reply) reject(new OpsplanError(reply.error.code, reply.error.message, { problems: reply.error.problems, ...(reply.error.hint ? { hint: reply.error.hint } : {}) }));
          else resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
        };
        if (failure) return settle(failure);
        waiting.add(settle);
        worker.once('message', settle);
        worker.postMessage({ doc, options });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
