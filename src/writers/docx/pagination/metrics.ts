// How wide text is in the Word plan's fonts: Calibri from its width table, a brand's fonts from their files, CJK an em.
import { requireFontkit } from '../../libraries.js';
import type { ThemeFont } from '../../theme.js';
import { CARLITO_RANGES, CARLITO_UNITS_PER_EM, CARLITO_WIDTHS } from './carlitoWidths.js';

/** A run's look as far as its width goes. */
export interface RunFace {
  /** Size in half-points, as Word stores it. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Monospace code text. */
  code: boolean;
}

/** Measures characters in twips (twentieths of a point). */
export interface Measurer {
  /** Width of one character (a code point) in the face. */
  width(character: string, face: RunFace): number;
}

/** Characters Word sets in the East Asian font: Han, Kana, Hangul, CJK punctuation and fullwidth forms. */
export const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u;
/** Halfwidth Katakana and halfwidth symbols: half an em in CJK fonts. */
const HALFWIDTH = /[\uff61-\uffdc\uffe8-\uffee]/u;
/** Consolas, the code font, sets every character 1126/2048 of an em wide. */
const CODE_ADVANCE = 1126 / 2048;
/** Where a font has no glyph Word draws the character in another font; an average letter is the best guess. */
const AVERAGE_ADVANCE = 0.5;

type FaceName = keyof typeof CARLITO_WIDTHS;

const faceName = (face: RunFace): FaceName => (face.bold ? (face.italic ? 'boldItalic' : 'bold') : face.italic ? 'italic' : 'regular');

/** Carlito's advance for a code point in em, or undefined outside the table. */
function carlitoAdvance(codePoint: number, face: FaceName): number | undefined {
  let offset = 0;
  for (const [first, last] of CARLITO_RANGES) {
    if (codePoint >= first && codePoint <= last) {
      const units = CARLITO_WIDTHS[face][offset + codePoint - first]!;
      return units === 0 ? undefined : units / CARLITO_UNITS_PER_EM;
    }
    offset += last - first + 1;
  }
  return undefined;
}

interface ParsedFont {
  unitsPerEm: number;
  hhea?: { ascent: number; descent: number; lineGap: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/** Brand fonts parsed once per process: a batch shares its brand, and parsing a CJK font is slow. */
const parsedFonts = new WeakMap<Buffer, ParsedFont | null>();

function parsed(font: ThemeFont): ParsedFont | undefined {
  if (!parsedFonts.has(font.data)) {
    let result: ParsedFont | null = null;
    try {
      // Required on first use: only a brand's fonts are measured from their files.
      const fontkit = requireFontkit();
      const created = fontkit.create(font.data) as unknown as ParsedFont;
      if (typeof created.glyphForCodePoint === 'function') result = created;
    } catch {
      result = null;
    }
    parsedFonts.set(font.data, result);
  }
  return parsedFonts.get(font.data) ?? undefined;
}

/** Single line spacing as a share of the font size, where the theme names no font file: Calibri and Microsoft YaHei. */
const DEFAULT_LINE = { latin: 1.2207, eastAsia: 1.32 } as const;

/** The height of a single-spaced line of a font as a share of its size: its ascent, descent and line gap. */
export function lineHeightRatio(font: ThemeFont | undefined, script: 'latin' | 'eastAsia'): number {
  const metrics = font ? parsed(font)?.hhea : undefined;
  const units = font ? parsed(font)?.unitsPerEm : undefined;
  if (!metrics || !units) return DEFAULT_LINE[script];
  return (metrics.ascent - metrics.descent + metrics.lineGap) / units;
}

/** Advances in em by character, per font file (or Calibri) and face, so each character is looked up once per process. */
const advanceCache = new WeakMap<object, Map<string, number>[]>();

function tableFor(owner: object, slot: number): Map<string, number> {
  let tables = advanceCache.get(owner);
  if (!tables) {
    tables = [];
    advanceCache.set(owner, tables);
  }
  return (tables[slot] ??= new Map());
}

const CARLITO_OWNER = {};
const FACE_SLOTS: Record<FaceName, number> = { regular: 0, bold: 1, italic: 2, boldItalic: 3 };
/** Slot of the East Asian advances in an owner's tables. */
const CJK_SLOT = 4;

/**
 * The measurer for a document's fonts: the Latin font for the heading or body role (the brand's file, else Calibri's
 * widths), and for East Asian characters an em, as in every CJK font, or the brand's CJK file when it has the glyph.
 */
export function createMeasurer(fonts: { latin?: ThemeFont; cjk?: ThemeFont }): Measurer {
  const latin = fonts.latin ? parsed(fonts.latin) : undefined;
  const cjk = fonts.cjk ? parsed(fonts.cjk) : undefined;
  const fromFile = (font: ParsedFont, codePoint: number) =>
    font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm : undefined;
  const latinOwner = latin ?? CARLITO_OWNER;
  const cjkOwner = cjk ?? CARLITO_OWNER;
  const advanceOf = (character: string, face: RunFace): number => {
    const codePoint = character.codePointAt(0)!;
    if (codePoint >= 0x1100 && EAST_ASIAN.test(character)) {
      return (cjk ? fromFile(cjk, codePoint) : undefined) ?? (HALFWIDTH.test(character) ? 0.5 : 1);
    }
    // Bold and italic come from the one file the brand gives; Word synthesises them at the same advance.
    if (latin) return fromFile(latin, codePoint) ?? carlitoAdvance(codePoint, faceName(face)) ?? AVERAGE_ADVANCE;
    return carlitoAdvance(codePoint, faceName(face)) ?? AVERAGE_ADVANCE;
  };
  // This measurer's tables by slot, looked up once rather than for every character.
  const tables: Map<string, number>[] = [];
  return {
    width(character, face) {
      const points = face.size / 2;
      if (face.code) return CODE_ADVANCE * points * 20;
      const codePoint = character.codePointAt(0)!;
      const eastAsian = codePoint >= 0x1100 && EAST_ASIAN.test(character);
      const slot = eastAsian ? CJK_SLOT : latin ? 0 : FACE_SLOTS[faceName(face)];
      const table = (tables[slot] ??= tableFor(eastAsian ? cjkOwner : latinOwner, slot));
      let advance = table.get(character);
      if (advance === undefined) {
        advance = advanceOf(character, face);
        table.set(character, advance);
      }
      return advance * points * 20;
    },
  };
}
