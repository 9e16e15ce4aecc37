// Asking another thread for some of a plan's formats: a worker for a lone plan's PDF, or a batch thread's partner.
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Doc } from '../doc/types.js';
import { OpsplanError, type ErrorCode, type Problem } from '../errors.js';
import type { Theme } from './theme.js';
import type { RenderOptions } from './types.js';

/** A theme as it crosses to the other thread: whole the first time, then by its number alone. */
export interface ThemeRef {
  id: number;
  theme?: Theme;
}

/** What this thread asks: one document model in one format, or to load ahead what a plan in a language needs. */
export type FormatRequest =
  | { id: number; format: string; doc: Doc; createdAt: Date; theme?: ThemeRef }
  | { prepare: { language: string; theme?: ThemeRef } };

/** What the worker answers: the file's bytes, or why it could not make them. */
export type FormatReply =
  | { id: number; data: Uint8Array }
  | { id: number; error: { code: ErrorCode; message: string; problems: Problem[]; hint?: string } }
  | { id: number; unexpected: string };

export interface FormatThread {
  /** Has the worker load ahead what its formats need for a plan in `language` (see Writer.prepare). */
  prepare(language: string, theme: Theme | undefined): void;
  /**
   * The bytes of the document in `format`, or undefined when the worker failed or stopped (render here instead).
   * Rejects when the thread is closed before it answers: the render it was for has already failed.
   */
  render(format: string, doc: Doc, options: RenderOptions): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

/**
 * The formats a second thread takes from a plan rendered alone. PDF and Word are by far the slowest formats, and one
 * plan leaves the second core mostly idle: then the PDF, the slower, is drawn on a worker while this thread writes the
 * rest and reviews the plan. None when only one of the two is asked for.
 */
export function formatsForSecondThread(formats: readonly string[]): string[] {
  return formats.includes('pdf') && formats.includes('docx') ? ['pdf'] : [];
}

/**
 * Asks over `port` for formats the thread at its other end serves (see serveFormats). `stop` is for the owner to call
 * when that thread has stopped: what is still waited for is answered undefined, and rendered here. `end` closes the
 * connection for good.
 */
export function formatClient(port: MessagePort | Worker, end: () => Promise<void>): FormatThread & { stop(): void } {
  const waiting = new Map<number, (reply: FormatReply | undefined) => void>();
  const themes = new WeakMap<Theme, number>();
  let stopped = false;
  /** Closed by the caller: whatever it still waits for is no longer wanted, so nothing falls back to this thread. */
  let closed = false;
  let next = 0;
  let themeCount = 0;
  const stop = () => {
    stopped = true;
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };
  const ref = (theme: Theme | undefined): ThemeRef | undefined => {
    if (!theme) return undefined;
    const known = themes.get(theme);
    if (known !== undefined) return { id: known };
    themeCount += 1;
    themes.set(theme, themeCount);
    return { id: themeCount, theme };
  };
  port.on('message', (reply: FormatReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return {
    stop,
    prepare(language, theme) {
      if (!stopped) port.postMessage({ prepare: { language, theme: ref(theme) } } satisfies FormatRequest);
    },
    async render(format, doc, { createdAt, theme }) {
      if (closed) throw new Error('the format thread was closed');
      if (stopped) return undefined;
      const id = (next += 1);
      const reply = await new Promise<FormatReply | undefined>((resolve) => {
        waiting.set(id, resolve);
        port.postMessage({ id, format, doc, createdAt, theme: ref(theme) } satisfies FormatRequest);
      });
      if (closed) throw new Error('the format thread was closed before it answered');
      if (!reply || 'unexpected' in reply) return undefined;
      if ('error' in reply) {
        const { code, message, problems, hint } = reply.error;
        throw new OpsplanError(code, message, { problems, ...(hint ? { hint } : {}) });
      }
      return Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength);
    },
    close: () => {
      closed = true;
      return end();
    },
  };
}

/**
 * Starts a worker that loads the writers of `formats` at once, so their libraries load while this thread reads and
 * composes the plan. A worker that fails or stops answers undefined, and the caller renders the format itself.
 */
export function startFormatThread(
  formats: readonly string[],
  // The built worker, from dist/writers/ and from a bundle's dist/chunks/ alike.
  script: URL = new URL('../writers/formatWorker.js', import.meta.url),
): FormatThread {
  const worker = new Worker(script, { workerData: { formats } });
  const client = formatClient(worker, () => worker.terminate().then(() => undefined));
  worker.on('error', client.stop);
  worker.on('exit', client.stop);
  return client;
}
