// Turns the model's inline runs into Word runs: marks, monospace code, real hyperlinks and line breaks.
import { ExternalHyperlink, Tab, TextRun, type ParagraphChild } from 'docx';
import type { Inline, Marks } from '../../doc/types.js';
import { STYLE } from './styles.js';

/** Formatting a place imposes on every run in it, such as the white bold text of a table header. */
export interface RunFormat {
  bold?: boolean;
  color?: string;
}

/** Characters XML 1.0 cannot carry (Word refuses such a file), including unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

export function inlineRuns(content: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let index = 0;
  while (index < content.length) {
    const run = content[index]!;
    if (run.type === 'text' && run.href) {
      // Neighbouring runs of one link (e.g. partly bold link text) stay one hyperlink, with one relationship.
      const href = run.href;
      const linked: TextRun[] = [];
      while (index < content.length) {
        const next = content[index]!;
        if (next.type !== 'text' || next.href !== href) break;
        linked.push(...textRuns(next.text, next.marks, format, true));
        index += 1;
      }
      children.push(new ExternalHyperlink({ link: xmlSafe(href), children: linked }));
      continue;
    }
    children.push(...(run.type === 'break' ? [new TextRun({ break: 1 })] : textRuns(run.text, run.marks, format, false)));
    index += 1;
  }
  return children;
}

/** Plain text, with line breaks and tabs, as runs that carry the marks. */
export function textRuns(text: string, marks: Marks, format: RunFormat, link: boolean): TextRun[] {
  const style = link ? STYLE.hyperlink : marks.code ? STYLE.inlineCode : undefined;
  return xmlSafe(text)
    .split('\n')
    .map(
      (line, lineIndex) =>
        new TextRun({
          children: line.split('\t').flatMap((piece, pieceIndex) => (pieceIndex === 0 ? [piece] : [new Tab(), piece])).filter((part) => part !== ''),
          break: lineIndex > 0 ? 1 : undefined,
          bold: marks.bold || format.bold || undefined,
          italics: marks.italic || undefined,
          strike: marks.strike || undefined,
          color: link ? undefined : format.color,
          style,
        }),
    );
}
