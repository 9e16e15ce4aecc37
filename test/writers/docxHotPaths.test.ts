// The one-pass versions of the docx library's prepForXml methods give what the library's own give: the same objects for
// single components, and the same Word file, byte for byte, for both examples plain and in both test brands.
import path from 'node:path';
import {
  BorderStyle,
  ImportedXmlComponent,
  NextAttributeComponent,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
  type IContext,
} from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { useLibraryPrepForXml, useQuickerPrepForXml } from '../../src/writers/docx/hotPaths.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { EXAMPLES, ROOT } from '../helpers.js';

afterEach(() => useQuickerPrepForXml());

const context = (): IContext => ({ stack: [] }) as unknown as IContext;

/** The component's objects with the library's methods, then with the quicker ones. */
function bothWays(make: () => XmlComponent): [unknown, unknown] {
  useLibraryPrepForXml();
  const library = make().prepForXml(context());
  useQuickerPrepForXml();
  return [library, make().prepForXml(context())];
}

class Pairs extends NextAttributeComponent<Record<string, string | number>> {}
class Named extends XmlAttributeComponent<Record<string, string | number | undefined>> {
  protected override readonly xmlKeys = { size: 'w:sz', colour: 'w:color' };
}
class Element extends XmlComponent {
  constructor(name: string, children: unknown[]) {
    super(name);
    this.root.push(...(children as XmlComponent[]));
  }
}
/** A component that prepares to several objects, which the library adds one by one to its parent. */
class Several extends XmlComponent {
  constructor() {
    super('w:several');
  }

  override prepForXml(): never {
    return [{ 'w:a': { _attr: { 'w:val': 1 } } }, undefined, { 'w:b': 'text' }] as never;
  }
}

describe('quicker prepForXml', () => {
  it('gives the same objects as the library for attributes, elements and the cases between', () => {
    const cases: Array<[string, () => XmlComponent]> = [
      ['pairs with an undefined value and a repeated key', () => new Pairs({ a: { key: 'w:val', value: 1 }, b: { key: 'w:x', value: undefined as unknown as string }, c: { key: 'w:val', value: 'last' } }) as unknown as XmlComponent],
      ['mapped attribute names, unmapped ones and undefined values', () => new Named({ size: 24, colour: undefined, other: 'kept' }) as unknown as XmlComponent],
      ['an empty element', () => new Element('w:empty', [])],
      ['an element with only attributes', () => new Element('w:only', [new Pairs({ a: { key: 'w:val', value: 'x' } })])],
      ['text children and undefined ones', () => new Element('w:t', ['one', undefined, 'two'])],
      ['a component that prepares to several objects', () => new Element('w:p', [new Several(), new TextRun('after')])],
      ['a component that prepares to nothing', () => new Element('w:p', [new Element('w:ignored', []) as XmlComponent, new TextRun('text')])],
      ['a run with breaks, tabs and marks', () => new TextRun({ text: 'a\tb', bold: true, italics: true, color: 'FF0000', break: 1 })],
      ['a paragraph with spacing and keep options', () => new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun('x')] })],
      ['a table with borders and widths', () => new Table({
        columnWidths: [1000, 2000],
        borders: { top: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' } },
        rows: [new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('a')] }), new TableCell({ children: [new Paragraph('b')] })] })],
      })],
      ['imported XML, written as the elements in it', () => ImportedXmlComponent.fromXmlString('<w:a w:x="1"><w:b/>text<w:c w:y="2">more</w:c></w:a>')],
    ];
    for (const [name, make] of cases) {
      const [library, quicker] = bothWays(make);
      expect(quicker, name).toEqual(library);
    }
  });

  it('keeps the shared empty object of an empty element, which the library compares by identity', () => {
    const [library, quicker] = bothWays(() => new Element('w:empty', []));
    expect((quicker as Record<string, unknown>)['w:empty']).toBe((library as Record<string, unknown>)['w:empty']);
  });

  it('writes the same Word file as the library for both examples, plain and in both test brands', async () => {
    const brands = [undefined, 'harbor', 'jade'];
    for (const plan of Object.values(EXAMPLES)) {
      const { plan: answers } = await loadPlan(plan);
      const { doc } = composePlan(answers);
      for (const brand of brands) {
        const theme = brand ? (await loadBrand(path.join(ROOT, 'test', 'fixtures', 'brands', brand, 'brand.yaml'))).theme : undefined;
        const options = { createdAt: creationDate(answers), ...(theme ? { theme } : {}) };
        useLibraryPrepForXml();
        const library = await docxWriter.render(doc, options);
        useQuickerPrepForXml();
        const quicker = await docxWriter.render(doc, options);
        expect(quicker.equals(library), `${path.basename(plan)} ${brand ?? 'plain'}`).toBe(true);
      }
    }
  });
});
