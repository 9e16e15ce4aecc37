// Reads the XML tree the docx library builds before writing it: elements as one-key objects, attributes under _attr.

/** One element: `{ "w:p": [children...] }`, `{ "w:b": {} }` or `{ "w:jc": { _attr: {...} } }`. */
export type XmlNode = Record<string, unknown>;

/** The element's tag: its one key other than _attr. */
export function tagOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  // The library's objects are plain literals, so their own keys are all there is; no array of keys is made per call.
  for (const key in node) if (key !== '_attr') return key;
  return undefined;
}

/** Child elements of an element, in order (attributes and text left out). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const content = tag === undefined ? undefined : node[tag];
  const list = Array.isArray(content) ? content : content === undefined || content === null ? [] : [content];
  return list.filter((child): child is XmlNode => tagOf(child) !== undefined);
}

/** The text content of an element such as `w:t`: its string children joined. */
export function textOf(node: XmlNode): string {
  const tag = tagOf(node);
  const content = tag === undefined ? undefined : node[tag];
  const list = Array.isArray(content) ? content : [content];
  return list.filter((child): child is string | number => typeof child === 'string' || typeof child === 'number').join('');
}

/** The first child with a tag; looked up without building the list of children, as it runs for every property. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  const own = tagOf(node);
  const content = own === undefined ? undefined : node[own];
  if (Array.isArray(content)) {
    for (const element of content) {
      if (typeof element === 'object' && element !== null && tag in element) return element as XmlNode;
    }
    return undefined;
  }
  return typeof content === 'object' && content !== null && tag in content ? (content as XmlNode) : undefined;
}

/** An attribute of an element, wherever the library put `_attr` (on the element's value or as a child). */
export function attribute(node: XmlNode | undefined, name: string): string | number | boolean | undefined {
  if (!node) return undefined;
  const tag = tagOf(node)!;
  const content = node[tag];
  const holders = Array.isArray(content) ? content : [content];
  for (const holder of holders) {
    if (typeof holder === 'object' && holder !== null && '_attr' in holder) {
      const value = (holder as { _attr: Record<string, unknown> })._attr[name];
      if (value !== undefined) return value as string | number | boolean;
    }
  }
  return undefined;
}

export function numberAttribute(node: XmlNode | undefined, name: string): number | undefined {
  const value = attribute(node, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Whether an on/off property such as `w:b` is set: present and not switched off with w:val. */
export function isOn(properties: XmlNode | undefined, tag: string): boolean | undefined {
  const element = properties ? child(properties, tag) : undefined;
  if (!element) return undefined;
  const value = attribute(element, 'w:val');
  return !(value === false || value === 0 || value === '0' || value === 'false' || value === 'off');
}
