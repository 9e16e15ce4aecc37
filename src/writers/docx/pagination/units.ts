// Reads the plan's body as Word will lay it out: each line of a paragraph and each table row as a unit of known height.
import type { Measurer, RunFace } from './metrics.js';
import type { ParagraphFormat, StyleBook } from './format.js';
import { breakLines, type Piece } from './lines.js';
import { STYLE, SIZES } from '../styles.js';
import { attribute, child, childrenOf, isOn, numberAttribute, tagOf, textOf, type XmlNode } from './xml.js';

/** One line of a paragraph, or one table row (the plan's rows never split across pages). */
export interface Unit {
  height: number;
  /** Space asked for above it (a paragraph's first line) and below it (its last); Word keeps the larger of two. */
  before: number;
  after: number;
  /** Must be on the same page as the next unit (keep with next, keep lines together, rows kept with the next). */
  glueNext: boolean;
  pageBreakBefore: boolean;
  pageBreakAfter: boolean;
  /** Bookmarks that start here, such as the contents' `_Toc` ones. */
  bookmarks: string[];
  /** For a table row: its table, whether it is a heading row, and the height of the heading rows that repeat on a new page. */
  row?: {
    table: number;
    header: boolean;
    headerHeight: number;
    /** Room the table's bottom border takes below the row when the table breaks after it (none for its last row, whose height has it). */
    closing: number;
  };
  /** How far below the unit's top its text starts: the room of a border above a paragraph's first line. */
  textTop: number;
  /** Where it comes from: the block's place among the body's paragraphs and tables, and its line or row in it. */
  block: number;
  line: number;
}

export interface Measurers {
  body: Measurer;
  heading: Measurer;
}

/** English Metric Units per twip. */
const EMU_PER_TWIP = 635;
/** Line height of single spacing as a share of the font size: Calibri's ascent and descent. */
const SINGLE_LINE = 1.22;

export class UnitReader {
  private tables = 0;

  constructor(private readonly styles: StyleBook, private readonly measurers: Measurers) {}

  /** Units of blocks (paragraphs and tables), in order, laid out `width` twips wide; `first` numbers the blocks. */
  blocks(elements: readonly XmlNode[], width: number, first = 0): Unit[] {
    return elements.flatMap((element, index) => {
      const tag = tagOf(element);
      const units = tag === 'w:p' ? this.paragraph(element, width) : tag === 'w:tbl' ? this.table(element) : [];
      for (const unit of units) unit.block = first + index;
      return units;
    });
  }

  /** The lines of a paragraph as units. */
  paragraph(element: XmlNode, width: number): Unit[] {
    const format = this.styles.paragraph(child(element, 'w:pPr'));
    const bookmarks: string[] = [];
    const pieces: Piece[] = [];
    const runs = (parent: XmlNode) => {
      for (const node of childrenOf(parent)) {
        const tag = tagOf(node);
        if (tag === 'w:r') pieces.push(...this.run(node, format));
        else if (tag === 'w:hyperlink' || tag === 'w:smartTag' || tag === 'w:fldSimple') runs(node);
        else if (tag === 'w:bookmarkStart') bookmarks.push(String(attribute(node, 'w:name') ?? ''));
      }
    };
    runs(element);
    const measurer = format.heading ? this.measurers.heading : this.measurers.body;
    const lines = breakLines(pieces, Math.max(1, width - format.left - format.right), measurer, this.styles.eastAsiaLanguage);
    const textLine = ((format.size / 2) * 20) * SINGLE_LINE;
    return lines.map((line, index) => {
      const first = index === 0;
      const last = index === lines.length - 1;
      const lineHeight = format.exactLine ?? Math.max(textLine, line.objectHeight);
      return {
        height: lineHeight + (first ? format.borderTop : 0) + (last ? format.borderBottom : 0),
        before: first ? format.before : 0,
        after: last ? format.after : 0,
        // Widow and orphan control keep a paragraph's first two lines together, and its last two.
        glueNext: last ? format.keepNext : format.keepLines || (format.widowControl && (first || index === lines.length - 2)),
        pageBreakBefore: first && format.pageBreakBefore,
        pageBreakAfter: line.pageBreakAfter,
        bookmarks: first ? bookmarks : [],
        textTop: first ? format.borderTop : 0,
        block: 0,
        line: index,
      };
    });
  }

