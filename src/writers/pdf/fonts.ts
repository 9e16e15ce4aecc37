// The PDF fonts: Noto Sans for Latin text, Noto Sans SC for Chinese, Courier for code; parsed once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { OpsplanError } from '../../errors.js';
import { cachePieces, piecesOf, type FontkitRun, type ShapedPiece, type ShapedRun } from './shaping.js';

/** A typeface the writer can set text in; the CJK faces carry Han, Kana, Hangul and fullwidth forms. */
export type FaceId = 'latin' | 'latinBold' | 'latinItalic' | 'latinBoldItalic' | 'cjk' | 'cjkBold' | 'mono' | 'monoBold';

/** The part of a fontkit font this writer reads. */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  layout(text: string): FontkitRun;
}

/** The part of pdfkit's embedded font this writer uses: the parsed font and pdfkit's own cached shaping. */
interface EmbeddedFontLike {
  font: FontkitFont;
  /** Shaped runs by text, per document unless replaced; pdfkit splits text after each space to reuse them. */
  layoutCache?: Record<string, unknown>;
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

const SOURCES: Record<Exclude<FaceId, 'mono' | 'monoBold'>, FaceSource> = {
  latin: { packageName: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  latinBold: { packageName: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
  latinItalic: { packageName: '@expo-google-fonts/noto-sans', file: '400Regular_Italic/NotoSans_400Regular_Italic.ttf' },
  latinBoldItalic: { packageName: '@expo-google-fonts/noto-sans', file: '700Bold_Italic/NotoSans_700Bold_Italic.ttf' },
  cjk: { packageName: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  cjkBold: { packageName: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
};

const STANDARD_NAMES: Record<'mono' | 'monoBold', string> = { mono: 'Courier', monoBold: 'Courier-Bold' };
/** Courier's advance is 600/1000 em for every character. */
const MONO_ADVANCE = 600;
/** Shaped runs are kept per process; past this many texts the cache starts over, so memory stays flat. */
const CACHE_LIMIT = 20_000;

/** One loaded typeface with cached measurements, shared by every document of the process. */
export class Face {
  private readonly charWidths = new Map<number, number>();
  private readonly scale: number;
  private shapedRuns: Record<string, ShapedRun | undefined> = Object.create(null) as Record<string, ShapedRun | undefined>;

  /** `shaper` is pdfkit's embedded font from parsing, kept to measure text exactly as pdfkit will draw it. */
  constructor(
    readonly id: FaceId,
    private readonly shaper: EmbeddedFontLike | undefined,
  ) {
    this.scale = shaper ? 1000 / shaper.font.unitsPerEm : 1;
    if (shaper) shaper.layoutCache = this.shapedRuns;
  }

  get font(): FontkitFont | undefined {
    return this.shaper?.font;
  }

  has(codePoint: number): boolean {
    return this.font ? this.font.hasGlyphForCodePoint(codePoint) : codePoint >= 0x20 && codePoint <= 0x7e;
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
  width(text: string): number {
    if (!this.shaper) return [...text].length * MONO_ADVANCE;
    if (this.id === 'cjk' || this.id === 'cjkBold') {
      let total = 0;
      for (const char of text) total += this.charWidth(char.codePointAt(0)!);
      return total;
    }
    return this.pieces(text).reduce((sum, piece) => sum + piece.run.advanceWidth, 0);
  }
}

const faces = new Map<FaceId, Face>();
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

/**
 * Parses a font file through pdfkit, so the fontkit copy pdfkit bundles does the parsing, and remembers pdfkit's
 * embedded-font class so later documents can embed the already parsed font instead of parsing it again.
 */
function parseFont(file: string): EmbeddedFontLike {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw missingFonts(file, error);
  }
  if (!parser) parser = { document: new PDFDocument({ autoFirstPage: false, font: null as unknown as string }), embeddedFont: undefined };
  parser.document.font(bytes);
  const embedded = (parser.document as unknown as DocumentInternals)._font;
  if (!embedded?.font) throw missingFonts(file, new Error('pdfkit did not parse the font'));
  parser.embeddedFont ??= embedded.constructor as EmbeddedFontClass;
  return embedded;
}

/** The face, loaded on first use: an English plan never reads the Chinese font files. */
export function face(id: FaceId): Face {
  let loaded = faces.get(id);
  if (!loaded) {
    loaded = id === 'mono' || id === 'monoBold' ? new Face(id, undefined) : new Face(id, parseFont(fontPath(SOURCES[id])));
    faces.set(id, loaded);
  }
  return loaded;
}

/** Registers faces in one document on first use and selects them; each file is embedded once, as a subset. */
export class DocumentFonts {
  private readonly registered = new Set<FaceId>();

  constructor(private readonly document: PDFKit.PDFDocument) {}

  use(id: FaceId, size: number): void {
    if (id === 'mono' || id === 'monoBold') {
      this.document.font(STANDARD_NAMES[id], size);
      return;
    }
    const name = `opsplan-${id}`;
    if (!this.registered.has(id)) {
      this.register(name, face(id));
      this.registered.add(id);
    }
    this.document.font(name, size);
  }

  private register(name: string, loaded: Face): void {
    const internals = this.document as unknown as DocumentInternals;
    const EmbeddedFont = parser?.embeddedFont;
    if (EmbeddedFont && loaded.font && internals._fontFamilies && typeof internals._fontCount === 'number') {
      // Same id sequence as pdfkit's own registration, so the bytes do not depend on which path ran.
      internals._fontCount += 1;
      const embedded = new EmbeddedFont(this.document, loaded.font, `F${internals._fontCount}`);
      if (embedded.layoutCache) embedded.layoutCache = loaded.shapedRunCache();
      internals._fontFamilies[name] = embedded;
      return;
    }
    this.document.registerFont(name, readFileSync(fontPath(SOURCES[loaded.id as keyof typeof SOURCES])));
  }
}
