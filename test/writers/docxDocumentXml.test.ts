// The Word plan's contents and body, written as XML by the plan's writer, make the same file, byte for byte, as the docx
// library makes from the same blocks with its own contents field, page number filling and XML writer.
import path from 'node:path';
import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import type { Block, Doc, Inline, Marks } from '../../src/doc/types.js';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan, creationDate } from '../../src/render.js';
import { docxWriter, libraryDocx } from '../../src/writers/docx/index.js';
import { PreparedBlock, xmlOf, type XmlNode } from '../../src/writers/docx/nodes.js';
import { readZip } from '../../src/writers/docx/zip.js';
import type { Theme } from '../../src/writers/theme.js';
import { EXAMPLES, ROOT } from '../helpers.js';
import { stressDoc } from './docxStress.js';

const brandTheme = async (brand: string | undefined): Promise<Theme | undefined> =>
  brand ? (await loadBrand(path.join(ROOT, 'test', 'fixtures', 'brands', brand, 'brand.yaml'))).theme : undefined;

const text = (value: string, marks: Marks = {}, href?: string): Inline =>
  href ? { type: 'text', text: value, marks, href } : { type: 'text', text: value, marks };

/** The headings' content made awkward: marks, a tab, a line break, a link and an empty heading. */
function awkwardHeadings(doc: Doc): Doc {
  let count = 0;
  const body = doc.body.map((block): Block => {
    if (block.type !== 'heading') return block;
    count += 1;
    if (count === 2) return { ...block, content: [text('Tabs\tand', { bold: true }), { type: 'break' }, text(' a '), text('link', {}, 'https://example.com/#part'), text(' code', { code: true })] };
    if (count === 3) return { ...block, content: [] };
    return block;
  });
  return { ...doc, body };
}

/** No heading the contents lists: it stays the empty field for Word to fill in. */
const withoutSectionHeadings = (doc: Doc): Doc => ({ ...doc, body: doc.body.filter((block) => block.type !== 'heading' || block.level > 2) });

/** The XML the library's own writer makes of an object, read out of the body of a document holding only it. */
function libraryXml(node: XmlNode): string {
  const document = new Document({ sections: [{ children: [new PreparedBlock(() => node)] }] });
  const parts = (Packer as unknown as { compiler: { compile(document: Document): Map<string, string> } }).compiler.compile(document);
  const xml = parts.get('word/document.xml')!;
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

describe('the Word contents and body written as XML', () => {
  it('makes the same file as the library for both examples and the edge cases, plain and in both test brands', async () => {
    const variants: [string, (doc: Doc) => Doc][] = [
      ['as composed', (doc) => doc],
      ['edge cases', stressDoc],
      ['awkward headings', awkwardHeadings],
      ['no section headings', withoutSectionHeadings],
    ];
    for (const file of Object.values(EXAMPLES)) {
      const { plan } = await loadPlan(file);
      const composed = composePlan(plan).doc;
      for (const brand of [undefined, 'harbor', 'jade']) {
        const theme = await brandTheme(brand);
        const options = { createdAt: creationDate(plan), ...(theme ? { theme } : {}) };
        for (const [name, adapt] of variants) {
          const doc = adapt(composed);
          const ours = await docxWriter.render(doc, options);
          const library = await libraryDocx(doc, options);
          const label = `${path.basename(file)} ${brand ?? 'plain'} ${name}`;
          if (!ours.equals(library)) {
            // Name the part that differs, and show where.
            const theirs = new Map(readZip(library).map((entry) => [entry.name, entry.data.toString('utf8')]));
            for (const entry of readZip(ours)) {
              const mine = entry.data.toString('utf8');
              const other = theirs.get(entry.name) ?? '';
              let at = 0;
              while (at < mine.length && mine[at] === other[at]) at += 1;
              expect(mine.slice(at - 200, at + 200), `${label}: ${entry.name}`).toBe(other.slice(at - 200, at + 200));
            }
          }
          expect(ours.equals(library), label).toBe(true);
        }
      }
    }
  }, 120_000);

  it('lists a heading that reads like a page field as the text it is', async () => {
    const { plan } = await loadPlan(EXAMPLES.en);
    const doc = composePlan(plan).doc;
    // An unnumbered heading, so its entry's whole text is the word.
    const body = doc.body.map((block): Block => (block.type === 'heading' && block.number === '2' ? { ...block, number: '', content: [text('SECTION')] } : block));
    const bytes = await docxWriter.render({ ...doc, body }, { createdAt: creationDate(plan) });
    const xml = readZip(bytes).find((entry) => entry.name === 'word/document.xml')!.data.toString('utf8');
    const contents = xml.slice(xml.indexOf('<w:sdtContent>'), xml.indexOf('</w:sdtContent>'));
    expect(contents).toMatch(/<w:hyperlink w:history="1" w:anchor="_Toc5"><w:r><w:t xml:space="preserve">SECTION<\/w:t><\/w:r>/);
    expect(contents).not.toMatch(/<w:instrText[^>]*>SECTION/);
  });

  it('writes objects byte for byte as the library writer does, its quirks included', () => {
    const cases: [string, XmlNode][] = [
      ['attributes to escape, numbers and booleans', { 'w:p': [{ _attr: { 'w:a': 'x & "y" <z> \'q\'\u0007', 'w:n': 12, 'w:b': false } }, { 'w:r': {} }] }],
      ['an attribute left undefined', { 'w:p': { _attr: { 'w:a': undefined, 'w:b': 1 } } }],
      ['attributes given as children, anywhere among them', { 'w:p': [{ 'w:r': {} }, { _attr: { 'w:a': 1 } }, { 'w:r': {} }, { _attr: { 'w:b': 2 } }] }],
      ['only attributes, given as a child', { 'w:p': [{ _attr: { 'w:a': 1 } }] }],
      ['no children at all', { 'w:p': [] }],
      ['text that needs escaping, with control characters', { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'a < b & "c"\u0001\u000b\t\n'] }],
      ['text as the whole value, a number as text', { 'w:p': [{ 'w:t': 'plain & simple' }, { 'w:sz': [24] }] }],
      ['an element before text, which the library drops', { 'w:p': [{ 'w:r': {} }, 'text', { 'w:x': {} }] }],
      ['two pieces of text, of which the library keeps the last', { 'w:p': ['one', 'two'] }],
      ['text, then an element', { 'w:p': ['one', { 'w:x': {} }] }],
      ['an undefined value', { 'w:p': [{ 'w:v': undefined }] } as unknown as XmlNode],
      ['a null value', { 'w:p': [{ 'w:v': null }] } as unknown as XmlNode],
    ];
    for (const [name, node] of cases) expect(xmlOf(node), name).toBe(libraryXml(node));
  });
});
