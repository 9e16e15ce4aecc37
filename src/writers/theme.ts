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
  /** Shown in the footer beside the page number, e.g. a confidentiality line. */
  footerText?: string;
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
