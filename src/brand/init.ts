// `opsplan brand init <dir>`: a brand folder with a commented brand.yaml and the default templates to override.
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OpsplanError } from '../errors.js';
import { BUILTIN_TEMPLATES } from '../compose/templates.js';
import { writeFileAtomic } from '../io/atomicWrite.js';
import { BrandSchema } from './schema.js';

export function brandJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(BrandSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, title: 'opsplan brand file', ...rest };
}

/** Creates the brand folder; refuses to overwrite an existing brand.yaml, so no one's work is lost. */
export async function initBrand(folder: string): Promise<string[]> {
  const brandFile = path.join(folder, 'brand.yaml');
  if (existsSync(brandFile)) {
    throw new OpsplanError('USAGE', `${brandFile} already exists`, { hint: 'Choose a new folder, or edit the existing brand file.' });
  }
  const templates = path.join(folder, 'templates');
  await writeFileAtomic(brandFile, await readFile(path.join(BUILTIN_TEMPLATES, 'brand', 'brand.yaml')));
  await writeFileAtomic(path.join(folder, 'brand.schema.json'), `${JSON.stringify(brandJsonSchema(), null, 2)}\n`);
  for (const part of ['plan.md.hbs', 'partials', 'locales']) {
    await cp(path.join(BUILTIN_TEMPLATES, part), path.join(templates, part), { recursive: true, errorOnExist: false, force: false });
  }
  return [brandFile, path.join(folder, 'brand.schema.json'), templates];
}
