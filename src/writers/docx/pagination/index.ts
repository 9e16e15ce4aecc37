// Page numbers for the Word plan's contents and footer, from a page layout made for the plan's own few constructs.
import type { EstimatedPageNumbers, IStylesOptions, PageNumberEstimator } from 'docx';
import type { ThemeFont } from '../../theme.js';
import { StyleBook } from './format.js';
import { createMeasurer } from './metrics.js';
import { UnitReader, type Unit } from './units.js';
import { child, childrenOf, numberAttribute, tagOf, type XmlNode } from './xml.js';

/** Lengths are compared with this much slack, in twips, as sums of fractions do not land exactly. */
const TOLERANCE = 0.5;

export interface PaginationFonts {
  body?: ThemeFont;
  heading?: ThemeFont;
  cjk?: ThemeFont;
}

export interface Placement {
  /** The page (counted from 1) each unit lands on. */
  pages: number[];
  /** Where each unit's text (a row's top border) starts, in twips below the top margin. */
  tops: number[];
  pageCount: number;
}

/** Places units on pages as Word places lines and rows. */
export function paginate(units: readonly Unit[], room: number): Placement {
  const pages: number[] = [];
  const tops: number[] = [];
  let page = 1;
  let y = 0;
  let empty = true;
  let previousAfter = 0;
  const newPage = () => {
    page += 1;
    y = 0;
    empty = true;
    previousAfter = 0;
  };
  const gapBefore = (unit: Unit) => (empty ? 0 : Math.max(previousAfter, unit.before));
  /** A row that starts a page in the middle of its table brings the table's heading rows with it. */
  const repeatedHeader = (index: number) => {
    const row = units[index]!.row;
    return row && !row.header && units[index - 1]?.row?.table === row.table ? row.headerHeight : 0;
  };
  /** Whether a table's heading rows, with the first row after them, fit below the current position. */
  const headingRowsFit = (index: number) => {
    if (!units[index]!.row?.header) return true;
    let height = gapBefore(units[index]!);
    let end = index;
    while (units[end]?.row?.header && units[end]!.row!.table === units[index]!.row!.table) height += units[end++]!.height;
    const first = units[end];
    if (first?.row?.table === units[index]!.row!.table) height += first.height + first.row.closing;
    return y + height <= room + TOLERANCE;
  };
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index]!;
    if (unit.pageBreakBefore && !empty) newPage();
    if (!empty && unit.glueNext && !units[index - 1]?.glueNext) {
      // A run of units kept together moves to the next page whole when it does not fit here but fits on a page. Word
      // measures the run on past a unit that starts a new page, as if it followed on this one.
      let height = gapBefore(unit) + unit.height;
      let fresh = repeatedHeader(index) + unit.height;
      let end = index;
      while (units[end]!.glueNext && end + 1 < units.length) {
        end += 1;
        const next = units[end]!;
        const between = Math.max(units[end - 1]!.after, next.before) + next.height;
        height += between;
        fresh += between;
      }
      if (y + height > room + TOLERANCE && (fresh <= room + TOLERANCE || !headingRowsFit(index))) newPage();
    }
    let gap = gapBefore(unit);
    // A table that goes on over the page is closed with its bottom border below the last row that fits.
    if (!empty && y + gap + unit.height + (unit.row?.closing ?? 0) > room + TOLERANCE) {
      newPage();
      gap = 0;
    }
    if (empty) y += repeatedHeader(index);
    tops.push(y + gap + unit.textTop);
    y += gap + unit.height;
    empty = false;
    previousAfter = unit.after;
    pages.push(page);
    if (unit.pageBreakAfter) newPage();
  }
  // A page break at the very end leaves no page behind it; the page count is the last page with content.
  return { pages, tops, pageCount: Math.max(1, pages.at(-1) ?? 1) };
}

/** Heights of the page header and footer, in twips. */
export interface Furniture {
  header: number;
  footer: number;
}

export interface PlanLayout extends Placement {
  units: Unit[];
  /** Page size and margins of the plan's pages, in twips. */
  page: { width: number; height: number; top: number; left: number };
}

