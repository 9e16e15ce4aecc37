// What a brand adds to the Word plan: its fonts by role, embedded in the file, and its logo for the cover and the header.
import { ImageRun } from 'docx';
import { OpsplanError } from '../../errors.js';
import type { Theme, ThemeFont, ThemeImage } from '../theme.js';
import { DEFAULT_FONTS, type WordFonts } from './styles.js';

/** A font file the document carries, so it shows on a machine that lacks the font. */
export interface EmbeddedFont {
  name: string;
  data: Buffer;
}

/** The logo as the document holds it: the brand's file, and a PNG rendering beside an SVG for programs without SVG. */
export interface WordLogo {
  image: ThemeImage;
  fallback?: Buffer;
  /** Alternative text: the brand's name. */
  name: string;
}

export interface WordBrand {
  fonts: WordFonts;
  embedded: EmbeddedFont[];
  logo?: WordLogo;
}

/** Room for the logo on the cover, in millimetres; the logo keeps its aspect and is never enlarged past its own size. */
export const COVER_LOGO_MM = { width: 60, height: 25 } as const;
/** Height of the logo in the page header, in millimetres, as far as the top margin leaves room for it. */
const HEADER_LOGO_MM = { width: 40, height: 8 } as const;
/** Room kept in the top margin below the header logo for its baseline, the header's rule and the gap to the body. */
const HEADER_CLEARANCE_MM = 4;
/** SVG logos are drawn as PNG at print resolution for the largest size the document shows them at. */
const FALLBACK_DPI = 300;
const MM_PER_INCH = 25.4;
/** Word sizes pictures in pixels at 96 to the inch. */
const PIXELS_PER_INCH = 96;

/** The fonts, embedded files and logo of the theme's brand; the built-in fonts and no logo without one. */
export async function wordBrand(theme: Theme): Promise<WordBrand> {
  const { body, heading, cjk } = theme.fonts ?? {};
  const fonts: WordFonts = {
    ...DEFAULT_FONTS,
    ...(body ? { body: body.family } : {}),
    // The brand file says the heading font is the body font when it is left out.
    ...(heading ?? body ? { heading: (heading ?? body)!.family } : {}),
    ...(cjk ? { eastAsia: cjk.family } : {}),
  };
  const files = [body, heading, cjk].filter((font): font is ThemeFont => font !== undefined);
  // One file under one name: a brand may give the same file for two roles.
  const embedded = [...new Map(files.map((font) => [font.family, { name: font.family, data: font.data }])).values()];
  const logo = theme.logo ? await wordLogo(theme.logo, theme.brandName ?? '') : undefined;
  return { fonts, embedded, ...(logo ? { logo } : {}) };
}

async function wordLogo(image: ThemeImage, name: string): Promise<WordLogo> {
  if (image.type !== 'svg') return { image, name };
  const cover = fitted(image, COVER_LOGO_MM);
  try {
    const { svgToPng } = await import('../svgToPng.js');
    const fallback = await svgToPng(image.data, Math.ceil((cover.width / PIXELS_PER_INCH) * FALLBACK_DPI));
    return { image, fallback, name };
  } catch (error) {
    throw new OpsplanError('FILE_UNREADABLE', `the brand's SVG logo cannot be drawn for the Word file (${error instanceof Error ? error.message : String(error)})`, {
      hint: 'Check that the SVG file opens in a web browser, or export the logo as a PNG file.',
      cause: error,
    });
  }
}

/** The logo's size in Word's pixels inside a box in millimetres: aspect kept, not enlarged past its own pixel size. */
export function fitted(image: Pick<ThemeImage, 'width' | 'height'>, box: { width: number; height: number }): { width: number; height: number } {
  const pixels = (mm: number) => (mm / MM_PER_INCH) * PIXELS_PER_INCH;
  const scale = Math.min(pixels(box.width) / image.width, pixels(box.height) / image.height, 1);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/** The header logo's box: 8 mm high, or less when the top margin leaves less room above the body. */
export function headerLogoBox(topMarginMm: number): { width: number; height: number } {
  return { width: HEADER_LOGO_MM.width, height: Math.max(3, Math.min(HEADER_LOGO_MM.height, topMarginMm / 2 - HEADER_CLEARANCE_MM)) };
}

/** The logo as a picture in the line, sized to fit a box in millimetres. */
export function logoRun(logo: WordLogo, box: { width: number; height: number }): ImageRun {
  const transformation = fitted(logo.image, box);
  const altText = { name: logo.name || 'Logo', description: logo.name, title: logo.name };
  if (logo.image.type === 'svg') {
    return new ImageRun({ type: 'svg', data: logo.image.data, fallback: { type: 'png', data: logo.fallback! }, transformation, altText });
  }
  return new ImageRun({ type: logo.image.type === 'jpeg' ? 'jpg' : 'png', data: logo.image.data, transformation, altText });
}
