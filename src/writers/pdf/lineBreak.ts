// Line breaking for mixed Chinese and Latin text: between ideographs (with basic kinsoku), after spaces and hyphens, inside a word only when it cannot fit.
import { advanceBetween, piecesOf } from './shaping.js';
import { isCjk, LINE_BREAK, type Span, type SpanItem } from './spans.js';

/** Consecutive text of one span on one line, with its measured width in points. */
export interface Piece {
  text: string;
  span: Span;
  width: number;
}

export interface Line {
  pieces: Piece[];
  /** Width in points, trailing spaces excluded. */
  width: number;
}

/** Characters that must not start a line (closing brackets, sentence and clause punctuation, small kana). */
const NO_LINE_START = new Set([
  ...'，。、；：？！）」』】》〉〕〗〙〛｝］”’…‥・·ー々〻～ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
  ...',.;:!?)]}%‰°',
  ...'％，．：；？！）',
]);
/** Characters that must not end a line (opening brackets and quotes). */
const NO_LINE_END = new Set([...'（「『【《〈〔〖〘〚｛［“‘', ...'([{']);
/** Room for rounding when a measured line exactly fills the width. */
const EPSILON = 0.01;

type TokenKind = 'word' | 'space' | 'ideo';

interface Token {
  text: string;
  span: Span;
  kind: TokenKind;
  width: number;
  /** A word that ends in a hyphen inside a compound: the line may break after it. */
  hyphen?: boolean;
}

const CLUSTER = /\P{M}\p{M}*/gu;
const HYPHEN_SPLIT = /(?<=\p{L}-)(?=\p{L})/u;

function measure(text: string, span: Span): number {
  return (span.face.width(text, span.cjk === true) * span.size) / 1000;
}

function tokenize(spans: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  for (const span of spans) {
    if (span.cjk) {
      for (const [cluster] of span.text.matchAll(CLUSTER)) {
        const kind: TokenKind = /^\s+$/u.test(cluster) ? 'space' : isCjk(cluster) ? 'ideo' : 'word';
        tokens.push({ text: cluster, span, kind, width: measure(cluster, span) });
      }
      continue;
    }
    // Courier needs no shaping: every character is as wide as the next.
    const pieces = span.face.standard ? piecesOf(span.text).map((text) => ({ text, run: undefined })) : span.face.pieces(span.text);
    const scale = span.size / 1000;
    for (const piece of pieces) {
      const width = (from: number, to: number) =>
        piece.run ? advanceBetween(piece.run, from, to) * scale : measure(piece.text.slice(from, to), span);
      const word = piece.text.replace(/[ \t]$/u, '');
      let from = 0;
      // Most words have no hyphen, and splitting with the look-behind pattern is slow.
      const parts = word === '' ? [] : word.includes('-') ? word.split(HYPHEN_SPLIT) : [word];
      parts.forEach((part, index) => {
        const to = from + part.length;
        const token: Token = { text: part, span, kind: 'word', width: width(from, to) };
        if (index < parts.length - 1) token.hyphen = true;
        tokens.push(token);
        from = to;
      });
      if (word.length < piece.text.length) tokens.push({ text: piece.text.slice(word.length), span, kind: 'space', width: width(word.length, piece.text.length) });
    }
  }
  return tokens;
}

function canBreakBetween(before: Token, after: Token): boolean {
  if (after.kind === 'space') return false;
  if (before.kind === 'space') return true;
  if (before.kind === 'ideo' || after.kind === 'ideo') {
    return !NO_LINE_START.has([...after.text][0]!) && !NO_LINE_END.has([...before.text].at(-1)!);
  }
  return before.hyphen === true;
}

/** Groups tokens into the pieces a line may not be broken inside. */
function chunks(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  tokens.forEach((token, index) => {
    if (index > 0 && !canBreakBetween(tokens[index - 1]!, token)) groups.at(-1)!.push(token);
    else groups.push([token]);
  });
  return groups;
}

const contentWidth = (tokens: readonly Token[]) => {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === 'space') end -= 1;
  return tokens.slice(0, end).reduce((sum, token) => sum + token.width, 0);
};

function finishLine(tokens: Token[]): Line {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === 'space') end -= 1;
  const pieces: Piece[] = [];
  for (const token of tokens.slice(0, end)) {
    const last = pieces.at(-1);
    if (last?.span === token.span) {
      last.text += token.text;
      last.width += token.width;
    } else {
      pieces.push({ text: token.text, span: token.span, width: token.width });
    }
  }
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) };
}

