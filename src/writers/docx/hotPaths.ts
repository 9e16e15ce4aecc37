// Every element of a Word document passes through three methods of the docx library on its way to XML. The library's
// versions copy an element's attributes once per attribute (so an element with n attributes makes n objects) and build
// two arrays per element; these versions do the same in one pass. They return equal objects, so the library writes the
// same XML, and a plan's Word file takes about a fifth less CPU. A test holds them to the library's own versions on
// whole plans, so a library upgrade that changes what the methods return fails it rather than changing the files.
// The styles part, the same for every plan of a brand and language, is prepared once rather than twice per plan.
import {
  EMPTY_OBJECT,
  isXmlComponent,
  NextAttributeComponent,
  Styles,
  XmlAttributeComponent,
  XmlComponent,
  type IContext,
  type IStylesOptions,
  type IXmlableObject,
} from 'docx';

interface ElementShape {
  root: unknown[];
  rootKey: string;
}

type PrepForXml = (this: unknown, context: IContext) => IXmlableObject | undefined;

/** As the library's: the element with its children's objects, its attributes alone, or the empty object. */
function elementPrepForXml(this: ElementShape, context: IContext): IXmlableObject {
  context.stack.push(this as unknown as XmlComponent);
  const children: unknown[] = [];
  const add = (value: unknown) => {
    if (value !== undefined) children.push(value);
  };
  for (const component of this.root) {
    let prepared: unknown = component;
    if (isXmlComponent(component)) {
      // A component written as other components (a run of several parts) gives each part's object, as they are.
      const parts = (component as { writtenAs?: readonly XmlComponent[] }).writtenAs;
      if (parts) {
        for (const part of parts) add(part.prepForXml(context));
        continue;
      }
      prepared = component.prepForXml(context);
    }
    // The library flattens one level: a component that prepares to several objects adds each of them.
    if (Array.isArray(prepared)) prepared.forEach(add);
    else add(prepared);
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
  return { [this.rootKey]: children.length === 0 ? EMPTY_OBJECT : only?._attr ? only : children } as IXmlableObject;
}

/** As the library's: the attributes under their XML names (mapped by `xmlKeys`), without those left undefined. */
function attributesPrepForXml(this: { root: Record<string, unknown>; xmlKeys?: Record<string, string> }): IXmlableObject {
  const attributes: Record<string, unknown> = {};
  for (const key of Object.keys(this.root)) {
    const value = this.root[key];
    if (value !== undefined) attributes[this.xmlKeys?.[key] || key] = value;
  }
  return { _attr: attributes } as IXmlableObject;
}

/** As the library's: each `{ key, value }` pair as an attribute, without those left undefined; a later key wins. */
function pairsPrepForXml(this: { root: Record<string, { key: string; value: unknown }> }): IXmlableObject {
  const attributes: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes } as IXmlableObject;
}

/** Prepared styles by the options they were made from; a batch has a brand or two in one or two languages. */
const preparedStyles = new Map<string, IXmlableObject | undefined>();
const PREPARED_STYLES_KEPT = 8;
const stylesOptions = new WeakMap<object, string>();

/**
 * Marks a document's styles as made from `options` alone, so that their prepared form is shared with every document
 * whose styles come from equal options. The library prepares the styles twice per document (once to write them, once
 * to read the heading styles for its SEQ field numbering), and a plan's styles depend only on its brand and language.
 */
export function shareStyles(styles: Styles, options: IStylesOptions): void {
  stylesOptions.set(styles, JSON.stringify(options));
}

/** As the library's, from the shared prepared form when there is one. Nothing the library does writes into it. */
function stylesPrepForXml(this: Styles, context: IContext): IXmlableObject | undefined {
  const original = originals.get(Styles.prototype)!;
  const key = stylesOptions.get(this);
  if (key === undefined) return original.call(this, context);
  if (!preparedStyles.has(key)) {
    preparedStyles.set(key, original.call(this, context));
    if (preparedStyles.size > PREPARED_STYLES_KEPT) preparedStyles.delete(preparedStyles.keys().next().value!);
  }
  return preparedStyles.get(key);
}

const TARGETS = [
  [XmlComponent.prototype, elementPrepForXml],
  [XmlAttributeComponent.prototype, attributesPrepForXml],
  [NextAttributeComponent.prototype, pairsPrepForXml],
  [Styles.prototype, stylesPrepForXml],
] as const;

const originals = new Map<object, PrepForXml>();

/** Puts the one-pass methods in place of the library's; once is enough, and a second call changes nothing. */
export function useQuickerPrepForXml(): void {
  for (const [prototype, method] of TARGETS) {
    const holder = prototype as unknown as { prepForXml: PrepForXml };
    if (!originals.has(prototype)) originals.set(prototype, holder.prepForXml);
    holder.prepForXml = method as PrepForXml;
  }
}

/** Puts the library's own methods back: for tests that compare the two. */
export function useLibraryPrepForXml(): void {
  for (const [prototype] of TARGETS) {
    const original = originals.get(prototype);
    if (original) (prototype as unknown as { prepForXml: PrepForXml }).prepForXml = original;
  }
}
