// The plan's paragraphs and tables, written straight as XML objects, are what the docx library's own components write
// for the same content: the same elements, attributes and order, the same relationships and list instances.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IContext,
  type XmlComponent,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Marks, TableColumn } from '../../src/doc/types.js';
import { blocks, ListNumbering, type BlockContext } from '../../src/writers/docx/blocks.js';
import { DEFAULT_FONTS, listDefinitions, STYLE } from '../../src/writers/docx/styles.js';
import { columnWidths } from '../../src/writers/docx/table.js';
import { DEFAULT_THEME } from '../../src/writers/theme.js';

const AVAILABLE = 9640;
const { colors } = DEFAULT_THEME;

/** A document to write into, with the list definitions the blocks ask for. */
function writingContext(): { context: IContext; relationships: () => string[]; numbering: () => string; numbered: (json: string) => string } {
  const document = new Document({ sections: [], numbering: listDefinitions([1, 3]) });
  const context = { file: document, viewWrapper: document.Document, stack: [] } as unknown as IContext;
  return {
    context,
    // The library's own paragraphs leave `{reference-instance}` for the number of their list instance, and put the
    // number in once the document is written.
    numbered: (json) => {
      const numbers = new Map(document.Numbering.ConcreteNumbering.map((made) => [`${made.reference}-${made.instance}`, String(made.numId)]));
      return json.replace(/"\{([^"{}]*)\}"/g, (whole, key: string) => (numbers.has(key) ? `"${numbers.get(key)!}"` : whole));
    },
    relationships: () => {
      const xml = JSON.stringify(document.Document.Relationships.prepForXml(context));
      return [...xml.matchAll(/"Target":"([^"]*)","TargetMode":"External"/g)].map((match) => match[1]!);
    },
    // The numbering part with the list instances the paragraphs made.
    numbering: () => JSON.stringify(document.Numbering.prepForXml(context)),
  };
}

/** The objects written, with random relationship ids made comparable. */
const written = (value: unknown) => JSON.stringify(value).replace(/"rId[a-z0-9_-]{10,}"/g, '"rId(random)"');

function ours(model: Block[], place: BlockContext['place'] = 'body') {
  const lists = new ListNumbering();
  const made = blocks(model, { theme: DEFAULT_THEME, fonts: DEFAULT_FONTS, available: AVAILABLE, lists, place, inQuote: false, listLevel: -1 });
  const target = writingContext();
  const objects = made.map((block) => block.prepForXml(target.context));
  return { xml: written(objects.flat()), relationships: target.relationships(), numbering: target.numbering() };
}

function library(components: XmlComponent[]) {
  const target = writingContext();
  const objects = components.map((component) => component.prepForXml(target.context));
  return { xml: target.numbered(written(objects.flat())), relationships: target.relationships(), numbering: target.numbering() };
}

const text = (value: string, marks: Marks = {}, href?: string): Inline => (href ? { type: 'text', text: value, marks, href } : { type: 'text', text: value, marks });
const run = (value: string, options: Record<string, unknown> = {}) => new TextRun({ children: value.split('\t').flatMap((piece, index) => (index === 0 ? [piece] : [new Tab(), piece])).filter((piece) => piece !== ''), ...options });

