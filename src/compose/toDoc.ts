// Parses the Markdown that the templates produce into the document model, reading the table and chart markers.
import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Align, Block, ChartSeries, ColumnKind, Doc, DocLabels, DocMeta, Inline, Marks, TableColumn, TableRow } from '../doc/types.js';

// markdown-it's CommonJS build is one file; its ES modules, with their dependencies', are about seventy, which took
// three times as long to load on every start.
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as typeof MarkdownItType;
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Markers are HTML comments that only templates can write: answer text has its `<` escaped. */
const MARKER = /^<!--\s*opsplan:(\w+)\s*(.*?)\s*-->\s*$/s;
const SAFE_LINK = /^(https?:|mailto:)/i;
/** Chinese and Japanese, written without spaces between words; Korean (Hangul) puts spaces between words, so it is not here. */
const IDEOGRAPHIC = String.raw`[\u2e80-\u312f\u3190-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]`;
const ENDS_IDEOGRAPHIC = new RegExp(`${IDEOGRAPHIC}$`, 'u');
const STARTS_IDEOGRAPHIC = new RegExp(`^${IDEOGRAPHIC}`, 'u');

export interface TableMarker {
  kinds: ColumnKind[];
  totals: boolean;
}

export interface ChartMarker {
  title: string;
  labels: string[];
  series: ChartSeries[];
  valueLabels: string[][];
}

/** Half of a UTF-16 pair without its other half: a JSON or YAML `\ud83d` escape can put one in an answer. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text every writer can encode: a lone surrogate becomes the replacement character, as a UTF-8 file would show it. */
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd');

/** Builds the document model from plan Markdown: blocks before the first `##` form the cover. */
export function markdownToDoc(plan: string, documentMeta: DocMeta, labels: DocLabels): Doc {
  const source = wellFormed(plan);
  const meta: DocMeta = {
    ...documentMeta,
    title: wellFormed(documentMeta.title),
    subject: wellFormed(documentMeta.subject),
    author: wellFormed(documentMeta.author),
    company: wellFormed(documentMeta.company),
    keywords: documentMeta.keywords.map(wellFormed),
  };
  const tokens = markdown.parse(source, {});
  const blocks = new BlockReader(tokens).readBlocks(tokens.length);
  const firstSection = blocks.findIndex((block) => block.type === 'heading' && block.level === 1);
  const front = firstSection === -1 ? blocks : blocks.slice(0, firstSection);
  const body = firstSection === -1 ? [] : blocks.slice(firstSection);
  const titleIndex = front.findIndex((block) => block.type === 'heading' && block.level === 0);
  const titleBlock = front[titleIndex];
  const title = titleBlock?.type === 'heading' ? titleBlock.content.map((inline) => (inline.type === 'text' ? inline.text : ' ')).join('') : meta.title;
  return { meta, labels, cover: { title, blocks: front.filter((_, index) => index !== titleIndex) }, body: numberHeadings(body) };
}

function numberHeadings(blocks: Block[]): Block[] {
  const counters = [0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'heading' || block.level > 2) return block;
    counters[block.level - 1] = counters[block.level - 1]! + 1;
    for (let deeper = block.level; deeper < counters.length; deeper += 1) counters[deeper] = 0;
    const number = counters.slice(0, block.level).join('.');
    return { ...block, number, id: `section-${number.replace(/\./g, '-')}` };
  });
}

class BlockReader {
  private index = 0;
  private pendingTable: TableMarker | undefined;

  constructor(private readonly tokens: Token[]) {}

