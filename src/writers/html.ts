// Writes the document model as one self-contained HTML page: cover, contents, sections, tables and an SVG chart.
import type { Block, Doc, Inline, TableColumn, TableRow } from '../doc/types.js';
import { plainText } from '../doc/types.js';
import { DEFAULT_THEME, type Theme } from './theme.js';
import type { Writer } from './types.js';

type Handler<T extends Block['type']> = (block: Extract<Block, { type: T }>, theme: Theme) => string;

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const handlers: { [T in Block['type']]: Handler<T> } = {
  heading: (block) => {
    const level = Math.min(block.level + 1, 6);
    const number = block.number ? `<span class="number">${escape(block.number)}</span> ` : '';
    return `<h${level}${block.id ? ` id="${escape(block.id)}"` : ''}>${number}${inline(block.content)}</h${level}>`;
  },
  paragraph: (block) => `<p>${inline(block.content)}</p>`,
  list: (block, theme) => {
    const tag = block.ordered ? 'ol' : 'ul';
    const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
    return `<${tag}${start}>${block.items.map((item) => `<li>${blocks(item, theme)}</li>`).join('')}</${tag}>`;
  },
  table: (block) => table(block.columns, block.rows, block.totals),
  chart: (block, theme) => barChart(block, theme),
  quote: (block, theme) => `<blockquote>${blocks(block.blocks, theme)}</blockquote>`,
  code: (block) => `<pre><code>${escape(block.text)}</code></pre>`,
  rule: () => '<hr>',
  pageBreak: () => '<div class="page-break"></div>',
};

function block(node: Block, theme: Theme): string {
  return (handlers[node.type] as Handler<Block['type']>)(node as never, theme);
}

function blocks(nodes: readonly Block[], theme: Theme): string {
  return nodes.map((node) => block(node, theme)).join('\n');
}

function inline(content: readonly Inline[]): string {
  return content.map((run) => {
    if (run.type === 'break') return '<br>';
    let html = escape(run.text);
    if (run.marks.code) html = `<code>${html}</code>`;
    if (run.marks.strike) html = `<s>${html}</s>`;
    if (run.marks.italic) html = `<em>${html}</em>`;
    if (run.marks.bold) html = `<strong>${html}</strong>`;
    return run.href ? `<a href="${escape(run.href)}">${html}</a>` : html;
  }).join('');
}

function table(columns: readonly TableColumn[], rows: readonly TableRow[], totals: TableRow | undefined): string {
  const cells = (row: TableRow, tag: 'td' | 'th') =>
    columns.map((column, index) => `<${tag} class="${column.kind} ${column.align}">${inline(row[index] ?? [])}</${tag}>`).join('');
  const head = `<thead><tr>${columns.map((column) => `<th class="${column.kind} ${column.align}">${inline(column.header)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody>`;
  const foot = totals ? `<tfoot><tr>${cells(totals, 'td')}</tr></tfoot>` : '';
  return `<div class="table"><table>${head}${body}${foot}</table></div>`;
}

/** A vertical bar chart in SVG with value labels above the bars and category labels below. */
export function barChart(chart: Extract<Block, { type: 'chart' }>, theme: Theme = DEFAULT_THEME): string {
  const width = 640;
  const height = 300;
  const top = 48;
  const bottom = 36;
  const left = 24;
  const plotHeight = height - top - bottom;
  const values = chart.series[0]?.values ?? [];
  const labels = chart.valueLabels[0] ?? values.map(String);
  const highest = Math.max(1, ...values);
  const slot = (width - 2 * left) / Math.max(1, values.length);
  const barWidth = Math.min(64, slot * 0.6);
  const bars = values.map((value, index) => {
    const barHeight = (Math.max(0, value) / highest) * plotHeight;
    const x = left + index * slot + (slot - barWidth) / 2;
    const y = top + plotHeight - barHeight;
    const centre = x + barWidth / 2;
    return [
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="#${theme.colors.primary}"/>`,
      `<text x="${centre.toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" class="value">${escape(labels[index] ?? '')}</text>`,
      `<text x="${centre.toFixed(1)}" y="${(height - bottom + 18).toFixed(1)}" text-anchor="middle" class="label">${escape(chart.labels[index] ?? '')}</text>`,
    ].join('');
  });
  return [
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(chart.title)}">`,
    `<text x="${width / 2}" y="22" text-anchor="middle" class="title">${escape(chart.title)}</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - left}" y2="${top + plotHeight}" stroke="#${theme.colors.muted}"/>`,
    ...bars,
    '</svg></figure>',
  ].join('');
}

