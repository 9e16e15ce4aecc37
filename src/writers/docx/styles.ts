// The Word styles, fonts and list definitions of a plan, declared once per document from the theme and language.
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import type { Theme } from '../theme.js';

/** Font names by role: the brand's where it gives them, else those below. */
export interface WordFonts {
  /** Latin text of the body, tables and charts. */
  body: string;
  /** Latin text of headings, the cover title and the contents heading. */
  heading: string;
  /** Chinese, Japanese and Korean text everywhere. */
  eastAsia: string;
  code: string;
}

/**
 * Calibri and Microsoft YaHei ship with Office on Windows and macOS, and LibreOffice swaps in metric-compatible Carlito
 * and any installed CJK sans, so the layout stays close everywhere.
 */
export const DEFAULT_FONTS: WordFonts = {
  body: 'Calibri',
  heading: 'Calibri',
  eastAsia: 'Microsoft YaHei',
  code: 'Consolas',
};

/** Sizes in half-points, the unit Word stores. */
export const SIZES = {
  body: 21,
  table: 19,
  small: 16,
  coverTitle: 56,
  coverText: 24,
  heading1: 36,
  heading2: 28,
  heading3: 24,
  code: 18,
} as const;

/** Style ids used by the block writers; the matching definitions are in documentStyles. */
export const STYLE = {
  coverTitle: 'CoverTitle',
  coverText: 'CoverText',
  coverHeading: 'CoverHeading',
  contentsHeading: 'TOCHeading',
  tableText: 'TableText',
  spacer: 'Spacer',
  rule: 'HorizontalRule',
  quote: 'Quote',
  code: 'CodeBlock',
  pageHeader: 'Header',
  pageFooter: 'Footer',
  hyperlink: 'Hyperlink',
  inlineCode: 'InlineCode',
  listParagraph: 'ListParagraph',
  coverLogo: 'CoverLogo',
  coverBrand: 'CoverBrand',
  coverConfidential: 'CoverConfidential',
} as const;

/** The heading styles by level, from 1. */
export const HEADINGS = ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const;

export const LIST = {
  bullet: 'bullet-list',
  ordered: (start: number) => `ordered-list-${start}`,
} as const;

const runFonts = (latin: string, eastAsia: string) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });

/**
 * Exact line spacing of 1.4 times the font size, for text of `size` half-points. Fonts disagree about line height
 * (Calibri 1.22 em, Microsoft YaHei 1.71 em in Word, the CJK fonts LibreOffice substitutes less), so fixing it makes
 * lines equally tall in Word and LibreOffice and the page numbers worked out for the contents hold in both.
 */
export function leading(size: number): { line: number; lineRule: (typeof LineRuleType)['EXACT'] } {
  return { line: Math.ceil(size * 10 * 1.4), lineRule: LineRuleType.EXACT };
}

/** Word's language tags: the plan's language for Latin text, Chinese for any Han characters. */
export function languageTags(language: string): { value: string; eastAsia: string } {
  const value = language.toLowerCase().startsWith('zh') ? 'zh-CN' : language.toLowerCase() === 'en' ? 'en-US' : language;
  return { value, eastAsia: 'zh-CN' };
}