  readBlocks(end: number, closing?: string): Block[] {
    const blocks: Block[] = [];
    while (this.index < end) {
      const token = this.tokens[this.index]!;
      if (closing && token.type === closing) {
        this.index += 1;
        return blocks;
      }
      const block = this.readBlock(token);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private readBlock(token: Token): Block | undefined {
    switch (token.type) {
      case 'heading_open': {
        const content = readInline(this.tokens[this.index + 1]!);
        this.index += 3;
        // `#` is the plan title, `##` a section: the model counts sections from level 1.
        return { type: 'heading', level: Number(token.tag.slice(1)) - 1, number: '', id: '', content };
      }
      case 'paragraph_open': {
        const content = readInline(this.tokens[this.index + 1]!);
        this.index += 3;
        return { type: 'paragraph', content };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.readList(token);
      case 'blockquote_open':
        this.index += 1;
        return { type: 'quote', blocks: this.readBlocks(this.tokens.length, 'blockquote_close') };
      case 'table_open':
        return this.readTable();
      case 'fence':
      case 'code_block':
        this.index += 1;
        return { type: 'code', text: token.content.replace(/\n$/, '') };
      case 'hr':
        this.index += 1;
        return { type: 'rule' };
      case 'html_block':
        this.index += 1;
        return this.readMarker(token.content);
      default:
        this.index += 1;
        return undefined;
    }
  }

  private readMarker(html: string): Block | undefined {
    const match = MARKER.exec(html.trim());
    if (!match) return { type: 'paragraph', content: [{ type: 'text', text: html.trim(), marks: {} }] };
    const [, name, argument] = match;
    if (name === 'table') {
      this.pendingTable = parseTableMarker(argument!);
      return undefined;
    }
    if (name === 'pagebreak') return { type: 'pageBreak' };
    if (name === 'chart') {
      const chart = JSON.parse(argument!) as ChartMarker;
      return { type: 'chart', chart: 'bar', ...chart };
    }
    return undefined;
  }

  private readList(open: Token): Block {
    const ordered = open.type === 'ordered_list_open';
    const closing = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const start = Number(open.attrGet('start') ?? 1);
    const items: Block[][] = [];
    this.index += 1;
    while (this.index < this.tokens.length && this.tokens[this.index]!.type !== closing) {
      if (this.tokens[this.index]!.type === 'list_item_open') {
        this.index += 1;
        items.push(this.readBlocks(this.tokens.length, 'list_item_close'));
      } else {
        this.index += 1;
      }
    }
    this.index += 1;
    return { type: 'list', ordered, start, items };
  }

  private readTable(): Block {
    const marker = this.pendingTable;
    this.pendingTable = undefined;
    const headers: Inline[][] = [];
    const aligns: Align[] = [];
    const rows: TableRow[] = [];
    let row: TableRow | undefined;
    let inHead = false;
    for (this.index += 1; this.index < this.tokens.length; this.index += 1) {
      const token = this.tokens[this.index]!;
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close' && row && !inHead) rows.push(row);
      else if (token.type === 'th_open') aligns.push(alignOf(token));
      else if (token.type === 'inline') {
        if (inHead) headers.push(readInline(token));
        else row?.push(readInline(token));
      }
    }
    this.index += 1;
    const kinds = marker?.kinds ?? [];
    const columns: TableColumn[] = headers.map((header, column) => {
      // The last kind given stands for every further column, e.g. one per quarter.
      const kind = kinds[column] ?? kinds.at(-1) ?? 'text';
      const written = aligns[column];
      return { kind, header, align: written && written !== 'left' ? written : kind === 'text' ? 'left' : 'right' };
    });
    const totals = marker?.totals && rows.length > 0 ? rows.pop() : undefined;
    return totals ? { type: 'table', columns, rows, totals } : { type: 'table', columns, rows };
  }
}

function parseTableMarker(argument: string): TableMarker {
  const kinds = /kinds=([\w,]+)/.exec(argument)?.[1]?.split(',') ?? [];
  const valid: ColumnKind[] = ['text', 'number', 'money', 'percent'];
  return {
    kinds: kinds.map((kind) => (valid.includes(kind as ColumnKind) ? (kind as ColumnKind) : 'text')),
    totals: /\btotals\b/.test(argument),
  };
}

function alignOf(token: Token): Align {
  const style = token.attrGet('style') ?? '';
  if (style.includes('right')) return 'right';
  if (style.includes('center')) return 'center';
  return 'left';
}

/** Flattens an inline token's children into runs with marks; links keep only safe targets. */
function readInline(token: Token): Inline[] {
  const runs: Inline[] = [];
  const marks: Marks = {};
  let href: string | undefined;
  const push = (text: string, extra: Marks = {}) => {
    if (text === '') return;
    const run: Inline = { type: 'text', text, marks: { ...pruneMarks(marks), ...extra } };
    if (href) run.href = href;
    const previous = runs.at(-1);
    if (previous?.type === 'text' && previous.href === run.href && sameMarks(previous.marks, run.marks)) previous.text += text;
    else runs.push(run);
  };
  const children = token.children ?? [];
  children.forEach((child, position) => {
    switch (child.type) {
      case 'text':
        push(child.content);
        break;
      case 'code_inline':
        push(child.content, { code: true });
        break;
      case 'softbreak': {
        // A line break inside a paragraph joins the lines: with a space, except between Chinese or Japanese characters.
        push(ENDS_IDEOGRAPHIC.test(lastText(runs)) && STARTS_IDEOGRAPHIC.test(nextText(children, position)) ? '' : ' ');
        break;
      }
      case 'hardbreak':
        runs.push({ type: 'break' });
        break;
      case 'strong_open': marks.bold = true; break;
      case 'strong_close': delete marks.bold; break;
      case 'em_open': marks.italic = true; break;
      case 'em_close': delete marks.italic; break;
      case 's_open': marks.strike = true; break;
      case 's_close': delete marks.strike; break;
      case 'link_open': {
        const target = child.attrGet('href') ?? '';
        href = SAFE_LINK.test(target) ? target : undefined;
        break;
      }
      case 'link_close': href = undefined; break;
      case 'image':
        push(child.content);
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(child.content)) runs.push({ type: 'break' });
        else push(child.content);
        break;
      default:
        if (child.content) push(child.content);
    }
  });
  return runs;
}

function pruneMarks(marks: Marks): Marks {
  const result: Marks = {};
  if (marks.bold) result.bold = true;
  if (marks.italic) result.italic = true;
  if (marks.strike) result.strike = true;
  if (marks.code) result.code = true;
  return result;
}

function sameMarks(a: Marks, b: Marks): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && !!a.strike === !!b.strike;
}

function lastText(runs: Inline[]): string {
  const last = runs.at(-1);
  return last?.type === 'text' ? last.text : '';
}

function nextText(children: Token[], position: number): string {
  for (const child of children.slice(position + 1)) {
    if (child.type === 'text' || child.type === 'code_inline') return child.content;
    if (child.type === 'softbreak' || child.type === 'hardbreak') return '';
  }
  return '';
}
