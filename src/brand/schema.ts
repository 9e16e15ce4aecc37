// The brand file (brand.yaml): a client's or agency's name, logo, colours, fonts and page setup.
import { z } from 'zod';

export const BRAND_SCHEMA_VERSION = 1;

const text = (what: string) => z.string().trim().min(1, { error: 'must not be empty' }).describe(what);

/** Colours are written #RRGGBB (or #RGB) as in every design tool; stored as RRGGBB for docx and pdfkit. */
const colour = (what: string) =>
  z.string()
    .trim()
    .regex(/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'is not a colour: write it as #RRGGBB, e.g. #1F4E79' })
    .transform((value) => {
      const hex = value.replace('#', '').toUpperCase();
      return hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    })
    .describe(`${what} Written #RRGGBB, e.g. #1F4E79.`);

const margin = (side: string) =>
  z.number().min(5, { error: 'must be at least 5 mm' }).max(60, { error: 'must be at most 60 mm' }).describe(`${side} margin in millimetres.`);

export const BrandSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
  schemaVersion: z.literal(BRAND_SCHEMA_VERSION).describe(`Version of the brand file format; currently ${BRAND_SCHEMA_VERSION}.`),
  name: text('Client or agency name, shown on the cover and in the header.'),
  logo: text('Logo file (PNG, JPEG or SVG), relative to the brand file; on the cover and, small, in the header.').optional(),
  colors: z.strictObject({
    primary: colour('Headings, table headers, chart bars and rules.'),
    accent: colour('Highlights such as the totals row rule; the primary colour when left out.').optional(),
  }).describe('Brand colours.'),
  fonts: z.strictObject({
    body: text('Body text font file (.ttf or .otf), relative to the brand file.').optional(),
    heading: text('Heading font file (.ttf or .otf); the body font when left out.').optional(),
    cjk: text('Font file for Chinese, Japanese and Korean text; the built-in Noto Sans SC when left out.').optional(),
  }).optional().describe('Font files; the built-in fonts are used for what is left out.'),
  coverSubtitle: text('Line under the title on the cover, e.g. "Prepared by Bright Agency".').optional(),
  footerText: text('Text in every page footer, e.g. the agency\'s name and website.').optional(),
  confidentiality: text('Confidentiality line on the cover and in the footer, e.g. "Confidential".').optional(),
  page: z.strictObject({
    size: z.enum(['A4', 'Letter']).default('A4').describe('Paper size: A4 or Letter.'),
    margins: z.strictObject({
      top: margin('Top'),
      right: margin('Right'),
      bottom: margin('Bottom'),
      left: margin('Left'),
    }).optional().describe('Page margins in millimetres.'),
  }).optional().describe('Paper size and margins.'),
}).describe('A brand for opsplan plans: name, logo, colours, fonts and page setup.');

export type BrandFile = z.output<typeof BrandSchema>;
