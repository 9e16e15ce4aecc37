// Turns zod's validation issues into plain sentences that say what is wrong and what to write instead.
import { z } from 'zod';
import { PlanSchema } from './schema.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * One sentence for a validation issue; `key` names the unknown field for `unrecognized_keys`,
 * `root` is the schema the issue's path starts from (the answers file unless told otherwise).
 */
export function describeIssue(issue: Issue, key?: string, root: AnySchema = PlanSchema): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const field = schemaAt(issue.path, root);
        const description = field ? z.globalRegistry.get(field)?.description : undefined;
        return `is missing${description ? `: ${lowerFirst(description)}` : ''}`;
      }
      return `must be ${expectedName(issue.expected)}, not ${describeInput(issue.input)}${typeHint(issue.expected, issue.input)}`;
    }
    case 'invalid_value': {
      if (issue.path.length === 1 && issue.path[0] === 'schemaVersion' && typeof issue.input === 'number' && issue.input > Number(issue.values[0])) {
        return `is ${issue.input}, but this opsplan reads version ${String(issue.values[0])} answers files: update opsplan (npm install opsplan@latest)`;
      }
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}, not ${describeInput(issue.input)}`;
      return `must be one of ${issue.values.map((value) => String(value)).join(', ')}; got ${describeInput(issue.input)}`;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(issue.path, root);
      const suggestion = key && known.length > 0 ? closest(key, known) : undefined;
      const where = issue.path.length === 0 ? 'at the top of the file' : 'here';
      return suggestion
        ? `"${key}" is not a field ${where}; did you mean "${suggestion}"?`
        : `"${key}" is not a field ${where}${known.length > 0 ? `; expected one of: ${known.join(', ')}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}` : issue.message;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.message.startsWith('Too small') ? `must be at least ${String(issue.minimum)}` : issue.message;
    case 'too_big':
      if (issue.origin === 'array') return issue.message.startsWith('Too big') ? `has too many entries: at most ${String(issue.maximum)}` : issue.message;
      return issue.message.startsWith('Too big') ? `must be at most ${String(issue.maximum)}` : issue.message;
    case 'invalid_union':
      return unionMessage(issue, root);
    default:
      return issue.message;
  }
}

function unionMessage(issue: Extract<Issue, { code: 'invalid_union' }>, root: AnySchema): string {
  // A union of "one number" and "a list of numbers" is the only kind in the schema.
  const nested = issue.errors.flat().filter((inner) => inner.code !== 'invalid_type');
  if (nested.length > 0) return describeIssue(nested[0]!, undefined, root);
  return `must be a number or a list of numbers, not ${describeInput(issue.input)}`;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'number': return 'a number';
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'array': return 'a list';
    case 'object': return 'a group of named fields';
    case 'int': return 'a whole number';
    default: return expected;
  }
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty';
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return `text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number') return String(input);
  if (typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a group of fields';
  return typeof input;
}

function typeHint(expected: string, input: unknown): string {
  if (expected === 'number' && typeof input === 'string') {
    return ': write digits only, without quotes, currency symbols or thousands separators (e.g. 12000)';
  }
  if (expected === 'string' && typeof input === 'number') return ': put it in quotes';
  if (expected === 'array' && (typeof input === 'string' || typeof input === 'number')) return ': write it as a list, one entry per line starting with "- "';
  return '';
}

/** A description as the rest of a sentence: "Date of the plan" becomes "date of the plan", but "ISO 4217" stays. */
function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The schema node at a field path, looking through optional, default and pipe wrappers. */
export function schemaAt(fieldPath: readonly PropertyKey[], root: AnySchema = PlanSchema): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  for (const segment of fieldPath) {
    schema = unwrap(schema);
    let def = schema?._zod.def as unknown as (Record<string, unknown> & { type: string }) | undefined;
    // A union (one number, or one per quarter) first picks the option this segment can step into.
    if (def?.type === 'union') {
      schema = unwrap((def.options as AnySchema[]).find((option) => unwrap(option)?._zod.def.type === (typeof segment === 'number' ? 'array' : 'object')));
      def = schema?._zod.def as unknown as (Record<string, unknown> & { type: string }) | undefined;
    }
    if (def?.type === 'object' && typeof segment === 'string') schema = (def.shape as Record<string, AnySchema>)[segment];
    else if (def?.type === 'array' && typeof segment === 'number') schema = def.element as AnySchema;
    else return undefined;
  }
  return schema;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth += 1) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else return current;
  }
  return current;
}

function knownKeys(fieldPath: readonly PropertyKey[], root: AnySchema): string[] {
  const schema = unwrap(schemaAt(fieldPath, root));
  const def = schema?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The known key nearest to a mistyped one, if it is close enough to be a typo. */
function closest(key: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
