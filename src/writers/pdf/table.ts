// Tables: column widths from content, wrapped cells, zebra rows, a header repeated on every page and rows kept whole.
import type { Block, Inline } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { breakLines, longestUnbreakable, naturalWidth, type Line } from './lineBreak.js';
import { drawMarker, type Cursor, type Marker } from './layout.js';
import { toSpans, type SpanItem } from './spans.js';
import { baselineOffset, lineHeight, SPACE, TYPE } from './styles.js';
import { typefacesFor } from './typefaces.js';

export interface TableArea {
  cursor: Cursor;
  left: number;
  width: number;
  marker?: Marker | undefined;
}

type RowKind = 'header' | 'body' | 'totals';

interface LaidRow {
  kind: RowKind;
  cells: Line[][];
  /** Number of lines of the tallest cell. */
  lines: number;
}

/** No column takes more than this share of the table just to keep a long word whole; such words break instead. */
const MAX_MINIMUM_SHARE = 0.3;
const PADDING = 2 * SPACE.cellPaddingX;

/**
 * Column widths as a browser's automatic table layout would choose them: every column gets the room its longest
 * word needs, and what is left goes to the columns in proportion to how much more their text would like.
 */
export function columnWidths(cells: readonly (readonly SpanItem[][])[], total: number): number[] {
  const count = cells[0]?.length ?? 0;
  const natural = new Array<number>(count).fill(0);
  const minimum = new Array<number>(count).fill(PADDING + TYPE.table.size * 2);
  for (const row of cells) {
    row.forEach((cell, column) => {
      natural[column] = Math.max(natural[column]!, naturalWidth(cell) + PADDING);
      minimum[column] = Math.max(minimum[column]!, Math.min(longestUnbreakable(cell) + PADDING, total * MAX_MINIMUM_SHARE));
    });
  }
  natural.forEach((width, column) => (natural[column] = Math.max(width, minimum[column]!)));
  const sumNatural = natural.reduce((sum, width) => sum + width, 0);
  if (sumNatural <= total) return natural.map((width) => width + ((total - sumNatural) * width) / sumNatural);
  const sumMinimum = minimum.reduce((sum, width) => sum + width, 0);
  if (sumMinimum >= total) return minimum.map((width) => (width * total) / sumMinimum);
  const flexible = natural.map((width, column) => width - minimum[column]!);
  const sumFlexible = flexible.reduce((sum, width) => sum + width, 0);
  return minimum.map((width, column) => width + ((total - sumMinimum) * flexible[column]!) / sumFlexible);
}

type TableBlock = Extract<Block, { type: 'table' }>;

interface TableLayout {
  widths: number[];
  header: LaidRow;
  rows: LaidRow[];
}

/** Tables up to this share of the page height move to the next page whole rather than split. */
const SMALL_TABLE_SHARE = 0.4;
const rowHeight = (lines: number) => lines * lineHeight(TYPE.table) + 2 * SPACE.cellPaddingY;
/** A heading measures the table after it to keep them together; the layout is kept for drawing it. */
const layouts = new WeakMap<TableBlock, { width: number; theme: Theme; layout: TableLayout }>();

function layoutTable(block: TableBlock, width: number, theme: Theme): TableLayout {
  const cached = layouts.get(block);
  if (cached && cached.width === width && cached.theme === theme) return cached.layout;
  const { colors } = theme;
  const links = { linkColor: colors.primary };
  const fonts = typefacesFor(theme);
  const spans = (row: readonly Inline[][], bold: boolean, color: string) =>
    block.columns.map((_, column) => toSpans(row[column] ?? [], { size: TYPE.table.size, color, fonts, bold }, links));
  const header = spans(block.columns.map((column) => column.header), true, colors.onPrimary);
  const body = block.rows.map((row) => spans(row, false, colors.text));
  const totals = block.totals ? spans(block.totals, true, colors.text) : undefined;
  const widths = columnWidths([header, ...body, ...(totals ? [totals] : [])], width);
  const lay = (kind: RowKind, items: SpanItem[][]): LaidRow => {
    const cells = items.map((cell, column) => breakLines(cell, widths[column]! - PADDING));
    return { kind, cells, lines: Math.max(1, ...cells.map((lines) => lines.length)) };
  };
  const layout = { widths, header: lay('header', header), rows: [...body.map((items) => lay('body', items)), ...(totals ? [lay('totals', totals)] : [])] };
  layouts.set(block, { width, theme, layout });
  return layout;
}

