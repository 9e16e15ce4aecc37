// Reads the data of an answers file written in plain YAML or JSON, about ten times as fast as the yaml library, which
// also learns where every value stands: that reading is kept for files that need it, and for pointing at problems.
import jsYaml from 'js-yaml';

// YAML 1.2's core schema, as the yaml library reads it. js-yaml's own also reads 0b101, +0x1 and 1_000 as numbers,
// and -.5 as text.
const nul = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:~|null|Null|NULL)?$/.test(text),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const bool = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string) => /^(?:true|True|TRUE|false|False|FALSE)$/.test(text),
  construct: (text: string) => text.toLowerCase() === 'true',
  predicate: (value: unknown) => typeof value === 'boolean',
});

const int = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string) => /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/.test(text),
  construct: (text: string) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text)),
  predicate: (value: unknown) => Number.isInteger(value),
});

const float = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) => /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(text),
  construct: (text: string) => {
    if (/nan$/i.test(text)) return Number.NaN;
    if (/inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    return Number(text);
  },
  predicate: (value: unknown) => typeof value === 'number',
});

/** Null, booleans, integers and floats, and everything else text. */
const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [nul, bool, int, float] });

/**
 * Tags and directives change how values are read: a file with one goes to the yaml library. A tag (`!!str`, `!x`)
 * starts a node, so it follows a space, a line start or a flow indicator; so do a few "!"s in answers ("Wow !"),
 * which only send those files the slower way.
 */
const TAG_OR_DIRECTIVE = /(?:^|[\s[{,])!|^%/m;

/** js-yaml's reading state, with the anchor of the node just read (not in its published types). */
type AnchorState = jsYaml.State & { anchor?: string | null };

/**
 * The data of `source` when it is plain YAML or JSON that reads without error; undefined otherwise, for the yaml
 * library to read and report on. Duplicate keys are an error here as there. A file with anchors goes to the yaml library
 * too, which limits how far its aliases may expand a small file; an alias without an anchor is an error here.
 */
export function plainData(source: string): unknown {
  if (TAG_OR_DIRECTIVE.test(source)) return undefined;
  let anchored = false;
  const listener = (event: jsYaml.EventType, state: AnchorState) => {
    if (event === 'close' && state.anchor) anchored = true;
  };
  try {
    const data: unknown = jsYaml.load(source, { schema: CORE_SCHEMA, listener });
    return anchored ? undefined : data;
  } catch {
    return undefined;
  }
}
