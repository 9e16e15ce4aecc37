// The render pipeline: answers -> figures -> Markdown (templates) -> document model -> bytes per format.
import path from 'node:path';
import { markdownToDoc } from './compose/toDoc.js';
import { loadLocale, renderPlanMarkdown, type PlanExtras, type TemplateOptions } from './compose/templates.js';
import { label } from './compose/helpers.js';
import type { Doc } from './doc/types.js';
import { fileStem } from './io/fileName.js';
import { writeFileAtomic } from './io/atomicWrite.js';
import { deriveFigures } from './plan/derive.js';
import type { Plan } from './plan/schema.js';
import type { FormatThread } from './writers/formatThread.js';
import type { FormatEntry } from './writers/registry.js';
import { DEFAULT_THEME, type Theme } from './writers/theme.js';

export type ComposeOptions = TemplateOptions & PlanExtras;

export interface RenderFilesOptions extends ComposeOptions {
  /** Colours, fonts, logo and page setup from a brand; the default look when left out. */
  theme?: Theme;
  /** Output file name without extension; made from the plan title when left out. */
  stem?: string;
  /** Formats rendered on another thread, and the thread; a format it cannot render is rendered here. */
  elsewhere?: { formats: readonly string[]; thread: FormatThread };
}

/** Builds the document model for a plan: the single input of every writer. */
export function composePlan(plan: Plan, options: ComposeOptions = {}): { markdown: string; doc: Doc } {
  const figures = deriveFigures(plan);
  const markdown = renderPlanMarkdown(plan, figures, options, { review: options.review, changes: options.changes });
  const locale = loadLocale(plan.meta.language, options);
  const doc = markdownToDoc(
    markdown,
    {
      title: plan.meta.title,
      subject: label(locale, 'document.subject'),
      author: plan.meta.author,
      company: plan.meta.company,
      language: plan.meta.language,
      date: plan.meta.date,
      keywords: [plan.meta.company, label(locale, `enums.channel.${plan.meta.channel}`)],
    },
    { contents: label(locale, 'document.contents'), pageOf: label(locale, 'document.pageOf') },
  );
  return { markdown, doc };
}

/** The creation date written into documents: SOURCE_DATE_EPOCH when set, else the plan's date. */
export function creationDate(plan: Plan, environment: NodeJS.ProcessEnv = process.env): Date {
  const epoch = environment.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${plan.meta.date}T00:00:00Z`);
}

export interface RenderedFile {
  format: string;
  path: string;
  bytes: number;
}

/** Renders a plan in the given formats and writes each file atomically into `outDir`. */
export async function renderPlanFiles(
  plan: Plan,
  formats: readonly FormatEntry[],
  outDir: string,
  options: RenderFilesOptions = {},
): Promise<RenderedFile[]> {
  const { doc } = composePlan(plan, options);
  const stem = options.stem ?? fileStem(plan.meta.title);
  const createdAt = creationDate(plan);
  const theme = options.theme ?? DEFAULT_THEME;
  // Every document is produced before any is written, so a failing writer leaves no partial set behind.
  const outputs = await Promise.all(formats.map(async (format) => {
    if (options.elsewhere?.formats.includes(format.id)) {
      const data = await options.elsewhere.thread.render(format.id, doc, { createdAt, theme });
      if (data) return { format, data };
    }
    const writer = await format.load();
    return { format, data: await writer.render(doc, { createdAt, theme }) };
  }));
  // Written side by side: each waits on the disk, not on the others.
  return Promise.all(outputs.map(async ({ format, data }): Promise<RenderedFile> => {
    const target = path.join(outDir, `${stem}${format.extension}`);
    await writeFileAtomic(target, data);
    return { format: format.id, path: target, bytes: data.byteLength };
  }));
}
