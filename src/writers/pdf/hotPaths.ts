// pdfkit writes each operator of a page's content (a colour, a text position, a run of glyphs) as a Buffer of its own,
// some thousands per plan, and joins them when the page ends. This keeps the text of the operators written one after
// another as one string and makes one Buffer of it when bytes must follow or the stream ends: the same bytes, the same
// lengths, and a PDF takes about a tenth fewer instructions. A test holds whole plans to pdfkit's own writing.

import type PDFDocumentClass from 'pdfkit';

/** The part of pdfkit's indirect object (PDFReference) that streams are written through. */
interface StreamReference {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
  /** Operators written since the last Buffer: text pdfkit would have made into Buffers one by one. */
  pendingText?: string;
}

type ReferencePrototype = Pick<StreamReference, 'write' | 'finalize'>;

/** pdfkit's own methods, kept when they are first replaced. */
let pdfkitMethods: ReferencePrototype | undefined;

function flush(reference: StreamReference): void {
  if (reference.pendingText) {
    // 'binary', as pdfkit encodes each operator: one byte per character.
    reference.buffer.push(Buffer.from(reference.pendingText, 'binary'));
    reference.pendingText = '';
  }
}

const joined: ReferencePrototype = {
  write(this: StreamReference, chunk: string | Uint8Array): void {
    if (chunk instanceof Uint8Array) {
      flush(this);
      pdfkitMethods!.write.call(this, chunk);
      return;
    }
    // As pdfkit's own write: the operator and a line feed, counted into the stream's lengths as it is written.
    const text = `${chunk}\n`;
    this.pendingText = this.pendingText === undefined ? text : this.pendingText + text;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  },
  finalize(this: StreamReference): void {
    flush(this);
    pdfkitMethods!.finalize.call(this);
  },
};

/** pdfkit's indirect object class, from a document made only to reach it (without loading pdfkit's default font). */
function referencePrototype(PDFDocument: typeof PDFDocumentClass): ReferencePrototype {
  const document = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  return Object.getPrototypeOf(document.ref({})) as ReferencePrototype;
}

/** Puts the joined writing in place of pdfkit's; once is enough, and a second call changes nothing. */
export function useJoinedContentWrites(PDFDocument: typeof PDFDocumentClass): void {
  const prototype = referencePrototype(PDFDocument);
  pdfkitMethods ??= { write: prototype.write, finalize: prototype.finalize };
  prototype.write = joined.write;
  prototype.finalize = joined.finalize;
}

/** Puts pdfkit's own writing back: for tests that compare the two. */
export function usePdfkitContentWrites(PDFDocument: typeof PDFDocumentClass): void {
  if (pdfkitMethods) Object.assign(referencePrototype(PDFDocument), pdfkitMethods);
}
