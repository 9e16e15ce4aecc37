// Template overrides: one file replaces one built-in part; broken templates are named; templates see only their data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, scratchDir } from '../helpers.js';

function overrides(files: Record<string, string>): string {
  const dir = scratchDir('opsplan-templates-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('template overrides', () => {
  it('replace one section and keep the built-in rest', () => {
    const dir = overrides({ 'partials/customerConcerns.md.hbs': '## {{t "sections.customerConcerns"}}\n\nWe asked {{customerConcerns.topics.length}} questions.\n' });
    const out = scratchDir();
    const result = runCli(['render', EXAMPLES.en, '--templates', dir, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(out, 'lumen-threads-wechat-operations-plan-2027.md'), 'utf8');
    expect(markdown).toContain('## 4. What customers care about\n\nWe asked 3 questions.');
    expect(markdown).toContain('## 5. Account operations plan');
    expect(markdown).not.toContain('Topics customers raise');
  });

  it('name the broken file and line with the Handlebars message', () => {
    const dir = overrides({ 'partials/growth.md.hbs': '## Growth\n\n{{#if growth}}\nno closing tag\n' });
    const result = runCli(['render', EXAMPLES.en, '--templates', dir, '--out', scratchDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(dir, 'partials', 'growth.md.hbs'));
    expect(result.stderr).toMatch(/growth\.md\.hbs(:\d+)?: .*(Parse error|doesn't match|Expecting)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('cannot reach prototypes or anything beyond the answers', () => {
    const dir = overrides({
      'partials/customerConcerns.md.hbs': '## Concerns\n\n[{{meta.constructor.name}}][{{#with meta}}{{__proto__.constructor}}{{/with}}][{{lookup meta "constructor"}}][{{process.env.HOME}}]\n',
    });
    const out = scratchDir();
    const result = runCli(['render', EXAMPLES.en, '--templates', dir, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(out, 'lumen-threads-wechat-operations-plan-2027.md'), 'utf8');
    expect(markdown).toContain('## 4. Concerns\n\n\\[\\]\\[\\]\\[\\]\\[\\]');
  });

  it('take the labels a locale file gives and keep the built-in wording of those it lacks', () => {
    // As a locale copied by `brand init` before a section existed: one label reworded, the new ones absent.
    const dir = overrides({ 'locales/en.yaml': 'sections:\n  customerConcerns: What our clients ask us\n' });
    const out = scratchDir();
    const result = runCli(['render', EXAMPLES.en, '--templates', dir, '--out', out, '--compare', EXAMPLES.en]);
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(out, 'lumen-threads-wechat-operations-plan-2027.md'), 'utf8');
    expect(markdown).toContain('## 4. What our clients ask us');
    expect(markdown).toContain('## 5. Account operations plan');
    expect(markdown).toContain('## 8. Changes since the last plan');
  });

  it('report a missing label by its key instead of printing an empty heading', () => {
    const dir = overrides({ 'partials/team.md.hbs': '## {{t "sections.nonexistent"}}\n' });
    const result = runCli(['render', EXAMPLES.en, '--templates', dir, '--out', scratchDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no label "sections\.nonexistent"/);
  });
});
