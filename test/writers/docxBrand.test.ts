// The Word writer with a client's brand: colours, logo on the cover and in the header, fonts named and embedded, the
// brand's cover lines and footer, checked in the package XML and in the PDF LibreOffice makes of it.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import { plainText, type Doc } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { readZip } from '../../src/writers/docx/zip.js';
import type { Theme } from '../../src/writers/theme.js';
import { EXAMPLES, ROOT, scratchDir } from '../helpers.js';

const hasLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const checkWithLibreOffice = hasLibreOffice || Boolean(process.env.CI);

const BRANDS = {
  harbor: path.join(ROOT, 'test', 'fixtures', 'brands', 'harbor', 'brand.yaml'),
  jade: path.join(ROOT, 'test', 'fixtures', 'brands', 'jade', 'brand.yaml'),
} as const;

type BrandName = keyof typeof BRANDS;
type PlanName = keyof typeof EXAMPLES;

interface Rendered {
  doc: Doc;
  theme: Theme;
  bytes: Buffer;
  /** Every part of the package by name. */
  parts: Map<string, Buffer>;
  xml: (name: string) => string;
}

const rendered = new Map<string, Rendered>();
const key = (brand: BrandName, plan: PlanName) => `${brand}-${plan}`;
const get = (brand: BrandName, plan: PlanName) => rendered.get(key(brand, plan))!;
const dir = scratchDir('opsplan-docx-brand-');
/** Text of each page of the PDFs LibreOffice made, by file stem. */
const pdfPages = new Map<string, string[]>();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  for (const brand of Object.keys(BRANDS) as BrandName[]) {
    const { theme } = await loadBrand(BRANDS[brand]);
    for (const plan of Object.keys(EXAMPLES) as PlanName[]) {
      const { plan: answers } = await loadPlan(EXAMPLES[plan]);
      const { doc } = composePlan(answers);
      const bytes = await docxWriter.render(doc, { createdAt: creationDate(answers), theme });
      const parts = new Map(readZip(bytes).map((entry) => [entry.name, entry.data]));
      rendered.set(key(brand, plan), { doc, theme, bytes, parts, xml: (name) => parts.get(name)?.toString('utf8') ?? '' });
      writeFileSync(path.join(dir, `${key(brand, plan)}.docx`), bytes);
    }
  }
  if (!checkWithLibreOffice) return;
  const stems = [key('harbor', 'en'), key('jade', 'zh')];
  const conversion = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...stems.map((stem) => path.join(dir, `${stem}.docx`))],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (conversion.status !== 0) throw new Error(`LibreOffice failed: ${conversion.stderr || conversion.error?.message}`);
  for (const stem of stems) {
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, `${stem}.pdf`), '-'], { encoding: 'utf8' });
    pdfPages.set(stem, text.stdout.split('\f').slice(0, -1));
  }
});

/** Relationship targets of a part by id. */
function relationships(item: Rendered, part: string): Map<string, string> {
  const name = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  return new Map([...item.xml(name).matchAll(/<Relationship\b[^>]*>/g)].map((match) => [/\bId="([^"]+)"/.exec(match[0])![1]!, /\bTarget="([^"]+)"/.exec(match[0])![1]!]));
}

/** The media files a part's pictures show, as package names: the picture and, for SVG, its PNG fallback. */
function picturesIn(item: Rendered, part: string): string[] {
  const targets = relationships(item, part);
  return [...item.xml(part).matchAll(/r:embed="([^"]+)"/g)].map((match) => `word/${targets.get(match[1]!)}`);
}

