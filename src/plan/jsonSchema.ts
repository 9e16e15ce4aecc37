// The published JSON Schema of the answers file, generated from the zod schema so the two never drift.
import { z } from 'zod';
import { PlanSchema } from './schema.js';

export function answersJsonSchema(): Record<string, unknown> {
  // `input` describes what a person may write: fields with defaults are optional there.
  const { $schema, ...rest } = z.toJSONSchema(PlanSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, title: 'opsplan answers file', ...rest };
}
