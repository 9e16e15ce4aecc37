// The paragraph formatting that decides heights: the plan's styles, then what a paragraph sets itself, as Word applies it.
import type { IStylesOptions } from 'docx';
import { listIndent, STYLE } from '../styles.js';
import { attribute, child, isOn, numberAttribute, type XmlNode } from './xml.js';

/** A paragraph's formatting as far as its height and place on the page go; lengths in twips, size in half-points. */
export interface ParagraphFormat {
  size: number;
  bold: boolean;
  italic: boolean;
  code: boolean;
  before: number;
  after: number;
  /** Exact line height, or undefined for automatic (single) spacing. */
  exactLine?: number;
  keepNext: boolean;
  keepLines: boolean;
  /** Widow and orphan control: no first or last line of a paragraph alone on a page. Word's default is on. */
  widowControl: boolean;
  pageBreakBefore: boolean;
  left: number;
  right: number;
  /** Room the top and bottom borders take: their width and their space from the text. */
  borderTop: number;
  borderBottom: number;
  /** Whether the run font is the heading font. */
  heading: boolean;
}

interface LooseSpacing {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
}

interface LooseBorder {
  size?: number;
  space?: number;
}

interface LooseStyle {
  run?: { size?: number; bold?: boolean; italics?: boolean; font?: unknown; language?: { value?: string; eastAsia?: string } };
  paragraph?: {
    spacing?: LooseSpacing;
    keepNext?: boolean;
    keepLines?: boolean;
    widowControl?: boolean;
    indent?: { left?: number; right?: number };
    border?: { top?: LooseBorder; bottom?: LooseBorder };
  };
}

const HEADING_STYLES = ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const;
const DEFAULT_KEYS: Record<string, string> = { Heading1: 'heading1', Heading2: 'heading2', Heading3: 'heading3', Heading4: 'heading4', ListParagraph: 'listParagraph' };

/** Room a border takes: its width (eighths of a point) and its space (points), in twips. */
const borderRoom = (border: LooseBorder | undefined) => (border ? ((border.size ?? 0) / 8) * 20 + (border.space ?? 0) * 20 : 0);

/** Resolves each paragraph's format from the styles the document declares. */
export class StyleBook {
  private readonly base: ParagraphFormat;
  private readonly byId = new Map<string, LooseStyle>();
  private readonly resolved = new Map<string, ParagraphFormat>();
  /** The document's East Asian language, whose lists say which characters may not start or end a line. */
  readonly eastAsiaLanguage: string;

  constructor(styles: IStylesOptions) {
    const defaults = (styles.default ?? {}) as Record<string, LooseStyle | undefined>;
    const documentDefaults = defaults.document ?? {};
    this.eastAsiaLanguage = documentDefaults.run?.language?.eastAsia ?? 'zh-CN';
    this.base = this.apply(
      { size: 20, bold: false, italic: false, code: false, before: 0, after: 0, keepNext: false, keepLines: false, widowControl: true, pageBreakBefore: false, left: 0, right: 0, borderTop: 0, borderBottom: 0, heading: false },
      documentDefaults,
    );
    for (const [id, key] of Object.entries(DEFAULT_KEYS)) {
      const style = defaults[key];
      if (style) this.byId.set(id, style);
    }
    for (const style of (styles.paragraphStyles ?? []) as readonly (LooseStyle & { id: string })[]) this.byId.set(style.id, style);
  }

  /** The format of a paragraph: its style's, then its own properties (`w:pPr`), then its paragraph mark's run size. */
  paragraph(properties: XmlNode | undefined): ParagraphFormat {
    const styleId = String(attribute(properties ? child(properties, 'w:pStyle') : undefined, 'w:val') ?? 'Normal');
    const format = { ...this.style(styleId) };
    if (!properties) return format;
    const keepNext = isOn(properties, 'w:keepNext');
    if (keepNext !== undefined) format.keepNext = keepNext;
    const keepLines = isOn(properties, 'w:keepLines');
    if (keepLines !== undefined) format.keepLines = keepLines;
    const widowControl = isOn(properties, 'w:widowControl');
    if (widowControl !== undefined) format.widowControl = widowControl;
    const pageBreakBefore = isOn(properties, 'w:pageBreakBefore');
    if (pageBreakBefore !== undefined) format.pageBreakBefore = pageBreakBefore;
    const spacing = child(properties, 'w:spacing');
    if (spacing) {
      format.before = numberAttribute(spacing, 'w:before') ?? format.before;
      format.after = numberAttribute(spacing, 'w:after') ?? format.after;
      const line = numberAttribute(spacing, 'w:line');
      if (line !== undefined) {
        if (attribute(spacing, 'w:lineRule') === 'exact') format.exactLine = line;
        else delete format.exactLine;
      }
    }
    const numbering = child(properties, 'w:numPr');
    if (numbering) format.left = listIndent(numberAttribute(child(numbering, 'w:ilvl'), 'w:val') ?? 0);
    const indent = child(properties, 'w:ind');
    if (indent) {
      format.left = numberAttribute(indent, 'w:left') ?? numberAttribute(indent, 'w:start') ?? format.left;
      format.right = numberAttribute(indent, 'w:right') ?? numberAttribute(indent, 'w:end') ?? format.right;
    }
    return format;
  }

  private style(id: string): ParagraphFormat {
    let format = this.resolved.get(id);
    if (!format) {
      const style = this.byId.get(id);
      // Every style of the plan is based on Normal, whose formatting is the document defaults.
      format = style && id !== 'Normal' ? this.apply({ ...this.base }, style) : { ...this.base };
      if (HEADING_STYLES.includes(id as (typeof HEADING_STYLES)[number])) format.heading = true;
      if (id === STYLE.code) format.code = true;
      this.resolved.set(id, format);
    }
    return format;
  }

  private apply(format: ParagraphFormat, style: LooseStyle): ParagraphFormat {
    const { run, paragraph } = style;
    if (run?.size !== undefined) format.size = run.size;
    if (run?.bold !== undefined) format.bold = run.bold;
    if (run?.italics !== undefined) format.italic = run.italics;
    const spacing = paragraph?.spacing;
    if (spacing?.before !== undefined) format.before = spacing.before;
    if (spacing?.after !== undefined) format.after = spacing.after;
    if (spacing?.line !== undefined) {
      if (spacing.lineRule === 'exact') format.exactLine = spacing.line;
      else delete format.exactLine;
    }
    if (paragraph?.keepNext !== undefined) format.keepNext = paragraph.keepNext;
    if (paragraph?.keepLines !== undefined) format.keepLines = paragraph.keepLines;
    if (paragraph?.widowControl !== undefined) format.widowControl = paragraph.widowControl;
    if (paragraph?.indent?.left !== undefined) format.left = paragraph.indent.left;
    if (paragraph?.indent?.right !== undefined) format.right = paragraph.indent.right;
    if (paragraph?.border?.top) format.borderTop = borderRoom(paragraph.border.top);
    if (paragraph?.border?.bottom) format.borderBottom = borderRoom(paragraph.border.bottom);
    return format;
  }
}
