// How a plan looks in paged formats: colours, page size and margins. Brands override the defaults.

export interface Theme {
  /** Colours as six-digit hex without '#', the form both docx and pdfkit accept. */
  colors: {
    /** Headings, table header fill, chart bars, rules. */
    primary: string;
    /** Highlights: totals row rule, second chart series. */
    accent: string;
    text: string;
    muted: string;
    /** Fill of every other body row in tables. */
    zebra: string;
    /** Text on the primary colour (table headers). */
    onPrimary: string;
  };
  page: {
    size: 'A4' | 'Letter';
    /** Margins in millimetres. */
    margins: { top: number; right: number; bottom: number; left: number };
  };
  /** Shown in the footer beside the page number, e.g. the agency's name. */
  footerText?: string;
  /** Client or agency name from the brand. */
  brandName?: string;
  coverSubtitle?: string;
  /** e.g. "Confidential": on the cover and in the footer. */
  confidentiality?: string;
  /** The brand logo: on the cover and, small, in the header. Writers that cannot draw SVG render it with svgToPng. */
  logo?: ThemeImage;
  /** Font files; writers use their built-in fonts for what is missing. */
  fonts?: { body?: ThemeFont; heading?: ThemeFont; cjk?: ThemeFont };
}

export interface ThemeImage {
  type: 'png' | 'jpeg' | 'svg';
  data: Buffer;
  width: number;
  height: number;
}

export interface ThemeFont {
  /** Where the font came from, for messages. */
  file: string;
  data: Buffer;
  /** Family name as the font declares it, which Word and LibreOffice use to find it. */
  family: string;
}

export const DEFAULT_THEME: Theme = {
  colors: {
    primary: '1F4E79',
    accent: 'C55A11',
    text: '222222',
    muted: '666666',
    zebra: 'F2F6FA',
    onPrimary: 'FFFFFF',
  },
  page: {
    size: 'A4',
    margins: { top: 25, right: 20, bottom: 25, left: 20 },
  },
};
