// The PDF writer, checked with real PDF software (qpdf, poppler): structure, extracted text, fonts, bookmarks, layout.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainText, type Block, type Doc, type Inline, type Marks } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { builtinFace } from '../../src/writers/pdf/fonts.js';
import { breakLines } from '../../src/writers/pdf/lineBreak.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { plainSpans } from '../../src/writers/pdf/spans.js';
import { typefacesFor } from '../../src/writers/pdf/typefaces.js';
import { DEFAULT_THEME, type Theme } from '../../src/writers/theme.js';
import { EXAMPLES, rawAnswers, run, scratchDir, withTools } from '../helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const noSpace = (text: string) => text.replace(/\s+/g, '');
const MM = 72 / 25.4;
const CREATED = new Date('2026-12-01T00:00:00Z');

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words with their boxes, page by page, as poppler places them. */
function wordBoxes(file: string): Word[][] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((match) => ({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: match[5]!,
    })),
  );
}

/** Pairs of words whose boxes overlap by more than a hair, and words outside the page. */
function layoutProblems(pages: Word[][], pageSize: { width: number; height: number }): string[] {
  const problems: string[] = [];
  pages.forEach((words, page) => {
    words.forEach((word, index) => {
      if (word.xMin < 0 || word.yMin < 0 || word.xMax > pageSize.width || word.yMax > pageSize.height) problems.push(`page ${page + 1}: "${word.text}" is off the page`);
      for (const other of words.slice(index + 1)) {
        const overlapX = Math.min(word.xMax, other.xMax) - Math.max(word.xMin, other.xMin);
        const overlapY = Math.min(word.yMax, other.yMax) - Math.max(word.yMin, other.yMin);
        if (overlapX > 0.5 && overlapY > 0.5) problems.push(`page ${page + 1}: "${word.text}" overlaps "${other.text}"`);
      }
    });
  });
  return problems;
}

/**
 * Words of body pages that stray into the header or footer band of the default theme. Word boxes span the font's
 * whole ascent and descent, more than the glyphs, so a box may reach a little past the frame; the header and footer
 * rules sit 8 pt outside it.
 */
function furnitureIntrusions(pages: Word[][], furniture: (word: Word) => boolean, frameTop: number, frameBottom: number): string[] {
  return pages.slice(1).flatMap((words, page) =>
    words
      .filter((word) => !furniture(word) && (word.yMin < frameTop - 4 || word.yMax > frameBottom + 4))
      .map((word) => `page ${page + 2}: "${word.text}" (${word.yMin.toFixed(1)}-${word.yMax.toFixed(1)}) is outside the body frame`),
  );
}

const text = (value: string, marks: Marks = {}): Inline => ({ type: 'text', text: value, marks });

function syntheticDoc(body: Block[], language = 'en'): Doc {
  return {
    meta: { title: 'Stress test plan', subject: 'WeChat operations plan', author: 'Test Author', company: 'Test Co', language, date: '2026-12-01', keywords: ['Test Co'] },
    labels: { contents: 'Contents', pageOf: 'Page {page} of {pages}' },
    cover: { title: 'Stress test plan', blocks: [{ type: 'paragraph', content: [text('Test Co', { bold: true })] }] },
    body,
  };
}

