// Lays out the document model's blocks at the page cursor: one handler per block type, so a new type cannot be forgotten.
import { plainText, type Block, type Inline } from '../../doc/types.js';
import { drawBarChart } from './chart.js';
import { breakAnywhere, breakLines } from './lineBreak.js';
import { drawMarker, placeLines, type Cursor, type Marker } from './layout.js';
import { plainSpans, toSpans, type SpanStyle } from './spans.js';
import { baselineOffset, lineHeight, SPACE, TYPE } from './styles.js';
import { drawTable, tableKeepHeight } from './table.js';

/** A section or subsection as placed on the page, for the table of contents and the bookmarks. */
export interface PlacedHeading {
  level: number;
  number: string;
  title: string;
  id: string;
  page: number;
  y: number;
}

export interface BlockContext {
  cursor: Cursor;
  left: number;
  width: number;
  /** Body blocks number their sections, start each on a new page and appear in the contents. */
  body: boolean;
  /** Inside a list item: less space after paragraphs. */
  tight: boolean;
  /** How many lists enclose the block: picks the bullet. */
  listDepth: number;
  color: string;
  marker?: Marker | undefined;
  onHeading?: ((heading: PlacedHeading) => void) | undefined;
  /** The block after the one being drawn: a heading keeps the start of it on its page. */
  following?: Block | undefined;
}

type BlockHandler<T extends Block['type']> = (block: Extract<Block, { type: T }>, context: BlockContext) => void;

const handlers: { [T in Block['type']]: BlockHandler<T> } = {
  heading: (block, context) => heading(block, context),
  paragraph: (block, context) => {
    paragraph(block.content, context);
    context.cursor.space(context.tight ? SPACE.tightParagraph : SPACE.paragraph);
  },
  list: (block, context) => list(block, context),
  table: (block, context) => {
    drawTable(block, { cursor: context.cursor, left: context.left, width: context.width, marker: context.marker });
    context.cursor.space(SPACE.blockGap);
  },
  chart: (block, context) => {
    context.cursor.ensure(SPACE.chartHeight);
    drawMarker(context.marker, context.cursor.y + baselineOffset(TYPE.body));
    drawBarChart(block, { cursor: context.cursor, left: context.left, width: context.width });
    context.cursor.space(SPACE.blockGap);
  },
  quote: (block, context) => quote(block.blocks, context),
  code: (block, context) => code(block.text, context),
  rule: (_block, context) => {
    const { cursor } = context;
    cursor.ensure(SPACE.blockGap * 2);
    drawMarker(context.marker, cursor.y + baselineOffset(TYPE.body));
    cursor.space(SPACE.blockGap / 2);
    cursor.stroke(cursor.theme.colors.muted, 0.6, context.left, cursor.y, context.left + context.width, cursor.y, 0.6);
    cursor.space(SPACE.blockGap);
  },
  pageBreak: (_block, context) => {
    if (!context.cursor.atTop) context.cursor.newPage();
  },
};

export function drawBlocks(blocks: readonly Block[], context: BlockContext): void {
  blocks.forEach((block, index) => {
    (handlers[block.type] as BlockHandler<Block['type']>)(block as never, { ...context, following: blocks[index + 1] });
  });
}

/** How much of the block after a heading must fit below it, so that the heading does not end a page alone. */
function keepAfterHeading(context: BlockContext): number {
  const next = context.following;
  if (next?.type === 'table') return tableKeepHeight(next, context.width, context.cursor);
  if (next?.type === 'chart') return SPACE.chartHeight;
  return lineHeight(TYPE.body) * SPACE.keepWithHeading;
}

function paragraph(content: readonly Inline[], context: BlockContext): void {
  const style: SpanStyle = { size: TYPE.body.size, color: context.color, fonts: context.cursor.typefaces };
  const lines = breakLines(toSpans(content, style, { linkColor: context.cursor.theme.colors.primary }), context.width);
  placeLines(context.cursor, lines, {
    x: context.left,
    width: context.width,
    metrics: TYPE.body,
    keep: lines.length <= SPACE.keepParagraph ? lines.length : 2,
    marker: context.marker,
  });
}

