// The output formats, keyed by id: a new format is one writer module and one row here.
import { OpsplanError } from '../errors.js';
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

/** Parses a `--format` value such as `md,docx` or `all` into registry entries. */
export function resolveFormats(value: string): FormatEntry[] {
  const ids = value.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
  const wanted = ids.includes('all') ? [...FORMAT_IDS] : [...new Set(ids)];
  const unknown = wanted.filter((id) => !formatEntry(id));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new OpsplanError('USAGE', `unknown format ${unknown.map((id) => `"${id}"`).join(', ') || '(none given)'}`, {
      hint: `Use one or more of: ${FORMAT_IDS.join(', ')}, or all.`,
    });
  }
  return wanted.map((id) => formatEntry(id)!);
}
