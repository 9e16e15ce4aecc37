// The Word writer on both example plans and an edge-case document: its XML, the PDF LibreOffice makes of it, its bytes.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, type Doc } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { columnWidths } from '../../src/writers/docx/table.js';
import { readZip } from '../../src/writers/docx/zip.js';
import { DEFAULT_THEME, type Theme } from '../../src/writers/theme.js';
import { EXAMPLES, rawAnswers, scratchDir } from '../helpers.js';
import { LONG_URL, STRESS_ROWS, stressDoc } from './docxStress.js';

const hasLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
// In CI the conversion must run; elsewhere a machine without LibreOffice skips it.
const checkWithLibreOffice = hasLibreOffice || Boolean(process.env.CI);

interface Case {
  name: 'en' | 'zh' | 'stress';
  answersFile: string;
  doc: Doc;
  createdAt: Date;
  bytes: Buffer;
  /** XML parts by name. */
  parts: Map<string, string>;
  /** Text of each page of the PDF LibreOffice made. */
  pages: string[];
}

const cases = new Map<Case['name'], Case>();
const get = (name: Case['name']) => cases.get(name)!;
const dir = scratchDir('opsplan-docx-');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const sources: [Case['name'], string, (doc: Doc) => Doc][] = [
    ['en', EXAMPLES.en, (doc) => doc],
    ['zh', EXAMPLES.zh, (doc) => doc],
    ['stress', EXAMPLES.en, stressDoc],
  ];
  for (const [name, answersFile, adapt] of sources) {
    const { plan } = await loadPlan(answersFile);
    const doc = adapt(composePlan(plan).doc);
    const createdAt = creationDate(plan);
    const bytes = await docxWriter.render(doc, { createdAt });
    const parts = new Map(readZip(bytes).filter((entry) => /\.(xml|rels)$/.test(entry.name)).map((entry) => [entry.name, entry.data.toString('utf8')]));
    writeFileSync(path.join(dir, `${name}.docx`), bytes);
    cases.set(name, { name, answersFile, doc, createdAt, bytes, parts, pages: [] });
  }
  if (!checkWithLibreOffice) return;
  // One LibreOffice start for all three files, with a profile of its own so parallel runs do not clash.
  const conversion = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...sources.map(([name]) => path.join(dir, `${name}.docx`))],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (conversion.status !== 0) throw new Error(`LibreOffice failed: ${conversion.stderr || conversion.error?.message}`);
  for (const [name] of sources) {
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
    if (text.status !== 0) throw new Error(`pdftotext failed on ${name}.pdf: ${text.stderr}`);
    get(name).pages = text.stdout.split('\f').slice(0, -1);
  }
});

const sectionHeadings = (doc: Doc) => doc.body.filter((block) => block.type === 'heading' && block.level === 1);
const contentsHeadings = (doc: Doc) =>
  doc.body.flatMap((block) => (block.type === 'heading' && block.level <= 2 ? [{ level: block.level, title: headingTitle(block.number, block.level, plainText(block.content)) }] : []));
