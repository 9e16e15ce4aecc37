// Word paragraphs and tables for each block of the model; one handler per block type, so none can be forgotten.
import type { FileChild, IContext } from 'docx';
import type { Block, Inline } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { chart } from './chart.js';
import { inlineRuns, textRun, textRuns } from './inline.js';
import { element, onOff, PreparedBlock, valued, type XmlNode } from './nodes.js';
import { HEADINGS, LIST, listIndent, STYLE, type WordFonts } from './styles.js';
import { table } from './table.js';

/** A block of the Word document: a paragraph or table written straight as XML, or a component of the library's. */
export type WordBlock = FileChild;

/** Hands out list instances, so every numbered list restarts, and remembers the starting numbers to define. */
export class ListNumbering {
  readonly orderedStarts = new Set<number>();
  private nextInstance = 0;

  ordered(start: number): { reference: string; instance: number } {
    this.orderedStarts.add(start);
    this.nextInstance += 1;
    return { reference: LIST.ordered(start), instance: this.nextInstance };
  }

  bullet(): { reference: string; instance: number } {
    this.nextInstance += 1;
    return { reference: LIST.bullet, instance: this.nextInstance };
  }
}

export interface BlockContext {
  theme: Theme;
  fonts: WordFonts;
  /** Width between the margins, in twips. */
  available: number;
  lists: ListNumbering;
  /** The cover shows facts without bullets and headings that stay out of the table of contents. */
  place: 'cover' | 'body';
  inQuote: boolean;
  /** Level of the enclosing list item, -1 outside lists. */
  listLevel: number;
}

type BlockHandler<T extends Block['type']> = (block: Extract<Block, { type: T }>, context: BlockContext) => WordBlock[];

/** Deepest list level Word numbering defines (levels 0 to 8). */
const DEEPEST_LIST_LEVEL = 8;

/** A paragraph: its properties (left out when there are none), then its runs. */
function paragraph(properties: XmlNode[], runs: XmlNode[]): XmlNode {
  return element('w:p', properties.length > 0 ? [element('w:pPr', properties), ...runs] : runs);
}

const style = (id: string | undefined): XmlNode[] => (id ? [valued('w:pStyle', id)] : []);

/** A paragraph of a style with inline content, made as the document is written (its links add relationships). */
const styled = (id: string | undefined, content: readonly Inline[]) => new PreparedBlock((context) => paragraph(style(id), inlineRuns(content, context)));

const handlers: { [T in Block['type']]: BlockHandler<T> } = {
  heading: (block, context) => {
    if (context.place === 'cover') return [styled(STYLE.coverHeading, block.content)];
    const level = Math.min(Math.max(block.level, 1), HEADINGS.length);
    const number = block.number ? `${block.number}${block.level === 1 ? '.' : ''} ` : '';
    return [
      new PreparedBlock((wordContext) =>
        paragraph(
          // Each section opens on a new page; a style cannot carry this in the docx library, so the heading does.
          [valued('w:pStyle', HEADINGS[level - 1]!), ...(block.level === 1 ? [onOff('w:pageBreakBefore')] : [])],
          [...(number ? [textRun(number)] : []), ...inlineRuns(block.content, wordContext)],
        ),
      ),
    ];
  },
  paragraph: (block, context) => [styled(paragraphStyle(context), block.content)],
  list: (block, context) => list(block, context),
  table: (block, context) => [table(block, context.theme, context.available), styled(STYLE.spacer, [])],
  chart: (block, context) => [chart(block, context.theme, context.fonts, context.available)],
  quote: (block, context) => blocks(block.blocks, { ...context, inQuote: true }),
  code: (block) => [new PreparedBlock(() => paragraph(style(STYLE.code), textRuns(block.text, {}, {}, false)))],
  rule: () => [styled(STYLE.rule, [])],
  pageBreak: () => [new PreparedBlock(() => paragraph([], [element('w:r', [element('w:br', [], { 'w:type': 'page' })])]))],
};

function paragraphStyle(context: BlockContext): string | undefined {
  if (context.inQuote) return STYLE.quote;
  if (context.place === 'cover') return STYLE.coverText;
  return undefined;
}

/** The numbers of the list instances each document has made, by `reference-instance`. */
const instanceNumbers = new WeakMap<object, Map<string, string>>();

/**
 * Makes an instance of a list's numbering in the document, if it has not yet, and gives its number. The library's own
 * paragraphs write a `{reference-instance}` placeholder that it replaces in the finished XML; the number written at
 * once saves a pass over the whole document.
 */
function numberingId(numbering: IContext['file']['Numbering'], reference: string, instance: number): string {
  numbering.createConcreteNumberingInstance(reference, instance);
  const key = `${reference}-${instance}`;
  let known = instanceNumbers.get(numbering);
  if (!known) {
    known = new Map();
    instanceNumbers.set(numbering, known);
  }
  if (!known.has(key)) for (const made of numbering.ConcreteNumbering) known.set(`${made.reference}-${made.instance}`, String(made.numId));
  // A reference the document does not define makes no instance; the placeholder stays, as the library leaves it.
  return known.get(key) ?? `{${key}}`;
}

function list(block: Extract<Block, { type: 'list' }>, context: BlockContext): WordBlock[] {
  const level = Math.min(context.listLevel + 1, DEEPEST_LIST_LEVEL);
  // Facts on the cover read as lines of a title page, not as a bulleted list.
  const plain = context.place === 'cover' && !block.ordered && context.listLevel < 0;
  const { reference, instance } = block.ordered ? context.lists.ordered(block.start) : context.lists.bullet();
  const inner: BlockContext = { ...context, listLevel: level };
  /** The item's marker; the document makes this instance of the list's numbering when the item is written. */
  const marker = (wordContext: IContext): XmlNode[] => {
    if (plain) return [];
    return [element('w:numPr', [valued('w:ilvl', level), valued('w:numId', numberingId(wordContext.file.Numbering, reference, instance))])];
  };
  return block.items.flatMap((item): WordBlock[] => {
    const [first, ...rest] = item;
    // The marker goes on the item's first paragraph, or on an empty one when the item opens with another block.
    const lead = first?.type === 'paragraph' ? first.content : undefined;
    const leadStyle = (lead ? paragraphStyle(context) : undefined) ?? (plain ? undefined : STYLE.listParagraph);
    const following = lead ? rest : item;
    return [
      new PreparedBlock((wordContext) => paragraph([...style(leadStyle), ...marker(wordContext)], lead ? inlineRuns(lead, wordContext) : [])),
      ...following.flatMap((child) =>
        child.type === 'paragraph'
          ? [
              new PreparedBlock((wordContext) =>
                paragraph(
                  [...style(paragraphStyle(context)), ...(plain ? [] : [element('w:ind', [], { 'w:left': listIndent(level) })])],
                  inlineRuns(child.content, wordContext),
                ),
              ),
            ]
          : renderBlock(child, inner),
      ),
    ];
  });
}

function renderBlock(node: Block, context: BlockContext): WordBlock[] {
  return (handlers[node.type] as BlockHandler<Block['type']>)(node as never, context);
}

/** Word blocks for a sequence of model blocks. */
export function blocks(nodes: readonly Block[], context: BlockContext): WordBlock[] {
  return nodes.flatMap((node) => renderBlock(node, context));
}
