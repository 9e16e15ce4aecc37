// The quick reading of plain answers files gives exactly the data the yaml library gives, or leaves the file to it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainData } from '../../src/plan/plainYaml.js';
import { validAnswers } from '../property/arbitraries.js';
import { garbledFiles, serialise } from '../property/mutations.js';
import { assertOptions, runs } from '../property/settings.js';
import { EXAMPLES } from '../helpers.js';

/** What the yaml library reads, with the options answers files are read with; undefined when it reports an error. */
function yamlData(text: string): unknown {
  const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: true, strict: true });
  if (document.errors.length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Holds the quick reading to the yaml library's: the same data, or none (then the yaml library reads the file). */
function agrees(text: string): void {
  const quick = plainData(text);
  if (quick !== undefined) expect(quick).toStrictEqual(yamlData(text));
}

const numRuns = runs(40);

describe('plain answers files', () => {
  it('reads both examples as the yaml library does', () => {
    for (const file of [EXAMPLES.en, EXAMPLES.zh]) {
      const text = readFileSync(file, 'utf8');
      expect(plainData(text)).toBeDefined();
      expect(plainData(text)).toStrictEqual(yamlData(text));
    }
  });

  it.each([
    // Numbers as YAML 1.2 reads them, where js-yaml's own schema differs.
    ['0b101', '0b101'], ['+0x1', '+0x1'], ['1_000', '1_000'], ['-.5', -0.5], ['-0', -0],
    ['12', 12], ['0o17', 15], ['0x1F', 31], ['1e3', 1000], ['1.', 1], ['.5', 0.5], ['+.inf', Infinity], ['-.Inf', -Infinity],
    ['017', 17], ['08', 8], ['1,000', '1,000'], ['0.1.2', '0.1.2'],
    // Booleans and nulls of YAML 1.2 only: yes, on and y are text.
    ['true', true], ['False', false], ['TRUE', true], ['tRue', 'tRue'], ['yes', 'yes'], ['on', 'on'], ['y', 'y'],
    ['~', null], ['null', null], ['NULL', null], ['', null],
    // Dates stay text.
    ['2027-01-01', '2027-01-01'], ['12:30:00', '12:30:00'],
  ])('reads %j as %s, as the yaml library does', (scalar, expected) => {
    const text = `value: ${scalar}\n`;
    expect(plainData(text)).toStrictEqual({ value: expected });
    expect(yamlData(text)).toStrictEqual({ value: expected });
  });

  it('reads NaN as the yaml library does', () => {
    expect((plainData('value: .NaN\n') as { value: number }).value).toBeNaN();
    expect((yamlData('value: .NaN\n') as { value: number }).value).toBeNaN();
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a syntax error', 'a: "open\n'],
  ])('leaves a file with %s to the yaml library', (_, text) => {
    expect(plainData(text)).toBeUndefined();
  });

  it('reads generated answers files, YAML and JSON, hostile text and all, as the yaml library does', () => {
    fc.assert(fc.property(validAnswers({ text: 'hostile' }), fc.constantFrom('yaml' as const, 'json' as const), ({ answers }, format) => {
      const text = serialise(answers, format);
      agrees(text);
    }), assertOptions(numRuns));
  });

  it('reads a file with garbage pasted in only when the yaml library reads it the same', () => {
    fc.assert(fc.property(garbledFiles(), (garbled) => {
      if (typeof garbled.text === 'string') agrees(garbled.text);
    }), assertOptions(numRuns * 3));
  });

  it('reads a damaged example only when the yaml library reads it the same', () => {
    const examples = [EXAMPLES.en, EXAMPLES.zh].map((file) => readFileSync(file, 'utf8'));
    const damage = fc.constantFrom(':', '-', '\t', '\n', '"', "'", ' ', '#', '[', '{', ',', '?', '|', '>', ': ', '- ', '\n  ', '0x1', '.5', '~', '');
    fc.assert(fc.property(fc.nat({ max: 1 }), fc.array(fc.tuple(fc.nat(), damage, fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }), (which, edits) => {
      let text = examples[which]!;
      for (const [at, inserted, cut] of edits) {
        const offset = at % (text.length + 1);
        text = text.slice(0, offset) + inserted + text.slice(offset + cut);
      }
      agrees(text);
    }), assertOptions(numRuns * 10));
  });
});