export function documentStyles(theme: Theme, language: string, fonts: WordFonts = DEFAULT_FONTS): IStylesOptions {
  const { colors } = theme;
  const headingFonts = runFonts(fonts.heading, fonts.eastAsia);
  const heading = (size: number, color: string, before: number, after: number, outlineLevel: number) => ({
    run: { font: headingFonts, size, bold: true, color },
    paragraph: { spacing: { before, after, ...leading(size) }, keepNext: true, keepLines: true, outlineLevel },
  });
  const heading1 = heading(SIZES.heading1, colors.primary, 0, 240, 0);
  return {
    default: {
      document: {
        run: { font: runFonts(fonts.body, fonts.eastAsia), size: SIZES.body, color: colors.text, language: languageTags(language) },
        paragraph: { spacing: { after: 120, ...leading(SIZES.body) } },
      },
      heading1: {
        ...heading1,
        paragraph: { ...heading1.paragraph, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: colors.primary, space: 4 } } },
      },
      heading2: heading(SIZES.heading2, colors.primary, 320, 120, 1),
      heading3: heading(SIZES.heading3, colors.text, 240, 80, 2),
      heading4: heading(SIZES.body, colors.text, 200, 60, 3),
      hyperlink: { run: { color: colors.primary, underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 60, ...leading(SIZES.body) } } },
    },
    paragraphStyles: [
      {
        id: STYLE.coverTitle,
        name: 'Cover Title',
        basedOn: 'Normal',
        next: STYLE.coverText,
        run: { font: headingFonts, size: SIZES.coverTitle, bold: true, color: colors.primary },
        paragraph: {
          spacing: { before: 2400, after: 360, ...leading(SIZES.coverTitle) },
          border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: colors.accent, space: 12 } },
        },
      },
      {
        id: STYLE.coverText,
        name: 'Cover Text',
        basedOn: 'Normal',
        run: { size: SIZES.coverText, color: colors.text },
        paragraph: { spacing: { after: 100, ...leading(SIZES.coverText) } },
      },
      // Pictures need auto line spacing: exact spacing would crop the logo to one line of text.
      { id: STYLE.coverLogo, name: 'Cover Logo', basedOn: 'Normal', next: STYLE.coverTitle, paragraph: { spacing: { before: 1200, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      {
        id: STYLE.coverBrand,
        name: 'Cover Brand',
        basedOn: 'Normal',
        run: { size: SIZES.coverText, color: colors.muted },
        paragraph: { spacing: { after: 360, ...leading(SIZES.coverText) } },
      },
      {
        id: STYLE.coverConfidential,
        name: 'Cover Confidentiality',
        basedOn: 'Normal',
        run: { size: SIZES.coverText, bold: true, color: colors.accent },
        paragraph: { spacing: { before: 480, after: 0, ...leading(SIZES.coverText) } },
      },
      {
        id: STYLE.coverHeading,
        name: 'Cover Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: headingFonts, size: SIZES.heading3, bold: true, color: colors.primary },
        paragraph: { spacing: { before: 600, after: 160, ...leading(SIZES.heading3) }, keepNext: true },
      },
      {
        id: STYLE.contentsHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: headingFonts, size: SIZES.heading1, bold: true, color: colors.primary },
        paragraph: {
          spacing: { after: 360, ...leading(SIZES.heading1) },
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: colors.primary, space: 4 } },
        },
      },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 100, after: 20, ...leading(SIZES.body) } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 0, ...leading(SIZES.body) }, indent: { left: 440 } } },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: SIZES.table },
        paragraph: { spacing: { before: 0, after: 0, ...leading(SIZES.table) } },
      },
      // Keeps a gap after a table without relying on the next paragraph's spacing.
      { id: STYLE.spacer, name: 'Table Spacer', basedOn: 'Normal', run: { size: 12 }, paragraph: { spacing: { before: 0, after: 0, ...leading(12) } } },
      {
        id: STYLE.rule,
        name: 'Horizontal Rule',
        basedOn: 'Normal',
        run: { size: 12 },
        paragraph: {
          spacing: { before: 120, after: 240, ...leading(12) },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: colors.primary, space: 1 } },
        },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { italics: true, color: colors.muted },
        paragraph: {
          indent: { left: 360, right: 360 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: colors.primary, space: 8 } },
        },
      },
      {
        id: STYLE.code,
        name: 'Code Block',
        basedOn: 'Normal',
        run: { font: runFonts(fonts.code, fonts.eastAsia), size: SIZES.code },
        paragraph: {
          spacing: { before: 60, after: 180, ...leading(SIZES.code) },
          indent: { left: 120, right: 120 },
          shading: { fill: 'F4F4F4' },
          border: {
            top: { style: BorderStyle.SINGLE, size: 4, color: 'DDDDDD', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: 'DDDDDD', space: 4 },
            left: { style: BorderStyle.SINGLE, size: 4, color: 'DDDDDD', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 4, color: 'DDDDDD', space: 4 },
          },
        },
      },
      {
        id: STYLE.pageHeader,
        name: 'header',
        basedOn: 'Normal',
        run: { size: SIZES.small, color: colors.muted },
        paragraph: { spacing: { after: 0, ...leading(SIZES.small) }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF', space: 4 } } },
      },
      { id: STYLE.pageFooter, name: 'footer', basedOn: 'Normal', run: { size: SIZES.small, color: colors.muted }, paragraph: { spacing: { after: 0, ...leading(SIZES.small) } } },
    ],
    characterStyles: [
      { id: STYLE.inlineCode, name: 'Inline Code', basedOn: 'DefaultParagraphFont', run: { font: runFonts(fonts.code, fonts.eastAsia), size: SIZES.code, shading: { fill: 'F2F2F2' } } },
    ],
  };
}

const BULLETS = ['\u2022', '\u25E6', '\u25AA'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/** Indent of list level `level` (0-based): text starts here, the marker hangs to its left. */
export function listIndent(level: number): number {
  return 360 + level * 360;
}

/** One bullet list definition, and one numbered list definition per starting number used in the document. */
export function listDefinitions(orderedStarts: Iterable<number>): INumberingOptions {
  const levels = (marker: (level: number) => { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }, start = 1) =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      ...marker(level),
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: listIndent(level), hanging: 300 } } },
    }));
  return {
    config: [
      { reference: LIST.bullet, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]! })) },
      ...[...new Set(orderedStarts)].sort((a, b) => a - b).map((start) => ({
        reference: LIST.ordered(start),
        levels: levels((level) => ({ format: ORDERED_FORMATS[level % ORDERED_FORMATS.length]!, text: `%${level + 1}.` }), start),
      })),
    ],
  };
}
