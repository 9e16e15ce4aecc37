// The page cursor and line drawing: where the next block goes, page breaks that keep the body inside its frame.
import type { Align } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { fillColor, showText } from './directText.js';
import type { DocumentFonts } from './fonts.js';
import type { Line } from './lineBreak.js';
import { baselineOffset, lineHeight, type TextMetrics } from './styles.js';
import { typefacesFor, type Typefaces } from './typefaces.js';

/** The body area of every page: nothing is drawn outside it except the header and footer. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const hex = (color: string) => `#${color}`;
/** Outline width of an emboldened face, in ems: about what FreeType adds (1/24 em) when it emboldens a font. */
const EMBOLDEN = 0.04;
/** Slant of an italic drawn from an upright face, in degrees: the angle of Noto Sans Italic. */
const SLANT = 12;

export class Cursor {
  y: number;
  /** The theme's faces, for every span laid out on these pages. */
  readonly typefaces: Typefaces;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: DocumentFonts,
    readonly frame: Frame,
    readonly theme: Theme,
  ) {
    this.y = frame.top;
    this.typefaces = typefacesFor(theme);
  }

  /** Index of the current page among all pages of the document, from 0. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  get atTop(): boolean {
    return this.y <= this.frame.top + 0.01;
  }

  get remaining(): number {
    return this.frame.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` still fits below the cursor (or the page is empty anyway). */
  ensure(height: number): void {
    if (this.y + height > this.frame.bottom + 0.01 && !this.atTop) this.newPage();
  }

  /** Vertical space between blocks; never at the top of a page. */
  space(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, this.frame.bottom);
  }

  /** Runs `draw` on an earlier page, then returns to the last page, where layout goes on. */
  onPage(page: number, draw: () => void): void {
    const last = this.page;
    this.doc.switchToPage(page);
    draw();
    this.doc.switchToPage(last);
  }

  fill(color: string, x: number, y: number, width: number, height: number): void {
    this.doc.save().rect(x, y, width, height).fill(hex(color)).restore();
  }

  stroke(color: string, lineWidth: number, x1: number, y1: number, x2: number, y2: number, opacity = 1): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(lineWidth).strokeOpacity(opacity).stroke(hex(color)).restore();
  }

  /** Draws one line of text with its baseline at `baseline`; x is the left edge of the area `width` wide. */
  drawLine(line: Line, x: number, baseline: number, width: number, align: Align = 'left'): void {
    let left = x;
    if (align === 'right') left = x + width - line.width;
    else if (align === 'center') left = x + (width - line.width) / 2;
    for (const piece of line.pieces) {
      const { span } = piece;
      if (span.code) this.fill(this.theme.colors.zebra, left - 1, baseline - span.size * 0.9, piece.width + 2, span.size * 1.2);
      this.fonts.use(span.face, span.size);
      if (span.cjk) span.face.cacheHan(piece.text);
      if (span.emboldened || span.slanted) {
        // Drawn outlined as well as filled, the glyphs thicken evenly on both sides without moving.
        this.doc.save().lineWidth(span.size * EMBOLDEN).strokeColor(hex(span.color));
        fillColor(this.doc, hex(span.color));
        showText(this.doc, piece.text, left, baseline, { fill: true, stroke: span.emboldened === true, oblique: span.slanted ? SLANT : false });
        this.doc.restore();
      } else {
        fillColor(this.doc, hex(span.color));
        showText(this.doc, piece.text, left, baseline);
      }
      if (span.href) {
        this.stroke(span.color, 0.5, left, baseline + span.size * 0.15, left + piece.width, baseline + span.size * 0.15);
        this.doc.link(left, baseline - span.size * 0.9, piece.width, span.size * 1.2, span.href);
      }
      if (span.strike) this.stroke(span.color, 0.6, left, baseline - span.size * 0.3, left + piece.width, baseline - span.size * 0.3);
      left += piece.width;
    }
  }
}

/** Something to draw beside the first line of a block, such as a list marker; drawn once. */
export interface Marker {
  pending?: ((baseline: number) => void) | undefined;
}

export function drawMarker(marker: Marker | undefined, baseline: number): void {
  const draw = marker?.pending;
  if (!draw) return;
  marker.pending = undefined;
  draw(baseline);
}

export interface PlaceOptions {
  x: number;
  width: number;
  metrics: TextMetrics;
  align?: Align;
  /** Lines kept together on one page; the rest may break between any two lines. */
  keep?: number;
  marker?: Marker | undefined;
  /** Called before each line is drawn, e.g. to paint a background behind it. */
  beforeLine?: (top: number, height: number) => void;
}

/** Places lines at the cursor, breaking pages between lines, and returns the page and y of the first baseline. */
export function placeLines(cursor: Cursor, lines: readonly Line[], options: PlaceOptions): { page: number; top: number } {
  const height = lineHeight(options.metrics);
  const offset = baselineOffset(options.metrics);
  cursor.ensure(height * Math.min(lines.length, Math.max(1, options.keep ?? 1)));
  const first = { page: cursor.page, top: cursor.y };
  lines.forEach((line, index) => {
    cursor.ensure(height);
    if (index === 0) Object.assign(first, { page: cursor.page, top: cursor.y });
    options.beforeLine?.(cursor.y, height);
    drawMarker(options.marker, cursor.y + offset);
    cursor.drawLine(line, options.x, cursor.y + offset, options.width, options.align);
    cursor.y += height;
  });
  return first;
}
