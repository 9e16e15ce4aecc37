// Turns inline runs into spans of one face each: pdfkit has no font fallback, so text is split by script here.
import type { Inline } from '../../doc/types.js';
import type { Face } from './fonts.js';
import type { FaceChoice, Typefaces } from './typefaces.js';

/** How a piece of text looks; every span of a line shares the size. */
export interface SpanStyle {
  size: number;
  color: string;
  /** The theme's faces (typefacesFor). */
  fonts: Typefaces;
  bold?: boolean;
  italic?: boolean;
  /** Headings and the cover title, set in the brand's heading font. */
  heading?: boolean;
}

export interface Span {
  text: string;
  face: Face;
  /** Han, Kana, Hangul and their punctuation: measured per character and broken between characters. */
  cjk?: true;
  /** Bold or italic drawn from a single-weight brand font (see FaceChoice). */
  emboldened?: true;
  slanted?: true;
  size: number;
  color: string;
  href?: string;
  strike?: boolean;
  /** Inline code: drawn on a tinted background. */
  code?: boolean;
}

/** A forced line break (a `break` inline, or a newline inside text). */
export const LINE_BREAK = 'break' as const;
export type SpanItem = Span | typeof LINE_BREAK;

/** Han, Kana, Hangul, CJK symbols and punctuation, fullwidth forms, compatibility ideographs and the supplementary Han planes. */
const CJK =
  /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u;
/** Punctuation shared by both scripts: it takes the face of the text around it, so Chinese quotes stay Chinese. */
const SHARED_PUNCTUATION = new Set([...'“”‘’…—–·•']);
/** Characters that only steer emoji or joining; left out when the face cannot draw them rather than shown as boxes. */
const isInvisible = (codePoint: number) =>
  (codePoint >= 0x200b && codePoint <= 0x200d) || codePoint === 0x2060 || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || codePoint === 0xfeff;

type Script = 'cjk' | 'latin' | 'shared';

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

function scriptOf(char: string, codePoint: number, fonts: Typefaces): Script {
  if (CJK.test(char)) return 'cjk';
  if (SHARED_PUNCTUATION.has(char)) return 'shared';
  if (fonts.latinHas(codePoint)) return 'latin';
  // Arrows, circled numbers, maths signs: the CJK font has many symbols the Latin font lacks.
  return fonts.cjkHas(codePoint) ? 'cjk' : 'latin';
}

export interface FaceRun {
  text: string;
  choice: FaceChoice;
  cjk: boolean;
}

/**
 * Splits text into runs of one face. Inline code uses Courier for printable ASCII only (a standard PDF font
 * cannot encode anything else); everything else falls back to the text faces.
 */
export function splitByFace(text: string, style: { fonts: Typefaces; bold?: boolean; italic?: boolean; code?: boolean; heading?: boolean }): FaceRun[] {
  const { fonts } = style;
  const chars = [...text];
  const scripts = chars.map((char) => scriptOf(char, char.codePointAt(0)!, fonts));
  // Shared punctuation next to Chinese on either side is set in the CJK face, elsewhere in the Latin face.
  const resolved: ('cjk' | 'latin')[] = [];
  scripts.forEach((script, index) => {
    if (script !== 'shared') {
      resolved.push(script);
      return;
    }
    const previous = resolved[index - 1];
    const next = scripts.slice(index + 1).find((candidate) => candidate !== 'shared');
    resolved.push(previous === 'cjk' || next === 'cjk' ? 'cjk' : 'latin');
  });
  const runs: FaceRun[] = [];
  chars.forEach((char, index) => {
    const codePoint = char.codePointAt(0)!;
    const code = style.code === true && codePoint >= 0x20 && codePoint <= 0x7e;
    const choice = code ? fonts.mono(style.bold === true) : fonts.choose(resolved[index]!, codePoint, style);
    if (isInvisible(codePoint) && !choice.face.has(codePoint)) return;
    const cjk = !code && resolved[index] === 'cjk';
    const last = runs.at(-1);
    if (last?.choice === choice && last.cjk === cjk) last.text += char;
    else runs.push({ text: char, choice, cjk });
  });
  return runs;
}

export interface SpanOptions {
  /** Colour of links. */
  linkColor: string;
}

/** Spans for inline runs in a base style; marks add bold, italic, code, strike-through and links. */
export function toSpans(content: readonly Inline[], style: SpanStyle, options: SpanOptions): SpanItem[] {
  const items: SpanItem[] = [];
  for (const inline of content) {
    if (inline.type === 'break') {
      items.push(LINE_BREAK);
      continue;
    }
    const marks = { fonts: style.fonts, bold: style.bold || inline.marks.bold, italic: style.italic || inline.marks.italic, code: inline.marks.code, heading: style.heading };
    inline.text.split('\n').forEach((line, index) => {
      if (index > 0) items.push(LINE_BREAK);
      for (const run of splitByFace(line, marks)) {
        const span: Span = { text: run.text, face: run.choice.face, size: style.size, color: inline.href ? options.linkColor : style.color };
        if (run.cjk) span.cjk = true;
        if (run.choice.emboldened) span.emboldened = true;
        if (run.choice.slanted) span.slanted = true;
        if (inline.href) span.href = inline.href;
        if (inline.marks.strike) span.strike = true;
        if (inline.marks.code) span.code = true;
        items.push(span);
      }
    });
  }
  return items;
}

/** Spans for plain text, e.g. headers, table-of-contents entries and chart labels. */
export function plainSpans(text: string, style: SpanStyle): SpanItem[] {
  return toSpans([{ type: 'text', text, marks: {} }], style, { linkColor: style.color });
}
