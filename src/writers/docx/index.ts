// Writes the document model as a Word (.docx) plan: cover, contents with page numbers, numbered sections, native chart.
import { Document, Packer } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Doc } from '../../doc/types.js';
import { DEFAULT_THEME } from '../theme.js';
import type { RenderOptions, Writer } from '../types.js';
import { ListNumbering } from './blocks.js';
import { xmlSafe } from './inline.js';
import { appProperties, stampPackage } from './package.js';
import { planSections } from './pages.js';
import { documentStyles, FONTS, listDefinitions } from './styles.js';

/**
 * Lays the pages out as Word does, so the contents and "page X of Y" carry real numbers when the file opens. Past
 * text it cannot measure exactly (e.g. Arabic) it guesses rather than leave the remaining numbers blank.
 */
const pageNumbers = estimatePageNumbersWith({ guess: true });

/** Builds the Word document (not yet packed) for a plan. */
function buildDocument(doc: Doc, options: RenderOptions): Document {
  const theme = options.theme ?? DEFAULT_THEME;
  const lists = new ListNumbering();
  // Sections first: the list definitions depend on which numbered lists the blocks asked for.
  const sections = planSections(doc, theme, lists);
  const themeFonts = { latin: FONTS.latin, eastAsia: FONTS.eastAsia };
  return new Document({
    title: xmlSafe(doc.meta.title),
    subject: xmlSafe(doc.meta.subject),
    creator: xmlSafe(doc.meta.author),
    lastModifiedBy: xmlSafe(doc.meta.author),
    keywords: xmlSafe(doc.meta.keywords.join(', ')),
    revision: 1,
    styles: documentStyles(theme, doc.meta.language),
    numbering: listDefinitions(lists.orderedStarts),
    // Charts take their text fonts from the theme, so Chinese labels need the East Asian font there too.
    theme: { fonts: { headings: themeFonts, body: themeFonts } },
    pageNumbers,
    sections,
  });
}

export const docxWriter: Writer = {
  async render(doc, options) {
    const packed = await Packer.toBuffer(buildDocument(doc, options), false, [{ path: 'docProps/app.xml', data: appProperties(xmlSafe(doc.meta.company)) }]);
    return stampPackage(packed, { createdAt: options.createdAt, language: doc.meta.language });
  },
};
