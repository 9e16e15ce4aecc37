// pdfkit's content streams written with each run of operators joined into one Buffer, and text and colours written
// straight into the page, give the PDF pdfkit writes itself, byte for byte: both examples, the edge-case document and
// text with combining marks, plain and in both test brands.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import { loadPlan } from '../../src/plan/load.js';
import type { Doc } from '../../src/doc/types.js';
import { composePlan, creationDate } from '../../src/render.js';
import type { RenderOptions } from '../../src/writers/types.js';
import { useDirectText, usePdfkitText } from '../../src/writers/pdf/directText.js';
import { usePdfkitContentWrites, useJoinedContentWrites } from '../../src/writers/pdf/hotPaths.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { PDFDocument } from '../../src/writers/pdf/pdfkit.js';
import { EXAMPLES, ROOT } from '../helpers.js';
import { stressDoc } from './docxStress.js';

afterEach(() => {
  useJoinedContentWrites(PDFDocument);
  useDirectText();
});

/** Each variant of both examples, plain and in both test brands, with its render options. */
async function* variants(): AsyncGenerator<{ label: string; doc: Doc; options: RenderOptions }> {
  for (const file of Object.values(EXAMPLES)) {
    const { plan } = await loadPlan(file);
    const composed = composePlan(plan).doc;
    for (const brand of [undefined, 'harbor', 'jade']) {
      const theme = brand ? (await loadBrand(path.join(ROOT, 'test', 'fixtures', 'brands', brand, 'brand.yaml'))).theme : undefined;
      const options = { createdAt: creationDate(plan), ...(theme ? { theme } : {}) };
      // Combining marks are the glyphs placed with offsets of their own (Vietnamese stacks two on one letter).
      const marks: Doc = { ...composed, body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cafe\u0301 Đà Nẵng: Tiếng Việt, n\u0303, a\u0308\u0301', marks: {} }] }, ...composed.body] };
      for (const [name, doc] of [['as composed', composed], ['edge cases', stressDoc(composed)], ['combining marks', marks]] as const) {
        yield { label: `${path.basename(file)} ${brand ?? 'plain'} ${name}`, doc, options };
      }
    }
  }
}

describe('joined content writes', () => {
  it('write the same PDF as pdfkit for both examples and the edge cases, plain and in both test brands', async () => {
    for await (const { label, doc, options } of variants()) {
      usePdfkitContentWrites(PDFDocument);
      const pdfkit = await pdfWriter.render(doc, options);
      useJoinedContentWrites(PDFDocument);
      const joined = await pdfWriter.render(doc, options);
      expect(joined.equals(pdfkit), label).toBe(true);
    }
  }, 120_000);
});

describe('text and colours written straight into the page', () => {
  it("write the same PDF as pdfkit's text and fillColor for both examples and the edge cases, plain and in both test brands", async () => {
    for await (const { label, doc, options } of variants()) {
      usePdfkitText();
      const pdfkit = await pdfWriter.render(doc, options);
      useDirectText();
      const direct = await pdfWriter.render(doc, options);
      expect(direct.equals(pdfkit), label).toBe(true);
    }
  }, 120_000);
});
