// The model's bar chart as a native Word chart: editable in Word ("Edit Data"), drawn by LibreOffice too.
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { Block } from '../../doc/types.js';
import type { Theme } from '../theme.js';
import { xmlSafe } from './inline.js';
import type { WordFonts } from './styles.js';

type ChartBlock = Extract<Block, { type: 'chart' }>;

/** Twips per pixel at the 96 dpi that chart sizes are given in. */
const TWIPS_PER_PIXEL = 15;

export function chart(block: ChartBlock, theme: Theme, fonts: WordFonts, available: number): Paragraph {
  const width = Math.min(Math.floor(available / TWIPS_PER_PIXEL), 620);
  const seriesColours = [theme.colors.primary, theme.colors.accent];
  const single = block.series.length === 1;
  const font = (size: number, bold = false) => ({ name: fonts.body, size, bold, color: theme.colors.text });
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // Body text has exact line spacing, which would crop the chart to one line.
    spacing: { before: 120, after: 240, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ChartRun({
        // The model's "bar" is a bar chart over time, which Word calls a column chart (vertical bars).
        type: 'column',
        title: { text: xmlSafe(block.title), font: font(12, true) },
        categories: block.labels.map(xmlSafe),
        series: block.series.map((series, index) => ({
          name: xmlSafe(series.name),
          values: series.values,
          color: seriesColours[index],
          // The labels are the figures as the plan prints them (locale grouping, units), not Word's own formatting.
          pointLabels: block.valueLabels[index]?.map((text) => ({ text: xmlSafe(text) })),
        })),
        dataLabels: { value: true, position: 'outsideEnd', font: font(9) },
        legend: single ? false : { position: 'bottom', font: font(9) },
        valueAxis: {
          title: single ? { text: xmlSafe(block.series[0]!.name), font: font(9) } : undefined,
          numberFormat: '#,##0',
          minimum: 0,
          font: font(9),
        },
        categoryAxis: { font: font(9) },
        gapWidth: 80,
        font: { name: fonts.body },
        transformation: { width, height: Math.round(width * 0.55) },
      }),
    ],
  });
}
