// The plan's contents: its section headings bookmarked, and listed with the pages the plan's own layout puts them on.
import { TableOfContents } from 'docx';
import { element, onOff, valued, type XmlChild, type XmlNode } from './nodes.js';
import { textElement, textRun } from './inline.js';
import { attribute, child, childrenOf, tagOf, textOf } from './pagination/xml.js';
import { HEADINGS } from './styles.js';

/** The heading levels the contents lists. */
const LEVELS = { from: 1, to: 2 } as const;

/** The contents as the docx library makes it: a field Word's "Update Table" rebuilds, linking to the headings. */
export const contentsField = (alias: string): TableOfContents =>
  new TableOfContents(alias, { hyperlink: true, headingStyleRange: `${LEVELS.from}-${LEVELS.to}` });

/** The field's instruction, as the library writes it for those options. */
const INSTRUCTION = `TOC \\h \\o "${LEVELS.from}-${LEVELS.to}"`;

export interface ContentsEntry {
  level: number;
  title: string;
  bookmark: string;
}

/** The level of a paragraph in a heading style the contents lists, if it is one. */
function listedLevel(paragraph: XmlNode): number | undefined {
  const properties = child(paragraph, 'w:pPr');
  const level = HEADINGS.indexOf(attribute(properties && child(properties, 'w:pStyle'), 'w:val') as (typeof HEADINGS)[number]) + 1;
  return level >= LEVELS.from && level <= LEVELS.to ? level : undefined;
}

/** A paragraph's text as a contents entry shows it: tabs and line breaks as spaces, as Word lists a heading. */
function entryTitle(node: XmlNode): string {
  switch (tagOf(node)) {
    case 'w:t':
      return textOf(node);
    case 'w:tab':
      return ' ';
    case 'w:br': {
      const type = attribute(node, 'w:type');
      return type === undefined || type === 'textWrapping' ? ' ' : '';
    }
    case 'w:p':
    case 'w:r':
    case 'w:hyperlink':
      return childrenOf(node).map(entryTitle).join('');
    default:
      return '';
  }
}

/**
 * Bookmarks each listed heading among the body's paragraphs, around its content as Word does, and returns the entries
 * the contents shows, in order. The paragraphs are changed in place: they are the ones about to be written.
 */
export function bookmarkHeadings(blocks: readonly XmlNode[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const block of blocks) {
    if (tagOf(block) !== 'w:p') continue;
    const level = listedLevel(block);
    if (level === undefined) continue;
    const id = entries.length + 1;
    const bookmark = `_Toc${id}`;
    const content = block['w:p'];
    const children = (Array.isArray(content) ? content : []) as XmlChild[];
    const start = children.findIndex((node) => typeof node === 'object' && 'w:pPr' in node) + 1;
    block['w:p'] = [
      ...children.slice(0, start),
      element('w:bookmarkStart', [], { 'w:name': bookmark, 'w:id': id }),
      ...children.slice(start),
      element('w:bookmarkEnd', [], { 'w:id': id }),
    ];
    entries.push({ level, title: entryTitle(block), bookmark });
  }
  return entries;
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => element('w:fldChar', [], { 'w:fldCharType': type });
const instruction = (text: string) => element('w:instrText', [text], { 'xml:space': 'preserve' });

/**
 * The contents filled in: an entry per heading, linked to it, with its page after a dotted tab at the right margin.
 * Word shows it as it is and does not ask to update fields; Word's "Update Table" still rebuilds it. Without headings
 * it is the bare field, which Word fills in when asked to.
 */
export function filledContents(alias: string, entries: readonly ContentsEntry[], pages: ReadonlyMap<string, number>, textWidth: number): XmlNode {
  const begin = element('w:r', [fieldChar('begin'), instruction(INSTRUCTION), fieldChar('separate')]);
  const paragraphs = entries.map(({ level, title, bookmark }, index) => {
    const page = pages.get(bookmark);
    return element('w:p', [
      element('w:pPr', [valued('w:pStyle', `TOC${level}`), element('w:tabs', [element('w:tab', [], { 'w:val': 'right', 'w:pos': textWidth, 'w:leader': 'dot' })])]),
      ...(index === 0 ? [begin] : []),
      element(
        'w:hyperlink',
        [
          title === '' ? element('w:r') : textRun(title),
          element('w:r', [element('w:tab')]),
          element('w:r', [
            fieldChar('begin'),
            instruction(`PAGEREF ${bookmark} \\h`),
            fieldChar('separate'),
            ...(page === undefined ? [] : [textElement(String(page))]),
            fieldChar('end'),
          ]),
        ],
        { 'w:history': 1, 'w:anchor': bookmark },
      ),
    ]);
  });
  return element('w:sdt', [
    element('w:sdtPr', [valued('w:alias', alias), element('w:docPartObj', [valued('w:docPartGallery', 'Table of Contents'), onOff('w:docPartUnique')])]),
    element('w:sdtContent', [...(paragraphs.length > 0 ? paragraphs : [element('w:p', [begin])]), element('w:p', [element('w:r', [fieldChar('end')])])]),
  ]);
}
