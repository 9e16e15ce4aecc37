// Word tables from the model: widths measured from the content, a repeated coloured header, zebra rows and a bold total.
import { plainText, type Block, type Inline, type TableColumn, type TableRow as ModelRow } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { inlineRuns, type RunFormat } from './inline.js';
import { element, onOff, PreparedBlock, valued } from './nodes.js';
import { createMeasurer, type Measurer } from './pagination/metrics.js';
import { SIZES, STYLE } from './styles.js';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Cell padding left and right, in twips. */
const CELL_MARGIN = 100;
/** No column narrower than this (twips), so a short figure still has room for its header. */
const MIN_COLUMN = 720;
/** A single long word (a URL) may claim at most this share of the width; Word breaks it inside the cell. */
const LONGEST_WORD_SHARE = 0.3;
/**
 * Room beyond the measured text: Word, LibreOffice and the docx library's Word layout do not wrap at exactly the same
 * width, and a column that fits its text to the twip wraps in one of them and not in another.
 */
const MEASURE_SLACK = 1.05;
/** Small tables move to the next page whole rather than leave a row or two behind. */
const KEEP_TOGETHER_ROWS = 10;

/** One unbreakable piece of text: a run of non-space Latin, or a single CJK character (lines may break after any). */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+/gu;

/** Whether a cell has bold text, which runs wider. */
const hasBold = (cell: readonly Inline[]) => cell.some((run) => run.type === 'text' && run.marks.bold === true);

/**
 * Column widths in twips that add up to `available`. Each column wants its longest line and needs its longest word,
 * measured in the table's font (the brand's body font, else Calibri's widths; bold in the header and totals); the space
 * between is shared as browsers lay out automatic tables, so short columns stay whole and long text wraps.
 */
export function columnWidths(
  columns: readonly TableColumn[],
  rows: readonly ModelRow[],
  totals: ModelRow | undefined,
  available: number,
  measurer: Measurer = createMeasurer({}),
): number[] {
  const width = (text: string, bold: boolean) => {
    const face = { size: SIZES.table, bold, italic: false, code: false };
    let twips = 0;
    for (const character of text) twips += measurer.width(character, face);
    return twips;
  };
  const measured = columns.map((column, index) => {
    let natural = 0;
    let longestWord = 0;
    const cells = [
      { cell: column.header, bold: true },
      ...rows.map((row) => ({ cell: row[index] ?? [], bold: false })),
      ...(totals ? [{ cell: totals[index] ?? [], bold: true }] : []),
    ];
    for (const { cell, bold } of cells) {
      const text = plainText(cell);
      const face = bold || hasBold(cell);
      for (const line of text.split('\n')) natural = Math.max(natural, width(line, face));
      for (const token of text.match(TOKEN) ?? []) longestWord = Math.max(longestWord, width(token, face));
    }
    const toTwips = (twips: number) => Math.max(MIN_COLUMN, Math.ceil(twips * MEASURE_SLACK) + 2 * CELL_MARGIN + 20);
    const minimum = Math.min(toTwips(longestWord), Math.floor(available * LONGEST_WORD_SHARE));
    return { minimum, natural: Math.max(minimum, toTwips(natural)) };
  });
  const total = (columns: readonly { minimum: number; natural: number }[], key: 'minimum' | 'natural') => columns.reduce((sum, column) => sum + column[key], 0);
  let widths: number[];
  if (total(measured, 'natural') <= available) widths = measured.map((column) => (column.natural * available) / total(measured, 'natural'));
  else if (total(measured, 'minimum') >= available) widths = measured.map((column) => (column.minimum * available) / total(measured, 'minimum'));
  else {
    // Columns that fit in an even share keep their whole text on one line; the long ones share what is left.
    const fixed = new Map<number, number>();
    let remaining = available;
    for (;;) {
      const open = measured.map((column, index) => ({ ...column, index })).filter((column) => !fixed.has(column.index));
      const fits = open.filter((column) => column.natural <= remaining / open.length);
      if (fits.length === 0 || fits.length === open.length) break;
      for (const column of fits) fixed.set(column.index, column.natural);
      remaining -= total(fits, 'natural');
    }
    // If the fixed columns left the long ones less than their longest words, every column wraps instead.
    if (remaining < total(measured.filter((_, index) => !fixed.has(index)), 'minimum')) {
      fixed.clear();
      remaining = available;
    }
    const open = measured.filter((_, index) => !fixed.has(index));
    const share = (remaining - total(open, 'minimum')) / (total(open, 'natural') - total(open, 'minimum'));
    widths = measured.map((column, index) => fixed.get(index) ?? column.minimum + (column.natural - column.minimum) * share);
  }
  const rounded = widths.map((width) => Math.floor(width));
  rounded[rounded.length - 1]! += available - rounded.reduce((sum, width) => sum + width, 0);
  return rounded;
}

