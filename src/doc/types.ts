// The one document model every writer reads: a small closed tree of blocks and inline runs.

export interface Marks {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
}

export type Inline =
  | { type: 'text'; text: string; marks: Marks; href?: string }
  | { type: 'break' };

export type ColumnKind = 'text' | 'number' | 'money' | 'percent';
export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  kind: ColumnKind;
  align: Align;
  header: Inline[];
}

export type TableRow = Inline[][];

export interface ChartSeries {
  name: string;
  values: number[];
}

export type Block =
  | { type: 'heading'; level: number; number: string; id: string; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; columns: TableColumn[]; rows: TableRow[]; totals?: TableRow }
  | {
      type: 'chart';
      chart: 'bar';
      title: string;
      labels: string[];
      series: ChartSeries[];
      /** Values as they are printed on the chart, one per label, per series. */
      valueLabels: string[][];
    }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'pageBreak' };

export type BlockType = Block['type'];

export interface DocMeta {
  title: string;
  subject: string;
  author: string;
  company: string;
  language: string;
  /** ISO date (YYYY-MM-DD) used for document properties, so the same answers give the same bytes. */
  date: string;
  keywords: string[];
}

/** Labels a paged writer needs that are not part of the content (table of contents, page X of Y). */
export interface DocLabels {
  contents: string;
  /** Page footer, with {page} and {pages} placeholders. */
  pageOf: string;
}

export interface Doc {
  meta: DocMeta;
  labels: DocLabels;
  /** What stands before the first section: the title and the facts shown on the cover page. */
  cover: { title: string; blocks: Block[] };
  /** The sections, each opening with a level-1 heading. */
  body: Block[];
}

/** Plain text of inline runs, e.g. for bookmarks, table-of-contents entries and widths. */
export function plainText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');
}
