// What every output format provides: bytes for a document, from the document model alone.
import type { Doc } from '../doc/types.js';

export interface RenderOptions {
  /** Creation date written into document properties; fixed so the same answers give the same bytes. */
  createdAt: Date;
}

export interface Writer {
  render(doc: Doc, options: RenderOptions): Buffer | Promise<Buffer>;
}
