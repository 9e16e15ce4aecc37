// The page structure of the Word plan: a cover and contents without page furniture, then the numbered sections.
import {
  convertMillimetersToTwip,
  Footer,
  Header,
  LineRuleType,
  NumberFormat,
  PageNumber,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { Doc } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { blocks, type BlockContext, type ListNumbering, type WordBlock } from './blocks.js';
import { COVER_LOGO_MM, fitted, headerLogoBox, logoRun, type WordBrand } from './brand.js';
import { xmlSafe } from './inline.js';
import type { BodyPage } from './pagination/index.js';
import { EAST_ASIAN, lineHeightRatio } from './pagination/metrics.js';
import { leading, SIZES, STYLE } from './styles.js';

/** Page sizes in twips. */
const PAGE_SIZES = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;

export interface PageGeometry extends BodyPage {
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

/** Twips per Word pixel, at 96 pixels to the inch. */
const TWIPS_PER_PIXEL = 15;
/** Room the header's rule takes below its line: 4 points of space and a half-point line. */
const HEADER_RULE = 4 * 20 + (4 / 8) * 20;

/**
 * How tall the page header and footer are, in twips. Word moves the body down (or up) where the header (or footer)
 * reaches past its margin, so the page layout needs them with small margins.
 */
export function furnitureHeights(doc: Doc, theme: Theme, brand: WordBrand): { header: number; footer: number } {
  const line = leading(SIZES.small).line;
  if (!brand.logo) return { header: line + HEADER_RULE, footer: line };
  // The header line with the logo is single spaced: as tall as the logo, or the title's font where that is taller.
  const fonts = theme.fonts ?? {};
  const ratio = Math.max(lineHeightRatio(fonts.body, 'latin'), EAST_ASIAN.test(doc.meta.title) ? lineHeightRatio(fonts.cjk, 'eastAsia') : 0);
  const logo = fitted(brand.logo.image, headerLogoBox(theme.page.margins.top)).height * TWIPS_PER_PIXEL;
  return { header: Math.max(SIZES.small * 10 * ratio, logo) + HEADER_RULE, footer: line };
}

export interface PlanPages {
  geometry: PageGeometry;
  /** The plan's own blocks, for the numbered section; made after the cover's, so lists are numbered in page order. */
  body: WordBlock[];
  /** The document's sections: cover and contents first, then the plan with its header, footer and page numbers from 1. */
  sections(contents: WordBlock, body: readonly WordBlock[]): ISectionOptions[];
}

/** The plan's pages: the cover's blocks and the body's, and the sections that hold them with the contents. */
export function planPages(doc: Doc, theme: Theme, brand: WordBrand, lists: ListNumbering): PlanPages {
  const geometry = pageGeometry(theme);
  const context = (place: BlockContext['place']): BlockContext => ({ theme, fonts: brand.fonts, available: geometry.available, lists, place, inQuote: false, listLevel: -1 });
  const page = { size: geometry.size, margin: geometry.margin };
  const front = [
    ...cover(doc, theme, brand, context('cover')),
    new Paragraph({ style: STYLE.contentsHeading, pageBreakBefore: true, children: [new TextRun(xmlSafe(doc.labels.contents))] }),
  ];
  return {
    geometry,
    body: blocks(doc.body, context('body')),
    sections: (contents, body) => [
      { properties: { page }, children: [...front, contents] },
      {
        properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        headers: { default: pageHeader(doc, theme, brand, geometry) },
        footers: { default: pageFooter(doc, theme, geometry) },
        children: [...body],
      },
    ],
  };
}

/** The cover as the HTML and PDF plans show it: logo, title, the brand's line, the cover facts, confidentiality. */
function cover(doc: Doc, theme: Theme, brand: WordBrand, context: BlockContext): WordBlock[] {
  const brandLine = [theme.brandName, theme.coverSubtitle].filter((text): text is string => Boolean(text)).join(' · ');
  return [
    ...(brand.logo ? [new Paragraph({ style: STYLE.coverLogo, children: [logoRun(brand.logo, COVER_LOGO_MM)] })] : []),
    new Paragraph({
      style: STYLE.coverTitle,
      // Below a logo the title needs less room above it to sit where it sits on a cover without one.
      ...(brand.logo ? { spacing: { before: 600 } } : {}),
      children: [new TextRun(xmlSafe(doc.cover.title))],
    }),
    ...(brandLine ? [new Paragraph({ style: STYLE.coverBrand, children: [new TextRun(xmlSafe(brandLine))] })] : []),
    ...blocks(doc.cover.blocks, context),
    ...(theme.confidentiality ? [new Paragraph({ style: STYLE.coverConfidential, children: [new TextRun(xmlSafe(theme.confidentiality))] })] : []),
  ];
}

/** The plan title on the left and, when the brand has one, its logo small on the right. */
function pageHeader(doc: Doc, theme: Theme, brand: WordBrand, geometry: PageGeometry): Header {
  const title = new TextRun(xmlSafe(doc.meta.title));
  if (!brand.logo) return new Header({ children: [new Paragraph({ style: STYLE.pageHeader, children: [title] })] });
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.pageHeader,
        // Auto line spacing, so the line grows to the logo instead of cropping it.
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        tabStops: [{ type: TabStopType.RIGHT, position: geometry.available }],
        children: [title, new TextRun({ children: [new Tab()] }), logoRun(brand.logo, headerLogoBox(theme.page.margins.top))],
      }),
    ],
  });
}

/** "Page X of Y" on the right (counting the plan's own pages, not the cover), the brand's footer text and confidentiality on the left. */
function pageFooter(doc: Doc, theme: Theme, geometry: PageGeometry): Footer {
  const pageOf = doc.labels.pageOf.split(/(\{page\}|\{pages\})/).filter((piece) => piece !== '').map((piece) => {
    if (piece === '{page}') return new TextRun({ children: [PageNumber.CURRENT] });
    if (piece === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES_IN_SECTION] });
    return new TextRun(xmlSafe(piece));
  });
  const left = [theme.footerText, theme.confidentiality].filter((text): text is string => Boolean(text)).join(' · ');
  const footerText = [...(left ? [new TextRun(xmlSafe(left))] : []), new TextRun({ children: [new Tab()] })];
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
