// A batch names its outputs from the plans' titles, read from the `meta:` block alone where that is safe: the title
// read so must be the one the whole file gives, whatever style the file is written in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { titleIn } from '../../src/batch/index.js';
import { EXAMPLES } from '../helpers.js';

const wholeFileTitle = (text: string): string | undefined => {
  try {
    const title = (parse(text) as { meta?: { title?: unknown } } | null)?.meta?.title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
};

const CASES: Record<string, string> = {
  'block style': 'meta:\n  title: Spring plan\n  company: Lumen\nsteps: []\n',
  'quoted, with a colon': 'meta:\n  title: "Plan: spring \\"27\\""\n',
  'a comment and a blank line inside the block': 'meta:\n  company: Lumen\n# the title follows\n\n  title: After a comment\nother: 1\n',
  'Windows line ends': 'meta:\r\n  title: Windows plan\r\n  company: Lumen\r\nother: 1\r\n',
  'a folded title over several lines': 'meta:\n  title: >-\n    A long\n    title\n  company: x\n',
  'a flow mapping': 'meta: { title: Flow plan, company: x }\n',
  'a flow mapping over two lines': 'meta: { title: Two lines,\n  company: x }\n',
  'meta after other keys': 'steps:\n  - a\nmeta:\n  title: Later\n',
  'an alias to an anchor outside the block': 'names:\n  t: &title Aliased title\nmeta:\n  title: *title\n',
  'a merge key from outside the block': 'base: &base\n  title: Merged title\nmeta:\n  <<: *base\n',
  'a YAML 1.1 directive (yes is not a string there)': '%YAML 1.1\n---\nmeta:\n  title: yes\n',
  'a line separator inside the title': 'meta:\n  title: before\u2028after\n',
  'JSON': '{"meta": {"title": "JSON plan", "company": "x"}}',
  'no title': 'meta:\n  company: x\n',
  'a title that is not text': 'meta:\n  title: 2027\n',
  'a key that only starts with meta': 'metadata:\n  title: Not this one\n',
  'not YAML at all': 'meta: [unclosed\n',
  'a byte order mark': '\uFEFFmeta:\n  title: With BOM\n',
};

describe('titleIn', () => {
  it.each(Object.entries(CASES))('reads the title the whole file gives: %s', (_, text) => {
    expect(titleIn(text)).toBe(wholeFileTitle(text));
  });

  it('parses only the meta block of a file written the usual way, not the rest', () => {
    // The rest is broken here, which the plan's own render reports; its title still names it.
    expect(titleIn('meta:\n  title: Early title\nsteps: [unclosed\n')).toBe('Early title');
  });

  it('reads the titles of both examples', () => {
    for (const file of Object.values(EXAMPLES)) {
      const text = readFileSync(file, 'utf8');
      expect(titleIn(text)).toBe(wholeFileTitle(text));
      expect(titleIn(text)).toMatch(/\S/);
    }
  });
});
