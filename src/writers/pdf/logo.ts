// The brand's logo for the PDF: PNG and JPEG as they are, SVG drawn to a PNG at print resolution; decoded once per document.
import { OpsplanError } from '../../errors.js';
import type { Theme } from '../theme.js';

/** A picture pdfkit has decoded once, to place on many pages without embedding it again; its size in pixels. */
export interface PlacedImage {
  width: number;
  height: number;
}

export interface Logo {
  image: PlacedImage;
  /** Natural size in points: a picture's pixels, an SVG's own width and height. */
  width: number;
  height: number;
  /** Vector logos grow to fill their box; pictures are never enlarged past their pixels, which would blur them. */
  scalable: boolean;
}

export interface Box {
  width: number;
  height: number;
}

/** Room for the logo below the cover band and in the running header, in points. */
export const COVER_LOGO_BOX: Box = { width: 160, height: 56 };
export const HEADER_LOGO_BOX: Box = { width: 80, height: 14 };
/** Pixels per inch an SVG logo is drawn at for the cover, the larger of its two sizes: print quality. */
const PRINT_DPI = 300;

/** The size the logo is drawn at in a box, its aspect kept. */
export function fitLogo(logo: Pick<Logo, 'width' | 'height' | 'scalable'>, box: Box): Box {
  const scale = Math.min(box.width / logo.width, box.height / logo.height, logo.scalable ? Infinity : 1);
  return { width: logo.width * scale, height: logo.height * scale };
}

/** pdfkit decodes an image once with `openImage` (missing from its type declarations) and reuses it per page. */
interface ImageOpener {
  openImage(source: Buffer): PlacedImage;
}

/** The logo as bytes pdfkit can decode; the SVG renderer is loaded only for a brand whose logo is an SVG. */
export async function logoPicture(theme: Theme): Promise<{ data: Buffer; scalable: boolean } | undefined> {
  const logo = theme.logo;
  if (!logo) return undefined;
  if (logo.type !== 'svg') return { data: logo.data, scalable: false };
  const cover = fitLogo({ ...logo, scalable: true }, COVER_LOGO_BOX);
  const pixels = Math.ceil((cover.width / 72) * PRINT_DPI);
  try {
    const { svgToPng } = await import('../svgToPng.js');
    return { data: await svgToPng(logo.data, pixels), scalable: true };
  } catch (error) {
    throw new OpsplanError('FILE_UNREADABLE', `the brand's SVG logo cannot be drawn for the PDF (${error instanceof Error ? error.message : String(error)})`, {
      hint: 'Check that the SVG file opens in a web browser, or export the logo as a PNG file.',
      cause: error,
    });
  }
}

/** Decodes the logo in one document. */
export function openLogo(pdf: PDFKit.PDFDocument, theme: Theme, picture: { data: Buffer; scalable: boolean } | undefined): Logo | undefined {
  if (!theme.logo || !picture) return undefined;
  let image: PlacedImage;
  try {
    image = (pdf as unknown as ImageOpener).openImage(picture.data);
  } catch (error) {
    throw new OpsplanError('FILE_UNREADABLE', `the brand's logo cannot be decoded for the PDF (${error instanceof Error ? error.message : String(error)})`, {
      hint: 'Export the logo again as a PNG or JPEG file.',
      cause: error,
    });
  }
  // An SVG keeps its own size, whatever the pixels it was drawn at.
  const { width, height } = picture.scalable ? theme.logo : image;
  return { image, width, height, scalable: picture.scalable };
}