function contents(doc: Doc): string {
  const entries = doc.body.filter((node): node is Extract<Block, { type: 'heading' }> => node.type === 'heading' && node.level <= 2);
  const items = entries.map((heading) =>
    `<li class="level-${heading.level}"><a href="#${escape(heading.id)}">${escape(heading.number)} ${escape(plainText(heading.content))}</a></li>`);
  return `<nav class="contents"><h2>${escape(doc.labels.contents)}</h2><ol>${items.join('')}</ol></nav>`;
}

function cover(doc: Doc, theme: Theme): string {
  const logo = theme.logo
    ? `<img class="logo" alt="${escape(theme.brandName ?? '')}" src="data:image/${theme.logo.type === 'svg' ? 'svg+xml' : theme.logo.type};base64,${theme.logo.data.toString('base64')}">`
    : '';
  const brandLine = [theme.brandName, theme.coverSubtitle].filter(Boolean).map((text) => escape(text!)).join(' · ');
  return [
    '<header class="cover">',
    logo,
    `<h1>${escape(doc.cover.title)}</h1>`,
    brandLine ? `<p class="brand">${brandLine}</p>` : '',
    blocks(doc.cover.blocks, theme),
    theme.confidentiality ? `<p class="confidential">${escape(theme.confidentiality)}</p>` : '',
    '</header>',
  ].join('\n');
}

function style(theme: Theme): string {
  const { primary, accent, text, muted, zebra, onPrimary } = theme.colors;
  return `
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif;
  color: #${text}; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.6; }
h1, h2, h3, h4 { color: #${primary}; line-height: 1.3; }
h2 { border-bottom: 2px solid #${primary}; padding-bottom: .3rem; margin-top: 2.5rem; }
.number { color: #${accent}; }
.cover { border-bottom: 4px solid #${primary}; padding-bottom: 1rem; }
.cover .logo { max-height: 64px; max-width: 240px; }
.brand, .confidential, footer { color: #${muted}; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th { background: #${primary}; color: #${onPrimary}; }
th, td { padding: .35rem .6rem; vertical-align: top; border-bottom: 1px solid #ddd; }
tbody tr:nth-child(even) { background: #${zebra}; }
tfoot td { font-weight: bold; border-top: 2px solid #${accent}; }
.right { text-align: right; font-variant-numeric: tabular-nums; } .center { text-align: center; }
.chart svg { width: 100%; max-width: 640px; height: auto; }
.chart .title { font-weight: bold; font-size: 15px; fill: #${text}; }
.chart .value, .chart .label { font-size: 12px; fill: #${text}; }
nav.contents ol { list-style: none; padding-left: 0; } nav.contents .level-2 { padding-left: 1.5rem; }
@media print { .page-break { page-break-after: always; } h2 { page-break-before: always; } }
`;
}

export function docToHtml(doc: Doc, theme: Theme = DEFAULT_THEME): string {
  const footer = [theme.footerText, theme.confidentiality].filter(Boolean).map((text) => escape(text!)).join(' · ');
  return `<!DOCTYPE html>
<html lang="${escape(doc.meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.meta.title)}</title>
<meta name="author" content="${escape(doc.meta.author)}">
<meta name="description" content="${escape(doc.meta.subject)}">
<style>${style(theme)}</style>
</head>
<body>
${cover(doc, theme)}
${contents(doc)}
<main>
${blocks(doc.body, theme)}
</main>
${footer ? `<footer>${footer}</footer>` : ''}
</body>
</html>
`;
}

export const htmlWriter: Writer = {
  render: (doc, options) => Buffer.from(docToHtml(doc, options.theme ?? DEFAULT_THEME), 'utf8'),
};
