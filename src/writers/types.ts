// What every output format provides: bytes for a document, from the document model alone.
import type { Doc } from '../doc/types.js';
import type { Theme } from './theme.js';

export interface RenderOptions {
  /** Creation date written into document properties; fixed so the same answers give the same bytes. */
  createdAt: Date;
  /** Colours, page size and margins; writers fall back to DEFAULT_THEME. */
  theme?: Theme;
}

export interface Writer {
  render(doc: Doc, options: RenderOptions): Buffer | Promise<Buffer>;
  /** Loads ahead what rendering a plan in `language` will need (fonts), while the document is still being made. */
  prepare?(language: string, theme: Theme | undefined): void;
}