/** The page the body is laid out on, in twips, as the plan's section properties give it. */
export interface BodyPage {
  size: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

/**
 * Lays out the plan's pages: the body section (after the cover and contents) line by line with the plan's styles and
 * fonts. Every paragraph has exact line spacing, every row stays whole and every table has fixed column widths, so a
 * line count per paragraph is all that varies, and that comes from the fonts' widths. `first` numbers the blocks.
 */
export function layOutBody(
  elements: readonly XmlNode[],
  bodyPage: BodyPage,
  styles: IStylesOptions,
  fonts: PaginationFonts,
  furniture: Furniture,
  first = 0,
): PlanLayout {
  const { size, margin } = bodyPage;
  // The body starts below the margin, or below the header where the header reaches past it; likewise at the foot.
  const page = { width: size.width, height: size.height, top: Math.max(margin.top, margin.header + furniture.header), left: margin.left };
  const bottom = Math.max(margin.bottom, margin.footer + furniture.footer);
  const width = page.width - page.left - margin.right;
  const room = page.height - page.top - bottom;
  const reader = new UnitReader(new StyleBook(styles), {
    body: createMeasurer({ latin: fonts.body, cjk: fonts.cjk }),
    heading: createMeasurer({ latin: fonts.heading ?? fonts.body, cjk: fonts.cjk }),
  });
  const units = reader.blocks(elements, width, first);
  return { units, page, ...paginate(units, room) };
}

/** The page of every bookmark in a layout: where the unit it starts in lands. */
export function bookmarkPages(layout: PlanLayout): Map<string, number> {
  const pages = new Map<string, number>();
  layout.units.forEach((unit, index) => {
    for (const name of unit.bookmarks) if (!pages.has(name)) pages.set(name, layout.pages[index]!);
  });
  return pages;
}

/**
 * {@link layOutBody} for a whole written body, cover and contents included, with the page its section properties
 * give. Undefined for a body that is not shaped as the plan writes it.
 */
export function layOutPlan(body: XmlNode, styles: IStylesOptions, fonts: PaginationFonts, furniture: Furniture): PlanLayout | undefined {
  const elements = childrenOf(body);
  // The cover and contents end with the paragraph carrying their section's properties; the plan's pages follow.
  const frontEnd = elements.findIndex((element) => tagOf(element) === 'w:p' && child(child(element, 'w:pPr') ?? {}, 'w:sectPr') !== undefined);
  const sectionProperties = elements.find((element) => tagOf(element) === 'w:sectPr');
  if (frontEnd < 0 || !sectionProperties) return undefined;
  const size = child(sectionProperties, 'w:pgSz');
  const margins = child(sectionProperties, 'w:pgMar');
  const margin = (side: string) => Math.abs(numberAttribute(margins, `w:${side}`) ?? 0);
  const bodyPage: BodyPage = {
    size: { width: numberAttribute(size, 'w:w') ?? 0, height: numberAttribute(size, 'w:h') ?? 0 },
    margin: { top: margin('top'), right: margin('right'), bottom: margin('bottom'), left: margin('left'), header: margin('header'), footer: margin('footer') },
  };
  return layOutBody(elements.slice(frontEnd + 1), bodyPage, styles, fonts, furniture, frontEnd + 1);
}

/**
 * A page number estimator for the plan, from {@link layOutPlan}: the page of every bookmark in the body and the body's
 * number of pages, which the docx library writes into the contents' PAGEREF fields and the footer's SECTIONPAGES field.
 * `observe` sees the layout, for tests that hold it against a full Word layout.
 */
export function planPageNumbers(styles: IStylesOptions, fonts: PaginationFonts, furniture: Furniture, observe?: (layout: PlanLayout) => void): PageNumberEstimator {
  return (body) => {
    const layout = layOutPlan(body as XmlNode, styles, fonts, furniture);
    if (!layout) return { bookmarks: new Map() };
    observe?.(layout);
    const bookmarkPageNumbers = bookmarkPages(layout);
    const estimate: EstimatedPageNumbers = {
      bookmarks: new Map([...bookmarkPageNumbers].map(([name, page]) => [name, String(page)])),
      bookmarkPageNumbers,
      sectionPageCounts: [undefined, layout.pageCount],
    };
    return estimate;
  };
}