describe('paragraphs and tables written straight as XML', () => {
  it('write headings, marks, breaks, tabs and links as the library does, links with their relationships', () => {
    const model: Block[] = [
      { type: 'heading', level: 1, number: '8', id: 'h', content: [text('Edge '), text('cases', { bold: true })] },
      { type: 'heading', level: 2, number: '8.1', id: 'h2', content: [text('A table')] },
      {
        type: 'paragraph',
        content: [
          text('Bold', { bold: true }),
          text(' italic', { italic: true }),
          text(' struck', { strike: true }),
          text(' code()', { code: true }),
          text('link', {}, 'https://example.com/a?b=1&c=2'),
          text(' bold link', { bold: true }, 'https://example.com/a?b=1&c=2'),
          text('anchored', {}, 'https://example.com/page#section-2'),
          { type: 'break' },
          text('two\tcolumns\nand a line'),
        ],
      },
      { type: 'quote', blocks: [{ type: 'paragraph', content: [text('Quoted')] }] },
      { type: 'code', text: 'if (a) {\n\tb();\n}' },
      { type: 'rule' },
      { type: 'pageBreak' },
    ];
    const expected = library([
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('8. '), run('Edge '), run('cases', { bold: true })] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('8.1 '), run('A table')] }),
      new Paragraph({
        children: [
          run('Bold', { bold: true }),
          run(' italic', { italics: true }),
          run(' struck', { strike: true }),
          run(' code()', { style: STYLE.inlineCode }),
          new ExternalHyperlink({ link: 'https://example.com/a?b=1&c=2', children: [run('link', { style: STYLE.hyperlink }), run(' bold link', { style: STYLE.hyperlink, bold: true })] }),
          new ExternalHyperlink({ link: 'https://example.com/page#section-2', children: [run('anchored', { style: STYLE.hyperlink })] }),
          new TextRun({ break: 1 }),
          run('two\tcolumns'),
          run('and a line', { break: 1 }),
        ],
      }),
      new Paragraph({ style: STYLE.quote, children: [run('Quoted')] }),
      new Paragraph({ style: STYLE.code, children: [run('if (a) {'), run('\tb();', { break: 1 }), run('}', { break: 1 })] }),
      new Paragraph({ style: STYLE.rule }),
      new Paragraph({ children: [new PageBreak()] }),
    ]);
    const actual = ours(model);
    expect(actual.xml).toBe(expected.xml);
    expect(actual.relationships).toEqual(['https://example.com/a?b=1&c=2', 'https://example.com/page']);
    expect(actual.relationships).toEqual(expected.relationships);
  });

  it('write lists with their numbering instances, nested levels and continuation paragraphs, and cover facts without markers', () => {
    const item = (value: string): Block[] => [{ type: 'paragraph', content: [text(value)] }];
    const model: Block[] = [
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          [...item('Third'), { type: 'list', ordered: false, start: 1, items: [item('nested')] }],
          [...item('Fourth'), { type: 'paragraph', content: [text('More on the fourth.')] }],
          [{ type: 'rule' }],
        ],
      },
    ];
    const expected = library([
      new Paragraph({ style: STYLE.listParagraph, numbering: { reference: 'ordered-list-3', instance: 1, level: 0 }, children: [run('Third')] }),
      new Paragraph({ style: STYLE.listParagraph, numbering: { reference: 'bullet-list', instance: 2, level: 1 }, children: [run('nested')] }),
      new Paragraph({ style: STYLE.listParagraph, numbering: { reference: 'ordered-list-3', instance: 1, level: 0 }, children: [run('Fourth')] }),
      new Paragraph({ indent: { left: 360 }, children: [run('More on the fourth.')] }),
      new Paragraph({ style: STYLE.listParagraph, numbering: { reference: 'ordered-list-3', instance: 1, level: 0 } }),
      new Paragraph({ style: STYLE.rule }),
    ]);
    const actual = ours(model);
    expect(actual.xml).toBe(expected.xml);
    expect(actual.numbering).toBe(expected.numbering);

    const cover = ours([{ type: 'list', ordered: false, start: 1, items: [item('Prepared by Mia')] }], 'cover');
    expect(cover.xml).toBe(library([new Paragraph({ style: STYLE.coverText, children: [run('Prepared by Mia')] })]).xml);
  });

  it('write a table with its header, zebra rows, alignments, keep-with-next, a link in a cell and a total, as the library does', () => {
    const cell = (value: string): Inline[] => (value ? [text(value)] : []);
    const columns: TableColumn[] = [
      { kind: 'text', header: cell('Item'), align: 'left' },
      { kind: 'money', header: cell('Cost'), align: 'right' },
      { kind: 'text', header: cell('Note'), align: 'center' },
    ];
    const rows = [
      [cell('Posters'), cell('¥1,200'), [text('site', {}, 'https://example.com/posters')]],
      [cell('Gifts'), cell('¥800'), cell('')],
    ];
    const totals = [cell('Total'), cell('¥2,000'), cell('')];
    const widths = columnWidths(columns, rows, totals, AVAILABLE);
    const rule = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const alignment = [undefined, AlignmentType.RIGHT, AlignmentType.CENTER];
    const tableCell = (children: (TextRun | ExternalHyperlink)[], index: number, options: { fill?: string; top?: boolean } = {}) =>
      new TableCell({
        width: { size: widths[index]!, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(options.fill ? { shading: { fill: options.fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
        ...(options.top ? { borders: { top: { style: BorderStyle.SINGLE, size: 12, color: colors.accent } } } : {}),
        children: [new Paragraph({ style: STYLE.tableText, ...(alignment[index] ? { alignment: alignment[index] } : {}), children })],
      });
    const header = { bold: true, color: colors.onPrimary };
    const expected = library([
      new Table({
        width: { size: AVAILABLE, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        margins: { top: 50, bottom: 50, left: 100, right: 100 },
        borders: { top: rule, bottom: rule, insideHorizontal: rule, left: none, right: none, insideVertical: none },
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: ['Item', 'Cost', 'Note'].map((value, index) => tableCell([run(value, header)], index, { fill: colors.primary })) }),
          new TableRow({
            cantSplit: true,
            keepNext: true,
            children: [
              tableCell([run('Posters')], 0),
              tableCell([run('¥1,200')], 1),
              tableCell([new ExternalHyperlink({ link: 'https://example.com/posters', children: [run('site', { style: STYLE.hyperlink })] })], 2),
            ],
          }),
          new TableRow({ cantSplit: true, keepNext: true, children: [tableCell([run('Gifts')], 0, { fill: colors.zebra }), tableCell([run('¥800')], 1, { fill: colors.zebra }), tableCell([], 2, { fill: colors.zebra })] }),
          new TableRow({ cantSplit: true, children: [tableCell([run('Total', { bold: true })], 0, { top: true }), tableCell([run('¥2,000', { bold: true })], 1, { top: true }), tableCell([], 2, { top: true })] }),
        ],
      }),
      new Paragraph({ style: STYLE.spacer }),
    ]);
    const actual = ours([{ type: 'table', columns, rows, totals }]);
    expect(actual.xml).toBe(expected.xml);
    expect(actual.relationships).toEqual(expected.relationships);

    // Past ten rows a table may break across pages: its rows are written to leave the next one free.
    const long = Array.from({ length: 11 }, (_, index) => [cell(`Row ${index + 1}`), cell('¥1'), cell('')]);
    const loose = ours([{ type: 'table', columns, rows: long }]).xml;
    expect(loose.match(/"w:keepNext":\{"_attr":\{"w:val":false\}\}/g)).toHaveLength(11 * 3);
  });

  it('write text that reads like a page-number field name as text', () => {
    const { xml } = ours([{ type: 'paragraph', content: [text('CURRENT')] }, { type: 'paragraph', content: [text('Head\tSECTION')] }]);
    expect(xml).not.toContain('w:fldChar');
    expect(xml).toContain('"CURRENT"');
    expect(xml).toContain('"SECTION"');
  });
});