/** Splits a piece that is wider than a whole line between characters, filling each line as far as it goes. */
function splitOverlong(chunk: readonly Token[], maxWidth: number): Token[][] {
  const lines: Token[][] = [[]];
  let width = 0;
  for (const token of chunk) {
    if (token.kind === 'space') {
      lines.at(-1)!.push(token);
      continue;
    }
    for (const [cluster] of token.text.matchAll(CLUSTER)) {
      const clusterWidth = measure(cluster, token.span);
      if (width + clusterWidth > maxWidth + EPSILON && lines.at(-1)!.length > 0) {
        lines.push([]);
        width = 0;
      }
      lines.at(-1)!.push({ text: cluster, span: token.span, kind: token.kind, width: clusterWidth });
      width += clusterWidth;
    }
  }
  return lines;
}

function breakParagraph(spans: readonly Span[], maxWidth: number): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let width = 0;
  for (const group of chunks(tokenize(spans))) {
    let chunk = group;
    if (current.length === 0) chunk = dropLeadingSpaces(chunk);
    if (chunk.length === 0) continue;
    if (width + contentWidth(chunk) <= maxWidth + EPSILON) {
      current.push(...chunk);
      width += chunk.reduce((sum, token) => sum + token.width, 0);
      continue;
    }
    if (current.length > 0) {
      lines.push(finishLine(current));
      current = [];
      width = 0;
      chunk = dropLeadingSpaces(chunk);
      if (chunk.length === 0) continue;
    }
    const parts = contentWidth(chunk) <= maxWidth + EPSILON ? [chunk] : splitOverlong(chunk, maxWidth);
    parts.slice(0, -1).forEach((part) => lines.push(finishLine(part)));
    current = [...parts.at(-1)!];
    width = current.reduce((sum, token) => sum + token.width, 0);
  }
  lines.push(finishLine(current));
  return lines;
}

function dropLeadingSpaces(tokens: Token[]): Token[] {
  let start = 0;
  while (start < tokens.length && tokens[start]!.kind === 'space') start += 1;
  return start === 0 ? tokens : tokens.slice(start);
}

/** Breaks spans into lines no wider than `maxWidth` points; forced breaks always start a new line. */
export function breakLines(items: readonly SpanItem[], maxWidth: number): Line[] {
  const lines: Line[] = [];
  let paragraph: Span[] = [];
  for (const item of items) {
    if (item === LINE_BREAK) {
      lines.push(...breakParagraph(paragraph, maxWidth));
      paragraph = [];
    } else {
      paragraph.push(item);
    }
  }
  lines.push(...breakParagraph(paragraph, maxWidth));
  return lines;
}

/** Breaks between any two characters and keeps every space: for code, whose spacing carries meaning. */
export function breakAnywhere(items: readonly SpanItem[], maxWidth: number): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let width = 0;
  const flush = () => {
    lines.push({ pieces: finishLine(current).pieces, width });
    current = [];
    width = 0;
  };
  for (const item of items) {
    if (item === LINE_BREAK) {
      flush();
      continue;
    }
    for (const [cluster] of item.text.matchAll(CLUSTER)) {
      const clusterWidth = measure(cluster, item);
      if (width + clusterWidth > maxWidth + EPSILON && current.length > 0) flush();
      current.push({ text: cluster, span: item, kind: 'word', width: clusterWidth });
      width += clusterWidth;
    }
  }
  flush();
  return lines;
}

/** The widest piece that cannot be broken (a word, or an ideograph with its punctuation): a column's minimum. */
export function longestUnbreakable(items: readonly SpanItem[]): number {
  const spans = items.filter((item): item is Span => item !== LINE_BREAK);
  return Math.max(0, ...chunks(tokenize(spans)).map(contentWidth));
}

/** Width of the text set on one line per forced break: a column's preferred width. */
export function naturalWidth(items: readonly SpanItem[]): number {
  let widest = 0;
  let width = 0;
  for (const item of items) {
    if (item === LINE_BREAK) {
      widest = Math.max(widest, width);
      width = 0;
    } else {
      width += measure(item.text, item);
    }
  }
  return Math.max(widest, width);
}
