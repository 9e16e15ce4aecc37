// Broken answers files made from valid ones: wrong types, out-of-range numbers, unknown or missing fields, damaged text.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { PlanSchema, SECTION_KEYS } from '../../src/plan/schema.js';
import { answerNodes, defOf, numberBounds, validAnswers, type AnswerNode, type FieldPath } from './arbitraries.js';

export type FileFormat = 'yaml' | 'json';

/** A change that makes valid answers invalid, and the field a problem must then name. */
export interface Breakage {
  kind: string;
  /** Fields of which the validation must report one (a value inside a union may be reported at the union); none for damaged text. */
  expectedPaths?: FieldPath[];
  /** A key the reported line must show, when the problem is at a key that is in the file. */
  keyOnLine?: string;
}

export interface BrokenFile {
  format: FileFormat;
  text: string | Buffer;
  breakage: Breakage;
}

const reportedAt = (node: AnswerNode): FieldPath[] => (node.unionDepth === undefined ? [node.path] : [node.path, node.path.slice(0, node.unionDepth)]);
const lastKey = (path: FieldPath) => (typeof path.at(-1) === 'string' ? (path.at(-1) as string) : undefined);

function setAt(data: any, path: FieldPath, value: unknown): void {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  parent[path.at(-1)!] = value;
}

function deleteAt(data: any, path: FieldPath): void {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  delete parent[path.at(-1)!];
}

/** A value of another type than the schema wants at that place. */
function wrongTypeFor(node: AnswerNode, pick: number): unknown {
  const choices: Record<string, unknown[]> = {
    string: [42, true, null, ['a list']],
    number: ['12,000 yuan', '15%', true, null, [1, 2]],
    boolean: ['yes', 1],
    enum: ['definitely-not-a-choice', 3],
    literal: ['one', 2],
    array: ['one, two', 7, { item: 'x' }],
    object: [7, 'some text', ['a', 'list']],
  };
  const options = choices[defOf(node.schema).type] ?? [Symbol.for('unused')];
  return options[pick % options.length];
}

const UNKNOWN_KEYS = ['notes', 'budgett', 'colour', 'extra', '备注', 'owner_name', 'Amount'];

/** One way to break answers, applied in place; returns what must then be reported. */
function breakAnswers(answers: any, kind: number, pick: number): Breakage {
  const nodes = answerNodes(PlanSchema, answers).filter((node) => node.path.length > 0);
  const choose = <T>(list: T[]): T | undefined => list[pick % Math.max(1, list.length)];
  const leaves = nodes.filter((node) => !['object', 'array'].includes(defOf(node.schema).type));
  const numbers = leaves.filter((node) => defOf(node.schema).type === 'number');
  switch (kind) {
    case 0: {
      const node = choose(nodes)!;
      const value = wrongTypeFor(node, pick);
      setAt(answers, node.path, value);
      // A list or group written in its place starts on the line after the key in YAML.
      const scalar = value === null || typeof value !== 'object';
      return { kind: 'wrong type', expectedPaths: reportedAt(node), keyOnLine: scalar && node.unionDepth === undefined ? lastKey(node.path) : undefined };
    }
    case 1: {
      const node = choose(numbers.filter((candidate) => numberBounds(candidate.schema).min >= 0))!;
      setAt(answers, node.path, -1 - (pick % 5000));
      return { kind: 'negative number', expectedPaths: reportedAt(node), keyOnLine: node.unionDepth === undefined ? lastKey(node.path) : undefined };
    }
    case 2: {
      const node = choose(numbers.filter((candidate) => numberBounds(candidate.schema).max === 100));
      if (!node) return breakAnswers(answers, 1, pick);
      setAt(answers, node.path, 100.5 + (pick % 400));
      return { kind: 'percentage over 100', expectedPaths: reportedAt(node), keyOnLine: node.unionDepth === undefined ? lastKey(node.path) : undefined };
    }
    case 3: {
      const objects = [{ path: [] as FieldPath }, ...nodes.filter((node) => defOf(node.schema).type === 'object')];
      const target = choose(objects)!;
      const key = UNKNOWN_KEYS[pick % UNKNOWN_KEYS.length]!;
      target.path.reduce((node, segment) => node[segment], answers)[key] = 'a value';
      return { kind: 'unknown key', expectedPaths: [[...target.path, key]], keyOnLine: key };
    }
    case 4: {
      const node = choose(nodes.filter((candidate) => !candidate.optional && typeof candidate.path.at(-1) === 'string'))!;
      deleteAt(answers, node.path);
      return { kind: 'missing required field', expectedPaths: [node.path] };
    }
    default: {
      const section = ['meta', 'schemaVersion', ...SECTION_KEYS][pick % (SECTION_KEYS.length + 2)]!;
      delete answers[section];
      return { kind: 'deleted section', expectedPaths: [[section]] };
    }
  }
}

