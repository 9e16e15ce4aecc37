// Word paragraphs and tables for each block of the model; one handler per block type, so none can be forgotten.
import { HeadingLevel, PageBreak, Paragraph, type Table, TextRun } from 'docx';
import type { Block } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { chart } from './chart.js';
import { inlineRuns, textRuns } from './inline.js';
import { LIST, listIndent, STYLE, type WordFonts } from './styles.js';
import { table } from './table.js';

export type WordBlock = Paragraph | Table;

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

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
/** Deepest list level Word numbering defines (levels 0 to 8). */
const DEEPEST_LIST_LEVEL = 8;

const handlers: { [T in Block['type']]: BlockHandler<T> } = {
  heading: (block, context) => {
    if (context.place === 'cover') return [new Paragraph({ style: STYLE.coverHeading, children: inlineRuns(block.content) })];
    const level = Math.min(Math.max(block.level, 1), HEADINGS.length);
    const number = block.number ? `${block.number}${block.level === 1 ? '.' : ''} ` : '';
    return [
      new Paragraph({
        heading: HEADINGS[level - 1],
        // Each section opens on a new page; a style cannot carry this in the docx library, so the heading does.
        pageBreakBefore: block.level === 1 || undefined,
        children: [...(number ? [new TextRun(number)] : []), ...inlineRuns(block.content)],
      }),
    ];
  },
  paragraph: (block, context) => [new Paragraph({ style: paragraphStyle(context), children: inlineRuns(block.content) })],
  list: (block, context) => list(block, context),
  table: (block, context) => [table(block, context.theme, context.available), new Paragraph({ style: STYLE.spacer })],
  chart: (block, context) => [chart(block, context.theme, context.fonts, context.available)],
  quote: (block, context) => blocks(block.blocks, { ...context, inQuote: true }),
  code: (block) => [new Paragraph({ style: STYLE.code, children: textRuns(block.text, {}, {}, false) })],
  rule: () => [new Paragraph({ style: STYLE.rule })],
  pageBreak: () => [new Paragraph({ children: [new PageBreak()] })],
};

function paragraphStyle(context: BlockContext): string | undefined {
  if (context.inQuote) return STYLE.quote;
  if (context.place === 'cover') return STYLE.coverText;
  return undefined;
}

function list(block: Extract<Block, { type: 'list' }>, context: BlockContext): WordBlock[] {
  const level = Math.min(context.listLevel + 1, DEEPEST_LIST_LEVEL);
  // Facts on the cover read as lines of a title page, not as a bulleted list.
  const plain = context.place === 'cover' && !block.ordered && context.listLevel < 0;
  const numbering = block.ordered ? context.lists.ordered(block.start) : context.lists.bullet();
  const inner: BlockContext = { ...context, listLevel: level };
  return block.items.flatMap((item) => {
    const [first, ...rest] = item;
    const marker = plain ? {} : { numbering: { ...numbering, level } };
    const lead =
      first?.type === 'paragraph'
        ? new Paragraph({ style: paragraphStyle(context) ?? (plain ? undefined : STYLE.listParagraph), ...marker, children: inlineRuns(first.content) })
        : new Paragraph({ style: plain ? undefined : STYLE.listParagraph, ...marker });
    const following = first?.type === 'paragraph' ? rest : item;
    return [
      lead,
      ...following.flatMap((child) =>
        child.type === 'paragraph'
          ? [new Paragraph({ style: paragraphStyle(context), indent: plain ? undefined : { left: listIndent(level) }, children: inlineRuns(child.content) })]
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
