// The plan's contents: its section headings bookmarked, and listed with the pages the plan's own layout puts them on.
import { TableOfContents } from 'docx';
import { element, onOff, valued, type XmlChild, type XmlNode } from './nodes.js';
import { textRun } from './inline.js';
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

const tagOf = (node: XmlNode): string => Object.keys(node)[0]!;
const childrenOf = (node: XmlNode): unknown[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
};

/** The level of a paragraph in a heading style the contents lists, if it is one. */
function listedLevel(paragraph: XmlNode): number | undefined {
  const properties = childrenOf(paragraph).find((child) => typeof child === 'object' && child !== null && 'w:pPr' in child) as XmlNode | undefined;
  const style = properties && (childrenOf(properties).find((child) => typeof child === 'object' && child !== null && 'w:pStyle' in child) as XmlNode | undefined);
  const id = (style?.['w:pStyle'] as { _attr?: { 'w:val'?: unknown } } | undefined)?._attr?.['w:val'];
  const level = HEADINGS.indexOf(id as (typeof HEADINGS)[number]) + 1;
  return level >= LEVELS.from && level <= LEVELS.to ? level : undefined;
}

/** A paragraph's text as a contents entry shows it: tabs and line breaks as spaces, as Word lists a heading. */
function entryTitle(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const tag = tagOf(node as XmlNode);
  switch (tag) {
    case 'w:t':
      return childrenOf(node as XmlNode).filter((child): child is string => typeof child === 'string').join('');
    case 'w:tab':
      return ' ';
    case 'w:br': {
      const type = ((node as XmlNode)[tag] as { _attr?: { 'w:type'?: unknown } })?._attr?.['w:type'];
      return type === undefined || type === 'textWrapping' ? ' ' : '';
    }
    case 'w:p':
    case 'w:r':
    case 'w:hyperlink':
      return childrenOf(node as XmlNode).map(entryTitle).join('');
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
    const children = childrenOf(block) as XmlChild[];
    const start = children.findIndex((child) => typeof child === 'object' && 'w:pPr' in child) + 1;
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
            ...(page === undefined ? [] : [element('w:t', [String(page)], { 'xml:space': 'preserve' })]),
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
