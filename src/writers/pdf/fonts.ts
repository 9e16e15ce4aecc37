// The PDF fonts: built-in Noto Sans, Noto Sans SC and Courier, and the brand's font files; each parsed once per process.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument } from './pdfkit.js';
import { OpsplanError } from '../../errors.js';
import type { ThemeFont } from '../theme.js';
import { preloadTables, quickSubset } from './fontTables.js';
import { cachePieces, piecesOf, type FontkitRun, type ShapedPiece, type ShapedRun } from './shaping.js';

/** Weights the built-in Noto Sans and Noto Sans SC come in, as CSS and the OS/2 table number them. */
export type Weight = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

/** A built-in typeface: Noto Sans (with italics) for Latin text, Noto Sans SC for Han, Kana, Hangul and fullwidth forms. */
export interface BuiltinFaceId {
  script: 'latin' | 'cjk';
  weight: Weight;
  italic?: boolean;
}

/** The part of a fontkit font this writer reads. */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; codePoints: number[] };
  layout(text: string, features?: Record<string, boolean>): FontkitRun;
}

/** The part of pdfkit's embedded font this writer uses: the parsed font and pdfkit's own cached shaping. */
interface EmbeddedFontLike {
  font: FontkitFont;
  /** Shaped runs by text, per document unless replaced; pdfkit splits text after each space to reuse them. */
  layoutCache?: Record<string, unknown>;
  /** The subset of the font this document embeds, made when the font is added to it. */
  subset?: unknown;
  /** Shapes text the way pdfkit draws it, piece by piece through its cache; widths in thousandths of an em. */
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
}

type EmbeddedFontClass = new (document: PDFKit.PDFDocument, font: FontkitFont, id: string) => EmbeddedFontLike;

/** pdfkit internals used to hand one parsed font to many documents (pdfkit 0.17 only accepts bytes). */
interface DocumentInternals {
  _font?: EmbeddedFontLike;
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
}

interface FaceSource {
  packageName: string;
  /** Path of the font file relative to the folder of the package's resolved entry file. */
  file: string;
}

const require = createRequire(import.meta.url);

const WEIGHT_NAMES: Record<Weight, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

/** The font file of a built-in face in its npm package, e.g. 300Light_Italic/NotoSans_300Light_Italic.ttf. */
function builtinSource({ script, weight, italic }: BuiltinFaceId): FaceSource {
  const style = `${weight}${WEIGHT_NAMES[weight]}${italic && script === 'latin' ? '_Italic' : ''}`;
  return script === 'latin'
    ? { packageName: '@expo-google-fonts/noto-sans', file: `${style}/NotoSans_${style}.ttf` }
    : { packageName: '@expo-google-fonts/noto-sans-sc', file: `${style}/NotoSansSC_${style}.ttf` };
}

/** Courier's advance is 600/1000 em for every character. */
const MONO_ADVANCE = 600;
/** Shaped runs are kept per process; past this many texts the cache starts over, so memory stays flat. */
const CACHE_LIMIT = 20_000;

/** Han characters, CJK punctuation and fullwidth forms: in Noto Sans SC each is one glyph at its own advance. */
const plainIdeographs = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+$/u;

/** One loaded typeface with cached measurements, shared by every document of the process. */
export class Face {
  private readonly charWidths = new Map<number, number>();
  private readonly glyphs = new Map<number, boolean>();
  private readonly scale: number;
  private shapedRuns: Record<string, ShapedRun | undefined> = Object.create(null) as Record<string, ShapedRun | undefined>;

  /**
   * `key` names the face in every document and in caches; `shaper` is pdfkit's embedded font from parsing, kept to
   * measure text exactly as pdfkit will draw it (absent for Courier, a standard PDF font); `bytes` reads the file
   * again should pdfkit have to parse it itself.
   */
  constructor(
    readonly key: string,
    private readonly shaper: EmbeddedFontLike | undefined,
    readonly bytes: () => Buffer,
    /** Whether Han text is drawn one glyph per character with no shaping rules (true of Noto Sans SC). */
    private readonly plainHan = false,
  ) {
    this.scale = shaper ? 1000 / shaper.font.unitsPerEm : 1;
    if (shaper) shaper.layoutCache = this.shapedRuns;
  }

  get font(): FontkitFont | undefined {
    return this.shaper?.font;
  }

  /** Courier: no file, no shaping, every character equally wide. */
  get standard(): boolean {
    return !this.shaper;
  }

  has(codePoint: number): boolean {
    if (!this.font) return codePoint >= 0x20 && codePoint <= 0x7e;
    let found = this.glyphs.get(codePoint);
    if (found === undefined) {
      found = this.font.hasGlyphForCodePoint(codePoint);
      this.glyphs.set(codePoint, found);
    }
    return found;
  }