const headingTitle = (number: string, level: number, text: string) => `${number}${level === 1 ? '.' : ''} ${text}`;
/** pdftotext spaces text as it is laid out (e.g. between Han and Latin), so comparisons ignore spaces. */
const squash = (text: string) => text.replace(/\s+/g, '');
const rowsOf = (xml: string) => xml.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
const cellsOf = (row: string) => row.match(/<w:tc\b[\s\S]*?<\/w:tc>/g) ?? [];
const textOf = (xml: string) => (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((run) => run.replace(/<[^>]+>/g, '')).join('');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The cost-list total as the plan prints it, worked out from the answers file alone. */
function expectedBudgetTotal(answersFile: string): string {
  const answers = rawAnswers(answersFile);
  const amounts: number[] = answers.accountPlan.costs.map((cost: { amount: number }) => cost.amount);
  const whole = amounts.every((amount) => Number.isInteger(amount));
  return new Intl.NumberFormat(answers.meta.language, {
    style: 'currency',
    currency: answers.meta.currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(amounts.reduce((sum, amount) => sum + amount, 0));
}

describe.each(['en', 'zh'] as const)('docx writer, %s example: document XML', (name) => {
  it('uses real heading styles, declared once, with the model numbers', () => {
    const { doc, parts } = get(name);
    const body = parts.get('word/document.xml')!;
    const styles = parts.get('word/styles.xml')!;
    for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(styles.match(new RegExp(`w:styleId="${style}"`, 'g'))).toHaveLength(1);
    expect(body.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(7);
    const headingParagraphs = (body.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading[12]"\/>[\s\S]*?<\/w:p>/g) ?? []).map(textOf);
    expect(headingParagraphs.map(unescapeXml)).toEqual(contentsHeadings(doc).map((heading) => heading.title));
    expect(sectionHeadings(doc)).toHaveLength(7);
  });

  it('repeats table headers, keeps rows whole and right-aligns a bold budget total', () => {
    const { answersFile, parts } = get(name);
    const body = parts.get('word/document.xml')!;
    const tables = body.match(/<w:tbl>/g)!.length;
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(tables);
    expect(body.match(/<w:cantSplit\/>/g)).toHaveLength(rowsOf(body).length);
    expect(body.match(/<w:gridCol w:w="\d+"\/>/g)!.length).toBeGreaterThanOrEqual(tables * 2);
    const total = expectedBudgetTotal(answersFile);
    const totalCells = rowsOf(body).flatMap(cellsOf).filter((cell) => unescapeXml(textOf(cell)) === total);
    expect(totalCells.length).toBeGreaterThanOrEqual(2);
    for (const cell of totalCells) {
      expect(cell).toContain('<w:jc w:val="right"/>');
      expect(cell).toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>/);
    }
  });

  it('gives East Asian text its own font slot and tags the language', () => {
    const { doc, parts } = get(name);
    const defaults = parts.get('word/styles.xml')!.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Calibri"/);
    expect(defaults).toMatch(new RegExp(`<w:lang [^>]*w:val="${doc.meta.language === 'en' ? 'en-US' : 'zh-CN'}"`));
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('writes the document properties from the model and the creation date', () => {
    const { doc, parts, createdAt } = get(name);
    const core = parts.get('docProps/core.xml')!;
    const field = (tag: string) => unescapeXml(core.match(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`))?.[1] ?? '');
    expect(field('dc:title')).toBe(doc.meta.title);
    expect(field('dc:creator')).toBe(doc.meta.author);
    expect(field('dc:subject')).toBe(doc.meta.subject);
    expect(field('cp:keywords')).toBe(doc.meta.keywords.join(', '));
    expect(field('dc:language')).toBe(doc.meta.language);
    expect(field('dcterms:created')).toBe(createdAt.toISOString().replace('.000', ''));
    expect(field('dcterms:modified')).toBe(field('dcterms:created'));
    expect(unescapeXml(parts.get('docProps/app.xml')!.match(/<Company>([^<]*)<\/Company>/)?.[1] ?? '')).toBe(doc.meta.company);
  });

  it('fills the contents with linked entries and page numbers, without asking Word to update fields', () => {
    const { doc, parts } = get(name);
    const body = parts.get('word/document.xml')!;
    expect(parts.get('word/settings.xml')).not.toContain('updateFields');
    expect(body).not.toContain('w:dirty');
    const entries = [...body.matchAll(/<w:hyperlink [^>]*w:anchor="(_Toc\d+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)];
    expect(entries.map((entry) => unescapeXml(textOf(entry[2]!.split('PAGEREF')[0]!)))).toEqual(contentsHeadings(doc).map((heading) => heading.title));
    for (const [, anchor, entry] of entries) {
      expect(entry).toMatch(new RegExp(`PAGEREF ${anchor} \\\\h</w:instrText><w:fldChar w:fldCharType="separate"/><w:t[^>]*>\\d+</w:t>`));
      expect(body).toContain(`w:name="${anchor}"`);
    }
  });
});

describe.skipIf(!checkWithLibreOffice).each(['en', 'zh', 'stress'] as const)('docx writer, %s: the PDF LibreOffice makes of it', (name) => {
  /** Pages before the one whose footer says page 1: the cover and the contents. */
  const frontPages = (item: Case) => {
    const firstFooter = squash(item.doc.labels.pageOf.split('{pages}')[0]!.replace('{page}', '1'));
    const index = item.pages.findIndex((page) => squash(page).includes(firstFooter));
    expect(index).toBeGreaterThan(0);
    return index;
  };
  const pageOfHeading = (item: Case, title: string) =>
    item.pages.findIndex((page, index) => index >= frontPages(item) && page.split('\n').some((line) => squash(line) === squash(title)));

  it('shows every section heading in order, in the plan language', () => {
    const item = get(name);
    const titles = sectionHeadings(item.doc).map((block) => (block.type === 'heading' ? headingTitle(block.number, 1, plainText(block.content)) : ''));
    if (item.doc.meta.language.startsWith('zh')) for (const title of titles) expect(title).toMatch(/\p{Script=Han}/u);
    const body = squash(item.pages.slice(frontPages(item)).join('\n'));
    const positions = titles.map((title) => body.indexOf(squash(title)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints contents page numbers that match the pages the headings are on', () => {
    const item = get(name);
    const front = frontPages(item);
    const entries = item.pages
      .slice(1, front)
      .flatMap((page) => page.split('\n'))
      .map((line) => /^\s*(.+?)\s*\.{4,}\s*(\d+)\s*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ title: match[1]!, page: Number(match[2]) }));
    expect(entries.map((entry) => squash(entry.title))).toEqual(contentsHeadings(item.doc).map((heading) => squash(heading.title)));
    for (const entry of entries) expect({ title: entry.title, page: pageOfHeading(item, entry.title) - front + 1 }).toEqual(entry);
  });

  it('numbers the plan pages from 1 after the cover and contents, with the total in the footer', () => {
    const item = get(name);
    const front = frontPages(item);
    const bodyPages = item.pages.length - front;
    const footer = (page: number) => squash(item.doc.labels.pageOf.replace('{page}', String(page)).replace('{pages}', String(bodyPages)));
    item.pages.slice(front).forEach((page, index) => expect(squash(page)).toContain(footer(index + 1)));
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const anyFooter = new RegExp(squash(item.doc.labels.pageOf).split(/\{pages?\}/).map(escape).join('\\d+'));
    for (const page of item.pages.slice(0, front)) expect(squash(page)).not.toMatch(anyFooter);
    expect(squash(item.pages[front]!)).toContain(squash(item.doc.meta.title));
  });

  it('prints the budget total worked out from the answers', () => {
    const item = get(name);
    expect(squash(item.pages.join('\n'))).toContain(squash(expectedBudgetTotal(item.answersFile)));
  });
});

describe('docx writer: edge cases', () => {
  it('writes marks, links, lists, quotes, code and the long table as Word structures', () => {
    const { parts } = get('stress');
    const body = parts.get('word/document.xml')!;
    const relationships = parts.get('word/_rels/document.xml.rels')!;
    const link = /<w:hyperlink [^>]*r:id="(rId\d+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(body)!;
    expect(textOf(link[2]!)).toBe('link');
    expect(relationships).toMatch(new RegExp(`Id="${link[1]}"[^>]*Target="https://example.com/a\\?b=1&amp;c=2"[^>]*TargetMode="External"`));
    expect(body).toContain('<w:strike/>');
    expect(body).toContain('<w:rStyle w:val="InlineCode"/>');
    expect(body).toContain('<w:pStyle w:val="CodeBlock"/>');
    expect(body).toContain('<w:pStyle w:val="Quote"/>');
    expect(body).toContain('<w:pStyle w:val="HorizontalRule"/>');
    expect(body).toMatch(/<w:br w:type="page"\/>/);
    expect(body).not.toContain('\u0007');
    expect(parts.get('word/numbering.xml')).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/>/);
    const longTable = body.match(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*Row 300[\s\S]*?<\/w:tbl>/)![0];
    expect(rowsOf(longTable)).toHaveLength(STRESS_ROWS + 2);
    expect(longTable.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // Arabic is text the page layout cannot measure exactly: the contents still get a number for every entry.
    expect(body.match(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>\d+<\/w:t>/g)).toHaveLength(contentsHeadings(get('stress').doc).length);
    expect(parts.get('word/charts/chart1.xml')).toContain('<c:barDir val="col"/>');
    expect(parts.get('word/charts/chart2.xml')).toMatch(/<c:ser>[\s\S]*<c:ser>/);
  });

  it.skipIf(!checkWithLibreOffice)('keeps long words, CJK and all 300 rows as literal text in the PDF', () => {
    const text = squash(get('stress').pages.join('\n'));
    const missing = [squash('<tag> & "quotes"'), '中文混排', squash(LONG_URL).slice(0, 40)].filter((expected) => !text.includes(expected));
    expect(missing).toEqual([]);
    const rows = new Set([...text.matchAll(/Row(\d+)/g)].map((match) => Number(match[1])));
    expect(Array.from({ length: STRESS_ROWS }, (_, index) => index + 1).filter((row) => !rows.has(row))).toEqual([]);
  });
});

describe('docx writer: theme and table widths', () => {
  it('takes page size, colours and footer text from the theme', async () => {
    const theme: Theme = {
      ...DEFAULT_THEME,
      colors: { ...DEFAULT_THEME.colors, primary: '7B2D8E' },
      page: { ...DEFAULT_THEME.page, size: 'Letter' },
      footerText: 'Confidential · Lumen Threads',
    };
    const bytes = await docxWriter.render(get('en').doc, { createdAt: get('en').createdAt, theme });
    const parts = new Map(readZip(bytes).map((entry) => [entry.name, entry.data.toString('utf8')]));
    const body = parts.get('word/document.xml')!;
    expect(body.match(/<w:pgSz w:w="12240" w:h="15840"/g)).toHaveLength(2);
    expect(body).toContain('<w:shd w:fill="7B2D8E"');
    const footers = [...parts].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(footers).toHaveLength(1);
    // PAGE differs on every page, so it has no stored value; the number of pages is stored from the page layout.
    expect(textOf(footers[0]!)).toMatch(/^Confidential · Lumen ThreadsPage {2}of \d+$/);
    expect(footers[0]).toMatch(/PAGE<\/w:instrText>[\s\S]*SECTIONPAGES<\/w:instrText>/);
  });

  const column = (header: string) => ({ kind: 'text' as const, align: 'left' as const, header: [{ type: 'text' as const, text: header, marks: {} }] });
  const cell = (text: string) => [{ type: 'text' as const, text, marks: {} }];

  it('keeps short columns on one line, lets long text wrap and fills the width', () => {
    const widths = columnWidths([column('Row'), column('Description'), column('Cost')], [[cell('Row 300'), cell('long text '.repeat(40)), cell('¥451,500')]], undefined, 9638);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(9638);
    expect(widths[1]).toBeGreaterThan(2 * (widths[0]! + widths[2]!));
    const wider = columnWidths([column('Row'), column('Description'), column('Cost')], [[cell('Row 300 000 000'), cell('long text '.repeat(40)), cell('¥451,500')]], undefined, 9638);
    expect(wider[0]).toBeGreaterThan(widths[0]!);
  });

  it('counts CJK characters as wide and caps what one long word may claim', () => {
    const latin = columnWidths([column('A'), column('B')], [[cell('abcdefghij'), cell('long text '.repeat(40))]], undefined, 9638);
    const cjk = columnWidths([column('A'), column('B')], [[cell('线下门店扫码入群客服'), cell('long text '.repeat(40))]], undefined, 9638);
    expect(cjk[0]! - 220).toBeGreaterThan(1.6 * (latin[0]! - 220));
    const url = columnWidths([column('Link'), column('Note')], [[cell(LONG_URL), cell('short note')]], undefined, 9638);
    expect(url[0]).toBeLessThan(9638);
    expect(url[1]).toBeGreaterThan(1000);
  });
});

describe('docx writer: repeatable output', () => {
  it('gives the same bytes for the same document and date, whatever was rendered before', async () => {
    const { doc, createdAt, bytes } = get('en');
    await docxWriter.render(get('zh').doc, { createdAt });
    const again = await docxWriter.render(doc, { createdAt });
    expect(again.equals(bytes)).toBe(true);
  });

  it('changes only with the date it is given', async () => {
    const { doc } = get('en');
    const later = new Date('2027-03-04T05:06:08Z');
    const bytes = await docxWriter.render(doc, { createdAt: later });
    const core = readZip(bytes).find((entry) => entry.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-04T05:06:08Z</dcterms:created>');
    const before = new Map(readZip(get('en').bytes).map((entry) => [entry.name, entry.data]));
    const changed = readZip(bytes).filter((entry) => !before.get(entry.name)?.equals(entry.data)).map((entry) => entry.name);
    // The chart's embedded workbook is a zip of its own, dated like the document.
    expect(changed).toEqual(['docProps/core.xml', 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx']);
  });
});
