// The quicker read of a font's PostScript header and the quicker glyph copies give what fontkit itself gives.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireFontkit } from '../../src/writers/libraries.js';
import { preloadTables, quickSubset } from '../../src/writers/pdf/fontTables.js';

const require = createRequire(import.meta.url);
const fontFile = (packageName: string, file: string) => path.join(path.dirname(require.resolve(packageName)), file);
const FONTS = {
  'Noto Sans': readFileSync(fontFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf')),
  'Noto Sans SC': readFileSync(fontFile('@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf')),
};

const open = (bytes: Buffer): any => requireFontkit().create(bytes);

const text = 'Façade ǅ Ǻ ő ẞ 2027 ¼ ① 运营方案：川药通 ＶＩＰ 群';
const glyphIds = (font: any, of: string): number[] => [...new Set([...of].map((character) => font.glyphForCodePoint(character.codePointAt(0)!).id as number))];

it('copies both simple and composite glyphs of Noto Sans in the subset test (Noto Sans SC has no composite ones)', () => {
  const font = open(FONTS['Noto Sans']);
  const contours = glyphIds(font, text).map((id) => font.getGlyph(id)._decode()?.numberOfContours ?? 0);
  expect(contours.some((count) => count > 0)).toBe(true);
  expect(contours.some((count) => count < 0)).toBe(true);
});

describe.each(Object.entries(FONTS))('%s', (_, bytes) => {
  it('has the PostScript header fontkit decodes, and the rest of the table on demand', () => {
    const reference = open(bytes);
    const quick = open(bytes);
    preloadTables(quick);
    // Filled in without fontkit decoding the table (which would have put its own object there).
    expect(quick._tables.post.underlinePosition).toBe(reference.post.underlinePosition);
    expect(Object.keys(quick._tables.post)).not.toContain('names');
    for (const field of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42']) {
      expect(quick.post[field], field).toBe(reference.post[field]);
    }
    expect(quick.italicAngle).toBe(reference.italicAngle);
    // Glyph names are not in the header: asked for, the whole table is decoded as fontkit would.
    expect(quick.post.numberOfGlyphs).toBe(reference.post.numberOfGlyphs);
    expect(quick.getGlyph(quick.glyphForCodePoint(0x41).id).name).toBe(reference.getGlyph(reference.glyphForCodePoint(0x41).id).name);
  });

  it('embeds a subset with the same bytes', () => {
    const reference = open(bytes);
    const quick = open(bytes);
    preloadTables(quick);
    const ids = glyphIds(reference, text);

    const expected = reference.createSubset();
    const actual = quick.createSubset();
    quickSubset(actual);
    for (const id of ids) {
      expected.includeGlyph(id);
      actual.includeGlyph(id);
    }
    expect(Buffer.from(actual.encode()).equals(Buffer.from(expected.encode()))).toBe(true);
  });
});
