// The page structure of the Word plan: a cover and contents without page furniture, then the numbered sections.
import {
  convertMillimetersToTwip,
  Footer,
  Header,
  NumberFormat,
  PageNumber,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { Doc } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { blocks, type BlockContext, type ListNumbering } from './blocks.js';
import { xmlSafe } from './inline.js';
import { STYLE } from './styles.js';

/** Page sizes in twips. */
const PAGE_SIZES = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;

export interface PageGeometry {
  size: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** Width between the margins, in twips. */
  available: number;
}

export function pageGeometry(theme: Theme): PageGeometry {
  const size = PAGE_SIZES[theme.page.size];
  const { top, right, bottom, left } = theme.page.margins;
  const margin = {
    top: convertMillimetersToTwip(top),
    right: convertMillimetersToTwip(right),
    bottom: convertMillimetersToTwip(bottom),
    left: convertMillimetersToTwip(left),
    // Header and footer sit halfway into the top and bottom margins.
    header: convertMillimetersToTwip(top / 2),
    footer: convertMillimetersToTwip(bottom / 2),
  };
  return { size, margin, available: size.width - margin.left - margin.right };
}

/** The document's sections: cover and contents first, then the plan with its header, footer and page numbers from 1. */
export function planSections(doc: Doc, theme: Theme, lists: ListNumbering): ISectionOptions[] {
  const geometry = pageGeometry(theme);
  const context = (place: BlockContext['place']): BlockContext => ({ theme, available: geometry.available, lists, place, inQuote: false, listLevel: -1 });
  const page = { size: geometry.size, margin: geometry.margin };
  const front = [
    new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(xmlSafe(doc.cover.title))] }),
    ...blocks(doc.cover.blocks, context('cover')),
    new Paragraph({ style: STYLE.contentsHeading, pageBreakBefore: true, children: [new TextRun(xmlSafe(doc.labels.contents))] }),
    // Filled in from the headings with the page numbers worked out when the document is written, so Word shows it
    // as it is and does not ask to update fields; Word's "Update Table" still rebuilds it.
    new TableOfContents(xmlSafe(doc.labels.contents), { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  return [
    { properties: { page }, children: front },
    {
      properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
      headers: { default: new Header({ children: [new Paragraph({ style: STYLE.pageHeader, children: [new TextRun(xmlSafe(doc.meta.title))] })] }) },
      footers: { default: pageFooter(doc, theme, geometry) },
      children: blocks(doc.body, context('body')),
    },
  ];
}

/** "Page X of Y" on the right (counting the plan's own pages, not the cover), the theme's footer text on the left. */
function pageFooter(doc: Doc, theme: Theme, geometry: PageGeometry): Footer {
  const pageOf = doc.labels.pageOf.split(/(\{page\}|\{pages\})/).filter((piece) => piece !== '').map((piece) => {
    if (piece === '{page}') return new TextRun({ children: [PageNumber.CURRENT] });
    if (piece === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES_IN_SECTION] });
    return new TextRun(xmlSafe(piece));
  });
  const footerText = theme.footerText ? [new TextRun(xmlSafe(theme.footerText)), new TextRun({ children: [new Tab()] })] : [new TextRun({ children: [new Tab()] })];
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageFooter,
        tabStops: [{ type: TabStopType.RIGHT, position: geometry.available }],
        children: [...footerText, ...pageOf],
      }),
    ],
  });
}
