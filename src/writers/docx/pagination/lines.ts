// Breaks a paragraph's text into lines as Word does: after spaces and dashes, around Chinese and Japanese characters,
// with Word's lists of characters that may not start or end a line of Chinese text.
import type { Measurer, RunFace } from './metrics.js';

/** A paragraph's content as the line breaker sees it. */
export type Piece =
  | { kind: 'text'; text: string; face: RunFace }
  | { kind: 'break'; page: boolean }
  | { kind: 'tab'; face: RunFace }
  | { kind: 'object'; width: number; height: number };

export interface Line {
  /** How many characters other than spaces the line holds; a picture counts as one. */
  characters: number;
  /** Height of the tallest picture or chart on the line, 0 without one. */
  objectHeight: number;
  /** The line ends in a page break. */
  pageBreakAfter: boolean;
}

/** Word's Simplified Chinese lists (Word Options, Typography, "First/Last characters"). */
const SIMPLIFIED_CHINESE = {
  noLineStart: new Set('!%),.:;?]}¢°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠'),
  noLineEnd: new Set('$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥'),
};
const NO_LIST = { noLineStart: new Set<string>(), noLineEnd: new Set<string>() };

/** Characters Word breaks a line around: Chinese and Japanese, but not Korean, which breaks at spaces. */
const BREAKS_AROUND = /[\u2e80-\u2fff\u3000-\u30ff\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** No-break spaces and joiners: never a break beside them. */
const GLUE = new Set(['\u00a0', '\u2007', '\u202f', '\u2060', '\ufeff']);
/** Marks, joiners, variation selectors and skin tones belong to the character before them. */
const MARK = /\p{M}/u;
const extendsCharacter = (character: string) => {
  const code = character.codePointAt(0)!;
  return MARK.test(character) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f);
};
const SPACES = new Set([' ', '\u3000']);
/** Word's default tab stops, every half inch. */
const DEFAULT_TAB_STOP = 720;

interface Atom {
  /** Characters with their widths, for breaking a word longer than a line. */
  widths: number[];
  width: number;
  /** Spaces after it: they end a line without taking room. */
  trailing: number;
  objectHeight: number;
  forced?: 'line' | 'page';
}

const listFor = (language: string) => (language.toLowerCase().startsWith('zh') && !/^zh-(tw|hk|mo|hant)/i.test(language) ? SIMPLIFIED_CHINESE : NO_LIST);

/** Whether Word may end a line between two characters of one spaceless stretch of text. */
function breaksBetween(before: string, after: string, eastAsiaLanguage: string): boolean {
  // Between two ASCII characters (most of an English plan) only a dash can open a break: none of them is a mark, glue,
  // a zero-width space or a character Word breaks around.
  if (before.charCodeAt(0) < 0x80 && after.charCodeAt(0) < 0x80 && before.length === 1 && after.length === 1) {
    if (before !== '-' || /[\d-]/.test(after)) return false;
    const list = listFor(eastAsiaLanguage);
    return !list.noLineStart.has(after) && !list.noLineEnd.has(before);
  }
  if (extendsCharacter(after) || before === '\u200d' || GLUE.has(before) || GLUE.has(after)) return false;
  const opportunity = before === '\u200b' || (DASHES.has(before) && !/[\d-]/.test(after)) || BREAKS_AROUND.test(before) || BREAKS_AROUND.test(after);
  if (!opportunity) return false;
  const list = listFor(eastAsiaLanguage);
  return !list.noLineStart.has(after) && !list.noLineEnd.has(before);
}

function atomsOf(pieces: readonly Piece[], measurer: Measurer, eastAsiaLanguage: string): Atom[] {
  const atoms: Atom[] = [];
  let previous = '';
  const start = (): Atom => {
    const atom: Atom = { widths: [], width: 0, trailing: 0, objectHeight: 0 };
    atoms.push(atom);
    return atom;
  };
  for (const piece of pieces) {
    const current = atoms[atoms.length - 1];
    if (piece.kind === 'break') {
      (current ?? start()).forced = piece.page ? 'page' : 'line';
      previous = '';
    } else if (piece.kind === 'object') {
      const atom = start();
      atom.width = piece.width;
      atom.widths = [piece.width];
      atom.objectHeight = piece.height;
      previous = '';
    } else if (piece.kind === 'tab') {
      (current && !current.forced ? current : start()).trailing += DEFAULT_TAB_STOP / 2 + measurer.width(' ', piece.face);
      previous = ' ';
    } else {
      for (const character of piece.text) {
        const width = measurer.width(character, piece.face);
        const last = atoms[atoms.length - 1];
        if (SPACES.has(character)) {
          (last && !last.forced ? last : start()).trailing += width;
        } else {
          const joins = last !== undefined && !last.forced && last.trailing === 0 && previous !== '' && !breaksBetween(previous, character, eastAsiaLanguage);
          const atom = joins ? last : start();
          atom.widths.push(width);
          atom.width += width;
        }
        previous = character;
      }
    }
  }
  return atoms;
}

/**
 * The lines a paragraph's pieces take at a width in twips; an empty paragraph still takes one. Word applies the lists
 * of characters that may not start or end a line of the run's East Asian language (`w:lang w:eastAsia`) to all its text.
 */
export function breakLines(pieces: readonly Piece[], width: number, measurer: Measurer, eastAsiaLanguage = 'zh-CN'): Line[] {
  const atoms = atomsOf(pieces, measurer, eastAsiaLanguage);
  const lines: Line[] = [];
  let x = 0;
  let used = false;
  let objectHeight = 0;
  let characters = 0;
  const endLine = (pageBreakAfter: boolean) => {
    lines.push({ characters, objectHeight, pageBreakAfter });
    x = 0;
    used = false;
    objectHeight = 0;
    characters = 0;
  };
  for (const atom of atoms) {
    if (used && x + atom.width > width) endLine(false);
    if (x + atom.width > width) {
      // Longer than a line: Word breaks it between characters where the line is full.
      for (const characterWidth of atom.widths) {
        if (used && x + characterWidth > width) endLine(false);
        x += characterWidth;
        characters += 1;
        used = true;
      }
    } else {
      x += atom.width;
      characters += atom.widths.length;
      used = true;
    }
    x += atom.trailing;
    objectHeight = Math.max(objectHeight, atom.objectHeight);
    if (atom.forced) endLine(atom.forced === 'page');
  }
  // After a closing line break the paragraph mark takes a line of its own; after a page break it stays on the break's line.
  if (used || lines.length === 0 || atoms[atoms.length - 1]?.forced === 'line') endLine(false);
  return lines;
}
