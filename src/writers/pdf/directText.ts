// Every piece of text in a plan's PDF is drawn with pdfkit's `text()` at a given point, on one line, from the
// alphabetic baseline, and after a `fillColor()`. For that one case pdfkit still runs its general path: copying and
// defaulting the options, measuring the text a second time to move its own cursor, keeping a transformation matrix
// it restores at once, and parsing the colour again for every piece. These functions write the same operators
// straight into the page: the same bytes, with about a twelfth less work per PDF. A test holds whole plans to pdfkit's
// own path, so a pdfkit upgrade that changes what it writes fails it rather than changing the files.

import type { GlyphPosition } from './shaping.js';

/** How a piece of text is drawn: filled (the default), outlined as well, and slanted by an angle in degrees. */
export interface TextStyle {
  fill?: boolean;
  stroke?: boolean;
  oblique?: number | false;
}

/** The parts of pdfkit's document that its text and colour methods use. */
interface DocumentInternals {
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown>; write(chunk: string): void };
  _font: { id: string; ref(): unknown; encode(text: string, features?: unknown): [string[], GlyphPosition[]] };
  _fontSize: number;
  _fillColor?: unknown;
  _normalizeColor(color: string): number[] | null;
}

let direct = true;

/** Draws through pdfkit's own `text()` and `fillColor()` again: for tests that compare the two. */
export function usePdfkitText(): void {
  direct = false;
}

/** Draws directly again. */
export function useDirectText(): void {
  direct = true;
}

/** pdfkit's number format for operators: rounded to six decimals, and finite. */
function number(value: number): number {
  if (value > -1e21 && value < 1e21) return Math.round(value * 1e6) / 1e6;
  throw new Error(`unsupported number: ${value}`);
}

/** The `scn` operator of each colour drawn, as pdfkit writes it from the `#rrggbb` form. */
const fillOperators = new Map<string, string>();

/** As pdfkit's `fillColor(color)` for a `#rrggbb` (or `#rgb`) colour at full opacity. */
export function fillColor(doc: PDFKit.PDFDocument, color: string): void {
  if (!direct || !color.startsWith('#')) {
    doc.fillColor(color);
    return;
  }
  const internals = doc as unknown as DocumentInternals;
  let operator = fillOperators.get(color);
  if (operator === undefined) {
    operator = `${internals._normalizeColor(color)!.join(' ')} scn`;
    fillOperators.set(color, operator);
  }
  internals.page.write('/DeviceRGB cs');
  internals.page.write(operator);
  internals._fillColor = [color, undefined];
}

/**
 * As pdfkit's `text(text, x, y, { lineBreak: false, baseline: 'alphabetic', ...style })` in the current font and
 * size. pdfkit would also move its own cursor past the text; nothing here reads that cursor, so it is only set to the
 * point given, as pdfkit sets it first.
 */
export function showText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle = {}): void {
  if (!direct) {
    doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', ...style });
    return;
  }
  const internals = doc as unknown as DocumentInternals;
  internals.x = x;
  internals.y = y;
  const shown = text.includes('\n') ? text.replace(/\n/g, '') : text;
  if (shown.length === 0) return;
  const { page, _font: font, _fontSize: size } = internals;
  const write = (operator: string) => page.write(operator);
  // Saved and restored around the text, as pdfkit does; the matrices in between never outlive it.
  write('q');
  if (style.oblique) {
    const skew = -Math.tan((style.oblique * Math.PI) / 180);
    transform(write, 1, 0, 0, 1, x, y);
    // The baseline is the alphabetic one, so the slant turns about it, with no shift.
    transform(write, 1, 0, skew, 1, 0, 0);
    transform(write, 1, 0, 0, 1, -x, -y);
  }
  transform(write, 1, 0, 0, -1, 0, page.height);
  const top = page.height - y;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  write('BT');
  write(`1 0 0 1 ${number(x)} ${number(top)} Tm`);
  write(`/${font.id} ${number(size)} Tf`);
  const mode = style.fill && style.stroke ? 2 : style.stroke ? 1 : 0;
  if (mode) write(`${mode} Tr`);
  const [encoded, positions] = font.encode(shown);
  writeGlyphs(write, encoded, positions, x, top, size / 1000);
  write('ET');
  write('Q');
}

/** pdfkit's `transform()`: nothing for the identity, else the `cm` operator. */
function transform(write: (operator: string) => void, ...matrix: [number, number, number, number, number, number]): void {
  const [a, b, c, d, e, f] = matrix;
  if (a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0) return;
  write(`${matrix.map(number).join(' ')} cm`);
}

/**
 * The glyphs as pdfkit writes them: runs of hex glyph ids in `TJ` arrays, each run closed where a glyph's advance is
 * not its width (kerning), and glyphs with an offset (marks) placed on their own with `Tm`.
 */
function writeGlyphs(write: (operator: string) => void, encoded: readonly string[], positions: readonly GlyphPosition[], x: number, y: number, scale: number): void {
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (current: number) => {
    if (last < current) {
      const position = positions[current - 1]!;
      commands.push(`<${encoded.slice(last, current).join('')}> ${number(-(position.xAdvance - position.advanceWidth!))}`);
    }
    last = current;
  };
  const flush = (index: number) => {
    addSegment(index);
    if (commands.length > 0) {
      write(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let penX = x;
  let index = 0;
  for (; index < positions.length; index += 1) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) {
      flush(index);
      write(`1 0 0 1 ${number(penX + position.xOffset * scale)} ${number(y + position.yOffset * scale)} Tm`);
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        write(`1 0 0 1 ${number(penX)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth! !== 0) addSegment(index + 1);
    }
    penX += position.xAdvance * scale;
  }
  flush(index);
}
