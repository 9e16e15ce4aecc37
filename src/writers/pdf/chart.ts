// The bar chart drawn as vectors: title, legend, gridlines, axes, bars, value labels and category labels.
import type { Block } from '../../doc/types.js';
import { breakLines, type Line } from './lineBreak.js';
import type { Cursor } from './layout.js';
import { plainSpans } from './spans.js';
import { baselineOffset, lineHeight, SPACE, TYPE, type TextMetrics } from './styles.js';

export interface ChartArea {
  cursor: Cursor;
  left: number;
  width: number;
}

const GRID_LINES = 4;
const MAX_BAR_WIDTH = 56;
const MAX_LABEL_LINES = 2;

export function drawBarChart(chart: Extract<Block, { type: 'chart' }>, area: ChartArea): void {
  const { cursor, left, width } = area;
  const { colors } = cursor.theme;
  const seriesColors = [colors.primary, colors.accent, colors.muted];
  const height = SPACE.chartHeight;
  cursor.ensure(height);
  const top = cursor.y;
  let y = top;

  const centred = (lines: readonly Line[], centre: number, firstTop: number, metrics: TextMetrics) => {
    lines.forEach((line, index) => {
      const baseline = firstTop + index * lineHeight(metrics) + baselineOffset(metrics);
      cursor.drawLine(line, centre - line.width / 2, baseline, line.width);
    });
  };

  const titleLines = breakLines(plainSpans(chart.title, { size: TYPE.chartTitle.size, color: colors.text, fonts: cursor.typefaces, bold: true }), width);
  centred(titleLines, left + width / 2, y, TYPE.chartTitle);
  y += titleLines.length * lineHeight(TYPE.chartTitle) + 4;

  if (chart.series.length > 1) {
    const swatch = TYPE.chartLabel.size * 0.8;
    const entries = chart.series.map((series) => breakLines(plainSpans(series.name, { size: TYPE.chartLabel.size, color: colors.text, fonts: cursor.typefaces }), width)[0]!);
    const total = entries.reduce((sum, line) => sum + swatch + 4 + line.width + 12, -12);
    let x = left + (width - total) / 2;
    entries.forEach((line, index) => {
      const baseline = y + baselineOffset(TYPE.chartLabel);
      cursor.fill(seriesColors[index % seriesColors.length]!, x, baseline - swatch, swatch, swatch);
      cursor.drawLine(line, x + swatch + 4, baseline, line.width);
      x += swatch + 4 + line.width + 12;
    });
    y += lineHeight(TYPE.chartLabel) + 4;
  }

  const groups = Math.max(1, chart.labels.length);
  const plotLeft = left + 8;
  const plotRight = left + width - 8;
  const groupWidth = (plotRight - plotLeft) / groups;
  const categoryLines = chart.labels.map((label) =>
    breakLines(plainSpans(label, { size: TYPE.chartLabel.size, color: colors.text, fonts: cursor.typefaces }), groupWidth - 4).slice(0, MAX_LABEL_LINES),
  );
  const labelHeight = Math.max(1, ...categoryLines.map((lines) => lines.length)) * lineHeight(TYPE.chartLabel);
  const plotTop = y + lineHeight(TYPE.chartLabel) + 2;
  const plotBottom = top + height - labelHeight - 6;

  const values = chart.series.flatMap((series) => series.values);
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const range = high - low || 1;
  const yOf = (value: number) => plotBottom - ((value - low) / range) * (plotBottom - plotTop);

  for (let step = 1; step <= GRID_LINES; step += 1) {
    const gridY = plotBottom - (step / GRID_LINES) * (plotBottom - plotTop);
    cursor.stroke(colors.muted, 0.4, plotLeft, gridY, plotRight, gridY, 0.3);
  }
  cursor.stroke(colors.muted, 0.8, plotLeft, plotTop - 4, plotLeft, plotBottom);

  const barWidth = Math.min(MAX_BAR_WIDTH, (groupWidth * 0.6) / Math.max(1, chart.series.length));
  chart.labels.forEach((_, index) => {
    const centre = plotLeft + (index + 0.5) * groupWidth;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const x = centre - (chart.series.length * barWidth) / 2 + seriesIndex * barWidth;
      const zero = yOf(0);
      const end = yOf(value);
      const color = seriesColors[seriesIndex % seriesColors.length]!;
      cursor.fill(color, x + 0.5, Math.min(zero, end), barWidth - 1, Math.abs(zero - end));
      const text = chart.valueLabels[seriesIndex]?.[index];
      if (text) {
        const line = breakLines(plainSpans(text, { size: TYPE.chartLabel.size, color: colors.text, fonts: cursor.typefaces }), Infinity)[0]!;
        const baseline = value >= 0 ? end - 3 : end + TYPE.chartLabel.size + 2;
        cursor.drawLine(line, x + barWidth / 2 - line.width / 2, baseline, line.width);
      }
    });
    centred(categoryLines[index]!, centre, plotBottom + 4, TYPE.chartLabel);
  });
  cursor.stroke(colors.muted, 0.8, plotLeft, yOf(0), plotRight, yOf(0));
  cursor.y = top + height;
}