function heading(block: Extract<Block, { type: 'heading' }>, context: BlockContext): void {
  const { cursor } = context;
  const { colors } = cursor.theme;
  const level = Math.max(1, block.level);
  const metrics = level === 1 ? TYPE.heading1 : level === 2 ? TYPE.heading2 : TYPE.heading3;
  const numbered = context.body && block.number !== '';
  if (context.body && level === 1 && !cursor.atTop) cursor.newPage();
  cursor.space(level === 2 ? SPACE.heading2Before : SPACE.heading3Before);
  const color = level <= 2 ? colors.primary : colors.text;
  const numberLine = numbered ? breakLines(plainSpans(block.number, { size: metrics.size, color: colors.primary, fonts: cursor.typefaces, bold: true, heading: true }), Infinity)[0] : undefined;
  const indent = numberLine ? numberLine.width + metrics.size * 0.6 : 0;
  const lines = breakLines(toSpans(block.content, { size: metrics.size, color, fonts: cursor.typefaces, bold: true, heading: true }, { linkColor: colors.primary }), context.width - indent);
  // A heading keeps a few lines of what follows on its page.
  cursor.ensure(lineHeight(metrics) * lines.length + SPACE.headingAfter + keepAfterHeading(context));
  const outer = context.marker;
  const marker: Marker = {
    pending: (baseline) => {
      drawMarker(outer, baseline);
      if (numberLine) cursor.drawLine(numberLine, context.left, baseline, indent);
    },
  };
  const first = placeLines(cursor, lines, { x: context.left + indent, width: context.width - indent, metrics, keep: lines.length, marker });
  if (level === 1 && context.body) {
    cursor.y += 3;
    cursor.stroke(colors.primary, 1.2, context.left, cursor.y, context.left + context.width, cursor.y);
    cursor.y += 8;
  } else {
    cursor.y += SPACE.headingAfter;
  }
  if (numbered && level <= 2) {
    context.onHeading?.({ level, number: block.number, title: plainText(block.content), id: block.id, page: first.page, y: first.top });
  }
}

const BULLETS = ['•', '–', '·'];

function list(block: Extract<Block, { type: 'list' }>, context: BlockContext): void {
  const { cursor } = context;
  const markerStyle: SpanStyle = { size: TYPE.body.size, color: cursor.theme.colors.primary, fonts: cursor.typefaces, bold: block.ordered };
  const labels = block.items.map((_, index) => (block.ordered ? `${block.start + index}.` : BULLETS[context.listDepth % BULLETS.length]!));
  const markerLines = labels.map((label) => breakLines(plainSpans(label, markerStyle), Infinity)[0]!);
  const indent = Math.max(SPACE.listIndent, ...markerLines.map((line) => line.width + 6));
  block.items.forEach((item, index) => {
    const markerLine = markerLines[index]!;
    // An item that opens with a nested list draws its own marker on that list's first line.
    const outer = index === 0 ? context.marker : undefined;
    const marker: Marker = {
      pending: (baseline) => {
        drawMarker(outer, baseline);
        const x = block.ordered ? context.left + indent - 6 - markerLine.width : context.left + 3;
        cursor.drawLine(markerLine, x, baseline, markerLine.width);
      },
    };
    if (item.length === 0) {
      placeLines(cursor, [{ pieces: [], width: 0 }], { x: context.left, width: context.width, metrics: TYPE.body, marker });
      return;
    }
    cursor.ensure(lineHeight(TYPE.body));
    const start = { page: cursor.page, y: cursor.y };
    drawBlocks(item, { ...context, left: context.left + indent, width: context.width - indent, tight: true, listDepth: context.listDepth + 1, marker });
    if (marker.pending) cursor.onPage(start.page, () => drawMarker(marker, start.y + baselineOffset(TYPE.body)));
  });
  cursor.space(context.tight ? SPACE.tightParagraph : SPACE.listGap);
}

/** Draws a bar beside blocks, one segment per page they run over. */
function withBar(context: BlockContext, color: string, draw: () => void): void {
  const { cursor } = context;
  cursor.ensure(lineHeight(TYPE.body));
  const start = { page: cursor.page, y: cursor.y };
  draw();
  const end = { page: cursor.page, y: cursor.y - SPACE.paragraph };
  for (let page = start.page; page <= end.page; page += 1) {
    const top = page === start.page ? start.y : cursor.frame.top;
    const bottom = page === end.page ? end.y : cursor.frame.bottom;
    if (bottom > top) cursor.onPage(page, () => cursor.fill(color, context.left, top, SPACE.quoteBar, bottom - top));
  }
}

function quote(blocks: readonly Block[], context: BlockContext): void {
  withBar(context, context.cursor.theme.colors.primary, () => {
    drawBlocks(blocks, { ...context, left: context.left + SPACE.quoteIndent, width: context.width - SPACE.quoteIndent, color: context.cursor.theme.colors.muted });
  });
  context.cursor.space(SPACE.paragraph);
}

function code(source: string, context: BlockContext): void {
  const { cursor } = context;
  const padding = 6;
  const spans = toSpans([{ type: 'text', text: source, marks: { code: true } }], { size: TYPE.code.size, color: cursor.theme.colors.text, fonts: cursor.typefaces }, { linkColor: cursor.theme.colors.primary });
  // Code keeps its spacing: a line wider than the block is cut between characters, never reflowed at spaces.
  const lines = breakAnywhere(spans, context.width - 2 * padding);
  cursor.space(2);
  placeLines(cursor, lines, {
    x: context.left + padding,
    width: context.width - 2 * padding,
    metrics: TYPE.code,
    keep: Math.min(lines.length, 4),
    marker: context.marker,
    beforeLine: (top, height) => cursor.fill(cursor.theme.colors.zebra, context.left, top, context.width, height),
  });
  cursor.space(SPACE.paragraph + 2);
}
