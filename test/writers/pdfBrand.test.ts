// Brands in the PDF, checked with real PDF software: the brand's fonts embedded, its logo placed, its colour, page size and footer.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/brand/load.js';
import type { Block, Doc } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { brandFace, builtinFace } from '../../src/writers/pdf/fonts.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { splitByFace } from '../../src/writers/pdf/spans.js';
import { typefacesFor } from '../../src/writers/pdf/typefaces.js';
import type { Theme } from '../../src/writers/theme.js';
import { EXAMPLES, rawAnswers, ROOT, run, scratchDir, withTools } from '../helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const BRANDS = path.join(ROOT, 'test', 'fixtures', 'brands');
const brandFile = (name: string) => path.join(BRANDS, name, 'brand.yaml');
/** The brand file as plain data, read without the code under test. */
const rawBrand = (name: string) => parse(readFileSync(brandFile(name), 'utf8')) as Record<string, any>;
/** The PostScript name a font file declares, which pdffonts shows after the subset tag. */
const postscriptName = (file: string) => (fontkit.create(readFileSync(file)) as fontkit.Font).postscriptName!;
const fontOf = (brand: string, slot: string) => path.resolve(BRANDS, brand, rawBrand(brand).fonts[slot]);
const NOTO = path.join(ROOT, 'node_modules', '@expo-google-fonts');

interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

function fontRows(file: string): FontRow[] {
  return run('pdffonts', [file]).trim().split('\n').slice(2).map((row) => {
    const match = /^(\S+)\s.*\b(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row);
    if (!match) throw new Error(`unexpected pdffonts row: ${row}`);
    return { name: match[1]!, embedded: match[2] === 'yes', subset: match[3] === 'yes', unicode: match[4] === 'yes' };
  });
}

/** PostScript names without their subset tags. */
const withoutTag = (rows: FontRow[]) => rows.map((row) => row.name.replace(/^[A-Z]{6}\+/, ''));

interface ImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
  object: number;
  xPpi: number;
  yPpi: number;
}

function images(file: string): ImageRow[] {
  return run('pdfimages', ['-list', file]).trim().split('\n').slice(2).map((line) => {
    const columns = line.trim().split(/\s+/);
    return {
      page: Number(columns[0]),
      type: columns[2]!,
      width: Number(columns[3]),
      height: Number(columns[4]),
      object: Number(columns[10]),
      xPpi: Number(columns[12]),
      yPpi: Number(columns[13]),
    };
  });
}

interface Picture {
  width: number;
  height: number;
  rgb: Buffer;
}

/** Every page rendered by poppler at a low resolution, as raw RGB pixels (binary PPM). */
function pagePictures(file: string): Picture[] {
  const dir = scratchDir('opsplan-pdf-pixels-');
  run('pdftoppm', ['-r', '20', file, path.join(dir, 'page')]);
  return readdirSync(dir).sort().map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
    return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
  });
}

const pixel = (picture: Picture, x: number, y: number) => picture.rgb.subarray((y * picture.width + x) * 3, (y * picture.width + x) * 3 + 3).toString('hex').toUpperCase();
const countColour = (picture: Picture, hex: string) => {
  const target = Buffer.from(hex, 'hex');
  let count = 0;
  for (let offset = 0; offset < picture.rgb.length; offset += 3) if (picture.rgb.compare(target, 0, 3, offset, offset + 3) === 0) count += 1;
  return count;
};

/** What each fixture brand must put in the PDF, worked out from its brand file and font files. */
function expectations(brand: string) {
  const raw = rawBrand(brand);
  return {
    raw,
    primary: String(raw.colors.primary).replace('#', '').toUpperCase(),
    pageSize: raw.page?.size === 'Letter' ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 },
    footer: [raw.footerText, raw.confidentiality].filter(Boolean).join(' · '),
  };
}

const CASES = [
  ['harbor', 'English', EXAMPLES.en],
  ['harbor', 'Chinese', EXAMPLES.zh],
  ['jade', 'English', EXAMPLES.en],
  ['jade', 'Chinese', EXAMPLES.zh],
] as const;

