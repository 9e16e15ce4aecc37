// The Word plan's own page layout: line breaking, page placement, and every line's place against the docx library's
// full Word layout, which follows Word closely but is far too slow to run on every render.
import type { Document } from 'docx';
import { layoutDocument } from 'docx/layout';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import type { Doc } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { wordDocument } from '../../src/writers/docx/index.js';
import { paginate, type PlanLayout } from '../../src/writers/docx/pagination/index.js';
import { breakLines, type Piece } from '../../src/writers/docx/pagination/lines.js';
import type { Measurer, RunFace } from '../../src/writers/docx/pagination/metrics.js';
import type { Unit } from '../../src/writers/docx/pagination/units.js';
import type { Theme } from '../../src/writers/theme.js';
import { EXAMPLES, ROOT } from '../helpers.js';
import { stressDoc } from './docxStress.js';

const FACE: RunFace = { size: 20, bold: false, italic: false, code: false };
/** Every character 100 twips wide, so where lines break is plain to see. */
const EVEN: Measurer = { width: () => 100 };
const text = (value: string): Piece => ({ kind: 'text', text: value, face: FACE });
const counts = (pieces: Piece[], width: number) => breakLines(pieces, width, EVEN).map((line) => line.characters);

describe('line breaking', () => {
  it('wraps at spaces, letting the spaces at the end of a line overhang', () => {
    // "aaaa bbbb" is 900 wide without the space after it, so it fits a line of 900 exactly.
    expect(counts([text('aaaa bbbb cccc')], 900)).toEqual([8, 4]);
    expect(counts([text('aaaa bbbb cccc')], 899)).toEqual([4, 4, 4]);
    expect(counts([text('aaaa bbbb cccc ')], 1400)).toEqual([12]);
  });

  it('breaks after a hyphen, but not inside a range of figures, and splits a word longer than the line', () => {
    expect(counts([text('mini-program')], 800)).toEqual([5, 7]);
    expect(counts([text('2026-2027')], 600)).toEqual([6, 3]);
    expect(counts([text('abcdefghij')], 400)).toEqual([4, 4, 2]);
  });

  it('keeps closing punctuation off the start of a line and opening punctuation off its end', () => {
    // Five characters fit; the comma may not start the next line, so the fifth character goes down with it.
    expect(counts([text('一二三四五，六')], 500)).toEqual([4, 3]);
    expect(counts([text('一二三四（五')], 500)).toEqual([4, 2]);
    expect(counts([text('一二三四五六')], 500)).toEqual([5, 1]);
    // Latin text beside Chinese may break between them without a space.
    expect(counts([text('一二三VIP客户')], 500)).toEqual([3, 5]);
    // The run's East Asian language (Chinese) names the lists for all its text: no ellipsis starts a line, in English too.
    expect(counts([text('abcd 。…ef')], 600)).toEqual([4, 4]);
    expect(breakLines([text('abcd 。…ef')], 600, EVEN, 'ko-KR').map((line) => line.characters)).toEqual([5, 3]);
  });

  it('ends lines at breaks: the paragraph mark after a closing line break takes a line, after a page break it does not', () => {
    const lines = breakLines([text('ab'), { kind: 'break', page: false }, text('cd'), { kind: 'break', page: true }], 1000, EVEN);
    expect(lines.map((line) => [line.characters, line.pageBreakAfter])).toEqual([[2, false], [2, true]]);
    expect(breakLines([text('ab'), { kind: 'break', page: false }], 1000, EVEN).map((line) => line.characters)).toEqual([2, 0]);
    expect(breakLines([], 1000, EVEN)).toHaveLength(1);
    const chart = breakLines([{ kind: 'object', width: 5000, height: 3000 }], 9000, EVEN);
    expect(chart.map((line) => line.objectHeight)).toEqual([3000]);
  });
});

const unit = (height: number, extra: Partial<Unit> = {}): Unit => ({
  height,
  before: 0,
  after: 0,
  glueNext: false,
  pageBreakBefore: false,
  pageBreakAfter: false,
  bookmarks: [],
  textTop: 0,
  block: 0,
  line: 0,
  ...extra,
});

