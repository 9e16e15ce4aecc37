// The worker of a format thread: renders the document models it is sent in the formats it was started for.
import { parentPort, workerData } from 'node:worker_threads';
import { OpsplanError } from '../errors.js';
import type { FormatReply, FormatRequest } from './formatThread.js';
import { formatEntry } from './registry.js';
import type { Theme, ThemeFont } from './theme.js';
import type { Writer } from './types.js';

const writers = new Map<string, Promise<Writer>>();
const writerFor = (format: string): Promise<Writer> => {
  let writer = writers.get(format);
  if (!writer) {
    const entry = formatEntry(format);
    writer = entry ? entry.load() : Promise.reject(new Error(`no format ${format}`));
    writers.set(format, writer);
  }
  return writer;
};
// Loaded at once, while the other thread is still reading and composing the plan.
for (const format of (workerData as { formats: string[] }).formats) writerFor(format).catch(() => undefined);

/** Bytes arrive as Uint8Array; the writers read them as the Buffers the brand loader made. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/**
 * A brand font arrives twice, with `prepare` and with the document: the second time it is given the Buffer of the
 * first, so the fonts parsed ahead (found by their Buffer) are the ones drawn with.
 */
const fontBuffers = new Map<string, Buffer>();
const font = (face: ThemeFont) => {
  const key = `${face.file}\0${face.data.byteLength}`;
  let data = fontBuffers.get(key);
  if (!data) {
    data = asBuffer(face.data);
    fontBuffers.set(key, data);
  }
  return { ...face, data };
};

function revive(theme: Theme): Theme {
  const revived: Theme = { ...theme };
  if (theme.logo) revived.logo = { ...theme.logo, data: asBuffer(theme.logo.data) };
  if (theme.fonts) {
    const { body, heading, cjk } = theme.fonts;
    revived.fonts = { ...(body ? { body: font(body) } : {}), ...(heading ? { heading: font(heading) } : {}), ...(cjk ? { cjk: font(cjk) } : {}) };
  }
  return revived;
}

type RenderRequest = Exclude<FormatRequest, { prepare: unknown }>;

async function answer(request: RenderRequest): Promise<{ reply: FormatReply; transfer: ArrayBuffer[] }> {
  try {
    const { theme } = request.options;
    const data = await (await writerFor(request.format)).render(request.doc, { ...request.options, ...(theme ? { theme: revive(theme) } : {}) });
    // A copy of its own, so that handing it over moves no memory another Buffer shares.
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    return { reply: { id: request.id, data: bytes }, transfer: [bytes.buffer] };
  } catch (error) {
    if (error instanceof OpsplanError) {
      const { code, message, problems, hint } = error;
      return { reply: { id: request.id, error: { code, message, problems: [...problems], ...(hint ? { hint } : {}) } }, transfer: [] };
    }
    return { reply: { id: request.id, unexpected: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}

async function prepare(language: string, theme: Theme | undefined): Promise<void> {
  for (const writer of writers.values()) {
    try {
      (await writer).prepare?.(language, theme && revive(theme));
    } catch {
      // Only loading ahead: whatever failed here fails again, and is reported, when the plan is rendered.
    }
  }
}

parentPort?.on('message', (request: FormatRequest) => {
  if ('prepare' in request) {
    void prepare(request.prepare.language, request.prepare.theme);
    return;
  }
  void answer(request).then(({ reply, transfer }) => parentPort?.postMessage(reply, transfer));
});