describe.each(CASES)('PDF with the %s brand, %s plan', (brand, language, planFile) => {
  const expected = expectations(brand);
  let theme: Theme;
  let doc: Doc;
  let pdf: Buffer;
  let file: string;
  let answers: Record<string, any>;

  beforeAll(async () => {
    theme = (await loadBrand(brandFile(brand))).theme;
    const { plan } = await loadPlan(planFile);
    doc = composePlan(plan).doc;
    pdf = await pdfWriter.render(doc, { createdAt: creationDate(plan), theme });
    file = path.join(scratchDir('opsplan-pdf-brand-'), `${brand}-${language}.pdf`);
    writeFileSync(file, pdf);
    answers = rawAnswers(planFile);
  });

  withTools('qpdf')('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  withTools('pdfinfo')('is on the brand\'s paper size', () => {
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [file]))!;
    expect(Number(size[1])).toBeCloseTo(expected.pageSize.width, 1);
    expect(Number(size[2])).toBeCloseTo(expected.pageSize.height, 1);
  });

  withTools('pdffonts')('embeds the brand\'s fonts as subsets, in place of the built-in weights they stand for', () => {
    const rows = fontRows(file);
    for (const row of rows) expect(row, row.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    const names = withoutTag(rows);
    if (brand === 'harbor') {
      // Body, headings and bold all come from the brand's one Light file; nothing falls back to Noto Sans Regular or Bold.
      expect(names).toContain(postscriptName(fontOf('harbor', 'body')));
      expect(names.filter((name) => name.startsWith('NotoSans-'))).toEqual([postscriptName(fontOf('harbor', 'body'))]);
      // Chinese text, which the Latin brand font cannot set, is in Noto Sans SC at the brand font's weight.
      if (language === 'Chinese') expect(names).toContain('NotoSansSC-Light');
    } else {
      // The brand's Chinese name on the cover is set in its CJK font even in an English plan.
      expect(names).toContain(postscriptName(fontOf('jade', 'cjk')));
      expect(names.filter((name) => name.startsWith('NotoSansSC-'))).toEqual([postscriptName(fontOf('jade', 'cjk'))]);
      // Latin text, which the brand leaves to the built-in font, takes the weight of the brand's CJK font.
      expect(names.filter((name) => name.startsWith('NotoSans-') && !name.includes('Italic'))).toEqual(['NotoSans-Light']);
    }
  });

  withTools('pdfimages', 'pdfinfo')('shows the logo on the cover and, small, in the header of every later page, embedded once', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    const placed = images(file).filter((row) => row.type === 'image');
    expect(placed.map((row) => row.page)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
    expect(new Set(placed.map((row) => row.object)).size).toBe(1);
    // Drawn size in points from pixels and resolution.
    const size = (row: ImageRow) => ({ width: (row.width / row.xPpi) * 72, height: (row.height / row.yPpi) * 72 });
    const logo = theme.logo!;
    const cover = size(placed[0]!);
    expect(cover.width).toBeGreaterThan(100);
    expect(cover.width).toBeLessThanOrEqual(160.5);
    expect(cover.height).toBeLessThanOrEqual(56.5);
    expect(cover.width / cover.height).toBeCloseTo(logo.width / logo.height, 1);
    for (const row of placed.slice(1)) {
      const header = size(row);
      expect(header.height).toBeGreaterThan(10);
      expect(header.height).toBeLessThanOrEqual(14.5);
      expect(header.width).toBeLessThanOrEqual(80.5);
    }
    if (logo.type === 'svg') {
      // An SVG logo is drawn at print resolution for the cover, with its transparency kept.
      expect(placed[0]!.xPpi).toBeGreaterThanOrEqual(290);
      expect(images(file).some((row) => row.type === 'smask')).toBe(true);
    } else {
      expect([placed[0]!.width, placed[0]!.height]).toEqual([logo.width, logo.height]);
    }
  });

  withTools('pdftoppm')('paints the cover band and tables in the brand colour, and never the default blue', () => {
    const pictures = pagePictures(file);
    expect(pixel(pictures[0]!, 3, 3)).toBe(expected.primary);
    expect(pixel(pictures[0]!, pictures[0]!.width - 4, 3)).toBe(expected.primary);
    // Table headers and chart bars are solid fills of the brand colour on several body pages.
    const branded = pictures.slice(1).filter((picture) => countColour(picture, expected.primary) >= 40);
    expect(branded.length).toBeGreaterThanOrEqual(3);
    for (const [index, picture] of pictures.entries()) expect(countColour(picture, '1F4E79'), `page ${index + 1}`).toBe(0);
  });

  withTools('pdftotext')('prints the confidentiality line on the cover and the footer text on every numbered page', () => {
    const pages = run('pdftotext', ['-layout', file, '-']).split('\f').filter((page) => page.trim() !== '');
    const cover = squash(pages[0]!);
    expect(cover).toContain(expected.raw.confidentiality);
    expect(cover).toContain(expected.raw.name);
    const numbered = pages.filter((page) => new RegExp(doc.labels.pageOf.replace('{page}', '\\d+').replace('{pages}', '\\d+')).test(squash(page)));
    expect(numbered.length).toBeGreaterThan(5);
    for (const page of numbered) expect(squash(page)).toContain(expected.footer);
  });

  withTools('pdftotext')('sets every figure of the budget, digits inside Chinese text included, so that it extracts exactly', () => {
    const extracted = squash(run('pdftotext', ['-layout', file, '-']));
    const money = new Intl.NumberFormat(answers.meta.language, { style: 'currency', currency: answers.meta.currency, maximumFractionDigits: 0 });
    const costs = answers.accountPlan.costs as { item: string; amount: number }[];
    expect(extracted).toContain(money.format(costs.reduce((sum, cost) => sum + cost.amount, 0)));
    for (const cost of costs) expect(extracted).toContain(money.format(cost.amount));
    for (const section of doc.body.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading' && block.level === 1)) {
      expect(extracted).toContain(`${section.number} ${section.content.map((inline) => (inline.type === 'text' ? inline.text : ' ')).join('')}`);
    }
  });
});

