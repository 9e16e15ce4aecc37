// Writes the document model as a Word (.docx) plan: cover, contents with page numbers, numbered sections, native chart.
import { Document, EMPTY_OBJECT, FileChild, Packer, type IContext, type IPropertiesOptions, type PageNumberEstimator } from 'docx';
import type { Doc } from '../../doc/types.js';
import { DEFAULT_THEME, type Theme } from '../theme.js';
import type { RenderOptions, Writer } from '../types.js';
import { ListNumbering, type WordBlock } from './blocks.js';
import { wordBrand, type WordBrand } from './brand.js';
import { bookmarkHeadings, contentsField, filledContents } from './contents.js';
import { shareStyles, useQuickerPrepForXml } from './hotPaths.js';
import { xmlSafe } from './inline.js';
import { xmlOf, type XmlNode } from './nodes.js';
import { appProperties, stampPackage, type PackagePart } from './package.js';
import { furnitureHeights, planPages, type PlanPages } from './pages.js';
import { bookmarkPages, layOutBody, planPageNumbers, type PlanLayout } from './pagination/index.js';
import { readZip } from './zip.js';
import { documentStyles, listDefinitions } from './styles.js';

useQuickerPrepForXml();

/** What a plan's Word document is made of before the library's document holds it. */
interface PlanParts {
  pages: PlanPages;
  styles: ReturnType<typeof documentStyles>;
  options: Omit<IPropertiesOptions, 'sections' | 'pageNumbers'>;
}

function planParts(doc: Doc, theme: Theme, brand: WordBrand): PlanParts {
  const lists = new ListNumbering();
  // Blocks first: the list definitions depend on which numbered lists the blocks asked for.
  const pages = planPages(doc, theme, brand, lists);
  const themeFonts = { latin: brand.fonts.body, eastAsia: brand.fonts.eastAsia };
  const styles = documentStyles(theme, doc.meta.language, brand.fonts);
  return {
    pages,
    styles,
    options: {
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
    },
  };
}

/**
 * The Word document for a plan as the docx library makes it from its components, not yet packed, for tools that lay it
 * out or pack it themselves: the library fills in the contents and page numbers from a layout of the plan's pages,
 * which `observe` sees. The plan's own writer makes the same file, writing the contents and body itself.
 */
export async function wordDocument(doc: Doc, options: RenderOptions, observe?: (layout: PlanLayout) => void): Promise<Document> {
  const theme = options.theme ?? DEFAULT_THEME;
  const brand = await wordBrand(theme);
  const { pages, styles, options: properties } = planParts(doc, theme, brand);
  const document = new Document({
    ...properties,
    // The contents and "page X of Y" carry real page numbers when the file opens, from a layout of the plan's pages.
    pageNumbers: planPageNumbers(styles, theme.fonts ?? {}, furnitureHeights(doc, theme, brand), observe),
    sections: pages.sections(contentsField(xmlSafe(doc.labels.contents)), pages.body),
  });
  shareStyles(document.Styles, styles);
  return document;
}

/** Stands in the library's document for XML written here; an element of no namespace Word knows, replaced before packing. */
class Placeholder extends FileChild {
  constructor(readonly tag: string) {
    super(tag);
  }

  override prepForXml(): XmlNode {
    return { [this.tag]: EMPTY_OBJECT };
  }

  /** Puts `xml` where the library wrote this placeholder: exactly once, or the document is not the one made here. */
  fill(document: string, xml: string): string {
    const [before, after, ...more] = document.split(`<${this.tag}/>`);
    if (after === undefined || more.length > 0) throw new Error(`the Word document has ${more.length + 1} ${this.tag} placeholders, not 1`);
    return before + xml + after;
  }
}

/**
 * The plan as a Word package's parts. The library writes the package: styles, numbering, header, footer, chart, cover,
 * relationships. The contents and the plan's body, nearly all of the document, are written here as XML: prepared as
 * the objects the library's components prepare into, laid out to learn each heading's page, and written in one pass,
 * without the library's generic passes over the whole body to find the headings and fill the fields.
 */
async function planPackage(doc: Doc, theme: Theme): Promise<PackagePart[]> {
  const brand = await wordBrand(theme);
  const { pages, styles, options } = planParts(doc, theme, brand);
  const contents = new Placeholder('opsplan:contents');
  const body = new Placeholder('opsplan:body');
  // The footer's "of Y" counts the body's pages; the layout below sets the count before the library writes the footer.
  const counted: { pages?: number } = {};
  const pageNumbers: PageNumberEstimator = () => ({ bookmarks: new Map(), sectionPageCounts: [undefined, counted.pages] });
  const document = new Document({ ...options, pageNumbers, sections: pages.sections(contents, [body]) });
  shareStyles(document.Styles, styles);
  // Written into the library's document, so links and lists add their relationships and numbering to it.
  const context = { file: document, viewWrapper: document.Document, stack: [] } as unknown as IContext;
  const blocks = pages.body.flatMap((block: WordBlock) => [block.prepForXml(context)].flat().filter((node): node is XmlNode => node !== undefined) as XmlNode[]);
  const entries = bookmarkHeadings(blocks);
  const layout = layOutBody(blocks, pages.geometry, styles, theme.fonts ?? {}, furnitureHeights(doc, theme, brand));
  counted.pages = layout.pageCount;
  const contentsXml = xmlOf(filledContents(xmlSafe(doc.labels.contents), entries, bookmarkPages(layout), pages.geometry.available));
  let bodyXml = '';
  for (const block of blocks) bodyXml += xmlOf(block);
  const fill = (xml: string) => body.fill(contents.fill(xml, contentsXml), bodyXml);
  return packageParts(document, ownParts(doc), new Map([['word/document.xml', fill]]));
}

/** Parts written here in place of the library's: the extended properties, with the company. */
const ownParts = (doc: Doc) => [{ path: 'docProps/app.xml', data: appProperties(xmlSafe(doc.meta.company)) }];

/** The part of the docx library's package compiler used here: the package's parts by path, before they are zipped. */
interface PartsCompiler {
  compile(document: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/**
 * The package's parts, with `rewrite` changing the text of the parts it names. The library's own compiler (not part of
 * its typed API) hands them over unzipped, which saves zipping the package once for the library and unzipping it to
 * stamp it; with a library version without it, the packed file is read back instead.
 */
async function packageParts(
  document: Document,
  overrides: readonly { path: string; data: string }[],
  rewrite: ReadonlyMap<string, (xml: string) => string> = new Map(),
): Promise<PackagePart[]> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  const parts: [string, string | Uint8Array][] =
    typeof compiler?.compile === 'function'
      ? [...(compiler as PartsCompiler).compile(document, undefined, overrides)]
      : readZip(await Packer.toBuffer(document, false, overrides)).map(({ name, data }) => [name, data]);
  return parts.map(([name, data]): PackagePart => {
    const change = rewrite.get(name);
    if (change) return { name, data: change(typeof data === 'string' ? data : Buffer.from(data).toString('utf8')) };
    return { name, data: typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  });
}

/** The Word plan as the docx library writes it from its components alone: the reference the plan's writer is held to. */
export async function libraryDocx(doc: Doc, options: RenderOptions): Promise<Buffer> {
  const parts = await packageParts(await wordDocument(doc, options), ownParts(doc));
  return stampPackage(parts, { createdAt: options.createdAt, language: doc.meta.language });
}

export const docxWriter: Writer = {
  async render(doc, options) {
    const parts = await planPackage(doc, options.theme ?? DEFAULT_THEME);
    return stampPackage(parts, { createdAt: options.createdAt, language: doc.meta.language });
  },
};