/**
 * The height a table keeps together where it starts: all of a small table, else its header and first row.
 * A heading above the table keeps this much with it too.
 */
export function tableKeepHeight(block: TableBlock, width: number, cursor: Cursor): number {
  const { header, rows } = layoutTable(block, width, cursor.theme);
  const pageHeight = cursor.frame.bottom - cursor.frame.top;
  const total = rows.reduce((sum, row) => sum + rowHeight(row.lines), rowHeight(header.lines));
  if (total <= pageHeight * SMALL_TABLE_SHARE) return total;
  const first = rows[0] ? rowHeight(rows[0].lines) : 0;
  return Math.min(rowHeight(header.lines) + first, pageHeight);
}

export function drawTable(block: TableBlock, area: TableArea): void {
  const { cursor } = area;
  const { colors } = cursor.theme;
  const metrics = TYPE.table;
  const rowLine = lineHeight(metrics);
  const padY = SPACE.cellPaddingY;
  const { widths, header: headerRow, rows } = layoutTable(block, area.width, cursor.theme);
  const headerHeight = rowHeight(headerRow.lines);
  const pageRoom = cursor.frame.bottom - cursor.frame.top - headerHeight;

  const drawPart = (row: LaidRow, from: number, count: number, zebra: boolean) => {
    const top = cursor.y;
    const height = rowHeight(count);
    if (row.kind === 'header') cursor.fill(colors.primary, area.left, top, area.width, height);
    else if (zebra) cursor.fill(colors.zebra, area.left, top, area.width, height);
    let x = area.left;
    row.cells.forEach((lines, column) => {
      const width = widths[column]!;
      lines.slice(from, from + count).forEach((line, index) => {
        const baseline = top + padY + index * rowLine + baselineOffset(metrics);
        cursor.drawLine(line, x + SPACE.cellPaddingX, baseline, width - PADDING, block.columns[column]!.align);
      });
      x += width;
    });
    if (row.kind === 'totals') cursor.stroke(colors.accent, 1, area.left, top, area.left + area.width, top);
    else if (row.kind === 'body') cursor.stroke(colors.muted, 0.4, area.left, top + height, area.left + area.width, top + height, 0.35);
    cursor.y = top + height;
  };
  const drawHeader = () => drawPart(headerRow, 0, headerRow.lines, false);
  const linesThatFit = () => Math.floor((cursor.frame.bottom - cursor.y - 2 * padY + 0.01) / rowLine);

  // A small table is never split, and the header of a long one never stands alone at the foot of a page.
  cursor.ensure(tableKeepHeight(block, area.width, cursor));
  drawMarker(area.marker, cursor.y + padY + baselineOffset(metrics));
  drawHeader();
  rows.forEach((row, index) => {
    const zebra = row.kind === 'body' && index % 2 === 1;
    let from = 0;
    while (from < row.lines) {
      const rest = row.lines - from;
      const fit = linesThatFit();
      if (rest <= fit) {
        drawPart(row, from, rest, zebra);
        break;
      }
      // A row moves to the next page whole; only a row taller than a page is split, between lines.
      const moveWhole = from === 0 && rowHeight(rest) <= pageRoom;
      if (moveWhole || fit < 1) {
        cursor.newPage();
        drawHeader();
        if (linesThatFit() < 1) {
          drawPart(row, from, 1, zebra);
          from += 1;
        }
        continue;
      }
      drawPart(row, from, fit, zebra);
      from += fit;
      cursor.newPage();
      drawHeader();
    }
  });
}