describe('brand fonts in the PDF', () => {
  it('are parsed once per process, however often the brand is loaded', async () => {
    const first = (await loadBrand(brandFile('harbor'))).theme.fonts!.body!;
    const again = (await loadBrand(brandFile('harbor'))).theme.fonts!.body!;
    // Compared by identity: matchers would compare the font bytes, or the whole parsed font, deeply.
    expect(again.data === first.data).toBe(false);
    expect(brandFace(again) === brandFace(first)).toBe(true);
  });

  it('set digits and punctuation inside Chinese text in faces that have those glyphs, at the brand font\'s weight', async () => {
    const text = '试运营：2026年9月—10月（两个月），预算¥86,600，转化率40%。“VIP”群';
    const harbor = (await loadBrand(brandFile('harbor'))).theme;
    const jade = (await loadBrand(brandFile('jade'))).theme;
    for (const theme of [harbor, jade]) {
      const runs = splitByFace(text, { fonts: typefacesFor(theme) });
      expect(runs.map((run) => run.text).join('')).toBe(text);
      for (const run of runs) for (const char of run.text) expect(run.choice.face.has(char.codePointAt(0)!), `${char} in ${run.choice.face.key}`).toBe(true);
    }
    const faceOf = (theme: Theme, char: string) => splitByFace(text, { fonts: typefacesFor(theme) }).find((run) => run.text.includes(char))!.choice.face.key;
    // A Latin brand font: digits and ¥ in it, Chinese in Noto Sans SC Light beside its Light.
    expect(faceOf(harbor, '2026')).toBe(brandFace(harbor.fonts!.body!).key);
    expect(faceOf(harbor, '¥')).toBe(brandFace(harbor.fonts!.body!).key);
    expect(faceOf(harbor, '试')).toBe(builtinFace({ script: 'cjk', weight: 300 }).key);
    expect(faceOf(harbor, '（')).toBe(builtinFace({ script: 'cjk', weight: 300 }).key);
    // A CJK brand font: Chinese and its fullwidth punctuation in it, digits in Noto Sans Light beside its Light.
    expect(faceOf(jade, '试')).toBe(brandFace(jade.fonts!.cjk!).key);
    expect(faceOf(jade, '，')).toBe(brandFace(jade.fonts!.cjk!).key);
    expect(faceOf(jade, '—')).toBe(brandFace(jade.fonts!.cjk!).key);
    expect(faceOf(jade, '40%')).toBe(builtinFace({ script: 'latin', weight: 300 }).key);
    // Bold Chinese in the brand's single file is drawn emboldened, not swapped for another family.
    const bold = splitByFace('预算', { fonts: typefacesFor(jade), bold: true });
    expect(bold).toHaveLength(1);
    expect([bold[0]!.choice.face.key, bold[0]!.choice.emboldened]).toEqual([brandFace(jade.fonts!.cjk!).key, true]);
  });

  withTools('pdffonts', 'pdftotext')('set headings in the brand\'s heading font and body text in its body font', async () => {
    const harbor = (await loadBrand(brandFile('harbor'))).theme;
    const headingFile = path.join(NOTO, 'noto-sans', '800ExtraBold', 'NotoSans_800ExtraBold.ttf');
    const theme: Theme = { ...harbor, fonts: { ...harbor.fonts, heading: { file: headingFile, data: readFileSync(headingFile), family: 'Noto Sans ExtraBold' } } };
    const text = (value: string) => ({ type: 'text' as const, text: value, marks: {} });
    const doc: Doc = {
      meta: { title: 'Brand type', subject: 'WeChat operations plan', author: 'A', company: 'B', language: 'en', date: '2026-12-01', keywords: [] },
      labels: { contents: 'Contents', pageOf: 'Page {page} of {pages}' },
      cover: { title: 'Brand type', blocks: [] },
      body: [
        { type: 'heading', level: 1, number: '1', id: 'section-1', content: [text('Growth targets')] },
        { type: 'paragraph', content: [text('Members grow from 186 to 500 by the end of the year.')] },
      ],
    };
    const file = path.join(scratchDir('opsplan-pdf-brand-'), 'heading.pdf');
    writeFileSync(file, await pdfWriter.render(doc, { createdAt: new Date('2026-12-01T00:00:00Z'), theme }));
    expect(withoutTag(fontRows(file)).sort()).toEqual([postscriptName(headingFile), postscriptName(fontOf('harbor', 'body'))].sort());
    expect(squash(run('pdftotext', [file, '-']))).toContain('1 Growth targets Members grow from 186 to 500 by the end of the year.');
  });

  it('give the same bytes when a branded plan is rendered again', async () => {
    const theme = (await loadBrand(brandFile('jade'))).theme;
    const { plan } = await loadPlan(EXAMPLES.zh);
    const { doc } = composePlan(plan);
    const first = await pdfWriter.render(doc, { createdAt: creationDate(plan), theme });
    const second = await pdfWriter.render(doc, { createdAt: creationDate(plan), theme });
    expect(second.equals(first)).toBe(true);
  });
});
