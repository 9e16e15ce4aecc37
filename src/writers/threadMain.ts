// The worker side of writerOnThread: loads one writer, then turns each document it is sent into bytes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Doc } from '../doc/types.js';
import { OpsplanError } from '../errors.js';
import { formatEntry } from './registry.js';
import type { ThreadReply } from './thread.js';
import type { Theme } from './theme.js';
import type { RenderOptions } from './types.js';

const { formatId } = workerData as { formatId: string };
const writer = formatEntry(formatId)!.load();

/** Buffers arrive as plain Uint8Arrays; writers and their libraries read fonts and images as Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function reviveTheme(theme: Theme | undefined): Theme | undefined {
  if (!theme) return undefined;
  const fonts = theme.fonts
    ? Object.fromEntries(Object.entries(theme.fonts).map(([slot, font]) => [slot, font && { ...font, data: asBuffer(font.data) }]))
    : undefined;
  return {
    ...theme,
    ...(theme.logo ? { logo: { ...theme.logo, data: asBuffer(theme.logo.data) } } : {}),
    ...(fonts ? { fonts } : {}),
  };
}

type Message = { prepare: { language: string } } | { doc: Doc; options: RenderOptions };

parentPort!.on('message', (message: Message) => {
  if ('prepare' in message) {
    // Only ever ahead of a render, which loads whatever this did not; a failure here is the render's to report.
    void writer.then((loaded) => loaded.prepare?.(message.prepare)).catch(() => undefined);
    return;
  }
  const { doc, options } = message;
  const theme = reviveTheme(options.theme);
  writer
    .then((loaded) => loaded.render(doc, { ...options, ...(theme ? { theme } : {}) }))
    .then(
      // Sent without a copy when the bytes own their memory; a slice of a shared pool must be copied.
      (data): ThreadReply => ({ data: data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data) }),
      (error: unknown): ThreadReply => {
        if (error instanceof OpsplanError) {
          return { error: { code: error.code, message: error.message, problems: [...error.problems], ...(error.hint ? { hint: error.hint } : {}) } };
        }
        return { error: { code: 'UNEXPECTED', message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`, problems: [] } };
      },
    )
    .then((reply) => parentPort!.postMessage(reply, 'data' in reply ? [reply.data.buffer as ArrayBuffer] : []));
});
