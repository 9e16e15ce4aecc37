// The cover page: a band in the brand colour with the plan's title, then the logo, the cover facts and the at-a-glance table.
import type { Doc } from '../../doc/types.js';
import { drawBlocks } from './blocks.js';
import { breakLines } from './lineBreak.js';
import { placeLines, type Cursor } from './layout.js';
import { COVER_LOGO_BOX, fitLogo, type Logo } from './logo.js';
import { plainSpans } from './spans.js';
import { baselineOffset, lineHeight, TYPE } from './styles.js';

const SUBJECT = { size: 11, leading: 1.45 } as const;
const ACCENT_STRIPE = 4;

export function drawCover(model: Doc, cursor: Cursor, logo: Logo | undefined): void {
  const { doc, frame, theme } = cursor;
  const { colors } = theme;
  const width = frame.right - frame.left;
  const pageHeight = doc.page.height;
  const titleLines = breakLines(plainSpans(model.cover.title, { size: TYPE.coverTitle.size, color: colors.onPrimary, fonts: cursor.typefaces, bold: true, heading: true }), width);
  const subjectLines = breakLines(plainSpans(model.meta.subject, { size: SUBJECT.size, color: colors.onPrimary, fonts: cursor.typefaces }), width);
  const brand = [theme.brandName, theme.coverSubtitle].filter(Boolean).join(' · ');
  const brandLines = brand ? breakLines(plainSpans(brand, { size: SUBJECT.size, color: colors.onPrimary, fonts: cursor.typefaces }), width) : [];
  const titleHeight = titleLines.length * lineHeight(TYPE.coverTitle);
  const subjectHeight = (subjectLines.length + brandLines.length) * lineHeight(SUBJECT) + (brandLines.length > 0 ? 6 : 0);
  const bandBottom = Math.max(pageHeight * 0.36, frame.top + subjectHeight + titleHeight + 56);

  cursor.fill(colors.primary, 0, 0, doc.page.width, bandBottom);
  cursor.fill(colors.accent, 0, bandBottom, doc.page.width, ACCENT_STRIPE);
  let y = bandBottom - 40 - titleHeight - subjectHeight - 8;
  subjectLines.forEach((line) => {
    cursor.drawLine(line, frame.left, y + baselineOffset(SUBJECT), width);
    y += lineHeight(SUBJECT);
  });
  y += 8;
  titleLines.forEach((line) => {
    cursor.drawLine(line, frame.left, y + baselineOffset(TYPE.coverTitle), width);
    y += lineHeight(TYPE.coverTitle);
  });
  y += 6;
  brandLines.forEach((line) => {
    cursor.drawLine(line, frame.left, y + baselineOffset(SUBJECT), width);
    y += lineHeight(SUBJECT);
  });

  cursor.y = Math.min(bandBottom + ACCENT_STRIPE + 30, frame.bottom);
  if (logo) {
    // Logos are made for white paper, so the logo stands below the band rather than on its colour.
    const size = fitLogo(logo, COVER_LOGO_BOX);
    doc.image(logo.image as unknown as Buffer, frame.left, cursor.y, size);
    cursor.y += size.height + 18;
  }
  drawBlocks(model.cover.blocks, {
    cursor,
    left: frame.left,
    width,
    body: false,
    tight: false,
    listDepth: 0,
    color: colors.text,
  });
  if (theme.confidentiality) {
    const lines = breakLines(plainSpans(theme.confidentiality, { size: SUBJECT.size, color: colors.accent, fonts: cursor.typefaces, bold: true }), width);
    placeLines(cursor, lines, { x: frame.left, width, metrics: SUBJECT, keep: lines.length });
  }
}
