// The plan's paragraphs and tables written straight as the objects the docx library prepares its components into, so
// the library writes, lays out and numbers them as its own without building thousands of components first.
import { EMPTY_OBJECT, FileChild, type IContext, type IXmlableObject } from 'docx';
import type { XmlNode } from './pagination/xml.js';

export type { XmlNode };

/** A child of an element: another element, or text. */
export type XmlChild = XmlNode | string;

type AttributeValue = string | number | boolean;

/**
 * An element in the library's shape: `{ tag: {} }` when empty, `{ tag: { _attr } }` with attributes alone, and
 * `{ tag: [{ _attr }, ...children] }` otherwise.
 */
export function element(tag: string, children: XmlChild[] = [], attributes?: Record<string, AttributeValue>): XmlNode {
  if (attributes) return { [tag]: children.length === 0 ? { _attr: attributes } : [{ _attr: attributes }, ...children] };
  return { [tag]: children.length === 0 ? EMPTY_OBJECT : children };
}

/** An element whose one attribute is `w:val`, such as a style reference. */
export const valued = (tag: string, value: AttributeValue): XmlNode => ({ [tag]: { _attr: { 'w:val': value } } });

/** An on/off property: present means on; `false` is written as such, as the library writes an explicit off. */
export const onOff = (tag: string, on = true): XmlNode => (on ? { [tag]: EMPTY_OBJECT } : valued(tag, false));

/**
 * A block made when the document is written, because what it writes depends on the document: a link adds a
 * relationship to it and a list an instance of its numbering, in the order the library would add them.
 */
export class PreparedBlock extends FileChild {
  constructor(private readonly build: (context: IContext) => XmlNode | XmlNode[]) {
    super('w:p');
  }

  override prepForXml(context: IContext): IXmlableObject {
    return this.build(context) as IXmlableObject;
  }
}
