// The answers file as the wizard edits it: changes go into the YAML document node by node, so comments and key order survive.
import { readFile } from 'node:fs/promises';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { OpsplanError } from '../errors.js';
import { writeFileAtomic } from '../io/atomicWrite.js';
import { decodeText, formatOf, readError, type SourceFormat } from '../plan/load.js';

type Data = Record<string, unknown>;

/**
 * No re-folding of long lines and no padding inside `[1, 2]`: lines the wizard did not change stay as they were
 * (paragraphs folded by hand with `>-` are the exception: they are written back on one line).
 */
const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;
type Key = string | number;

/**
 * Where a list item came from: its index in the list when the file was read. The wizard records it for items the
 * user keeps or edits, so that removing item 2 deletes that node instead of rewriting every item after it.
 */
const origins = new WeakMap<object, number>();

/** Records the position of every list item in `value`, as it stands in the saved file. */
function rememberPositions(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item === 'object' && item !== null) origins.set(item, index);
      rememberPositions(item);
    });
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) rememberPositions(item);
  }
}

export class AnswersFile {
  private constructor(
    readonly file: string,
    readonly format: SourceFormat,
    private document: Document,
    /** Whether the file existed when the wizard started. */
    readonly existed: boolean,
    /** The answers as last saved, to write only what changed. */
    private saved: Data,
  ) {}

  /** Opens an answers file, or starts a new one (with `header` as its opening comment) when there is none yet. */
  static async open(file: string, header: string): Promise<AnswersFile> {
    const format = formatOf(file);
    let source: string | undefined;
    try {
      source = decodeText(await readFile(file), file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error instanceof OpsplanError ? error : readError(file, error);
    }
    if (source === undefined || source.trim() === '') {
      const document = new Document({});
      // A space after each '#' reads better; the yaml library adds only the '#'.
      document.commentBefore = header.split('\n').map((line) => ` ${line}`).join('\n');
      return new AnswersFile(file, format, document, source !== undefined, {});
    }
    const document = parseDocument(source, { keepSourceTokens: false, prettyErrors: false });
    const problem = document.errors[0];
    if (problem) {
      const position = problem.linePos?.[0] ?? { line: 1, col: 1 };
      throw new OpsplanError('INVALID_ANSWERS', `${file}: cannot be read as ${format === 'json' ? 'JSON' : 'YAML'}`, {
        problems: [{ file, line: position.line, column: position.col, path: '(file)', message: problem.message.split('\n')[0]! }],
        hint: 'Fix the file in an editor (or move it away), then start the wizard again.',
      });
    }
    const data = document.toJS() as unknown;
    if (!isPlainObject(data)) {
      throw new OpsplanError('INVALID_ANSWERS', `${file}: does not hold a plan's answers (named fields such as meta, competitorAnalysis)`, {
        hint: 'Choose another file name, or start from one of the files in examples/.',
      });
    }
    return new AnswersFile(file, format, document, true, structuredClone(data));
  }

  /** A fresh copy of the answers for the wizard to fill in; edit it in place and pass it to `save`. */
  answers(): Data {
    const answers = structuredClone(this.saved);
    rememberPositions(answers);
    return answers;
  }

  /** Writes the answers atomically, touching only the YAML nodes whose values changed. */
  async save(answers: Data): Promise<void> {
    // Changes go into a copy, so that a failed write leaves the document in step with the file.
    const document = this.document.clone();
    for (const key of Object.keys(answers)) applyValue(document, [key], this.saved[key], answers[key]);
    for (const key of Object.keys(this.saved)) if (!(key in answers)) document.deleteIn([key]);
    separateNewSections(document, Object.keys(answers).filter((key) => !(key in this.saved)));
    const text = this.format === 'json' ? `${JSON.stringify(document.toJS(), null, 2)}\n` : document.toString(YAML_OUTPUT);
    await writeFileAtomic(this.file, text);
    this.document = document;
    this.saved = structuredClone(answers);
    rememberPositions(answers);
  }
}

/** A blank line before each section the wizard adds, as in the examples, so the file reads section by section. */
function separateNewSections(document: Document, added: readonly string[]): void {
  const root = document.contents;
  if (!isMap(root)) return;
  root.items.forEach((pair, index) => {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (index === 0 || !added.includes(name)) return;
    const key = isScalar(pair.key) ? pair.key : document.createNode(pair.key);
    key.spaceBefore = true;
    pair.key = key;
  });
}

function applyValue(document: Document, at: Key[], before: unknown, after: unknown): void {
  if (deepEqual(before, after)) return;
  if (after === undefined) {
    document.deleteIn(at);
    return;
  }
  const node = document.getIn(at, true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const key of Object.keys(after)) applyValue(document, [...at, key], before[key], after[key]);
    for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...at, key]);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    const matches = alignItems(before, after);
    if (matches) {
      const kept = new Set(matches.filter((index): index is number => index !== undefined));
      for (let index = before.length - 1; index >= 0; index -= 1) if (!kept.has(index)) document.deleteIn([...at, index]);
      after.forEach((item, position) => {
        const origin = matches[position];
        if (origin === undefined) document.addIn(at, item);
        else applyValue(document, [...at, position], before[origin], item);
      });
      return;
    }
  }
  document.setIn(at, after);
}

/**
 * For each item of `after`, the index of the item of `before` it continues, or undefined for a new item.
 * Returns undefined unless kept items stay in order and new items come last (the only edits the wizard makes).
 */
function alignItems(before: unknown[], after: unknown[]): Array<number | undefined> | undefined {
  const matches: Array<number | undefined> = [];
  let last = -1;
  let added = false;
  for (const item of after) {
    let origin = typeof item === 'object' && item !== null ? origins.get(item) : undefined;
    if (origin === undefined || origin <= last || origin >= before.length) {
      origin = undefined;
      for (let index = last + 1; index < before.length; index += 1) {
        if (deepEqual(before[index], item)) {
          origin = index;
          break;
        }
      }
    }
    if (origin === undefined) {
      added = true;
    } else {
      if (added) return undefined;
      last = origin;
    }
    matches.push(origin);
  }
  return matches;
}

export function isPlainObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
