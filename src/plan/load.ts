// Reads an answers file (YAML or JSON), validates it and reports every problem with its line and column.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { OpsplanError, type Problem } from '../errors.js';
import { PlanSchema, type Plan } from './schema.js';
import { describeIssue } from './messages.js';
import { plainData } from './plainYaml.js';

/** Aliases may repeat a block a little; more than this is a "billion laughs" file, not a plan. */
const MAX_ALIAS_COUNT = 100;
/** The largest real plans are a few hundred kilobytes; anything far bigger is the wrong file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type SourceFormat = 'yaml' | 'json';

export interface LoadedPlan {
  plan: Plan;
  file: string;
  format: SourceFormat;
}

export function formatOf(file: string): SourceFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.json') return 'json';
  throw new OpsplanError('UNSUPPORTED_FILE_TYPE', `${file}: answers files end in .yaml, .yml or .json`, {
    hint: 'Rename the file, or start from one of the files in examples/.',
  });
}

/**
 * Reads and validates an answers file; throws an OpsplanError listing every problem found. A plain YAML file that is
 * valid is read the quick way (see plainYaml.ts); any other, and every file with a problem, through the yaml library,
 * whose source positions the messages need.
 */
export async function loadPlan(file: string): Promise<LoadedPlan> {
  const format = formatOf(file);
  const source = await readSourceText(file);
  // JSON is held to JSON's own rules first (no trailing commas, say), which the YAML reading does not know.
  const plain = format === 'yaml' ? plainData(source) : undefined;
  if (plain !== undefined) {
    const result = PlanSchema.safeParse(plain, { reportInput: true });
    if (result.success) return { plan: result.data, file, format };
  }
  const { data, document, lineCounter } = parseSource(source, file, format);
  return { plan: validatePlan(data, file, document, lineCounter), file, format };
}

/** Validates answers given as text; `file` is used only to name the source in messages. */
export function parsePlan(source: string, file: string, format: SourceFormat): Plan {
  const { data, document, lineCounter } = parseSource(source, file, format);
  return validatePlan(data, file, document, lineCounter);
}

/** Validates already-parsed answers, locating problems in `document` when it is given. */
export function validatePlan(data: unknown, file: string, document?: Document, lineCounter?: LineCounter): Plan {
  return validateWith(PlanSchema, data, file, document, lineCounter);
}

/** Validates data against any schema of the project (answers, brand), with located, plain-words problems. */
export function validateWith<T extends z.ZodType>(schema: T, data: unknown, file: string, document?: Document, lineCounter?: LineCounter): z.output<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => issueProblems(issue, file, schema, document, lineCounter));
  throw invalid(file, problems);
}

/** Reads a YAML or JSON file of the project (answers, brand) into plain data plus its source positions. */
export async function readSourceFile(file: string): Promise<ParsedSource> {
  const format = formatOf(file);
  return parseSource(await readSourceText(file), file, format);
}

/** The text of a YAML or JSON file of the project: not too large, and in an encoding it can be read in. */
async function readSourceText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES) {
      throw invalid(file, [{
        file, line: 1, column: 1, path: '(file)',
        message: `is ${(size / 1024 / 1024).toFixed(1)} MB; opsplan reads files of at most ${MAX_FILE_BYTES / 1024 / 1024} MB: is this the right file?`,
      }]);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof OpsplanError) throw error;
    throw readError(file, error);
  }
  return decodeText(bytes, file);
}

export function readError(file: string, error: unknown): OpsplanError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new OpsplanError('FILE_NOT_FOUND', `${file}: no such file`, {
      hint: 'Check the path, or create one with `opsplan wizard` or by copying a file from examples/.',
    });
  }
  if (code === 'EISDIR') return new OpsplanError('FILE_UNREADABLE', `${file}: is a folder, not an answers file`);
  return new OpsplanError('FILE_UNREADABLE', `${file}: cannot be read (${code ?? String(error)})`, { cause: error });
}

