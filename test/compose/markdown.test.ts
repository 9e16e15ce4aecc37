// The Markdown plan as a reader sees it: sections in order and language, correct totals, answer text kept literal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainText, type Block, type Doc } from '../../src/doc/types.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/schema.js';
import { composePlan } from '../../src/render.js';
import { markdownToDoc } from '../../src/compose/toDoc.js';
import { docToMarkdown } from '../../src/writers/markdown.js';
import { EXAMPLES, ROOT, rawAnswers } from '../helpers.js';

const SECTIONS = {
  en: ['Competitor analysis', 'What WeChat can do for Lumen Threads', 'Activity plans', 'What customers care about', 'Account operations plan', 'Task allocation', 'Growth forecast'],
  zh: ['竞品分析', '微信能为川药通医药电商平台带来什么', '活动策划', '客户关注点', '账号运营方案', '任务分工', '发展规划'],
};

const minimal = () => parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8')) as Record<string, any>;

function sectionHeadings(markdown: string): string[] {
  return new MarkdownIt().parse(markdown, {}).flatMap((token, index, tokens) =>
    token.type === 'heading_open' && token.tag === 'h2' ? [tokens[index + 1]!.content] : []);
}

function allText(blocks: readonly Block[]): string {
  return blocks.map((block): string => {
    switch (block.type) {
      case 'heading':
      case 'paragraph': return plainText(block.content);
      case 'list': return block.items.map(allText).join('\n');
      case 'quote': return allText(block.blocks);
      case 'table': return [block.columns.map((column) => plainText(column.header)), ...block.rows, ...(block.totals ? [block.totals] : [])]
        .map((row) => (row as unknown[]).map((cell) => (Array.isArray(cell) ? plainText(cell) : String(cell))).join(' | ')).join('\n');
      case 'code': return block.text;
      default: return '';
    }
  }).join('\n');
}

function tableAfter(doc: Doc, headingText: string): Extract<Block, { type: 'table' }> {
  const start = doc.body.findIndex((block) => block.type === 'heading' && plainText(block.content) === headingText);
  const table = doc.body.slice(start).find((block) => block.type === 'table');
  if (!table || table.type !== 'table') throw new Error(`no table after ${headingText}`);
  return table;
}

