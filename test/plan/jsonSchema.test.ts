// The published JSON Schema: generated from the zod schema, committed for editors, and accepting the examples.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, rawAnswers, runCli } from '../helpers.js';

const committed = path.join(ROOT, 'schema', 'answers.schema.json');

describe('opsplan schema', () => {
  const result = runCli(['schema']);

  it('prints the committed schema (regenerate with `npm run schema:write` after changing src/plan/schema.ts)', () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(committed, 'utf8'));
  });

  it('describes every field', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.properties) {
        for (const [key, child] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) {
          const described = child.description ?? (child.anyOf as Array<Record<string, unknown>> | undefined)?.some((option) => option.description);
          if (!described) undocumented.push(`${where}.${key}`);
          visit(child, `${where}.${key}`);
        }
      }
      if (schema.items) visit(schema.items, `${where}[]`);
      for (const option of (schema.anyOf as unknown[] | undefined) ?? []) visit(option, where);
    };
    visit(JSON.parse(result.stdout), '');
    expect(undocumented).toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))('validates the %s example', (_, file) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(result.stdout) as object);
    expect(validate(rawAnswers(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an answers file with a typo in a top-level key', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(result.stdout) as object);
    const { competitorAnalysis, ...rest } = rawAnswers(EXAMPLES.en);
    expect(validate({ ...rest, competitorAnalysys: competitorAnalysis })).toBe(false);
  });

  it('is referenced by the examples, so editors autocomplete', () => {
    for (const file of Object.values(EXAMPLES)) {
      expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/answers\.schema\.json$/m);
    }
  });
});
