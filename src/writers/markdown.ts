// Writes the document model as GitHub-flavoured Markdown: padded tables, numbered headings, the chart as Mermaid.
import { eastAsianWidth } from 'get-east-asian-width';
import type { Block, Doc, Inline, TableColumn, TableRow } from '../doc/types.js';
import type { Theme } from './theme.js';
import type { Writer } from './types.js';

type BlockWriter<T extends Block['type']> = (block: Extract<Block, { type: T }>) => string;

const blockWriters: { [T in Block['type']]: BlockWriter<T> } = {
  heading: (block) => `${'#'.repeat(block.level + 1)} ${block.number ? `${block.number}${block.level === 1 ? '.' : ''} ` : ''}${inline(block.content)}`,
  paragraph: (block) => escapeLineStarts(inline(block.content)),
  list: (block) => list(block),
  table: (block) => table(block.columns, block.rows, block.totals),
  chart: (block) => mermaidChart(block),
  quote: (block) => blocks(block.blocks).split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n'),
  code: (block) => {
    const fence = '`'.repeat(Math.max(3, ...[...block.text.matchAll(/`+/g)].map((match) => match[0].length + 1)));
    return `${fence}\n${block.text}\n${fence}`;
  },
  rule: () => '---',
  // Markdown has no pages: a page break only matters to paged formats.
  pageBreak: () => '',
};

function block(node: Block): string {
  return (blockWriters[node.type] as BlockWriter<Block['type']>)(node as never);
}

function blocks(nodes: readonly Block[]): string {
  return nodes.map(block).filter((text) => text !== '').join('\n\n');
}

/** Escapes the characters Markdown would read as syntax inside a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;');
}

/** Escapes what would start a heading, list, quote or rule at the start of a line. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#+=>-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

function inline(content: readonly Inline[], lineBreak = '\\\n'): string {
  return content
    .map((run) => {
      if (run.type === 'break') return lineBreak;
      if (run.marks.code) {
        const ticks = '`'.repeat(Math.max(1, ...[...run.text.matchAll(/`+/g)].map((match) => match[0].length + 1)));
        return wrapLink(`${ticks}${ticks.length > 1 ? ' ' : ''}${run.text}${ticks.length > 1 ? ' ' : ''}${ticks}`, run.href);
      }
      let text = escapeInline(run.text);
      // Emphasis markers must hug the text, so surrounding spaces stay outside them.
      const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
      if (core !== '') {
        let marked = core;
        if (run.marks.strike) marked = `~~${marked}~~`;
        if (run.marks.italic) marked = `*${marked}*`;
        if (run.marks.bold) marked = `**${marked}**`;
        text = `${lead}${marked}${trail}`;
      }
      return wrapLink(text, run.href);
    })
    .join('');
}

function wrapLink(text: string, href: string | undefined): string {
  return href ? `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : text;
}

function list(node: Extract<Block, { type: 'list' }>): string {
  return node.items
    .map((item, index) => {
      const marker = node.ordered ? `${node.start + index}.` : '-';
      const body = blocks(item);
      const indent = ' '.repeat(marker.length + 1);
      return `${marker} ${body.split('\n').map((line, lineIndex) => (lineIndex === 0 || line === '' ? line : `${indent}${line}`)).join('\n')}`;
    })
    .join('\n');
}

// Combining marks (variation selectors among them) and zero-width spaces and joiners.
const zeroWidth = /[\p{M}\u200B-\u200F\u2060]/u;

/**
 * Columns a cell takes in a monospaced editor, for aligning the pipes: two for wide East Asian characters and
 * emoji, none for combining marks. Per character rather than per grapheme, which is what aligning needs and avoids
 * loading a segmenter on every start.
 */
function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const character of text) if (!zeroWidth.test(character)) width += eastAsianWidth(character.codePointAt(0)!);
  return width;
}

function table(columns: readonly TableColumn[], rows: readonly TableRow[], totals: TableRow | undefined): string {
  const cell = (content: Inline[] | undefined) => inline(content ?? [], '<br>').replace(/\n/g, ' ');
  const header = columns.map((column) => cell(column.header));
  const body = [...rows, ...(totals ? [totals.map((content) => boldAll(content))] : [])].map((row) => columns.map((_, index) => cell(row[index])));
  const widths = columns.map((_, index) => Math.max(3, displayWidth(header[index]!), ...body.map((row) => displayWidth(row[index]!))));
  const pad = (text: string, index: number) => {
    const gap = ' '.repeat(widths[index]! - displayWidth(text));
    return columns[index]!.align === 'right' ? gap + text : text + gap;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = columns.map((column, index) => {
    const dashes = '-'.repeat(widths[index]!);
    if (column.align === 'right') return `${dashes.slice(1)}:`;
    if (column.align === 'center') return `:${dashes.slice(2)}:`;
    return dashes;
  });
  return [line(header), `| ${rule.join(' | ')} |`, ...body.map(line)].join('\n');
}

/** The totals row is bold in every format; in Markdown that has to be written out. */
function boldAll(content: Inline[]): Inline[] {
  return content.map((run) => (run.type === 'text' ? { ...run, marks: { ...run.marks, bold: true } } : run));
}

function mermaidChart(chart: Extract<Block, { type: 'chart' }>): string {
  const quote = (text: string) => `"${text.replace(/"/g, "'")}"`;
  const values = chart.series.flatMap((series) => series.values);
  const top = Math.max(0, ...values);
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${quote(chart.title)}`,
    `    x-axis [${chart.labels.map(quote).join(', ')}]`,
    `    y-axis ${quote(chart.series[0]?.name ?? '')} 0 --> ${Math.ceil(top * 1.1) || 1}`,
    ...chart.series.map((series) => `    bar [${series.values.join(', ')}]`),
    '```',
  ].join('\n');
}

export function docToMarkdown(doc: Doc, theme?: Theme): string {
  // A brand shows as a line under the title, as it does on the cover of the paged formats.
  const brandLine = [theme?.brandName, theme?.coverSubtitle].filter(Boolean).map((text) => escapeInline(text!)).join(' · ');
  const confidential = theme?.confidentiality ? `**${escapeInline(theme.confidentiality)}**` : '';
  const cover = [`# ${escapeInline(doc.cover.title)}`, brandLine && `*${brandLine}*`, confidential, blocks(doc.cover.blocks)]
    .filter((text) => text !== '').join('\n\n');
  return `${[cover, blocks(doc.body)].filter((text) => text !== '').join('\n\n')}\n`;
}

export const markdownWriter: Writer = {
  render: (doc, options) => Buffer.from(docToMarkdown(doc, options.theme), 'utf8'),
};
