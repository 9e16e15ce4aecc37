// The built-in templates and YAML files as prepared at build time: scripts/precompile.mjs writes dist/builtins.cjs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Builtins {
  templates: Record<string, { source: string; spec: TemplateSpecification } | undefined>;
  data: Record<string, { source: string; value: unknown } | undefined>;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
let builtins: Builtins | null | undefined;

function load(): Builtins | null {
  if (builtins === undefined) {
    try {
      builtins = createRequire(import.meta.url)('../builtins.cjs') as Builtins;
    } catch {
      // Run from source (as the unit tests do) there is no build output: files are compiled and parsed as read.
      builtins = null;
    }
  }
  return builtins;
}

/** A file's path from the package root, as the build names it. */
function packagePath(file: string): string {
  return path.relative(PACKAGE_ROOT, file).split(path.sep).join('/');
}

/**
 * The precompiled form of a built-in template, when `source` is still what was compiled: an edited built-in file,
 * or a user's override at another path, is compiled from its text as usual.
 */
export function precompiledTemplate(file: string, source: string): TemplateSpecification | undefined {
  const found = load()?.templates[packagePath(file)];
  return found?.source === source ? found.spec : undefined;
}

/** The parsed value of a built-in YAML file whose text is `source`, shared and never to be changed by the caller. */
export function preparsedYaml(file: string, source: string): { value: unknown } | undefined {
  const found = load()?.data[packagePath(file)];
  return found?.source === source ? { value: found.value } : undefined;
}