export function serialise(answers: unknown, format: FileFormat): string {
  return format === 'json' ? `${JSON.stringify(answers, null, 2)}\n` : stringify(answers, { lineWidth: 0 });
}

/** Text damage that no answers file survives: cut before its last section, a byte that is not UTF-8, a tab-indented line. */
function damageText(text: string, format: FileFormat, kind: number, pick: number): { text: string | Buffer; kind: string } {
  const lines = text.split('\n');
  if (kind === 0) {
    const growth = text.indexOf(format === 'json' ? '\n  "growth"' : '\ngrowth:');
    return { text: text.slice(0, pick % Math.max(1, growth)), kind: 'truncated file' };
  }
  if (kind === 1) {
    const bytes = Buffer.from(text, 'utf8');
    const at = 2 + (pick % Math.max(1, bytes.length - 2));
    bytes[at] = 0xff;
    return { text: bytes, kind: 'byte that is not UTF-8' };
  }
  // A line at the outermost level cannot be inside a block of text, so a tab there always breaks the structure.
  const topLevel = lines.map((line, index) => (/^\S/.test(line) ? index : -1)).filter((index) => index > 0);
  const at = format === 'json' ? 1 + (pick % Math.max(1, lines.length - 1)) : topLevel[pick % topLevel.length]!;
  lines.splice(at, 0, '\tgarbage: [');
  return { text: lines.join('\n'), kind: 'tab-indented garbage line' };
}

/** Answers files that are wrong in one field, in YAML or JSON; any of them must be reported, never crash. */
export function brokenFiles(): fc.Arbitrary<BrokenFile> {
  return fc
    .record({
      generated: validAnswers({ text: 'hostile' }),
      format: fc.constantFrom<FileFormat>('yaml', 'json'),
      damageText: fc.boolean(),
      kind: fc.nat({ max: 5 }),
      pick: fc.nat(),
    })
    .map(({ generated, format, damageText: textLevel, kind, pick }) => {
      const answers = structuredClone(generated.answers);
      if (textLevel) {
        const damaged = damageText(serialise(answers, format), format, kind % 3, pick);
        return { format, text: damaged.text, breakage: { kind: damaged.kind } };
      }
      const breakage = breakAnswers(answers, kind, pick);
      return { format, text: serialise(answers, format), breakage };
    })
    .map((broken) => Object.assign(broken, {
      [fc.toStringMethod]: () => `${broken.breakage.kind} in ${broken.format}:\n${broken.text.toString()}`,
    }));
}

/** Arbitrary bytes pasted into an answers file: it loads or is reported, never anything else. */
export function garbledFiles(): fc.Arbitrary<BrokenFile> {
  const garbage = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(': :', '- [', '{', '"', "'", '&anchor', '*alias', '!!binary', '%YAML 1.1', '---', '...', '? ', '|', '>-', '\t', '\r', '\u0000'),
  );
  return fc
    .record({ generated: validAnswers({ text: 'plain' }), format: fc.constantFrom<FileFormat>('yaml', 'json'), garbage, at: fc.nat() })
    .map(({ generated, format, garbage: inserted, at }) => {
      const text = serialise(generated.answers, format);
      const offset = at % (text.length + 1);
      return { format, text: `${text.slice(0, offset)}${inserted}${text.slice(offset)}`, breakage: { kind: 'garbage inserted' } };
    });
}
