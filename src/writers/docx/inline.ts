// Turns the model's inline runs into Word runs: marks, monospace code, real hyperlinks and line breaks.
import { uniqueId, type IContext } from 'docx';
import type { Inline, Marks } from '../../doc/types.js';
import { element, onOff, valued, type XmlNode } from './nodes.js';
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

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
/** Longest fragment Word keeps as a hyperlink's anchor; a longer one stays part of the address. */
const MAX_ANCHOR_LENGTH = 255;

/**
 * Runs for inline content. A link adds its relationship to the document being written, so the runs are made as the
 * document is written.
 */
export function inlineRuns(content: readonly Inline[], context: IContext, format: RunFormat = {}): XmlNode[] {
  const children: XmlNode[] = [];
  let index = 0;
  while (index < content.length) {
    const run = content[index]!;
    if (run.type === 'text' && run.href) {
      // Neighbouring runs of one link (e.g. partly bold link text) stay one hyperlink, with one relationship.
      const href = run.href;
      const linked: XmlNode[] = [];
      while (index < content.length) {
        const next = content[index]!;
        if (next.type !== 'text' || next.href !== href) break;
        linked.push(...textRuns(next.text, next.marks, format, true));
        index += 1;
      }
      children.push(hyperlink(xmlSafe(href), linked, context));
      continue;
    }
    if (run.type === 'break') children.push(element('w:r', [element('w:br')]));
    else children.push(...textRuns(run.text, run.marks, format, false));
    index += 1;
  }
  return children;
}

/** An external hyperlink; a short #fragment becomes its anchor, as Word writes links into a page. */
function hyperlink(link: string, runs: XmlNode[], context: IContext): XmlNode {
  const hash = link.indexOf('#');
  const fragment = hash > 0 ? link.slice(hash + 1) : '';
  const anchor = fragment.length > 0 && fragment.length <= MAX_ANCHOR_LENGTH ? fragment : undefined;
  const id = uniqueId();
  context.viewWrapper.Relationships.addRelationship(id, HYPERLINK, anchor === undefined ? link : link.slice(0, hash), 'External');
  return element('w:hyperlink', runs, { 'w:history': 1, ...(anchor === undefined ? {} : { 'w:anchor': anchor }), 'r:id': `rId${id}` });
}

/** A run of text, written as it is: text that reads like a field's name stays text. */
export const textRun = (text: string): XmlNode => element('w:r', [textElement(text)]);

/** The text of a run, its spaces kept. */
export const textElement = (text: string): XmlNode => element('w:t', [text], { 'xml:space': 'preserve' });

/** Run properties in the order the schema gives them; undefined when there are none. */
function runProperties(options: { style?: string; bold?: boolean; italic?: boolean; strike?: boolean; color?: string }): XmlNode | undefined {
  const properties: XmlNode[] = [];
  if (options.style) properties.push(valued('w:rStyle', options.style));
  if (options.bold) properties.push(onOff('w:b'), onOff('w:bCs'));
  if (options.italic) properties.push(onOff('w:i'), onOff('w:iCs'));
  if (options.strike) properties.push(onOff('w:strike'));
  if (options.color) properties.push(valued('w:color', options.color));
  return properties.length > 0 ? element('w:rPr', properties) : undefined;
}

/** Plain text, with line breaks and tabs, as runs that carry the marks. */
export function textRuns(text: string, marks: Marks, format: RunFormat, link: boolean): XmlNode[] {
  const style = link ? STYLE.hyperlink : marks.code ? STYLE.inlineCode : undefined;
  // One set of properties for every line: written, never changed.
  const properties = runProperties({ style, bold: marks.bold || format.bold, italic: marks.italic, strike: marks.strike, color: link ? undefined : format.color });
  return xmlSafe(text)
    .split('\n')
    .map((line, lineIndex) => {
      const children: XmlNode[] = properties ? [properties] : [];
      if (lineIndex > 0) children.push(element('w:br'));
      line.split('\t').forEach((piece, pieceIndex) => {
        if (pieceIndex > 0) children.push(element('w:tab'));
        if (piece !== '') children.push(textElement(piece));
      });
      return element('w:r', children);
    });
}