describe('page placement', () => {
  it('keeps the larger of the space after and the space before, and none at the top of a page', () => {
    const units = [unit(400, { after: 200 }), unit(400, { before: 100 }), unit(400, { before: 300 })];
    // 400 + 200 + 400 + 300 + 400 = 1700 fits exactly on a page of 1700; with 1699 the last line starts page 2.
    expect(paginate(units, 1700).pages).toEqual([1, 1, 1]);
    expect(paginate(units, 1699).pages).toEqual([1, 1, 2]);
    // On page 2 the 300 before it is dropped, so a page of 400 holds the line.
    expect(paginate(units, 1300).pageCount).toBe(2);
  });

  it('moves a heading kept with the next line to the next page, unless the run kept together is taller than a page', () => {
    const heading = unit(300, { glueNext: true, bookmarks: ['_Toc1'] });
    const body = [unit(500), unit(500), heading, unit(300)];
    expect(paginate(body, 1500).pages).toEqual([1, 1, 2, 2]);
    const runOn = [unit(500), unit(700, { glueNext: true }), unit(700, { glueNext: true }), unit(700)];
    expect(paginate(runOn, 1500).pages).toEqual([1, 1, 2, 2]);
  });

  it('measures a run kept together on past a page break, as Word does', () => {
    const run = [unit(100), unit(100, { glueNext: true }), unit(100, { pageBreakBefore: true })];
    // The run (200) fits below the first line: the kept line stays, and the page break still starts page 2.
    expect(paginate(run, 1000).pages).toEqual([1, 1, 2]);
    // It does not fit on a page of 250 below the first line, so the kept line moves on alone and the break follows it.
    expect(paginate(run, 250).pages).toEqual([1, 2, 3]);
  });

  it('starts pages at page breaks, and repeats a table heading row on each page the table runs onto', () => {
    expect(paginate([unit(100), unit(100, { pageBreakBefore: true }), unit(100, { pageBreakAfter: true }), unit(100)], 1000).pages).toEqual([1, 2, 2, 3]);
    const row = (header: boolean, extra: Partial<Unit> = {}) => unit(300, { row: { table: 1, header, headerHeight: 300, closing: 0 }, ...extra });
    // Page 1: heading row and two rows; page 2: the repeated heading row and two more; page 3: the heading and the last.
    expect(paginate([row(true), row(false), row(false), row(false), row(false), row(false)], 900).pages).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('never leaves a heading row alone at the foot of a page, even in a table kept together that is taller than a page', () => {
    const row = (header: boolean) => unit(300, { glueNext: true, row: { table: 1, header, headerHeight: 300, closing: 0 } });
    expect(paginate([unit(500), row(true), row(false), row(false), row(false), unit(300)], 900).pages).toEqual([1, 2, 2, 2, 3, 3]);
  });

  it('keeps room for the bottom border below the last row on a page when the table goes on', () => {
    const row = (closing: number) => unit(300, { row: { table: 1, header: false, headerHeight: 0, closing } });
    expect(paginate([row(0), row(0), row(0)], 900).pages).toEqual([1, 1, 1]);
    expect(paginate([row(10), row(10), row(0)], 900).pages).toEqual([1, 1, 1]);
    expect(paginate([row(10), row(10), row(10), row(0)], 900).pages).toEqual([1, 1, 2, 2]);
  });
});

/** Where every line and row of the plan's pages is in the docx library's full Word layout, by block and line or row. */
function wordPlaces(document: Document, offset: (firstBlock: number) => number): { places: Map<string, { page: number; y: number }>; pageCount: number } {
  const { pages, stoppedAt } = layoutDocument(document, { guess: true });
  expect(stoppedAt).toBeUndefined();
  const first = pages.findIndex((page) => page.section === 1);
  const places = new Map<string, { page: number; y: number }>();
  const lineCounts = new Map<number, number>();
  const shift = offset(pages[first]!.body[0]!.index);
  pages.slice(first).forEach((page, pageIndex) => {
    for (const block of page.body) {
      const index = block.index - shift;
      const items: { y: number; row?: number }[] = block.type === 'paragraph' ? block.lines.map((line) => ({ y: line.y })) : block.rows.map((row) => ({ y: row.y, row: row.index }));
      for (const item of items) {
        // A paragraph's lines are counted across pages; a row keeps its index, and a repeated heading row its first place.
        const line = item.row ?? lineCounts.get(index) ?? 0;
        if (item.row === undefined) lineCounts.set(index, line + 1);
        const key = `${index}:${line}`;
        if (!places.has(key)) places.set(key, { page: pageIndex + 1, y: item.y });
      }
    }
  });
  return { places, pageCount: pages.length - first };
}

describe('the plan layout against the docx library\'s full Word layout', () => {
  const brand = (name: string) => `${ROOT}/test/fixtures/brands/${name}/brand.yaml`;
  const same = (theme: Theme) => theme;
  /** Margins so small that the header with its logo reaches into the body, which Word then moves down. */
  const tight = (theme: Theme): Theme => ({ ...theme, page: { ...theme.page, margins: { top: 8, right: 10, bottom: 8, left: 10 } } });
  // Name, answers, document change, brand, theme change, how far a line may sit from Word's (pixels).
  const cases: [string, string, (doc: Doc) => Doc, string | undefined, (theme: Theme) => Theme, number][] = [
    ['English example', EXAMPLES.en, (doc) => doc, undefined, same, 0.5],
    ['Chinese example', EXAMPLES.zh, (doc) => doc, undefined, same, 0.5],
    ['edge cases: marks, lists, quote, code, page break, a 300-row table', EXAMPLES.en, stressDoc, undefined, same, 0.5],
    ['English example in the Harbor brand (Letter, Noto Sans Light)', EXAMPLES.en, (doc) => doc, brand('harbor'), same, 0.5],
    ['Chinese example in the Jade brand (Noto Sans SC Light)', EXAMPLES.zh, (doc) => doc, brand('jade'), same, 0.5],
    ['English example in the Harbor brand with 8 mm margins', EXAMPLES.en, (doc) => doc, brand('harbor'), tight, 0.5],
    // Word sets the header line of a Chinese title a little shorter than the brand's CJK font's own line height.
    ['Chinese example in the Jade brand with 8 mm margins', EXAMPLES.zh, (doc) => doc, brand('jade'), tight, 2],
  ];

  /**
   * The examples with paragraphs of mixed English and Chinese put in at seeded random places, so headings and short
   * paragraphs land at the foot of pages; variants 3 and 7 of seed 123 each move a heading and a two-line paragraph
   * to the next page, as widow and orphan control and keep-with-next do in Word.
   */
  const shifted = (variant: number) => (doc: Doc): Doc => {
    let seed = 123;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const words = ['WeChat', 'followers', 'campaign', 'the', 'a', 'conversion', 'rate', 'mini-program', '2026-2027', 'Q1', 'shop', '会员', '社群运营', '转化率', '（试点）', '，', '。'];
    let body = doc.body;
    for (let round = 0; round <= variant; round += 1) {
      const english = random() < 0.5;
      body = [...doc.body];
      const inserts = 1 + Math.floor(random() * 6);
      for (let index = 0; index < inserts; index += 1) {
        const count = 5 + Math.floor(random() * 120);
        const text = Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '');
        const at = 1 + Math.floor(random() * (body.length - 1));
        body.splice(at, 0, { type: 'paragraph', content: [{ type: 'text', text, marks: random() < 0.2 ? { bold: true } : {} }] });
      }
      if (round === variant) expect(english).toBe(variant === 7);
    }
    return { ...doc, body };
  };
  cases.push(
    ['Chinese example with paragraphs put in (seed 123, variant 3)', EXAMPLES.zh, shifted(3), undefined, same, 0.5],
    ['English example with paragraphs put in (seed 123, variant 7)', EXAMPLES.en, shifted(7), undefined, same, 0.5],
  );

  it.each(cases)('puts every line and row on the same page at the same height: %s', async (_, answersFile, adapt, brandFile, adjust, tolerance) => {
    const { plan } = await loadPlan(answersFile);
    const theme: Theme | undefined = brandFile ? adjust((await loadBrand(brandFile)).theme) : undefined;
    let ours: PlanLayout | undefined;
    const document = await wordDocument(adapt(composePlan(plan).doc), { createdAt: creationDate(plan), ...(theme ? { theme } : {}) }, (layout) => {
      ours = layout;
    });
    const theirs = wordPlaces(document, (firstBlock) => firstBlock - ours!.units[0]!.block);
    expect(ours!.pageCount).toBe(theirs.pageCount);
    const pixels = (twips: number) => twips / 15;
    const differences = ours!.units.flatMap((unit, index) => {
      const place = theirs.places.get(`${unit.block}:${unit.line}`);
      const mine = { page: ours!.pages[index]!, y: pixels(ours!.page.top + ours!.tops[index]!) };
      return place && place.page === mine.page && Math.abs(place.y - mine.y) < tolerance ? [] : [{ block: unit.block, line: unit.line, mine, word: place }];
    });
    expect(differences).toEqual([]);
    expect(theirs.places.size).toBe(ours!.units.length);
  }, 60_000);
});