  /**
   * pdfkit's cache of shaped text, shared by measuring and by every document that embeds this face: shaping is
   * most of the time a PDF takes, and plans repeat most of their words. Cached runs are only ever read.
   */
  shapedRunCache(): Record<string, unknown> {
    if (Object.keys(this.shapedRuns).length >= CACHE_LIMIT) {
      this.shapedRuns = Object.create(null) as Record<string, ShapedRun | undefined>;
      if (this.shaper) this.shaper.layoutCache = this.shapedRuns;
    }
    return this.shapedRuns;
  }

  /**
   * Puts Han text in pdfkit's cache as shaping would leave it, one glyph per character at its own advance, so that
   * drawing it does not run the shaper: for a Chinese plan that was most of the shaping a PDF does.
   */
  cacheHan(text: string): void {
    if (!this.plainHan || !this.shaper) return;
    const cache = this.shapedRuns;
    for (const piece of piecesOf(text)) {
      if (cache[piece] || !plainIdeographs.test(piece)) continue;
      const glyphs = [...piece].map((character) => this.shaper!.font.glyphForCodePoint(character.codePointAt(0)!));
      const positions = glyphs.map((glyph) => {
        const advance = glyph.advanceWidth * this.scale;
        return { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance };
      });
      cache[piece] = { glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0) };
    }
  }

  /** Advance of one character in thousandths of an em. */
  charWidth(codePoint: number): number {
    if (!this.font) return MONO_ADVANCE;
    let width = this.charWidths.get(codePoint);
    if (width === undefined) {
      width = this.font.glyphForCodePoint(codePoint).advanceWidth * this.scale;
      this.charWidths.set(codePoint, width);
    }
    return width;
  }

  /**
   * Latin text shaped as pdfkit will draw it (kerning, ligatures), in the pieces pdfkit draws it in. Text with
   * pieces not seen before is shaped whole, in one call: shaping word by word costs far more, mostly per call.
   */
  pieces(text: string): ShapedPiece[] {
    const texts = piecesOf(text);
    if (!this.shaper) return [];
    const cache = this.shapedRuns;
    if (texts.some((piece) => !cache[piece])) cachePieces(this.shaper.font.layout(text), this.scale, texts, cache);
    return texts.map((piece) => {
      // A piece the whole-text run could not be cut into is shaped on its own, into the same cache.
      if (!cache[piece]) this.shaper!.layout(piece, undefined, true);
      return { text: piece, run: cache[piece]! };
    });
  }

  /**
   * Width of text without line breaks in thousandths of an em. Ideographs are summed per character, which is what
   * shaping them gives, without shaping every one of them.
   */
  width(text: string, ideographic: boolean): number {
    if (!this.shaper) return [...text].length * MONO_ADVANCE;
    if (ideographic) {
      let total = 0;
      for (const char of text) total += this.charWidth(char.codePointAt(0)!);
      return total;
    }
    return this.pieces(text).reduce((sum, piece) => sum + piece.run.advanceWidth, 0);
  }
}

const builtinFaces = new Map<string, Face>();
/** Brand faces by a hash of the file's bytes, so a brand loaded again, or shared by plans, is parsed only once. */
const brandFaces = new Map<string, Face>();
const brandFacesByBuffer = new WeakMap<Buffer, Face>();
let parser: { document: PDFKit.PDFDocument; embeddedFont: EmbeddedFontClass | undefined } | undefined;

function fontPath(source: FaceSource): string {
  try {
    return path.join(path.dirname(require.resolve(source.packageName)), source.file);
  } catch (error) {
    throw missingFonts(source.packageName, error);
  }
}

function missingFonts(what: string, cause: unknown): OpsplanError {
  return new OpsplanError('WRITE_FAILED', `the fonts for PDF output are missing (${what})`, {
    hint: 'Reinstall opsplan (npm install) so that its font packages are present.',
    cause,
  });
}

function readFont(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw missingFonts(file, error);
  }
}

/** Combining marks: the only text that mark-to-base and mark-to-mark positioning change. */
const combiningMark = /\p{M}/u;

/**
 * Leaves mark positioning out of shaping text that has no combining marks, where it changes nothing: reading a
 * font's mark tables (large in Noto Sans, which covers many scripts) was most of the time the first PDF of a process
 * took. Text with marks, and a caller that asks for features, are shaped in full.
 */
function skipMarkPositioning(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  // A new object each time: fontkit adds the features it applies to the one it is given.
  font.layout = (text, features) => layout(text, features ?? (combiningMark.test(text) ? undefined : { mark: false, mkmk: false }));
}

/**
 * Parses font bytes through pdfkit, so the fontkit copy pdfkit bundles does the parsing, and remembers pdfkit's
 * embedded-font class so later documents can embed the already parsed font instead of parsing it again.
 */
