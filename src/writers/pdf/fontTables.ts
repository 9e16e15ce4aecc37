// Quicker ways through two things fontkit does generically with a TrueType font, each giving exactly what fontkit
// gives: reading its PostScript header (post), and copying glyphs into the subset a PDF embeds.

interface TableStream {
  buffer: Uint8Array;
  pos: number;
  readBuffer(length: number): Uint8Array;
}

/** The parts of a fontkit TrueType font used here (fontkit 2). */
interface TrueTypeFont {
  /** 'TTF' for a plain TrueType or OpenType file, whose tables lie in its bytes as they are. */
  type: string;
  stream: TableStream;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  /** fontkit's decoded tables by tag, filled on first use of each. */
  _tables: Record<string, unknown>;
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): TableStream | null;
}

/** The parts of fontkit's TrueType subset used here. */
interface TrueTypeSubset {
  font: TrueTypeFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(glyphId: number): number;
}

function view(font: TrueTypeFont, tag: string): DataView | undefined {
  const table = font.directory.tables[tag];
  const bytes = font.stream.buffer;
  if (!table || table.offset + table.length > bytes.byteLength) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
}

/** The `post` versions fontkit decodes; it leaves the table undefined for any other. */
const POST_VERSIONS = new Set([1, 2, 3, 4]);

/**
 * Fills in fontkit's `post` table from its header, which is all a PDF needs, where fontkit would also decode every
 * glyph's name: about 14 ms of a cold render for each Noto Sans face. The rest of the table is decoded by fontkit if
 * anything asks for it.
 */
export function preloadTables(font: TrueTypeFont): void {
  if (font.type !== 'TTF') return;
  const tables = font._tables;
  const post = view(font, 'post');
  if ('post' in tables || !post || post.byteLength < 32 || !POST_VERSIONS.has(post.getInt32(0) / 65536)) return;
  const header: Record<PropertyKey, unknown> = {
    version: post.getInt32(0) / 65536,
    italicAngle: post.getInt32(4) / 65536,
    underlinePosition: post.getInt16(8),
    underlineThickness: post.getInt16(10),
    isFixedPitch: post.getUint32(12),
    minMemType42: post.getUint32(16),
    maxMemType42: post.getUint32(20),
    minMemType1: post.getUint32(24),
    maxMemType1: post.getUint32(28),
  };
  let full: Record<PropertyKey, unknown> | undefined;
  const decoded = () => {
    if (!full) {
      delete tables.post;
      full = (font as unknown as { post?: Record<PropertyKey, unknown> }).post ?? {};
      tables.post = proxy;
    }
    return full;
  };
  const proxy = new Proxy(header, { get: (target, key) => (key in target ? target[key] : decoded()[key]) });
  tables.post = proxy;
}

/**
 * Makes a subset copy simple glyphs without decoding their outlines: fontkit decodes every glyph it copies only to
 * learn whether it is made of other glyphs (whose ids it must then renumber), which a glyph's first field tells.
 * Composite glyphs, and fonts with variations, go through fontkit's own copying.
 */
export function quickSubset(subset: TrueTypeSubset): void {
  const copy = subset._addGlyph;
  const font = subset.font;
  const glyf = view(font, 'glyf');
  if (font.type !== 'TTF' || typeof copy !== 'function' || !glyf || font._variationProcessor) return;
  subset._addGlyph = function addGlyph(this: TrueTypeSubset, glyphId: number): number {
    const start = font.loca.offsets[glyphId]!;
    const end = font.loca.offsets[glyphId + 1]!;
    // numberOfContours: below zero for a composite glyph; an empty glyph has no fields at all.
    if (end - start < 2 || end > glyf.byteLength || glyf.getInt16(start) < 0) return copy.call(this, glyphId);
    const glyph = font.getGlyph(glyphId);
    const stream = font._getTableStream('glyf')!;
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
