// The plan's paragraphs and tables made straight as the objects the docx library prepares its components into (without
// building thousands of components first), and written as XML byte for byte as the library's writer would.
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

// Escapes as the library's writer does: `&`, quotes and angle brackets, and the control characters XML 1.0 cannot carry
// dropped. A test first, as most values need nothing.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escape = (value: string): string => (NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (char) => ENTITIES[char] ?? '') : value);
/** A text or attribute value as the library writes it: strings escaped, numbers and booleans as they read. */
const valueXml = (value: unknown): string => (typeof value === 'string' ? escape(value) : value === undefined ? '' : String(value));

function attributesXml(attributes: Record<string, unknown>): string {
  let xml = '';
  for (const key in attributes) {
    const value = attributes[key];
    // An attribute left undefined reads "undefined", as the library writes it.
    xml += ` ${key}="${typeof value === 'string' ? escape(value) : String(value)}"`;
  }
  return xml;
}

/**
 * The XML of an element in the library's shape, byte for byte as the docx library writes it (its writer follows the
 * xml package, quirks and all), in one pass that builds no intermediate tree.
 */
export function xmlOf(node: XmlNode): string {
  let tag = '';
  for (const key in node) {
    tag = key;
    break;
  }
  const value = node[tag];
  if (typeof value !== 'object' || value === null) {
    // Text given as the element's whole value; an element whose value is null is written empty.
    return value === null ? `<${tag}/>` : `<${tag}>${valueXml(value)}</${tag}>`;
  }
  if (!Array.isArray(value)) {
    const { _attr: attributes } = value as { _attr?: Record<string, unknown> };
    return `<${tag}${attributes ? attributesXml(attributes) : ''}/>`;
  }
  let attributes = '';
  let content = '';
  // The library keeps text only as the last piece of content, dropping the element written just before it.
  let text: string | undefined;
  for (const child of value as unknown[]) {
    if (typeof child === 'object' && child !== null) {
      const holder = child as { _attr?: Record<string, unknown> };
      let first: string | undefined;
      for (const key in holder) {
        first = key;
        break;
      }
      if (first === '_attr') attributes += attributesXml(holder._attr!);
      else if (text === undefined) content += xmlOf(child as XmlNode);
      else return quirkyXml(tag, value as unknown[]);
    } else {
      if (text !== undefined || content !== '') return quirkyXml(tag, value as unknown[]);
      text = valueXml(child);
    }
  }
  return `<${tag}${attributes}>${text ?? content}</${tag}>`;
}

/** An element that mixes text with elements, or has several pieces of text: written as the library's writer does. */
function quirkyXml(tag: string, value: unknown[]): string {
  let attributes = '';
  const content: string[] = [''];
  let isText = false;
  for (const child of value) {
    if (typeof child === 'object' && child !== null) {
      if (Object.keys(child)[0] === '_attr') attributes += attributesXml((child as { _attr: Record<string, unknown> })._attr);
      else content.push(xmlOf(child as XmlNode));
    } else {
      content.pop();
      isText = true;
      content.push(valueXml(child));
    }
  }
  if (!isText) content.push('');
  return `<${tag}${attributes}>${content.join('')}</${tag}>`;
}
