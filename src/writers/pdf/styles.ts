// The typographic scale of the PDF: sizes, leading and spacing in points, shared by every module of the writer.

export interface TextMetrics {
  size: number;
  /**
   * Line height as a multiple of the size; at least 1.45, because Noto Sans SC declares 1.16 em above and 0.29 em
   * below the baseline, and text boxes of neighbouring lines must not overlap when a reader selects text.
   */
  leading: number;
}

export const TYPE = {
  body: { size: 10, leading: 1.55 },
  code: { size: 8.5, leading: 1.45 },
  table: { size: 8.8, leading: 1.45 },
  coverTitle: { size: 26, leading: 1.45 },
  heading1: { size: 18, leading: 1.45 },
  heading2: { size: 13, leading: 1.45 },
  heading3: { size: 11, leading: 1.45 },
  tocSection: { size: 11, leading: 1.5 },
  tocSubsection: { size: 10, leading: 1.5 },
  furniture: { size: 8, leading: 1.45 },
  chartTitle: { size: 10, leading: 1.45 },
  chartLabel: { size: 8.5, leading: 1.45 },
} as const satisfies Record<string, TextMetrics>;

export const SPACE = {
  paragraph: 6,
  tightParagraph: 2,
  listIndent: 16,
  listGap: 6,
  quoteIndent: 12,
  quoteBar: 2.5,
  blockGap: 10,
  heading2Before: 12,
  heading3Before: 8,
  headingAfter: 5,
  cellPaddingX: 5,
  cellPaddingY: 3.5,
  chartHeight: 210,
  /** Lines of following text a heading keeps on its page. */
  keepWithHeading: 3,
  /** Paragraphs of this many lines or fewer are never split over two pages. */
  keepParagraph: 3,
} as const;

export const lineHeight = (metrics: TextMetrics) => metrics.size * metrics.leading;

/** Distance from the top of a line box to its baseline: the em box centred in the line, 0.88 em above the baseline. */
export const baselineOffset = (metrics: TextMetrics) => (lineHeight(metrics) - metrics.size) / 2 + metrics.size * 0.88;

export const MM = 72 / 25.4;
