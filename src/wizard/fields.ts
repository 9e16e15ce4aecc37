// Reads the answers schema to learn what kind of answer a field takes, so questions follow the schema, not code.
import { z } from 'zod';
import { schemaAt } from '../plan/messages.js';

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: Record<string, unknown> } }> };

/** A concrete place in the answers, e.g. ['accountPlan', 'costs', 2, 'amount']. */
export type FieldPath = readonly (string | number)[];

export type NumberKind = 'money' | 'percent' | 'count' | 'plain';

export type Field =
  | { kind: 'text'; optional: boolean; date: boolean }
  | { kind: 'number'; optional: boolean; numberKind: NumberKind }
  | { kind: 'choice'; optional: boolean; values: string[]; schemaDefault?: string }
  | { kind: 'yesNo'; optional: boolean }
  | { kind: 'object'; optional: boolean }
  | { kind: 'list'; optional: boolean; item: 'object' | 'text' | 'number'; min: number; max: number }
  | { kind: 'union'; optional: boolean };

/** The key questions are filed under: list indices become `[]`, e.g. `accountPlan.costs[].amount`. */
export function templateOf(fieldPath: FieldPath): string {
  let text = '';
  for (const segment of fieldPath) text += typeof segment === 'number' ? '[]' : text === '' ? segment : `.${segment}`;
  return text;
}

/** The field schema at a concrete path; throws when the path is not in the answers schema. */
export function fieldSchema(fieldPath: FieldPath): AnySchema {
  const schema = schemaAt(fieldPath);
  if (!schema) throw new Error(`"${templateOf(fieldPath)}" is not a field of the answers file`);
  return schema;
}

function unwrapped(schema: AnySchema): AnySchema {
  let current = schema;
  for (let def = current._zod.def as unknown as Def; def.type === 'optional' || def.type === 'default'; def = current._zod.def as unknown as Def) {
    current = def.innerType as AnySchema;
  }
  return current;
}

/** The schema at a question key such as `team.people[].kpis[].target`. */
export function schemaAtTemplate(template: string): AnySchema | undefined {
  const fieldPath: (string | number)[] = [];
  for (const part of template.split('.')) {
    const name = part.replace(/\[\]/g, '');
    if (name !== '') fieldPath.push(name);
    for (let count = (part.match(/\[\]/g) ?? []).length; count > 0; count -= 1) fieldPath.push(0);
  }
  return schemaAt(fieldPath);
}

/** The field names of the group at `fieldPath`, in the schema's order. */
export function shapeKeys(fieldPath: FieldPath): string[] {
  const def = unwrapped(fieldSchema(fieldPath))._zod.def as unknown as Def;
  return def.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** What kind of answer a schema takes, looking through optional and default wrappers. */
export function describeField(schema: AnySchema): Field {
  let optional = false;
  let schemaDefault: unknown;
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = current._zod.def as unknown as Def;
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') schemaDefault = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
    else break;
    current = def.innerType as AnySchema;
  }
  const def = current._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      return { kind: 'text', optional, date: /YYYY-MM-DD/.test(descriptionOf(current)) };
    case 'number':
      return { kind: 'number', optional, numberKind: numberKindOf(current) };
    case 'enum':
      return {
        kind: 'choice',
        optional,
        values: Object.values(def.entries as Record<string, string>),
        ...(typeof schemaDefault === 'string' ? { schemaDefault } : {}),
      };
    case 'boolean':
      return { kind: 'yesNo', optional };
    case 'object':
      return { kind: 'object', optional };
    case 'array': {
      const element = describeField(def.element as AnySchema);
      const item = element.kind === 'object' ? 'object' : element.kind === 'number' ? 'number' : 'text';
      return { kind: 'list', optional, item, min: lengthCheck(def, 'min_length') ?? 0, max: lengthCheck(def, 'max_length') ?? Infinity };
    }
    case 'union':
      return { kind: 'union', optional };
    default:
      throw new Error(`the wizard cannot ask for a field of type "${def.type}"`);
  }
}

function descriptionOf(schema: AnySchema): string {
  return z.globalRegistry.get(schema)?.description ?? '';
}

/** Money and percent fields say so in their description (see `money()` and `percent()` in the schema). */
function numberKindOf(schema: AnySchema): NumberKind {
  const description = descriptionOf(schema);
  if (/percent points/.test(description)) return 'percent';
  if (/currency/.test(description)) return 'money';
  const checks = (schema._zod.def as unknown as Def).checks ?? [];
  if (checks.some((check) => check._zod.def.check === 'number_format' && /int/.test(String(check._zod.def.format)))) return 'count';
  return 'plain';
}

function lengthCheck(def: Def, check: 'min_length' | 'max_length'): number | undefined {
  const found = (def.checks ?? []).find((entry) => entry._zod.def.check === check)?._zod.def;
  if (!found) return undefined;
  return Number(check === 'min_length' ? found.minimum : found.maximum);
}

/** Validates one answer against its field schema; returns the parsed value (trimmed text) or the first issue. */
export function checkAnswer(fieldPath: FieldPath, value: unknown): { ok: true; value: unknown } | { ok: false; issue: z.core.$ZodIssue } {
  return checkWith(fieldSchema(fieldPath), value);
}

export function checkWith(schema: AnySchema, value: unknown): { ok: true; value: unknown } | { ok: false; issue: z.core.$ZodIssue } {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issue: result.error.issues[0]! };
}

/** Every issue of a value against a schema, with paths relative to the value. */
export function issuesOf(schema: AnySchema, value: unknown): z.core.$ZodIssue[] {
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? [] : result.error.issues;
}
