// Checks that a written document is whole and well-formed, read with the test's own zip and XML reading.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive (a .docx), read from its central directory. */
export function readZipEntries(archive: Buffer): Map<string, Buffer> {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip archive: no end of central directory');
  const count = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`zip central directory entry ${index} is damaged`);
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (archive.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`zip entry ${name} has no local header`);
    const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const raw = archive.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`zip entry ${name} uses compression method ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are exactly what this looks for.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
const TAG = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Problems that would stop Word from opening an XML part: illegal characters, bare `<` or `&`, unbalanced tags. */
export function xmlProblems(name: string, bytes: Buffer): string[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return [`${name}: not UTF-8`];
  }
  const problems: string[] = [];
  if (NOT_XML.test(text)) problems.push(`${name}: holds a character XML forbids (U+${text.match(NOT_XML)![0].codePointAt(0)!.toString(16).padStart(4, '0')})`);
  const open: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const between = text.slice(last, match.index);
    if (between.includes('<') || between.includes('>')) problems.push(`${name}: stray angle bracket near "${between.slice(0, 60)}"`);
    if (BARE_AMPERSAND.test(between)) problems.push(`${name}: unescaped & near "${between.slice(0, 60)}"`);
    last = match.index + match[0].length;
    const [, closing, tag, , selfClosing] = match;
    if (!tag) continue;
    if (closing) {
      const expected = open.pop();
      if (expected !== tag) problems.push(`${name}: </${tag}> closes <${expected ?? 'nothing'}>`);
    } else if (!selfClosing) {
      open.push(tag);
    }
    if (problems.length > 5) break;
  }
  if (open.length > 0 && problems.length === 0) problems.push(`${name}: <${open.at(-1)}> is never closed`);
  return problems;
}

const hasQpdf = spawnSync('qpdf', ['--version'], { encoding: 'utf8' }).status === 0;
// In CI the structural check must run; elsewhere a machine without qpdf skips it.
const checkWithQpdf = hasQpdf || Boolean(process.env.CI);

/** What is wrong with a rendered document, judged by its format; an empty list for a sound one. */
export function documentProblems(format: string, bytes: Buffer, scratch: string): string[] {
  switch (format) {
    case 'md': {
      const text = utf8.decode(bytes);
      return text.startsWith('# ') && text.endsWith('\n') ? [] : ['the Markdown does not open with the plan title or is cut short'];
    }
    case 'html': {
      const html = utf8.decode(bytes);
      const problems: string[] = [];
      if (!html.startsWith('<!DOCTYPE html>') || !html.trimEnd().endsWith('</html>')) problems.push('the page is not complete');
      if (/<script/i.test(html)) problems.push('the page holds a script');
      for (const [, tag] of html.matchAll(/<[a-z][\w-]*((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi)) {
        for (const [, name] of tag!.matchAll(/\s([\w:-]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
          if (/^on/i.test(name!)) problems.push(`a tag carries an event handler ${name}`);
        }
      }
      for (const [, target] of html.matchAll(/\shref="([^"]*)"/g)) {
        if (!/^(#|https?:|mailto:)/i.test(target!)) problems.push(`a link points at ${target}`);
      }
      return problems;
    }
    case 'docx': {
      const entries = readZipEntries(bytes);
      const problems = ['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']
        .filter((name) => !entries.has(name)).map((name) => `the archive has no ${name}`);
      for (const [name, data] of entries) if (/\.(xml|rels)$/.test(name)) problems.push(...xmlProblems(name, data));
      return problems;
    }
    case 'pdf': {
      const problems: string[] = [];
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') problems.push('the file does not open with %PDF-');
      if (!bytes.subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF')) problems.push('the file does not end with %%EOF');
      if (checkWithQpdf && problems.length === 0) {
        const file = path.join(scratch, 'plan.pdf');
        writeFileSync(file, bytes);
        const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
        if (check.status !== 0) problems.push(`qpdf --check: ${(check.stdout + check.stderr).trim().split('\n').slice(-3).join(' / ')}`);
      }
      return problems;
    }
    default:
      return [`no check for the format ${format}: add one to test/property/documents.ts`];
  }
}