  private run(element: XmlNode, format: ParagraphFormat): Piece[] {
    const properties = child(element, 'w:rPr');
    const characterStyle = attribute(properties ? child(properties, 'w:rStyle') : undefined, 'w:val');
    const code = format.code || characterStyle === STYLE.inlineCode;
    const face: RunFace = {
      size: numberAttribute(properties ? child(properties, 'w:sz') : undefined, 'w:val') ?? (characterStyle === STYLE.inlineCode ? SIZES.code : format.size),
      bold: isOn(properties, 'w:b') ?? format.bold,
      italic: isOn(properties, 'w:i') ?? format.italic,
      code,
    };
    return childrenOf(element).flatMap((node): Piece[] => {
      switch (tagOf(node)) {
        case 'w:t':
          return [{ kind: 'text', text: textOf(node), face }];
        case 'w:br':
          return [{ kind: 'break', page: attribute(node, 'w:type') === 'page' }];
        case 'w:tab':
          return [{ kind: 'tab', face }];
        case 'w:drawing': {
          const extent = findElement(node, 'wp:extent');
          return [{ kind: 'object', width: (numberAttribute(extent, 'cx') ?? 0) / EMU_PER_TWIP, height: (numberAttribute(extent, 'cy') ?? 0) / EMU_PER_TWIP }];
        }
        default:
          return [];
      }
    });
  }

  /** The rows of a table as units: margins, borders and the tallest cell's text. */
  table(element: XmlNode): Unit[] {
    this.tables += 1;
    const table = this.tables;
    const properties = child(element, 'w:tblPr');
    const margins = properties ? child(properties, 'w:tblCellMar') : undefined;
    const margin = (side: string) => numberAttribute(margins ? child(margins, `w:${side}`) : undefined, 'w:w') ?? 0;
    const borders = properties ? child(properties, 'w:tblBorders') : undefined;
    const borderWidth = (side: string) => {
      const border = borders ? child(borders, `w:${side}`) : undefined;
      return attribute(border, 'w:val') === 'none' ? 0 : ((numberAttribute(border, 'w:sz') ?? 0) / 8) * 20;
    };
    const rows = childrenOf(element).filter((node) => tagOf(node) === 'w:tr');
    const units = rows.map((row, index): Unit => {
      const rowProperties = child(row, 'w:trPr');
      const cells = childrenOf(row).filter((node) => tagOf(node) === 'w:tc');
      let tallest = 0;
      // Word keeps a row with the next when the first paragraph of its first cell is kept with the next; never the last.
      const lead = cells[0] ? childrenOf(cells[0]).find((node) => tagOf(node) === 'w:p') : undefined;
      const keepNext = index < rows.length - 1 && lead !== undefined && this.styles.paragraph(child(lead, 'w:pPr')).keepNext;
      const bookmarks: string[] = [];
      for (const cell of cells) {
        const cellProperties = child(cell, 'w:tcPr');
        const cellWidth = numberAttribute(cellProperties ? child(cellProperties, 'w:tcW') : undefined, 'w:w') ?? 0;
        const topBorder = cellProperties ? child(cellProperties, 'w:tcBorders') : undefined;
        const ownTop = topBorder ? ((numberAttribute(child(topBorder, 'w:top'), 'w:sz') ?? 0) / 8) * 20 : 0;
        const stack = this.blocks(childrenOf(cell), cellWidth - margin('left') - margin('right'));
        for (const unit of stack) bookmarks.push(...unit.bookmarks);
        const height = stack.reduce((sum, unit, at) => sum + unit.height + (at === 0 ? unit.before : Math.max(stack[at - 1]!.after, unit.before)), 0) + (stack.at(-1)?.after ?? 0);
        tallest = Math.max(tallest, height + Math.max(0, ownTop - borderWidth('insideH')));
      }
      const top = index === 0 ? borderWidth('top') : borderWidth('insideH');
      const bottom = index === rows.length - 1 ? borderWidth('bottom') : 0;
      return {
        height: margin('top') + tallest + margin('bottom') + top + bottom,
        before: 0,
        after: 0,
        glueNext: keepNext,
        pageBreakBefore: false,
        pageBreakAfter: false,
        bookmarks,
        row: { table, header: isOn(rowProperties, 'w:tblHeader') === true, headerHeight: 0, closing: index === rows.length - 1 ? 0 : borderWidth('bottom') },
        textTop: 0,
        block: 0,
        line: index,
      };
    });
    // Heading rows are those at the top marked to repeat; each new page of the table starts with them again.
    let headerHeight = 0;
    for (const unit of units) {
      if (!unit.row!.header) break;
      headerHeight += unit.height;
    }
    for (const unit of units) unit.row!.headerHeight = headerHeight;
    return units;
  }
}

function findElement(node: XmlNode, tag: string): XmlNode | undefined {
  for (const element of childrenOf(node)) {
    if (tagOf(element) === tag) return element;
    const found = findElement(element, tag);
    if (found) return found;
  }
  return undefined;
}