function parseFont(bytes: Buffer): EmbeddedFontLike | undefined {
  if (!parser) parser = { document: new PDFDocument({ autoFirstPage: false, font: null as unknown as string }), embeddedFont: undefined };
  // pdfkit hands back the font it already made for another file with the same PostScript name (a brand may give a
  // built-in font's file), and two faces sharing one shaper break each other's layout cache: always parse afresh.
  (parser.document as unknown as DocumentInternals)._fontFamilies = {};
  parser.document.font(bytes);
  const embedded = (parser.document as unknown as DocumentInternals)._font;
  if (!embedded?.font) return undefined;
  parser.embeddedFont ??= embedded.constructor as EmbeddedFontClass;
  skipMarkPositioning(embedded.font);
  preloadTables(embedded.font as unknown as Parameters<typeof preloadTables>[0]);
  return embedded;
}

/** A built-in face, loaded on first use: an English plan never reads the Chinese font files. */
export function builtinFace(id: BuiltinFaceId): Face {
  const key = `opsplan-${id.script}-${id.weight}${id.italic && id.script === 'latin' ? '-italic' : ''}`;
  let loaded = builtinFaces.get(key);
  if (!loaded) {
    const file = fontPath(builtinSource(id));
    const shaper = parseFont(readFont(file));
    if (!shaper) throw missingFonts(file, new Error('pdfkit did not parse the font'));
    loaded = new Face(key, shaper, () => readFont(file), id.script === 'cjk');
    builtinFaces.set(key, loaded);
  }
  return loaded;
}

/** Courier, a standard PDF font: nothing to load or embed. */
export function monoFace(bold: boolean): Face {
  const key = bold ? 'Courier-Bold' : 'Courier';
  let loaded = builtinFaces.get(key);
  if (!loaded) {
    loaded = new Face(key, undefined, () => Buffer.alloc(0));
    builtinFaces.set(key, loaded);
  }
  return loaded;
}

/**
 * The weight a font file declares (usWeightClass of its OS/2 table), read from the table directory so that a large
 * CJK font need not be parsed to learn it. Undefined when the file has no OS/2 table.
 */
export function declaredWeight(bytes: Buffer): number | undefined {
  if (bytes.length < 12) return undefined;
  const tables = bytes.readUInt16BE(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    if (record + 16 > bytes.length) return undefined;
    if (bytes.toString('latin1', record, record + 4) !== 'OS/2') continue;
    const offset = bytes.readUInt32BE(record + 8);
    return offset + 6 <= bytes.length ? bytes.readUInt16BE(offset + 4) : undefined;
  }
  return undefined;
}

/** The built-in weight nearest to a declared one. */
export function nearestWeight(weight: number): Weight {
  return Math.min(900, Math.max(100, Math.round(weight / 100) * 100)) as Weight;
}

/** The face of a brand's font file, parsed on first use and then shared by every plan of the process. */
export function brandFace(font: ThemeFont): Face {
  const known = brandFacesByBuffer.get(font.data);
  if (known) return known;
  const hash = createHash('sha256').update(font.data).digest('hex').slice(0, 16);
  let loaded = brandFaces.get(hash);
  if (!loaded) {
    let shaper: EmbeddedFontLike | undefined;
    try {
      shaper = parseFont(font.data);
    } catch (error) {
      throw unreadableBrandFont(font, error);
    }
    if (!shaper) throw unreadableBrandFont(font, new Error('pdfkit did not parse the font'));
    const data = font.data;
    loaded = new Face(`brand-${hash}`, shaper, () => data);
    brandFaces.set(hash, loaded);
  }
  brandFacesByBuffer.set(font.data, loaded);
  return loaded;
}

function unreadableBrandFont(font: ThemeFont, cause: unknown): OpsplanError {
  return new OpsplanError('FILE_UNREADABLE', `the brand's font ${font.file} cannot be used in the PDF (${cause instanceof Error ? cause.message : String(cause)})`, {
    hint: 'Give the brand a TrueType (.ttf) or OpenType (.otf) file of the font.',
    cause,
  });
}

/** Registers faces in one document on first use and selects them; each file is embedded once, as a subset. */
export class DocumentFonts {
  private readonly registered = new Set<string>();

  constructor(private readonly document: PDFKit.PDFDocument) {}

  use(face: Face, size: number): void {
    if (face.standard) {
      this.document.font(face.key, size);
      return;
    }
    if (!this.registered.has(face.key)) {
      this.register(face);
      this.registered.add(face.key);
    }
    this.document.font(face.key, size);
  }

  private register(loaded: Face): void {
    const internals = this.document as unknown as DocumentInternals;
    const EmbeddedFont = parser?.embeddedFont;
    if (EmbeddedFont && loaded.font && internals._fontFamilies && typeof internals._fontCount === 'number') {
      // Same id sequence as pdfkit's own registration, so the bytes do not depend on which path ran.
      internals._fontCount += 1;
      const embedded = new EmbeddedFont(this.document, loaded.font, `F${internals._fontCount}`);
      if (embedded.subset) quickSubset(embedded.subset as Parameters<typeof quickSubset>[0]);
      if (embedded.layoutCache) embedded.layoutCache = loaded.shapedRunCache();
      internals._fontFamilies[loaded.key] = embedded;
      return;
    }
    this.document.registerFont(loaded.key, loaded.bytes());
  }
}
