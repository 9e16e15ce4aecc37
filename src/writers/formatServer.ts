// The answering side of a format thread: renders the document models that come over a port in the formats it serves.
import type { MessagePort } from 'node:worker_threads';
import { OpsplanError } from '../errors.js';
import type { FormatReply, FormatRequest, ThemeRef } from './formatThread.js';
import { formatEntry } from './registry.js';
import type { Theme, ThemeFont } from './theme.js';
import type { Writer } from './types.js';

const writers = new Map<string, Promise<Writer>>();

/** Each writer is loaded once per thread, whichever port asks for it. */
function writerFor(format: string): Promise<Writer> {
  let writer = writers.get(format);
  if (!writer) {
    const entry = formatEntry(format);
    writer = entry ? entry.load() : Promise.reject(new Error(`no format ${format}`));
    writers.set(format, writer);
  }
  return writer;
}

/** Bytes arrive as Uint8Array; the writers read them as the Buffers the brand loader made. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const font = (face: ThemeFont): ThemeFont => ({ ...face, data: asBuffer(face.data) });

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

/**
 * Answers requests on `port`, loading the writers of `formats` at once, while the asking thread is still reading and
 * composing its plan. A theme comes over once, with the first message that uses it, and by its number after that: a
 * brand's fonts and logo are megabytes, and a batch sends hundreds of documents.
 */
export function serveFormats(port: MessagePort, formats: readonly string[]): void {
  for (const format of formats) writerFor(format).catch(() => undefined);
  const themes = new Map<number, Theme>();
  const themeOf = (ref: ThemeRef | undefined): Theme | undefined => {
    if (!ref) return undefined;
    if (ref.theme) themes.set(ref.id, revive(ref.theme));
    return themes.get(ref.id);
  };

  async function answer(request: RenderRequest, theme: Theme | undefined): Promise<{ reply: FormatReply; transfer: ArrayBuffer[] }> {
    try {
      const data = await (await writerFor(request.format)).render(request.doc, { createdAt: request.createdAt, ...(theme ? { theme } : {}) });
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
    for (const format of formats) {
      try {
        (await writerFor(format)).prepare?.(language, theme);
      } catch {
        // Only loading ahead: whatever failed here fails again, and is reported, when the plan is rendered.
      }
    }
  }

  port.on('message', (request: FormatRequest) => {
    // Read in the order they came, so a theme is known before any request that names it by number only.
    if ('prepare' in request) {
      void prepare(request.prepare.language, themeOf(request.prepare.theme));
      return;
    }
    void answer(request, themeOf(request.theme)).then(({ reply, transfer }) => port.postMessage(reply, transfer));
  });
}
