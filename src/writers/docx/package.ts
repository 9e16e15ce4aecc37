// Makes a packed .docx repeatable: the same document and creation date give the same bytes.
import { createHash } from 'node:crypto';
import { deflatePart, readZip, writeZip, type ZipEntry } from './zip.js';

/** A part of a package as its writer hands it over: the text of an XML part, or bytes. */
export interface PackagePart {
  name: string;
  data: Buffer | string;
}

const textOf = (part: PackagePart): string => (typeof part.data === 'string' ? part.data : part.data.toString('utf8'));
const bytesOf = (part: PackagePart): Buffer => (typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data);

export interface PackageStamp {
  createdAt: Date;
  /** BCP 47 tag written as the package's dc:language. */
  language: string;
}

/**
 * The docx library stamps the current time into the zip and core properties, names relationships with random ids,
 * and numbers bookmarks and drawings from counters that live as long as the process. This rewrites those values in
 * the order they appear, so two renders of one document match byte for byte however many came before.
 */
export function stampPackage(parts: readonly PackagePart[], stamp: PackageStamp): Buffer {
  const entries = rekeyFonts(parts);
  const relationshipIds = renumberRelationships(entries);
  // Attribute values that are exactly one of the random ids; the few ids make one pattern, found without a call per value.
  const randomId = relationshipIds.size > 0 ? new RegExp(`="(${[...relationshipIds.keys()].map(escapeRegExp).join('|')})"`, 'g') : undefined;
  const counters = { bookmarkIds: new Map<string, string>(), tocNames: new Map<string, string>(), drawingIds: new Map<string, string>() };
  const stamped = entries.map((entry): ZipEntry => {
    if (/\.(xlsx|docx|pptx)$/i.test(entry.name)) return { name: entry.name, data: writeZip(readZip(bytesOf(entry)), stamp.createdAt) };
    if (!/\.(xml|rels)$/i.test(entry.name)) return { ...entry, data: bytesOf(entry) };
    let xml = textOf(entry);
    if (randomId) xml = xml.replace(randomId, (_, value: string) => `="${relationshipIds.get(value)!}"`);
    xml = renumberIds(xml, counters);
    if (entry.name === 'docProps/core.xml') xml = stampCoreProperties(xml, stamp);
    return { name: entry.name, data: Buffer.from(xml, 'utf8') };
  });
  // File-type sniffers (and Word's own writer) expect the content types first, then the package relationships.
  const first = ['[Content_Types].xml', '_rels/.rels'];
  const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
  return writeZip(
    stamped.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.index - b.index).map(({ entry }) => entry),
    stamp.createdAt,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Gives random relationship ids the next free `rIdN` of their relationships part, in document order. */
function renumberRelationships(entries: readonly PackagePart[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.name.endsWith('.rels')) continue;
    const ids = [...textOf(entry).matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]!);
    let next = Math.max(0, ...ids.map((id) => (/^rId\d+$/.test(id) ? Number(id.slice(3)) : 0))) + 1;
    for (const id of ids) {
      if (/^rId\d+$/.test(id) || renamed.has(id)) continue;
      renamed.set(id, `rId${next}`);
      next += 1;
    }
  }
  return renamed;
}

function renumberIds(
  xml: string,
  counters: { bookmarkIds: Map<string, string>; tocNames: Map<string, string>; drawingIds: Map<string, string> },
): string {
  const lookUp = (map: Map<string, string>, value: string, make: (index: number) => string) => {
    if (!map.has(value)) map.set(value, make(map.size + 1));
    return map.get(value)!;
  };
  const tocName = (name: string) => name.replace(/^_Toc\d+$/, (value) => lookUp(counters.tocNames, value, (index) => `_Toc${index}`));
  // Bookmarks first, so the contents' names are numbered in the order the headings they mark come; then, in one pass,
  // the links and field instructions that name them and the drawings.
  return xml
    .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) =>
      tag
        .replace(/ w:id="(\d+)"/, (_, id: string) => ` w:id="${lookUp(counters.bookmarkIds, id, String)}"`)
        .replace(/ w:name="([^"]*)"/, (_, name: string) => ` w:name="${tocName(name)}"`),
    )
    .replace(
      / w:anchor="(_Toc\d+)"|(<w:instrText\b[^>]*>)([^<]*)(<\/w:instrText>)|<wp:docPr id="(\d+)"/g,
      (whole, anchor?: string, open?: string, instruction?: string, close?: string, drawing?: string) => {
        if (anchor !== undefined) return ` w:anchor="${tocName(anchor)}"`;
        // Only field instructions, never the text of runs, so an answer that mentions "_Toc1" is left as written.
        if (open !== undefined) return `${open}${instruction!.replace(/\b_Toc\d+\b/g, tocName)}${close!}`;
        if (drawing !== undefined) return `<wp:docPr id="${lookUp(counters.drawingIds, drawing, String)}"`;
        return whole;
      },
    );
}

