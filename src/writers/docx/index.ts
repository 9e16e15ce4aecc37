// Writes the document model as a Word (.docx) plan: cover, contents with page numbers, numbered sections, native chart.
import { Document, Packer } from 'docx';
import type { Doc } from '../../doc/types.js';
import { DEFAULT_THEME, type Theme } from '../theme.js';
import type { RenderOptions, Writer } from '../types.js';
import { ListNumbering } from './blocks.js';
import { wordBrand, type WordBrand } from './brand.js';
import { useQuickerPrepForXml } from './hotPaths.js';
import { xmlSafe } from './inline.js';
import { appProperties, stampPackage } from './package.js';
import { furnitureHeights, planSections } from './pages.js';
import { planPageNumbers, type PlanLayout } from './pagination/index.js';
import { readZip, type ZipEntry } from './zip.js';
import { documentStyles, listDefinitions } from './styles.js';

useQuickerPrepForXml();

/** Builds the Word document (not yet packed) for a plan. */
function buildDocument(doc: Doc, theme: Theme, brand: WordBrand, observe?: (layout: PlanLayout) => void): Document {
  const lists = new ListNumbering();
  // Sections first: the list definitions depend on which numbered lists the blocks asked for.
  const sections = planSections(doc, theme, brand, lists);
  const themeFonts = { latin: brand.fonts.body, eastAsia: brand.fonts.eastAsia };
  const styles = documentStyles(theme, doc.meta.language, brand.fonts);
  return new Document({
    title: xmlSafe(doc.meta.title),
    subject: xmlSafe(doc.meta.subject),
    creator: xmlSafe(doc.meta.author),
    lastModifiedBy: xmlSafe(doc.meta.author),
    keywords: xmlSafe(doc.meta.keywords.join(', ')),
    revision: 1,
    styles,
    // The brand's font files travel with the plan, so it looks the same on a machine without them.
    fonts: brand.embedded,
    numbering: listDefinitions(lists.orderedStarts),
    // Charts take their text fonts from the theme, so Chinese labels need the East Asian font there too.
    theme: { fonts: { headings: themeFonts, body: themeFonts } },
    // The contents and "page X of Y" carry real page numbers when the file opens, from a layout of the plan's pages.
    pageNumbers: planPageNumbers(styles, theme.fonts ?? {}, furnitureHeights(doc, theme, brand), observe),
    sections,
  });
}

/**
 * The Word document for a plan, not yet packed, for tools that lay it out or pack it themselves; `observe` sees the page
 * layout its page numbers come from when it is written.
 */
export async function wordDocument(doc: Doc, options: RenderOptions, observe?: (layout: PlanLayout) => void): Promise<Document> {
  const theme = options.theme ?? DEFAULT_THEME;
  return buildDocument(doc, theme, await wordBrand(theme), observe);
}

/** The part of the docx library's package compiler used here: the package's parts by path, before they are zipped. */
interface PartsCompiler {
  compile(document: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/**
 * The package's parts. The library's own compiler (not part of its typed API) hands them over unzipped, which saves
 * zipping the package once for the library and unzipping it to stamp it; with a library version without it, the
 * packed file is read back instead.
 */
async function packageParts(document: Document, overrides: readonly { path: string; data: string }[]): Promise<ZipEntry[]> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return readZip(await Packer.toBuffer(document, false, overrides));
  return [...(compiler as PartsCompiler).compile(document, undefined, overrides)].map(([name, data]) => ({
    name,
    data: typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  }));
}

export const docxWriter: Writer = {
  async render(doc, options) {
    const parts = await packageParts(await wordDocument(doc, options), [{ path: 'docProps/app.xml', data: appProperties(xmlSafe(doc.meta.company)) }]);
    return stampPackage(parts, { createdAt: options.createdAt, language: doc.meta.language });
  },
};
