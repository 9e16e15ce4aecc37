// Formats rendered on a worker thread: the same bytes, the same errors, and this thread takes over when it cannot.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { OpsplanError } from '../../src/errors.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { loadBrand } from '../../src/brand/load.js';
import { formatClient, startFormatThread, type FormatRequest } from '../../src/writers/formatThread.js';
import { serveFormats } from '../../src/writers/formatServer.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { DEFAULT_THEME, type Theme } from '../../src/writers/theme.js';
import { EXAMPLES, ROOT } from '../helpers.js';

const BUILT_WORKER = pathToFileURL(path.join(ROOT, 'dist', 'writers', 'formatWorker.js'));

async function example() {
  const { plan } = await loadPlan(EXAMPLES.zh);
  return { doc: composePlan(plan).doc, createdAt: creationDate(plan) };
}

describe('format thread', () => {
  it('is built', () => {
    expect(existsSync(BUILT_WORKER)).toBe(true);
  });

  it('draws the PDF the worker is sent with the bytes this thread would draw', async () => {
    const { doc, createdAt } = await example();
    const thread = startFormatThread(['pdf'], BUILT_WORKER);
    try {
      const drawn = await thread.render('pdf', doc, { createdAt });
      expect(drawn).toBeInstanceOf(Buffer);
      expect(drawn!.equals(await pdfWriter.render(doc, { createdAt }))).toBe(true);
    } finally {
      await thread.close();
    }
  });

  it('reports a brand font the PDF cannot use with the message this thread would give', async () => {
    const { doc, createdAt } = await example();
    const theme: Theme = { ...DEFAULT_THEME, fonts: { body: { file: 'brand/broken.ttf', data: Buffer.from('not a font at all'), family: 'Broken' } } };
    const here = await Promise.resolve(pdfWriter.render(doc, { createdAt, theme })).then(() => undefined, (error: unknown) => error);
    expect(here).toBeInstanceOf(OpsplanError);
    const thread = startFormatThread(['pdf'], BUILT_WORKER);
    try {
      const there = await thread.render('pdf', doc, { createdAt, theme }).then(() => undefined, (error: unknown) => error);
      expect(there).toBeInstanceOf(OpsplanError);
      expect((there as OpsplanError).code).toBe((here as OpsplanError).code);
      expect((there as OpsplanError).message).toBe((here as OpsplanError).message);
      expect((there as OpsplanError).message).toMatch(/brand\/broken\.ttf/);
    } finally {
      await thread.close();
    }
  });

  it('rejects what it was still drawing when closed, so a render that failed meanwhile does not draw it here', async () => {
    const { doc, createdAt } = await example();
    const thread = startFormatThread(['pdf'], BUILT_WORKER);
    const drawing = thread.render('pdf', doc, { createdAt });
    await thread.close();
    await expect(drawing).rejects.toThrow(/closed/);
  });

  it('answers nothing, so this thread renders the format, when the worker cannot start', async () => {
    const { doc, createdAt } = await example();
    const thread = startFormatThread(['pdf'], pathToFileURL(path.join(ROOT, 'dist', 'no-such-worker.js')));
    try {
      await expect(thread.render('pdf', doc, { createdAt })).resolves.toBeUndefined();
    } finally {
      await thread.close();
    }
  });

  it('sends a brand across once and then by its number, and draws with it every time', async () => {
    const { doc, createdAt } = await example();
    const { theme } = await loadBrand(path.join(ROOT, 'test', 'fixtures', 'brands', 'jade', 'brand.yaml'));
    const channel = new MessageChannel();
    serveFormats(channel.port2, ['pdf']);
    const sent: FormatRequest[] = [];
    const post = channel.port1.postMessage.bind(channel.port1);
    channel.port1.postMessage = (message: FormatRequest, transfer) => {
      sent.push(message);
      post(message, transfer);
    };
    const thread = formatClient(channel.port1, async () => {
      channel.port1.close();
      channel.port2.close();
    });
    try {
      thread.prepare('zh-CN', theme);
      const drawn = [await thread.render('pdf', doc, { createdAt, theme }), await thread.render('pdf', doc, { createdAt, theme })];
      const here = await pdfWriter.render(doc, { createdAt, theme });
      for (const pdf of drawn) expect(pdf!.equals(here)).toBe(true);
      const themes = sent.map((message) => ('prepare' in message ? message.prepare.theme : message.theme));
      expect(themes[0]).toEqual({ id: 1, theme });
      expect(themes.slice(1)).toEqual([{ id: 1 }, { id: 1 }]);
    } finally {
      await thread.close();
    }
  });
});
