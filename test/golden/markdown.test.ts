// Golden files: the Markdown of each example, byte for byte. Accept changes with `npm run golden:update`
// after reading the diff (git diff test/golden).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { composePlan } from '../../src/render.js';
import { docToMarkdown } from '../../src/writers/markdown.js';
import { EXAMPLES, ROOT, runCli, scratchDir } from '../helpers.js';

const update = process.env.UPDATE_GOLDEN === '1';

describe.each(Object.entries(EXAMPLES))('golden Markdown of the %s example', (_, file) => {
  it('matches the accepted file', async () => {
    const golden = path.join(ROOT, 'test', 'golden', `${path.basename(file, '.yaml')}.md`);
    const markdown = docToMarkdown(composePlan((await loadPlan(file)).plan).doc);
    if (update || !existsSync(golden)) {
      writeFileSync(golden, markdown);
      if (!update) throw new Error(`${golden} did not exist; it has been written: review it and run the tests again`);
    }
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });

  // The built program uses templates precompiled at build time (dist/builtins.cjs); they must say exactly the same.
  it('is what the built command writes', () => {
    const out = scratchDir();
    const result = runCli(['render', file, '--format', 'md', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const written = readdirSync(out).filter((name) => name.endsWith('.md'));
    expect(written).toHaveLength(1);
    const golden = path.join(ROOT, 'test', 'golden', `${path.basename(file, '.yaml')}.md`);
    expect(readFileSync(path.join(out, written[0]!), 'utf8')).toBe(readFileSync(golden, 'utf8'));
  });
});