const textOf = (xml: string) => (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((run) => run.replace(/<[^>]+>/g, '')).join('');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const squash = (text: string) => text.replace(/\s+/g, '');

function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const cases = (['harbor', 'jade'] as const).flatMap((brand) => (['en', 'zh'] as const).map((plan) => [brand, plan] as const));

describe.each(cases)('docx writer with the %s brand, %s plan', (brand, plan) => {
  it('colours headings, table headers and rules with the brand colour', () => {
    const item = get(brand, plan);
    const primary = item.theme.colors.primary;
    const styles = item.xml('word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'CoverTitle', 'TOCHeading']) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0];
      expect(style).toContain(`<w:color w:val="${primary}"/>`);
    }
    expect(styles.match(/<w:style [^>]*w:styleId="HorizontalRule"[\s\S]*?<\/w:style>/)![0]).toContain(`w:color="${primary}"`);
    const body = item.xml('word/document.xml');
    const headerCells = [...body.matchAll(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g)].map((row) => row[0]);
    expect(headerCells.length).toBeGreaterThan(3);
    for (const row of headerCells) expect(row).toContain(`<w:shd w:fill="${primary}"`);
    expect(item.xml('word/charts/chart1.xml')).toContain(`<a:srgbClr val="${primary}"/>`);
    // The totals row is ruled off in the accent colour, as in the HTML and PDF plans.
    expect(body).toMatch(new RegExp(`<w:tcBorders><w:top [^>]*w:color="${item.theme.colors.accent}"`));
  });

  it('shows the logo on the cover and small in the page header, aspect kept', () => {
    const item = get(brand, plan);
    const logo = item.theme.logo!;
    const cover = picturesIn(item, 'word/document.xml');
    const headers = [...item.parts.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name));
    expect(headers).toHaveLength(1);
    const header = picturesIn(item, headers[0]!);
    const expectedKinds = logo.type === 'svg' ? ['svg', 'png'] : [logo.type];
    for (const pictures of [cover, header]) {
      expect(pictures.map((name) => path.extname(name).slice(1)).sort()).toEqual([...expectedKinds].sort());
      for (const name of pictures) expect(item.parts.has(name)).toBe(true);
    }
    const original = [...item.parts].find(([name]) => name.startsWith('word/media/') && name.endsWith(`.${logo.type === 'jpeg' ? 'jpg' : logo.type}`))!;
    expect(original[1].equals(logo.data)).toBe(true);
    if (logo.type === 'svg') {
      // The PNG rendering stands in for the SVG where SVG cannot be drawn: same aspect, sharp enough to print.
      const fallback = pngSize(item.parts.get(cover.find((name) => name.endsWith('.png'))!)!);
      expect(fallback.width / fallback.height).toBeCloseTo(logo.width / logo.height, 1);
      expect(fallback.width).toBeGreaterThanOrEqual(600);
    }
    // Sizes in EMU (914,400 to the inch): the cover logo fits 60 x 25 mm, the header logo is at most 8 mm high.
    const extents = (part: string) => [...item.xml(part).matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => ({ cx: Number(match[1]), cy: Number(match[2]) }));
    const mm = (emu: number) => (emu / 914_400) * 25.4;
    const coverLogo = extents('word/document.xml')[0]!;
    const headerLogo = extents(headers[0]!)[0]!;
    expect(mm(coverLogo.cx)).toBeLessThanOrEqual(60.1);
    expect(mm(coverLogo.cy)).toBeLessThanOrEqual(25.1);
    expect(Math.max(mm(coverLogo.cx) / 60, mm(coverLogo.cy) / 25)).toBeGreaterThan(0.95);
    expect(mm(headerLogo.cy)).toBeLessThanOrEqual(8.1);
    expect(mm(headerLogo.cy)).toBeGreaterThan(4);
    for (const extent of [coverLogo, headerLogo]) expect(extent.cx / extent.cy).toBeCloseTo(logo.width / logo.height, 1);
    // The header logo sits beside the plan title.
    expect(unescapeXml(textOf(item.xml(headers[0]!)))).toBe(item.doc.meta.title);
  });

  it('names the brand fonts in the styles and embeds their files', () => {
    const item = get(brand, plan);
    const fonts = item.theme.fonts!;
    const defaults = item.xml('word/styles.xml').match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    const heading = item.xml('word/styles.xml').match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)![0];
    if (fonts.body) {
      expect(defaults).toMatch(new RegExp(`<w:rFonts [^>]*w:ascii="${fonts.body.family}"[^>]*w:hAnsi="${fonts.body.family}"`));
      expect(heading).toMatch(new RegExp(`w:ascii="${fonts.body.family}"`));
    }
    if (fonts.cjk) expect(defaults).toMatch(new RegExp(`w:eastAsia="${fonts.cjk.family}"`));
    const table = item.xml('word/fontTable.xml');
    const targets = relationships(item, 'word/fontTable.xml');
    const embedded = [fonts.body, fonts.heading, fonts.cjk].filter((font) => font !== undefined);
    expect(embedded.length).toBeGreaterThan(0);
    for (const font of embedded) {
      const entry = table.match(new RegExp(`<w:font w:name="${font.family}">[\\s\\S]*?</w:font>`))?.[0];
      expect(entry).toBeDefined();
      const [, id, fontKey] = /<w:embedRegular r:id="([^"]+)" w:fontKey="\{([^}]+)\}"\/>/.exec(entry!)!;
      const file = item.parts.get(`word/${targets.get(id!)}`)!;
      // Undoing the obfuscation the standard describes gives back the brand's font file byte for byte.
      const keyBytes = Buffer.from(fontKey!.replace(/-/g, ''), 'hex').reverse();
      const plain = Buffer.from(file);
      for (let index = 0; index < 32; index += 1) plain[index]! ^= keyBytes[index % 16]!;
      expect(plain.equals(font.data)).toBe(true);
    }
    expect(item.xml('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
  });

  it('puts the brand line and confidentiality on the cover, and footer text with confidentiality in the footer', () => {
    const item = get(brand, plan);
    const { theme } = item;
    const body = item.xml('word/document.xml');
    const coverEnd = body.indexOf('w:val="TOCHeading"');
    const coverText = unescapeXml(textOf(body.slice(0, coverEnd)));
    expect(coverText).toContain(`${theme.brandName} · ${theme.coverSubtitle}`);
    expect(coverText).toContain(theme.confidentiality);
    expect(coverText.indexOf(item.doc.cover.title)).toBeLessThan(coverText.indexOf(theme.brandName!));
    const footers = [...item.parts.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = unescapeXml(textOf(item.xml(footers[0]!)));
    const left = [theme.footerText, theme.confidentiality].filter(Boolean).join(' · ');
    expect(footer.startsWith(left)).toBe(true);
  });

  it('keeps the brand page size and the same bytes on a second render', async () => {
    const item = get(brand, plan);
    const size = item.theme.page.size === 'Letter' ? 'w:w="12240" w:h="15840"' : 'w:w="11906" w:h="16838"';
    expect(item.xml('word/document.xml').match(new RegExp(`<w:pgSz ${size}`, 'g'))).toHaveLength(2);
    const { plan: answers } = await loadPlan(EXAMPLES[plan]);
    const again = await docxWriter.render(item.doc, { createdAt: creationDate(answers), theme: item.theme });
    expect(again.equals(item.bytes)).toBe(true);
  });
});

