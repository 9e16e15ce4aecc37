// The output formats, keyed by id: a new format is one writer module and one row here.
import type { Writer } from './types.js';

export interface FormatEntry {
  id: string;
  extension: string;
  description: string;
  /** Loads the writer only when its format is asked for, so heavy libraries stay off the start-up path. */
  load(): Promise<Writer>;
}

export const FORMATS = [
  {
    id: 'md',
    extension: '.md',
    description: 'Markdown (GitHub-flavoured), for review in git and pasting into editors',
    load: async () => (await import('./markdown.js')).markdownWriter,
  },
  {
    id: 'docx',
    extension: '.docx',
    description: 'Word document with cover, contents, page numbers and an editable chart',
    load: async () => (await import('./docx/index.js')).docxWriter,
  },
  {
    id: 'pdf',
    extension: '.pdf',
    description: 'Print-ready PDF with cover, contents, bookmarks, page numbers and embedded Chinese fonts',
    load: async () => (await import('./pdf/index.js')).pdfWriter,
  },
  {
    id: 'html',
    extension: '.html',
    description: 'One self-contained web page, to share by link or e-mail',
    load: async () => (await import('./html.js')).htmlWriter,
  },
] as const satisfies readonly FormatEntry[];

export type FormatId = (typeof FORMATS)[number]['id'];

export const FORMAT_IDS: readonly string[] = FORMATS.map((format) => format.id);

export function formatEntry(id: string): FormatEntry | undefined {
  return FORMATS.find((format) => format.id === id);
}
