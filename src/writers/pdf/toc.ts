// The table of contents: measured before the body is laid out (so its page count is known), drawn after it (so its page numbers are).
import { plainText, type Block } from '../../doc/types.js';
import { breakLines, type Line } from './lineBreak.js';
import type { Cursor, Frame } from './layout.js';
import { plainSpans } from './spans.js';
import { baselineOffset, lineHeight, TYPE, type TextMetrics } from './styles.js';
import type { Theme } from '../theme.js';
import { typefacesFor } from './typefaces.js';

export interface TocEntry {
  level: number;
  number: string;
  title: string;
  id: string;
}

interface TocItem {
  entry: TocEntry;
  metrics: TextMetrics;
  numberLine: Line;
  lines: Line[];
  indent: number;
  numberWidth: number;
  top: number;
}

export interface TocLayout {
  title: Line[];
  /** Items per page of the table of contents. */
  pages: TocItem[][];
}

const PAGE_NUMBER_WIDTH = 36;
const SECTION_GAP = 7;
const TITLE_GAP = 14;

/** The entries: every numbered section and subsection of the body. */
export function tocEntries(body: readonly Block[]): TocEntry[] {
  return body.flatMap((block) =>
    block.type === 'heading' && block.level <= 2 && block.number !== ''
      ? [{ level: block.level, number: block.number, title: plainText(block.content).replace(/\s+/g, ' '), id: block.id }]
      : [],
  );
}

export function layoutToc(entries: readonly TocEntry[], title: string, frame: Frame, theme: Theme): TocLayout {
  const width = frame.right - frame.left;
  const { colors } = theme;
  const fonts = typefacesFor(theme);
  const titleLines = breakLines(plainSpans(title, { size: TYPE.heading1.size, color: colors.primary, fonts, bold: true, heading: true }), width);
  const pages: TocItem[][] = [[]];
  let y = frame.top + titleLines.length * lineHeight(TYPE.heading1) + TITLE_GAP;
  entries.forEach((entry, index) => {
    const section = entry.level === 1;
    const metrics = section ? TYPE.tocSection : TYPE.tocSubsection;
    const style = { size: metrics.size, color: section ? colors.primary : colors.text, fonts, bold: section };
    const indent = section ? 0 : 26;
    const numberWidth = section ? 26 : 34;
    const lines = breakLines(plainSpans(entry.title, style), width - indent - numberWidth - PAGE_NUMBER_WIDTH);
    const height = lines.length * lineHeight(metrics);
    if (section && index > 0) y += SECTION_GAP;
    if (y + height > frame.bottom) {
      pages.push([]);
      y = frame.top;
    }
    pages.at(-1)!.push({ entry, metrics, numberLine: breakLines(plainSpans(entry.number, style), Infinity)[0]!, lines, indent, numberWidth, top: y });
    y += height;
  });
  return { title: titleLines, pages };
}

/** Draws the table of contents on its reserved pages, with dot leaders, page numbers and links to the headings. */
export function drawToc(layout: TocLayout, cursor: Cursor, firstPage: number, pageLabel: (id: string) => string | undefined): void {
  const { frame, doc } = cursor;
  const width = frame.right - frame.left;
  const { colors } = cursor.theme;
  layout.pages.forEach((items, pageIndex) => {
    cursor.onPage(firstPage + pageIndex, () => {
      if (pageIndex === 0) {
        layout.title.forEach((line, index) => {
          cursor.drawLine(line, frame.left, frame.top + index * lineHeight(TYPE.heading1) + baselineOffset(TYPE.heading1), width);
        });
        const ruleY = frame.top + layout.title.length * lineHeight(TYPE.heading1) + 3;
        cursor.stroke(colors.primary, 1.2, frame.left, ruleY, frame.right, ruleY);
      }
      for (const item of items) {
        const height = lineHeight(item.metrics);
        const x = frame.left + item.indent;
        cursor.drawLine(item.numberLine, x, item.top + baselineOffset(item.metrics), item.numberWidth);
        item.lines.forEach((line, index) => {
          cursor.drawLine(line, x + item.numberWidth, item.top + index * height + baselineOffset(item.metrics), line.width);
        });
        const label = pageLabel(item.entry.id) ?? '';
        const lastLine = item.lines.at(-1)!;
        const baseline = item.top + (item.lines.length - 1) * height + baselineOffset(item.metrics);
        const numberLine = breakLines(plainSpans(label, { size: item.metrics.size, color: colors.text, fonts: cursor.typefaces, bold: item.entry.level === 1 }), Infinity)[0]!;
        const leaderStart = x + item.numberWidth + lastLine.width + 6;
        const leaderEnd = frame.right - numberLine.width - 6;
        if (leaderEnd > leaderStart) {
          doc.save().moveTo(leaderStart, baseline).lineTo(leaderEnd, baseline).lineWidth(0.9).lineCap('round').dash(0.01, { space: 3.2 }).strokeOpacity(0.6).stroke(`#${colors.muted}`).undash().restore();
        }
        cursor.drawLine(numberLine, frame.right - numberLine.width, baseline, numberLine.width);
        doc.goTo(frame.left, item.top, width, item.lines.length * height, item.entry.id);
      }
    });
  });
}
