// A document that exercises every block type and the awkward cases: 300 table rows, long URLs, CJK, marks, links.
import type { Block, Doc, Inline, Marks } from '../../src/doc/types.js';

export const LONG_URL = `https://example.com/${'campaign-archive/'.repeat(12)}final-report.html`;
export const STRESS_ROWS = 300;

const text = (value: string, marks: Marks = {}, href?: string): Inline =>
  href ? { type: 'text', text: value, marks, href } : { type: 'text', text: value, marks };
const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });

/** The given plan with an appendix section holding every kind of block. */
export function stressDoc(base: Doc): Doc {
  const rows = Array.from({ length: STRESS_ROWS }, (_, index) => [
    [text(`Row ${index + 1}`)],
    [text(index % 3 === 0 ? '线下门店扫码入群后由客服一对一跟进，并在周四活动前一天提醒' : index === 7 ? LONG_URL : 'Posters at the till and a follow-up message')],
    [text(`¥${(index + 1) * 10}`)],
    [text(`${(index % 100) + 0.5}%`)],
  ]);
  const appendix: Block[] = [
    { type: 'heading', level: 1, number: '8', id: 'section-8', content: [text('Appendix: edge cases')] },
    paragraph(
      text('Bold', { bold: true }),
      text(' italic', { italic: true }),
      text(' struck', { strike: true }),
      text(' code()', { code: true }),
      text(' and a '),
      text('link', {}, 'https://example.com/a?b=1&c=2'),
      text(' <tag> & "quotes"\u0007 🚀 中文混排 مرحبا'),
      { type: 'break' },
      text('After the break.'),
    ),
    paragraph(text(`See ${LONG_URL} for the archive.`)),
    { type: 'quote', blocks: [paragraph(text('A quoted remark from a customer.')), { type: 'list', ordered: false, start: 1, items: [[paragraph(text('quoted item'))]] }] },
    { type: 'code', text: 'if (members > 150) {\n\tpost("<daily check-in>");\n}' },
    { type: 'rule' },
    {
      type: 'list',
      ordered: true,
      start: 3,
      items: [
        [paragraph(text('Third step')), { type: 'list', ordered: false, start: 1, items: [[paragraph(text('nested bullet'))], [paragraph(text('another bullet'))]] }],
        [paragraph(text('Fourth step')), paragraph(text('A second paragraph in the same item.')), { type: 'list', ordered: true, start: 1, items: [[paragraph(text('nested number'))]] }],
      ],
    },
    { type: 'pageBreak' },
    { type: 'heading', level: 2, number: '8.1', id: 'section-8-1', content: [text('A long table')] },
    {
      type: 'table',
      columns: [
        { kind: 'text', align: 'left', header: [text('Row')] },
        { kind: 'text', align: 'left', header: [text('Channel 渠道')] },
        { kind: 'money', align: 'right', header: [text('Cost')] },
        { kind: 'percent', align: 'right', header: [text('Share')] },
      ],
      rows,
      totals: [[text('Total')], [], [text('¥451,500')], [text('100%')]],
    },
    {
      type: 'chart',
      chart: 'bar',
      title: 'Two series',
      labels: ['Q1', 'Q2'],
      series: [
        { name: 'Members', values: [100, 200] },
        { name: 'Active', values: [30, 80] },
      ],
      valueLabels: [
        ['100', '200'],
        ['30', '80'],
      ],
    },
  ];
  return { ...base, body: [...base.body, ...appendix] };
}
