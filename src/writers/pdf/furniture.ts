// Page furniture drawn after layout: the running header with the plan title and logo, the footer with page X of Y and the brand's footer text.
import { breakLines, type Line } from './lineBreak.js';
import type { Cursor } from './layout.js';
import { fitLogo, HEADER_LOGO_BOX, type Logo } from './logo.js';
import { plainSpans, type SpanStyle } from './spans.js';
import { TYPE } from './styles.js';

/** Header baseline and rule sit this far above the body frame; the footer mirrors them below it. */
const RULE_GAP = 8;
const TEXT_GAP = 14;
/** The frame keeps at least this much room above and below it for the header and footer, whatever the margins. */
export const FURNITURE_ROOM = 40;

export interface FurnitureOptions {
  title: string;
  footerText?: string | undefined;
  logo?: Logo | undefined;
  /** Pages that carry a header and footer, from the first after the cover. */
  firstPage: number;
  lastPage: number;
  /** The footer's page label of a page, or undefined for pages without a number (the table of contents). */
  pageLabel: (page: number) => string | undefined;
}

/** The first line of the text, cut with an ellipsis when it does not fit the width. */
function fitted(text: string, style: SpanStyle, width: number): Line {
  const lines = breakLines(plainSpans(text.replace(/\s+/g, ' '), style), width);
  if (lines.length <= 1) return lines[0]!;
  const ellipsis = breakLines(plainSpans('…', style), Infinity)[0]!;
  const first = breakLines(plainSpans(text, style), width - ellipsis.width - 2)[0]!;
  return { pieces: [...first.pieces, ...ellipsis.pieces], width: first.width + ellipsis.width };
}

export function drawFurniture(cursor: Cursor, options: FurnitureOptions): void {
  const { frame } = cursor;
  const { colors } = cursor.theme;
  const width = frame.right - frame.left;
  const style: SpanStyle = { size: TYPE.furniture.size, color: colors.muted, fonts: cursor.typefaces };
  const { logo } = options;
  const logoSize = logo ? fitLogo(logo, HEADER_LOGO_BOX) : undefined;
  const header = fitted(options.title, style, width - (logoSize ? logoSize.width + 12 : 0));
  for (let page = options.firstPage; page <= options.lastPage; page += 1) {
    cursor.onPage(page, () => {
      cursor.drawLine(header, frame.left, frame.top - TEXT_GAP, width);
      if (logo && logoSize) {
        cursor.doc.image(logo.image as unknown as Buffer, frame.right - logoSize.width, frame.top - RULE_GAP - 3 - logoSize.height, logoSize);
      }
      cursor.stroke(colors.muted, 0.5, frame.left, frame.top - RULE_GAP, frame.right, frame.top - RULE_GAP, 0.5);
      cursor.stroke(colors.muted, 0.5, frame.left, frame.bottom + RULE_GAP, frame.right, frame.bottom + RULE_GAP, 0.5);
      const label = options.pageLabel(page);
      const number = label ? breakLines(plainSpans(label, style), Infinity)[0]! : undefined;
      const numberWidth = number ? number.width + 12 : 0;
      if (options.footerText) {
        const footer = fitted(options.footerText, style, width - numberWidth);
        cursor.drawLine(footer, frame.left, frame.bottom + TEXT_GAP + TYPE.furniture.size * 0.9, footer.width);
      }
      if (number) cursor.drawLine(number, frame.right - number.width, frame.bottom + TEXT_GAP + TYPE.furniture.size * 0.9, number.width);
    });
  }
}