describe.each([
  ['English', EXAMPLES.en],
  ['Chinese', EXAMPLES.zh],
])('PDF of the %s example plan', (_name, file) => {
  let doc: Doc;
  let pdf: Buffer;
  let pdfPath: string;
  let answers: Record<string, any>;
  let sections: Extract<Block, { type: 'heading' }>[];

  beforeAll(async () => {
    const { plan } = await loadPlan(file);
    doc = composePlan(plan).doc;
    pdf = await pdfWriter.render(doc, { createdAt: creationDate(plan) });
    pdfPath = path.join(scratchDir('opsplan-pdf-'), 'plan.pdf');
    writeFileSync(pdfPath, pdf);
    answers = rawAnswers(file);
    sections = doc.body.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading' && block.level === 1);
  });

  it('has the seven sections in the model it renders', () => {
    expect(sections).toHaveLength(7);
  });

  it('is byte-for-byte the same when rendered again', async () => {
    const again = await pdfWriter.render(doc, { createdAt: creationDate((await loadPlan(file)).plan) });
    expect(again.equals(pdf)).toBe(true);
    const otherDate = await pdfWriter.render(doc, { createdAt: new Date('2030-01-01T00:00:00Z') });
    expect(otherDate.equals(pdf)).toBe(false);
  });

  it('stays under 1 MB', () => {
    expect(pdf.byteLength).toBeLessThan(1024 * 1024);
  });

  withTools('qpdf')('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', pdfPath])).toMatch(/No syntax or stream encoding errors/);
  });

  withTools('pdfinfo')('carries title, author, subject, language and creation date', () => {
    const info = run('pdfinfo', ['-isodates', pdfPath]);
    expect(info).toContain(`Title:           ${answers.meta.title}`);
    expect(info).toContain(`Author:          ${doc.meta.author}`);
    expect(info).toContain(`Subject:         ${doc.meta.subject}`);
    expect(info).toContain('Creator:         opsplan');
    expect(info).toContain(`CreationDate:    ${answers.meta.date}T00:00:00Z`);
    expect(pdf.toString('latin1')).toContain(`/Lang (${answers.meta.language})`);
  });

  withTools('pdftotext')('shows the contents, then the seven sections in order, as text that extracts exactly', () => {
    const extracted = squash(run('pdftotext', ['-layout', pdfPath, '-']));
    const contents = extracted.indexOf(doc.labels.contents);
    expect(contents).toBeGreaterThan(-1);
    let position = contents;
    // Twice over: once in the table of contents, once in the body.
    for (const pass of ['contents', 'body']) {
      for (const section of sections) {
        const heading = `${section.number} ${squash(plainText(section.content))}`;
        const found = extracted.indexOf(heading, position);
        expect(found, `${heading} (${pass})`).toBeGreaterThan(position);
        position = found;
      }
    }
  });

  withTools('pdftotext')('prints the budget total and every cost item with its amount', () => {
    const extracted = squash(run('pdftotext', ['-layout', pdfPath, '-']));
    const money = new Intl.NumberFormat(answers.meta.language, {
      style: 'currency',
      currency: answers.meta.currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    const costs = answers.accountPlan.costs as { item: string; amount: number }[];
    const total = costs.reduce((sum, cost) => sum + cost.amount, 0);
    expect(extracted).toContain(money.format(total));
    for (const cost of costs) {
      expect(extracted).toMatch(new RegExp(`${cost.item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*?${money.format(cost.amount).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  withTools('pdftotext', 'pdfinfo')('numbers pages from the first section, and the contents give the right pages', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfPath]))![1]);
    const layout = run('pdftotext', ['-layout', pdfPath, '-']);
    const footer = new RegExp(doc.labels.pageOf.replace('{page}', '(\\d+)').replace('{pages}', '(\\d+)'), 'g');
    const footers = [...layout.matchAll(footer)].map((match) => [Number(match[1]), Number(match[2])]);
    const bodyPages = footers[0]![1]!;
    expect(footers.map(([page]) => page)).toEqual(Array.from({ length: bodyPages }, (_, index) => index + 1));
    expect(footers.every(([, of]) => of === bodyPages)).toBe(true);
    const frontPages = pages - bodyPages;
    expect(frontPages).toBeGreaterThanOrEqual(2);
    // Viewers number pages as printed: roman numerals before the first section, then 1, 2, 3...
    const labels = JSON.parse(run('qpdf', ['--json', '--json-key=pagelabels', pdfPath])) as { pagelabels: { index: number; label: Record<string, string | number> }[] };
    expect(labels.pagelabels.map((entry) => [entry.index, entry.label['/S']])).toEqual([[0, '/r'], [frontPages, '/D']]);
    // Each section's contents entry names the page that its bookmark opens.
    const outline = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdfPath])) as { outlines: { title: string; destpageposfrom1: number }[] };
    for (const [index, section] of sections.entries()) {
      const entry = new RegExp(`^\\s*${section.number}\\s+${squash(plainText(section.content)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s*$`, 'm').exec(layout);
      expect(entry, section.number).not.toBeNull();
      expect(Number(entry![1])).toBe(outline.outlines[index]!.destpageposfrom1 - frontPages);
    }
  });

  withTools('qpdf')('has a bookmark for every section and subsection', () => {
    const outline = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdfPath])) as {
      outlines: { title: string; destpageposfrom1: number; kids: { title: string }[] }[];
    };
    const expected: { title: string; kids: string[] }[] = [];
    for (const block of doc.body) {
      if (block.type !== 'heading' || block.number === '') continue;
      const title = `${block.number} ${plainText(block.content)}`;
      if (block.level === 1) expected.push({ title, kids: [] });
      else if (block.level === 2) expected.at(-1)!.kids.push(title);
    }
    expect(outline.outlines.map((item) => ({ title: item.title, kids: item.kids.map((kid) => kid.title) }))).toEqual(expected);
    const pages = outline.outlines.map((item) => item.destpageposfrom1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  withTools('pdffonts')('embeds every font as a subset with a Unicode map', () => {
    const rows = run('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/\+\S+\s.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    if (answers.meta.language === 'zh-CN') expect(rows.some((row) => row.includes('NotoSansSC'))).toBe(true);
  });

  withTools('pdftotext')('never lets text overlap, or body text reach into the header and footer', () => {
    const pageSize = { width: 595.28, height: 841.89 };
    const pages = wordBoxes(pdfPath);
    expect(layoutProblems(pages, pageSize)).toEqual([]);
    const { top, bottom } = DEFAULT_THEME.page.margins;
    const titleWords = new Set(answers.meta.title.split(/\s+/));
    const footerWords = new Set(doc.labels.pageOf.split(/\s+/));
    const furniture = (word: Word) => titleWords.has(word.text) || footerWords.has(word.text) || /^\d+$/.test(word.text) || word.text === answers.meta.title || /^第|页/.test(word.text);
    expect(furnitureIntrusions(pages, furniture, top * MM, pageSize.height - bottom * MM)).toEqual([]);
  });
});

const heading = (number: string, title: string, level = 1): Block => ({ type: 'heading', level, number, id: `section-${number.replace(/\./g, '-')}`, content: [text(title)] });

function itemTable(rows: number): Block {
  return {
    type: 'table',
    columns: [
      { kind: 'text', align: 'left', header: [text('Item name')] },
      { kind: 'number', align: 'right', header: [text('Quantity')] },
      { kind: 'money', align: 'right', header: [text('Amount')] },
    ],
    rows: Array.from({ length: rows }, (_, index) => [[text(`Row ${String(index + 1).padStart(3, '0')} item`)], [text(String(index * 7))], [text(`CN¥${(index * 130).toLocaleString('en')}`)]]),
    totals: [[text('Total')], [text('313,950')], [text('CN¥5,830,500')]],
  };
}

describe('PDF of large and awkward documents', () => {
  const rows = 300;
  const table = itemTable(rows);

  withTools('pdftotext', 'qpdf')('renders a 300-row table with every row, and the header repeated on every page', async () => {
    const pdf = await pdfWriter.render(syntheticDoc([heading('1', 'Budget'), table]), { createdAt: CREATED });
    const file = path.join(scratchDir('opsplan-pdf-'), 'rows.pdf');
    writeFileSync(file, pdf);
    run('qpdf', ['--check', file]);
    const pages = run('pdftotext', ['-layout', file, '-']).split('\f').filter((page) => page.trim() !== '');
    const all = pages.join('\n');
    for (let index = 1; index <= rows; index += 1) expect(all).toContain(`Row ${String(index).padStart(3, '0')} item`);
    expect(all).toContain('CN¥5,830,500');
    const tablePages = pages.filter((page) => /Row \d{3} item/.test(page));
    expect(tablePages.length).toBeGreaterThan(4);
    for (const page of tablePages) expect(page).toMatch(/Item name\s+Quantity\s+Amount/);
    expect(layoutProblems(wordBoxes(file), { width: 595.28, height: 841.89 })).toEqual([]);
  });

  withTools('pdftotext', 'qpdf')('lays out long Chinese text, long words, links, emoji, 40 competitors and every block type without overlap', async () => {
    const chinese = '同行的VIP群大多只发价格表，互动少、沉默成员多。做得好的两家都有固定的活动节奏（提前一天预告、第二天开抢），并由专人解答用药与资质问题。'.repeat(30);
    const longWord = 'Supercalifragilisticexpialidocious'.repeat(4);
    const url = 'https://example.com/a/very/long/path/that/keeps/going/and/going/until/it/cannot/fit/on/one/line/of/the/page/at/all/index.html';
    const competitors = Array.from({ length: 40 }, (_, index) => [
      [text(`Competitor ${index + 1} 竞品账号`)],
      [text(index % 2 ? 'Subscription account' : '服务号')],
      [text('Posts three times a week; 每周三预告、周四开抢，客户已形成习惯。'.repeat(1 + (index % 3)))],
    ]);
    const theme: Theme = { ...DEFAULT_THEME, page: { size: 'Letter', margins: { top: 12, right: 15, bottom: 12, left: 15 } }, footerText: '内部资料 Confidential' };
    const body: Block[] = [
      heading('1', '竞品分析 Competitors'),
      { type: 'paragraph', content: [text(chinese)] },
      { type: 'paragraph', content: [text(`${longWord} and a link: `), { type: 'text', text: url, marks: {}, href: url }, text(' then emoji 😀👍🏽 and ❤️ end.')] },
      { type: 'table', columns: [{ kind: 'text', align: 'left', header: [text('账号 Account')] }, { kind: 'text', align: 'left', header: [text('类型')] }, { kind: 'text', align: 'left', header: [text('Strengths 优势')] }], rows: competitors },
      heading('1.1', 'Lists, quotes and code', 2),
      { type: 'list', ordered: true, start: 1, items: [[{ type: 'paragraph', content: [text('First, ', {}), text('bold', { bold: true }), text(' and '), text('italic', { italic: true }), text(' and '), text('code()', { code: true }), text(' and '), text('struck', { strike: true })] }, { type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', content: [text('嵌套列表项')] }], [{ type: 'paragraph', content: [text('Nested item')] }]] }]] },
      { type: 'quote', blocks: [{ type: 'paragraph', content: [text('A quoted remark that runs long enough to wrap onto a second line of the page, so that the bar beside it spans both lines.')] }] },
      { type: 'code', text: 'const plan = load("answers.yaml");\n  // 注释 with non-ASCII\n' + 'x'.repeat(200) },
      { type: 'rule' },
      { type: 'pageBreak' },
      heading('2', 'Growth'),
      { type: 'chart', chart: 'bar', title: '各季度末成员数 Members', labels: ['Start', 'Q1', 'Q2', 'Q3 with a long label', 'Q4'], series: [{ name: 'Members', values: [186, 260, 340, 420, 500] }, { name: 'Target', values: [200, 250, 300, 450, 520] }], valueLabels: [['186', '260', '340', '420', '500'], ['200', '250', '300', '450', '520']] },
    ];
    const pdf = await pdfWriter.render(syntheticDoc(body, 'zh-CN'), { createdAt: CREATED, theme });
    const file = path.join(scratchDir('opsplan-pdf-'), 'awkward.pdf');
    writeFileSync(file, pdf);
    run('qpdf', ['--check', file]);
    const extracted = noSpace(run('pdftotext', [file, '-']));
    expect(extracted).toContain(noSpace(chinese));
    expect(extracted).toContain(longWord);
    expect(extracted).toContain(url);
    for (let index = 1; index <= 40; index += 1) expect(extracted).toContain(`Competitor${index}竞品账号`);
    expect(extracted).toContain('内部资料Confidential');
    expect(extracted).toContain('嵌套列表项');
    expect(pdf.toString('latin1')).toContain(`/URI (${url})`);
    const letter = { width: 612, height: 792 };
    expect(layoutProblems(wordBoxes(file), letter)).toEqual([]);
  });
});

/** A plain RGB PNG of one colour, built here so the test needs no image file. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('PDF of a document without sections', () => {
  withTools('qpdf', 'pdfinfo')('is just the cover, without contents or page numbers', async () => {
    const pdf = await pdfWriter.render(syntheticDoc([]), { createdAt: CREATED });
    const file = path.join(scratchDir('opsplan-pdf-'), 'empty.pdf');
    writeFileSync(file, pdf);
    run('qpdf', ['--check', file]);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
  });
});

describe('PDF with a brand', () => {
  const brand: Theme = {
    ...DEFAULT_THEME,
    colors: { ...DEFAULT_THEME.colors, primary: '007C80' },
    brandName: 'Harbor Consulting',
    coverSubtitle: 'Prepared for Lumen Threads',
    footerText: 'harbor.example',
    confidentiality: 'Confidential',
    logo: { type: 'png', data: solidPng(40, 20, [0, 124, 128]), width: 40, height: 20 },
  };

  withTools('pdftotext', 'pdfimages', 'pdfinfo')('shows the brand line, logo and confidentiality on the cover and in the footer, with the logo embedded once', async () => {
    const pdf = await pdfWriter.render(syntheticDoc([heading('1', 'Budget'), itemTable(120)]), { createdAt: CREATED, theme: brand });
    const file = path.join(scratchDir('opsplan-pdf-'), 'brand.pdf');
    writeFileSync(file, pdf);
    const pages = run('pdftotext', ['-layout', file, '-']).split('\f').filter((page) => page.trim() !== '');
    expect(squash(pages[0]!)).toContain('Harbor Consulting · Prepared for Lumen Threads');
    expect(squash(pages[0]!)).toContain('Confidential');
    const numbered = pages.filter((page) => /Page \d+ of \d+/.test(page));
    expect(numbered.length).toBeGreaterThan(2);
    for (const page of numbered) expect(page).toContain('harbor.example · Confidential');
    // One image object, placed on the cover and on every page with a header.
    const placements = run('pdfimages', ['-list', file]).trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
    const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    expect(placements).toHaveLength(pageCount);
    expect(new Set(placements.map((columns) => columns[10])).size).toBe(1);
  });

  it('reports a PNG or SVG logo it cannot decode', async () => {
    const doc = syntheticDoc([heading('1', 'Budget'), itemTable(3)]);
    const broken = solidPng(4, 4, [0, 0, 0]).subarray(0, 40);
    await expect(pdfWriter.render(doc, { createdAt: CREATED, theme: { ...brand, logo: { type: 'png', data: broken, width: 4, height: 4 } } })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"></svg>');
    await expect(pdfWriter.render(doc, { createdAt: CREATED, theme: { ...brand, logo: { type: 'svg', data: svg, width: 10, height: 10 } } })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});

describe('shaping', () => {
  const face = () => builtinFace({ script: 'latin', weight: 400 }).font!;

  it('kerns letter pairs', () => {
    const { positions, glyphs } = face().layout('AVATAR');
    // "A" before "V" is drawn narrower than its own advance: the pair is kerned.
    expect(positions[0]!.xAdvance).toBeLessThan(glyphs[0]!.advanceWidth);
  });

  it('draws Han text unshaped exactly as the shaper would, glyph for glyph and advance for advance', () => {
    const face = builtinFace({ script: 'cjk', weight: 400 });
    const text = '川药通会员群：（第一季度）复购率提升至５５％，「每周四」会员日。';
    face.cacheHan(text);
    const cached = face.shapedRunCache()[text] as { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
    const shaped = face.font!.layout(text);
    const scale = 1000 / face.font!.unitsPerEm;
    expect(cached.glyphs.map((glyph) => glyph.id)).toEqual(shaped.glyphs.map((glyph) => glyph.id));
    expect(cached.positions.map((position) => [position.xAdvance, position.xOffset, position.yOffset]))
      .toEqual(shaped.positions.map((position) => [position.xAdvance * scale, position.xOffset * scale, position.yOffset * scale]));
  });

  it('places a combining accent over its letter, as it does without the shortcut for plain text', () => {
    const decomposed = face().layout('Cafe\u0301');
    expect(decomposed.positions[4]!.xOffset).not.toBe(0);
    expect(decomposed.positions[4]!.xAdvance).toBe(0);
  });
});

describe('line breaking', () => {
  const NO_START = [...'，。、；：？！）」』】》'];
  const NO_END = [...'（「『【《'];
  const style = { size: 10, color: '000000', fonts: typefacesFor(DEFAULT_THEME) };
  const lineText = (line: { pieces: { text: string }[] }) => line.pieces.map((piece) => piece.text).join('');

  it('breaks Chinese between characters, never starting a line with closing punctuation or ending one with an opening bracket', () => {
    const source = '同行的VIP群大多只发价格表，互动少、沉默成员多。做得好的两家（提前一天预告、第二天开抢）都有固定的活动节奏：「每周四」会员日！';
    for (let width = 40; width <= 260; width += 3) {
      const lines = breakLines(plainSpans(source, style), width);
      expect(lines.map(lineText).join('')).toBe(source);
      lines.forEach((line, index) => {
        const content = lineText(line);
        if (index > 0) expect(NO_START, `width ${width}: "${content}"`).not.toContain([...content][0]);
        if (index < lines.length - 1) expect(NO_END, `width ${width}: "${content}"`).not.toContain([...content].at(-1));
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
      });
    }
  });

  it('keeps English words whole and breaks inside a word only when it cannot fit on a line', () => {
    const source = 'Every article ends in a mini-program shop link: https://example.com/a/really/long/address/that/cannot/fit';
    const lines = breakLines(plainSpans(source, style), 120);
    const url = source.indexOf('https');
    let position = 0;
    lines.forEach((line, index) => {
      const content = lineText(line);
      expect(line.width).toBeLessThanOrEqual(120.01);
      while (source[position] === ' ') position += 1;
      expect(source.startsWith(content, position), content).toBe(true);
      position += content.length;
      if (index === lines.length - 1) return;
      // Every break is at a space or after a compound's hyphen, except inside the address, which is wider than a line.
      expect(source[position] === ' ' || content.endsWith('-') || position > url, content).toBe(true);
    });
    expect(position).toBe(source.length);
    expect(lines.filter((line) => lineText(line).includes('/')).length).toBeGreaterThan(1);
  });
});
