// The review's wording files: every rule worded in both languages with the same placeholders, and documented.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES, SCORE_ITEMS } from '../../src/review/index.js';
import { reviewFile } from '../../src/review/wording.js';
import { ROOT } from '../helpers.js';

type Tree = Record<string, unknown>;
const files = { en: parse(readFileSync(reviewFile('en'), 'utf8')) as Tree, zh: parse(readFileSync(reviewFile('zh-CN'), 'utf8')) as Tree };

/** Every text leaf outside the word lists, by dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (at === 'lexicon') continue;
    if (typeof value === 'string') found.set(at, value);
    else if (value && typeof value === 'object') for (const [inner, text] of leaves(value as Tree, at)) found.set(inner, text);
  }
  return found;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('review wording', () => {
  it('words exactly the rules that exist, each with a message and a fix', () => {
    for (const file of Object.values(files)) {
      const rules = file.rules as Tree;
      expect(Object.keys(rules).sort()).toEqual(RULES.map((rule) => rule.id).sort());
      for (const rule of Object.values(rules)) expect(Object.keys(rule as Tree).sort()).toEqual(['fix', 'message']);
    }
  });

  it('has the same keys and placeholders in English and Chinese', () => {
    const en = leaves(files.en);
    const zh = leaves(files.zh);
    // Chinese has no plural forms: "one" falls back to "other".
    const withoutOne = (keys: Iterable<string>) => [...keys].filter((key) => !key.endsWith('.one')).sort();
    expect(withoutOne(zh.keys())).toEqual(withoutOne(en.keys()));
    for (const [key, text] of zh) expect([key, placeholders(text)]).toEqual([key, placeholders(en.get(key)!)]);
  });

  it('labels every checklist item of the score', () => {
    for (const file of Object.values(files)) {
      expect(Object.keys((file.score as { items: Tree }).items).sort()).toEqual(SCORE_ITEMS.map((item) => item.id).sort());
    }
  });

  it('documents every rule with its severity for the lead', () => {
    const readme = readFileSync(path.join(ROOT, 'src', 'review', 'README.md'), 'utf8');
    for (const rule of RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
  });

  it('gives the appendix template its labels in both plan languages', () => {
    for (const language of ['en', 'zh-CN']) {
      const locale = parse(readFileSync(path.join(ROOT, 'templates', 'locales', `${language}.yaml`), 'utf8')) as { review: Tree };
      expect(Object.keys(locale.review).sort()).toEqual(['fieldLine', 'findings', 'fixLine', 'lead', 'missing', 'noFindings', 'score', 'section', 'severity', 'title', 'total']);
      expect(Object.keys(locale.review.severity as Tree).sort()).toEqual(['error', 'suggestion', 'warning']);
    }
  });
});