export function table(block: TableBlock, theme: Theme, available: number): PreparedBlock {
  const { colors } = theme;
  const widths = columnWidths(block.columns, block.rows, block.totals, available, createMeasurer({ latin: theme.fonts?.body, cjk: theme.fonts?.cjk }));
  const keepTogether = block.rows.length <= KEEP_TOGETHER_ROWS;
  const rule = { 'w:val': 'single', 'w:color': 'BFBFBF', 'w:sz': 4 };
  const none = { 'w:val': 'none', 'w:color': 'FFFFFF', 'w:sz': 0 };
  const dxa = (width: number) => ({ 'w:type': 'dxa', 'w:w': width });
  return new PreparedBlock((context) => {
    /** A row's cells; `keepNext` (on or off) goes into each cell's paragraph, after its style. */
    const row = (cells: readonly Inline[][], options: { header?: boolean; keepNext?: boolean; fill?: string; format?: RunFormat; top?: boolean }) =>
      element('w:tr', [
        element('w:trPr', [onOff('w:cantSplit'), ...(options.header ? [onOff('w:tblHeader')] : [])]),
        ...block.columns.map((column, index) =>
          element('w:tc', [
            element('w:tcPr', [
              element('w:tcW', [], dxa(widths[index]!)),
              ...(options.fill ? [element('w:shd', [], { 'w:fill': options.fill, 'w:color': 'auto', 'w:val': 'clear' })] : []),
              ...(options.top ? [element('w:tcBorders', [element('w:top', [], { 'w:val': 'single', 'w:color': colors.accent, 'w:sz': 12 })])] : []),
              valued('w:vAlign', 'center'),
            ]),
            element('w:p', [
              element('w:pPr', [
                valued('w:pStyle', STYLE.tableText),
                ...(options.keepNext === undefined ? [] : [onOff('w:keepNext', options.keepNext)]),
                // Left is the style's own alignment: only other alignments are written, cell by cell.
                ...(column.align === 'left' ? [] : [valued('w:jc', column.align)]),
              ]),
              ...inlineRuns(cells[index] ?? [], context, options.format),
            ]),
          ]),
        ),
      ]);
    return element('w:tbl', [
      element('w:tblPr', [
        element('w:tblW', [], dxa(available)),
        element('w:tblBorders', [
          element('w:top', [], rule),
          element('w:left', [], none),
          element('w:bottom', [], rule),
          element('w:right', [], none),
          element('w:insideH', [], rule),
          element('w:insideV', [], none),
        ]),
        element('w:tblLayout', [], { 'w:type': 'fixed' }),
        element('w:tblCellMar', [
          element('w:top', [], dxa(50)),
          element('w:left', [], dxa(CELL_MARGIN)),
          element('w:bottom', [], dxa(50)),
          element('w:right', [], dxa(CELL_MARGIN)),
        ]),
      ]),
      element('w:tblGrid', widths.map((width) => element('w:gridCol', [], { 'w:w': width }))),
      row(block.columns.map((column) => column.header), { header: true, keepNext: true, fill: colors.primary, format: { bold: true, color: colors.onPrimary } }),
      ...block.rows.map((cells, rowIndex) =>
        row(cells, { keepNext: keepTogether && (rowIndex < block.rows.length - 1 || block.totals !== undefined), fill: rowIndex % 2 === 1 ? colors.zebra : undefined }),
      ),
      ...(block.totals ? [row(block.totals, { format: { bold: true }, top: true })] : []),
    ]);
  });
}