/** Bytes of an embedded font that are obfuscated with its key (ECMA-376 part 2, 13.4: the first 32). */
const OBFUSCATED_BYTES = 32;

/** The font's bytes XORed with a GUID key as the standard says: the key's 16 bytes, last first, over the first 32 bytes. */
function xorWithKey(data: Buffer, key: string): Buffer {
  const keyBytes = Buffer.from(key.replace(/[{}-]/g, ''), 'hex').reverse();
  const result = Buffer.from(data);
  for (let index = 0; index < Math.min(OBFUSCATED_BYTES, result.length); index += 1) result[index]! ^= keyBytes[index % keyBytes.length]!;
  return result;
}

/**
 * The docx library obfuscates each embedded font with a random key. This obfuscates it again with a key made from the
 * font's own bytes, so the same fonts give the same file.
 */
function rekeyFonts(entries: readonly PackagePart[]): readonly (PackagePart | ZipEntry)[] {
  const table = entries.find((entry) => entry.name === 'word/fontTable.xml');
  const relationships = entries.find((entry) => entry.name === 'word/_rels/fontTable.xml.rels');
  if (!table || !relationships) return entries;
  const targets = new Map([...textOf(relationships).matchAll(/<Relationship\b[^>]*>/g)].map((match) => [
    /\bId="([^"]+)"/.exec(match[0])?.[1] ?? '',
    /\bTarget="([^"]+)"/.exec(match[0])?.[1] ?? '',
  ]));
  const replaced = new Map<string, ZipEntry>();
  const xml = textOf(table).replace(/(<w:embed\w+ [^>]*?r:id="([^"]+)"[^>]*?w:fontKey=")(\{[0-9A-Fa-f-]+\})"/g, (whole, head: string, id: string, key: string) => {
    const name = `word/${targets.get(id) ?? ''}`;
    const font = entries.find((entry) => entry.name === name);
    if (!font) return whole;
    const plain = xorWithKey(bytesOf(font), key);
    const hex = createHash('sha256').update(plain).digest('hex').toUpperCase();
    const stable = `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
    const data = xorWithKey(plain, stable);
    replaced.set(name, { name, data, deflated: deflatedFont(hex, data) });
    return `${head}${stable}"`;
  });
  return entries.map((entry) => {
    if (entry === table) return { name: entry.name, data: xml };
    return replaced.get(entry.name) ?? entry;
  });
}

/** Deflated embedded fonts by their hash: a batch in one brand compresses its (often large, CJK) font once. */
const deflatedFonts = new Map<string, { data: Buffer; crc: number }>();
/** A brand or two per batch; past this the oldest is dropped, so memory stays flat. */
const DEFLATED_FONTS_KEPT = 4;

function deflatedFont(hash: string, data: Buffer): { data: Buffer; crc: number } {
  let deflated = deflatedFonts.get(hash);
  if (!deflated) {
    deflated = deflatePart(data);
    deflatedFonts.set(hash, deflated);
    if (deflatedFonts.size > DEFLATED_FONTS_KEPT) deflatedFonts.delete(deflatedFonts.keys().next().value!);
  }
  return deflated;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The extended properties part, with the company Word shows under File > Info > Properties. */
export function appProperties(company: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Company>${escapeXml(company)}</Company></Properties>`
  );
}

function stampCoreProperties(xml: string, stamp: PackageStamp): string {
  // W3CDTF without milliseconds, as Word writes it.
  const when = stamp.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let stamped = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`);
  if (!stamped.includes('<dc:language>')) stamped = stamped.replace('</cp:coreProperties>', `<dc:language>${escapeXml(stamp.language)}</dc:language></cp:coreProperties>`);
  return stamped;
}