describe.skipIf(!checkWithLibreOffice)('docx writer with a brand: the PDF LibreOffice makes of it', () => {
  const pdf = (stem: string) => path.join(dir, `${stem}.pdf`);

  it.each([['harbor', 'en'], ['jade', 'zh']] as const)('draws the %s logo on the cover and in every plan page header (%s)', (brand, plan) => {
    const list = spawnSync('pdfimages', ['-list', pdf(key(brand, plan))], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    const images = list.stdout.split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => line.trim().split(/\s+/));
    const pages = new Set(images.map((columns) => Number(columns[0])));
    const pageCount = pdfPages.get(key(brand, plan))!.length;
    expect(pages.has(1)).toBe(true);
    // The cover and contents have no header; every page from the plan's first on has the logo in it.
    const bodyPages = Array.from({ length: pageCount }, (_, index) => index + 1).filter((page) => page > 2);
    expect(bodyPages.filter((page) => !pages.has(page))).toEqual([]);
    const logo = get(brand, plan).theme.logo!;
    const coverImage = images.find((columns) => columns[0] === '1')!;
    expect(Number(coverImage[3]) / Number(coverImage[4])).toBeCloseTo(logo.width / logo.height, 1);
  });

  it.each([['harbor', 'en', 'NotoSans-Light'], ['jade', 'zh', 'NotoSansSC-Light']] as const)('sets the %s plan (%s) in the embedded brand font', (brand, plan, font) => {
    const fonts = spawnSync('pdffonts', [pdf(key(brand, plan))], { encoding: 'utf8' });
    expect(fonts.stdout).toContain(font);
  });

  it.each([['harbor', 'en'], ['jade', 'zh']] as const)('prints contents page numbers that match the pages in the brand fonts (%s, %s)', (brand, plan) => {
    const item = get(brand, plan);
    const pages = pdfPages.get(key(brand, plan))!;
    const firstFooter = squash(item.doc.labels.pageOf.split('{pages}')[0]!.replace('{page}', '1'));
    const front = pages.findIndex((page) => squash(page).includes(firstFooter));
    expect(front).toBeGreaterThan(0);
    const entries = pages
      .slice(1, front)
      .flatMap((page) => page.split('\n'))
      .map((line) => /^\s*(.+?)\s*\.{4,}\s*(\d+)\s*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ title: match[1]!, page: Number(match[2]) }));
    const headings = item.doc.body.flatMap((block) => (block.type === 'heading' && block.level <= 2 ? [`${block.number}${block.level === 1 ? '.' : ''} ${plainText(block.content)}`] : []));
    expect(entries.map((entry) => squash(entry.title))).toEqual(headings.map(squash));
    for (const entry of entries) {
      const page = pages.findIndex((text, index) => index >= front && text.split('\n').some((line) => squash(line) === squash(entry.title)));
      expect({ title: entry.title, page: page - front + 1 }).toEqual(entry);
    }
    const footer = squash(item.doc.labels.pageOf.replace('{page}', '1').replace('{pages}', String(pages.length - front)));
    expect(squash(pages[front]!)).toContain(footer);
  });

  it.each([['harbor', 'en'], ['jade', 'zh']] as const)('keeps every amount of money whole on its line, table columns being measured in the brand font (%s, %s)', (brand, plan) => {
    const item = get(brand, plan);
    const amount = /(?:CN)?¥[\d,]*\d/g;
    const written = (JSON.stringify([item.doc.cover, item.doc.body]).match(amount) ?? []).sort();
    const drawn = (pdfPages.get(key(brand, plan))!.join('\n').match(amount) ?? []).sort();
    expect(written.length).toBeGreaterThan(20);
    // A column too narrow for its widest figure breaks it, and "CN¥101,00" shows on one line with its "0" below.
    expect(drawn).toEqual(written);
  });
});

describe('docx writer with a brand: a logo that cannot be drawn', () => {
  it('refuses an SVG logo resvg cannot read with a message and a hint, not a stack trace', async () => {
    const item = get('jade', 'en');
    const broken: Theme = { ...item.theme, logo: { type: 'svg', data: Buffer.from('<svg width="120" height="40"><rect width="120" height="40"'), width: 120, height: 40 } };
    await expect(docxWriter.render(item.doc, { createdAt: new Date('2026-01-01T00:00:00Z'), theme: broken })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining("brand's SVG logo cannot be drawn"),
    });
  });
});
