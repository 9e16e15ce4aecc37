// Shapes Latin text a whole span at a time and cuts the result into the pieces pdfkit asks for when it draws, so no word is shaped twice.

export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
}

/** A shaped run as fontkit returns it, in font units. */
export interface FontkitRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
}

/** A shaped run as pdfkit caches it: positions in thousandths of an em. */
export interface ShapedRun extends FontkitRun {
  advanceWidth: number;
}

export interface ShapedPiece {
  text: string;
  run: ShapedRun;
}

const codeUnits = (glyph: Glyph) => glyph.codePoints.reduce((sum, codePoint) => sum + (codePoint > 0xffff ? 2 : 1), 0);

/** Splits text as pdfkit does before it shapes: after every space and tab, so that words repeat as cache keys. */
export function piecesOf(text: string): string[] {
  return text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];
}

function slice(run: FontkitRun, start: number, end: number, scale: number): ShapedRun {
  const glyphs = run.glyphs.slice(start, end);
  const positions = run.positions.slice(start, end).map((position, index) => ({
    xAdvance: position.xAdvance * scale,
    yAdvance: position.yAdvance * scale,
    xOffset: position.xOffset * scale,
    yOffset: position.yOffset * scale,
    advanceWidth: glyphs[index]!.advanceWidth * scale,
  }));
  return { glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0) };
}

/**
 * Stores the pieces of a run shaped for the whole text in pdfkit's cache, each also without its trailing space
 * (the form it takes at the end of a line). Stops at a glyph that straddles two pieces; pdfkit shapes the rest.
 */
export function cachePieces(run: FontkitRun, scale: number, pieces: readonly string[], cache: Record<string, ShapedRun | undefined>): void {
  let glyph = 0;
  for (const piece of pieces) {
    const start = glyph;
    let units = 0;
    let space = -1;
    while (glyph < run.glyphs.length && units < piece.length) {
      if (units === piece.length - 1 && /[ \t]$/.test(piece)) space = glyph;
      units += codeUnits(run.glyphs[glyph]!);
      glyph += 1;
    }
    // Glyphs a substitution added without characters of their own belong to the piece before them.
    while (glyph < run.glyphs.length && run.glyphs[glyph]!.codePoints.length === 0) glyph += 1;
    if (units !== piece.length) return;
    cache[piece] ??= slice(run, start, glyph, scale);
    if (space > start && glyph === space + 1) cache[piece.slice(0, -1)] ??= slice(run, start, space, scale);
  }
}

/** Where the glyph for a code unit of the run's text starts, in the run's units. */
function xAt(run: FontkitRun, unit: number): number {
  let units = 0;
  let x = 0;
  for (let index = 0; index < run.glyphs.length && units < unit; index += 1) {
    x += run.positions[index]!.xAdvance;
    units += codeUnits(run.glyphs[index]!);
  }
  return x;
}

/** Advance from one code unit of the run's text to another, in the run's units. */
export function advanceBetween(run: FontkitRun, from: number, to: number): number {
  return xAt(run, to) - xAt(run, from);
}
