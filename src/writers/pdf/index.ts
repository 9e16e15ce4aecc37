// Writes the document model as a print-ready PDF: cover, contents, numbered sections, bookmarks and embedded subset fonts.
import { PDFDocument } from './pdfkit.js';
import type { Doc } from '../../doc/types.js';
import { DEFAULT_THEME, type Theme } from '../theme.js';
import type { RenderOptions, Writer } from '../types.js';
import { drawBlocks, type PlacedHeading } from './blocks.js';
import { drawCover } from './cover.js';
import { DocumentFonts } from './fonts.js';
import { drawFurniture, FURNITURE_ROOM } from './furniture.js';
import { Cursor, type Frame } from './layout.js';
import { logoPicture, openLogo } from './logo.js';
import { MM } from './styles.js';
import { drawToc, layoutToc, tocEntries } from './toc.js';
import { typefacesFor } from './typefaces.js';

const PAGE_SIZES: Record<Theme['page']['size'], [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

/** pdfkit keeps the catalog private; page labels and outline destinations need it. */
interface PdfInternals {
  _root: { data: Record<string, unknown> };
}

interface OutlineInternals {
  outlineData: Record<string, unknown>;
}

function bodyFrame(theme: Theme): Frame {
  const [width, height] = PAGE_SIZES[theme.page.size];
  const margins = theme.page.margins;
  return {
    left: margins.left * MM,
    right: width - margins.right * MM,
    top: Math.max(margins.top * MM, FURNITURE_ROOM),
    bottom: height - Math.max(margins.bottom * MM, FURNITURE_ROOM),
  };
}

function createDocument(model: Doc, options: RenderOptions, theme: Theme): PDFKit.PDFDocument {
  const margins = theme.page.margins;
  return new PDFDocument({
    size: PAGE_SIZES[theme.page.size],
    margins: { top: margins.top * MM, right: margins.right * MM, bottom: margins.bottom * MM, left: margins.left * MM },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: model.meta.language,
    displayTitle: true,
    // Every run of text picks its own embedded font; loading pdfkit's default Helvetica would be wasted work.
    font: null as unknown as string,
    // The file identifier is a hash of this dictionary, so fixed dates make the bytes repeatable.
    info: {
      Title: model.meta.title,
      Author: model.meta.author,
      Subject: model.meta.subject,
      Keywords: model.meta.keywords.join(', '),
      Creator: 'opsplan',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

export async function renderPdf(model: Doc, options: RenderOptions): Promise<Buffer> {
  const theme = options.theme ?? DEFAULT_THEME;
  // Everything that waits happens before layout, which then runs to the end without yielding.
  const picture = await logoPicture(theme);
  const frame = bodyFrame(theme);
  const pdf = createDocument(model, options, theme);
  const bytes = collect(pdf);
  const cursor = new Cursor(pdf, new DocumentFonts(pdf), frame, theme);

  const logo = openLogo(pdf, theme, picture);
  pdf.addPage();
  drawCover(model, cursor, logo);
  const tocStart = cursor.page + 1;
  // The contents are measured first, so the body knows on which page it starts.
  const entries = tocEntries(model.body);
  const toc = entries.length > 0 ? layoutToc(entries, model.labels.contents, frame, theme) : undefined;
  for (let page = 0; page < (toc?.pages.length ?? 0); page += 1) cursor.newPage();
  const bodyStart = cursor.page + 1;
  if (model.body.length > 0) cursor.newPage();

  const placed = new Map<string, PlacedHeading>();
  let section: PDFKit.PDFOutline | undefined;
  drawBlocks(model.body, {
    cursor,
    left: frame.left,
    width: frame.right - frame.left,
    body: true,
    tight: false,
    listDepth: 0,
    color: theme.colors.text,
    onHeading: (heading) => {
      placed.set(heading.id, heading);
      cursor.onPage(heading.page, () => {
        pdf.addNamedDestination(heading.id, 'XYZ', frame.left, Math.max(0, heading.y - 8), null as unknown as number);
        const parent = heading.level === 1 || !section ? pdf.outline : section;
        const item = parent.addItem(`${heading.number} ${heading.title}`);
        // Bookmarks jump to the heading itself rather than to the top of its page.
        (item as unknown as OutlineInternals).outlineData.Dest = new String(heading.id);
        if (heading.level === 1) section = item;
      });
    },
  });

  const lastPage = cursor.page;
  const pages = lastPage - bodyStart + 1;
  const pageNumber = (page: number) => page - bodyStart + 1;
  if (toc) {
    drawToc(toc, cursor, tocStart, (id) => {
      const heading = placed.get(id);
      return heading ? String(pageNumber(heading.page)) : undefined;
    });
  }
  drawFurniture(cursor, {
    title: model.meta.title,
    footerText: [theme.footerText, theme.confidentiality].filter(Boolean).join(' · '),
    logo,
    firstPage: tocStart,
    lastPage,
    pageLabel: (page) =>
      page >= bodyStart ? model.labels.pageOf.replace('{page}', String(pageNumber(page))).replace('{pages}', String(pages)) : undefined,
  });
  // Viewers show the printed numbers: roman for the cover and contents, 1, 2, 3... from the first section.
  (pdf as unknown as PdfInternals)._root.data.PageLabels = { Nums: [0, { S: 'r' }, ...(pages > 0 ? [bodyStart, { S: 'D' }] : [])] };
  pdf.end();
  return bytes;
}

export const pdfWriter: Writer = {
  render: (doc, options) => renderPdf(doc, options),
  // The faces of body text and headings: reading and parsing Noto Sans SC is a large part of a Chinese plan's first PDF.
  prepare(language, theme) {
    const faces = typefacesFor(theme ?? DEFAULT_THEME);
    for (const bold of [false, true]) {
      faces.choose('latin', 0x41, { bold });
      if (language.startsWith('zh')) faces.choose('cjk', 0x4e2d, { bold });
    }
  },
};