describe.each([['en', EXAMPLES.en], ['zh', EXAMPLES.zh]] as const)('the %s example as Markdown', (language, file) => {
  it('has the seven sections in order, numbered, in the plan language', async () => {
    const markdown = docToMarkdown(composePlan((await loadPlan(file)).plan).doc);
    expect(sectionHeadings(markdown)).toEqual(SECTIONS[language].map((title, index) => `${index + 1}. ${title}`));
  });

  it('prints the cost-list total computed from the answers, in the plan currency', async () => {
    const raw = rawAnswers(file);
    const total = (raw.accountPlan.costs as Array<{ amount: number }>).reduce((sum, cost) => sum + cost.amount, 0);
    const money = new Intl.NumberFormat(raw.meta.language, { style: 'currency', currency: raw.meta.currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    const { doc } = composePlan((await loadPlan(file)).plan);
    const costs = tableAfter(doc, language === 'en' ? 'Cost list' : '费用清单');
    expect(costs.rows).toHaveLength(raw.accountPlan.costs.length);
    expect(plainText(costs.totals![3]!)).toBe(money.format(total));
    expect(costs.columns.map((column) => column.align)).toEqual(['left', 'left', 'left', 'right', 'left']);
    expect(costs.columns[3]!.kind).toBe('money');
  });

  it('never prints undefined, NaN or template syntax', async () => {
    const markdown = docToMarkdown(composePlan((await loadPlan(file)).plan).doc);
    expect(markdown).not.toMatch(/undefined|NaN|\{\{|\}\}|\[object /);
  });

  it('gives the same bytes for the same answers', async () => {
    const { plan } = await loadPlan(file);
    expect(docToMarkdown(composePlan(plan).doc)).toBe(docToMarkdown(composePlan(structuredClone(plan)).doc));
  });
});

describe('answer text in the plan', () => {
  const tricky = () => {
    const data = minimal();
    data.meta.title = 'Plan <script>alert(1)</script> | {{title}}';
    data.competitorAnalysis.competitors[0].name = 'Pipe | Co <b>';
    data.competitorAnalysis.competitors[0].howTheyServe = '# Not a heading\nThey post **daily**.\n---\n<img src=x onerror=alert(1)>';
    data.competitorAnalysis.competitors[0].strengths = ['Fast | cheap', '{{constructor.constructor}}'];
    data.accountPlan.costs[0].item = '100% *real* | cups';
    return validatePlan(data, 'tricky.yaml');
  };

  it('keeps raw HTML, pipes and braces as the literal text the user typed', () => {
    const { doc } = composePlan(tricky());
    const text = allText([...doc.cover.blocks, ...doc.body]);
    expect(doc.cover.title).toBe('Plan <script>alert(1)</script> | {{title}}');
    expect(text).toContain('Pipe | Co <b>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{{constructor.constructor}}');
    expect(text).toContain('Fast | cheap');
  });

  it('keeps Markdown emphasis in free text but never lets it add a heading', () => {
    const { doc } = composePlan(tricky());
    const headings = doc.body.flatMap((block) => (block.type === 'heading' ? [plainText(block.content)] : []));
    expect(headings).not.toContain('Not a heading');
    const paragraph = doc.body.find((block) => block.type === 'paragraph' && plainText(block.content).includes('They post'));
    expect(paragraph?.type === 'paragraph' && paragraph.content.some((run) => run.type === 'text' && run.text === 'daily' && run.marks.bold)).toBe(true);
  });

  it('escapes raw HTML in the written Markdown, so a viewer shows it as text', () => {
    const markdown = docToMarkdown(composePlan(tricky()).doc);
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<script>|<img /);
    expect(html).toContain('&lt;script&gt;');
  });

  it('reads the same after a round trip through its own Markdown', () => {
    const { doc } = composePlan(tricky());
    const reread = markdownToDoc(docToMarkdown(doc), doc.meta, doc.labels);
    // Headings carry their number in the text once written; the chart becomes a Mermaid code block.
    const content = (blocks: Block[]) => allText(blocks.filter((block) => block.type !== 'heading' && block.type !== 'code' && block.type !== 'chart'));
    expect(content(reread.body)).toBe(content(doc.body));
    expect(content(reread.cover.blocks)).toBe(content(doc.cover.blocks));
    expect(reread.cover.title).toBe(doc.cover.title);
  });

  it('leaves out empty optional parts without empty headings', () => {
    const { doc } = composePlan(validatePlan(minimal(), 'minimal.yaml'));
    const headings = doc.body.flatMap((block) => (block.type === 'heading' ? [plainText(block.content)] : []));
    for (const optional of ['Past activities and their results', 'Most frequent complaints', 'Custom menu', 'Departments whose cooperation we need', 'KPI targets by quarter', 'Early data from the trial period']) {
      expect(headings).not.toContain(optional);
    }
    const markdown = docToMarkdown(doc);
    expect(markdown).not.toMatch(/undefined|NaN/);
  });
});

describe('tables in the written Markdown', () => {
  it('line up their pipes in a monospaced editor, with Chinese, accents and emoji in the cells', () => {
    const data = minimal();
    data.accountPlan.costs[0].item = '公众号推广 Café 🎉';
    data.accountPlan.costs.push({ item: 'Cafe\u0301 plain', category: 'Activities', amount: 30, priority: 'essential' });
    const markdown = docToMarkdown(composePlan(validatePlan(data, 'wide.yaml')).doc);
    const table = markdown.split('\n\n').find((part) => part.includes('公众号推广'))!.split('\n').filter((line) => line.startsWith('|'));
    // Columns taken by each line up to each pipe, counting wide characters twice and combining marks not at all.
    const columnsOf = (line: string) => {
      const stops: number[] = [];
      let column = 0;
      for (const character of line) {
        if (character === '|') stops.push(column);
        if (/\p{M}/u.test(character)) continue;
        column += /[\u3000-\u9fff\u{1F300}-\u{1FAFF}]/u.test(character) ? 2 : 1;
      }
      return stops;
    };
    expect(table.length).toBeGreaterThan(3);
    for (const line of table) expect(columnsOf(line)).toEqual(columnsOf(table[0]!));
  });
});

describe('the plan model', () => {
  it('marks totals rows and column kinds from the templates', async () => {
    const { doc } = composePlan((await loadPlan(EXAMPLES.en)).plan as Plan);
    const forecast = tableAfter(doc, 'Followers forecast');
    expect(forecast.columns.map((column) => column.kind)).toEqual(['text', 'number', 'number', 'percent']);
    expect(forecast.totals).toBeDefined();
    const chart = doc.body.find((block) => block.type === 'chart');
    expect(chart?.type === 'chart' && chart.labels).toEqual(['Start', 'Q1', 'Q2', 'Q3', 'Q4']);
  });
});