/** Decodes UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is reported, not guessed. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(file, [{
      file, line: 1, column: 1, path: '(file)',
      message: 'is not UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding" > UTF-8)',
    }]);
  }
}

export interface ParsedSource {
  data: unknown;
  document?: Document;
  lineCounter: LineCounter;
  format: SourceFormat;
}

function parseSource(source: string, file: string, format: SourceFormat): ParsedSource {
  const lineCounter = new LineCounter();
  if (source.trim() === '') {
    throw invalid(file, [{
      file, line: 1, column: 1, path: '(file)',
      message: 'is empty: fill it in with `opsplan wizard`, or copy one of the files in examples/ and edit it',
    }]);
  }
  if (format === 'json') {
    try {
      JSON.parse(source);
    } catch (error) {
      if (error instanceof RangeError) throw tooDeep(file);
      const { line, column, offset } = jsonErrorPosition(source, (error as Error).message);
      const trailingComma = /,\s*$/.test(source.slice(0, offset)) && /^[\]}]/.test(source.slice(offset));
      const message = trailingComma
        ? 'is not valid JSON: there is a comma after the last entry; remove it'
        : `is not valid JSON: ${plainJsonMessage((error as Error).message)}`;
      throw invalid(file, [{ file, line, column, path: '(file)', message }]);
    }
  }
  // JSON is parsed a second time as YAML only to learn where each value stands in the file.
  let document: Document;
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file);
    throw error;
  }
  // Later syntax errors are mostly echoes of the first one, so only the first is reported.
  if (document.errors.some((error) => /call stack/i.test(error.message))) throw tooDeep(file);
  const syntaxProblems = document.errors.slice(0, 1).map((error): Problem => {
    // YAML reports a missing closing quote or bracket where the file or the block ends; the one that opened is what
    // the user must find.
    const quote = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? unclosedQuoteOffset(source) : undefined;
    const bracket = quote === undefined && /end with a [\]}]/.test(error.message) ? unclosedBracket(source) : undefined;
    const opened = quote ?? bracket?.offset;
    const position = opened === undefined ? error.linePos?.[0] ?? { line: 1, col: 1 } : lineCounter.linePos(opened);
    const message = quote !== undefined
      ? 'has a quote that is never closed: add the closing quote'
      : bracket
        ? `has a "${bracket.open}" that is never closed: add "${bracket.open === '[' ? ']' : '}'}" after the last item`
        : yamlMessage(error.code, error.message, format);
    return { file, line: position.line, column: position.col, path: '(file)', message };
  });
  if (syntaxProblems.length > 0) throw invalid(file, syntaxProblems);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file);
    const aliases = /alias/i.test((error as Error).message);
    throw invalid(file, [{
      file, line: 1, column: 1, path: '(file)',
      message: aliases
        ? 'uses YAML aliases (*name) that expand to far more data than a plan holds: write the values out instead'
        : `cannot be read: ${(error as Error).message}`,
    }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid(file, [{
      file, line: 1, column: 1, path: '(file)',
      message: 'must hold the plan\'s sections as named fields (schemaVersion, meta, competitorAnalysis, ...): see examples/',
    }]);
  }
  return { data, document, lineCounter, format };
}

function tooDeep(file: string): OpsplanError {
  return invalid(file, [{ file, line: 1, column: 1, path: '(file)', message: 'is nested far too deeply to be an answers file: is this the right file?' }]);
}

function invalid(file: string, problems: Problem[]): OpsplanError {
  const count = problems.length;
  return new OpsplanError('INVALID_ANSWERS', `${file}: ${count} ${count === 1 ? 'problem' : 'problems'} found`, {
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
    hint: 'Fix the fields above and run `opsplan validate` again; `opsplan schema` shows every field.',
  });
}

/** The first token of the file's syntax tree, in source order, that `match` picks out, and what it says of it. */
function firstInSyntax<T>(source: string, match: (token: Record<string, unknown>) => T | undefined): T | undefined {
  let found: T | undefined;
  const visit = (token: unknown): void => {
    if (found !== undefined || !token || typeof token !== 'object') return;
    found = match(token as Record<string, unknown>);
    if (found !== undefined) return;
    for (const value of Object.values(token)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  for (const token of new Parser().parse(source)) visit(token);
  return found;
}

/** Where the first quoted value without its closing quote opens. */
function unclosedQuoteOffset(source: string): number | undefined {
  return firstInSyntax(source, (token) => {
    const { type, source: text, offset } = token as { type?: string; source?: string; offset?: number };
    if ((type !== 'double-quoted-scalar' && type !== 'single-quoted-scalar') || typeof text !== 'string') return undefined;
    return text.length < 2 || !text.endsWith(text.charAt(0)) ? offset : undefined;
  });
}

/** The first flow collection (`[a, b]` or `{a: 1}`) without its closing bracket: where it opens, and with what. */
function unclosedBracket(source: string): { offset: number; open: string } | undefined {
  return firstInSyntax(source, (token) => {
    const { type, start, end } = token as { type?: string; start?: { source?: string; offset?: number }; end?: { source?: string }[] };
    if (type !== 'flow-collection' || start?.offset === undefined || (start.source !== '[' && start.source !== '{')) return undefined;
    const close = start.source === '[' ? ']' : '}';
    return (end ?? []).some((part) => part.source === close) ? undefined : { offset: start.offset, open: start.source };
  });
}

function yamlMessage(code: string, message: string, format: SourceFormat): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'has the same key twice: keep one of them';
  if (code === 'TAB_AS_INDENT') return 'uses a tab to indent: YAML needs spaces';
  if (code === 'MULTILINE_IMPLICIT_KEY' || code === 'BAD_INDENT' || code === 'MISSING_CHAR' && /indent/.test(first)) {
    return 'is indented differently from the lines around it, or a "key:" is missing its colon: line up fields at the same level with spaces';
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'has a key that is not followed by a colon';
  return `is not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${first}`;
}

function plainJsonMessage(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
}

function jsonErrorPosition(source: string, message: string): { line: number; column: number; offset: number } {
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : source.length;
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, offset };
}

/** A problem found after validation (e.g. a file a field names is missing), placed at that field in the source. */
export function problemAt(source: ParsedSource, file: string, fieldPath: PropertyKey[], message: string): Problem {
  const offset = source.document ? locate(source.document, fieldPath, false) : undefined;
  const position = offset === undefined ? { line: 1, col: 1 } : source.lineCounter.linePos(offset);
  return { file, line: position.line, column: position.col, path: formatPath(fieldPath), message };
}

/** The error for problems found after validation, shaped like a validation failure. */
export function invalidFile(file: string, problems: Problem[]): OpsplanError {
  return invalid(file, problems);
}

function issueProblems(issue: z.core.$ZodIssue, file: string, root: z.ZodType, document?: Document, lineCounter?: LineCounter): Problem[] {
  const at = (fieldPath: PropertyKey[], keyOnly = false): Problem => {
    const offset = document ? locate(document, fieldPath, keyOnly) : undefined;
    const position = offset !== undefined && lineCounter ? lineCounter.linePos(offset) : { line: 1, col: 1 };
    return { file, line: position.line, column: position.col, path: formatPath(fieldPath), message: '' };
  };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ ...at([...issue.path, key], true), message: describeIssue(issue, key, root) }));
  }
  return [{ ...at(issue.path), message: describeIssue(issue, undefined, root) }];
}

/** Offset of the value at `fieldPath` (or of its key), falling back to the nearest existing parent's key. */
function locate(document: Document, fieldPath: PropertyKey[], keyOnly: boolean): number | undefined {
  let node: unknown = document.contents;
  let best: number | undefined = (document.contents as YamlNode | null)?.range?.[0];
  for (const [index, segment] of fieldPath.entries()) {
    const last = index === fieldPath.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      const keyStart = (pair.key as YamlNode).range?.[0];
      const valueStart = (pair.value as YamlNode | null)?.range?.[0];
      if (last) return keyOnly ? keyStart : valueStart ?? keyStart;
      best = keyStart;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) return best;
      if (last) return item.range?.[0];
      best = item.range?.[0];
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

export function formatPath(fieldPath: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of fieldPath) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(top level)' : text;
}
