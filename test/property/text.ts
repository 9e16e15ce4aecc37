// Answer text for property tests: words in every script, emoji, hostile Markdown/HTML, and the text a reader sees.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';

type Range = readonly [number, number];

/** Letters (and the combining marks some scripts need) of the writing systems marketers paste from. */
const SCRIPTS: Record<string, readonly Range[]> = {
  latin: [[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0x100, 0x17f]],
  han: [[0x4e00, 0x9fff]],
  hanExtensionB: [[0x20000, 0x2a6df]],
  hangul: [[0xac00, 0xd7a3]],
  kana: [[0x3041, 0x3096], [0x30a1, 0x30fa]],
  arabic: [[0x621, 0x64a]],
  hebrew: [[0x5d0, 0x5ea]],
  devanagari: [[0x905, 0x939], [0x93e, 0x94c]],
  thai: [[0xe01, 0xe30], [0xe31, 0xe3a]],
  cyrillic: [[0x410, 0x44f]],
  greek: [[0x391, 0x3a1], [0x3a3, 0x3c9]],
  armenian: [[0x531, 0x556]],
  georgian: [[0x10d0, 0x10fa]],
  ethiopic: [[0x1200, 0x1248]],
  bengali: [[0x985, 0x9b9]],
  tamil: [[0xb85, 0xb95]],
  khmer: [[0x1780, 0x17b3]],
  digits: [[0x30, 0x39]],
};

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🧑🏻‍💻', '🇨🇳', '1️⃣', '❤️', '🫶', '🐉', '🧧'];

/** Punctuation that Markdown never reads as syntax, so answers made of it must reach the reader unchanged. */
const PLAIN_PUNCTUATION = [',', '?', '!', '%', '/', "'", '"', '@', ':', '，', '。', '、', '！', '？', '「', '」', '（', '）', '：', '；', '《', '》', '—', '…', '·'];

/** Text that looks like Markdown, HTML, template syntax, document internals or control characters. */
const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</td></tr></table>', '|', '| a | b |', '||', '**bold**', '__under__', '*', '_',
  '~~strike~~', '# Heading', '## 9. Fake section', '###', '{{ meta.title }}', '{{{raw}}}', '{{> cover}}', '}}', '[x](javascript:alert(1))',
  '[mail](mailto:a@example.com)', '![img](http://example.com/a.png)', '<!-- opsplan:pagebreak -->', '<!-- opsplan:chart {"title":"x"} -->',
  '<!-- opsplan:table kinds=money totals -->', '-->', '---', '===', '```js', '~~~', '> quote', '1. item', '2) item', '- item', '+ item', '* item',
  '\\', '\\|', '&amp;', '&#0;', '&#x1F600;', '&nbsp;', '<br>', '`code`', '``', '    indented', '\t', '$x$', '%PDF-1.7', ')', '](', '<', '>',
  ']]>', '<?xml version="1.0"?>', '<w:t>', '\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b[31m', '\u0085', '\u2028', '\u2029', '\ufeff',
  '\u200b', '\u200d', '\u202e', '\u0301', 'x'.repeat(3000), '川'.repeat(1500), `https://example.com/${'a/'.repeat(150)}`, 'NaN', '-0', '1e309',
];

/** Only JavaScript strings hold these (a JSON file may spell them as \ud83d); a writer must not choke on them. */
const LONE_SURROGATES = ['\ud83d', '\ude00x', 'a\udbffb'];

const codePoint = (ranges: readonly Range[]) => fc.oneof(...ranges.map(([min, max]) => fc.integer({ min, max }))).map((point) => String.fromCodePoint(point));

const scriptWord = (ranges: readonly Range[], minLength: number, maxLength: number) =>
  fc.array(codePoint(ranges), { minLength, maxLength }).map((letters) => letters.join(''));

/** One word: letters of one script, an emoji, punctuation, or now and then a word far too long for a line. */
const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...Object.values(SCRIPTS)).chain((ranges) => scriptWord(ranges, 1, 10)) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.integer({ min: 0x1f300, max: 0x1f64f }).map((point) => String.fromCodePoint(point)) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAIN_PUNCTUATION) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(SCRIPTS)).chain((ranges) => scriptWord(ranges, 80, 300)) },
);

/** Mostly spaces; sometimes a line break, a paragraph break, a no-break or an ideographic space. */
const separator = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constant('\n') },
  { weight: 1, arbitrary: fc.constant('\n\n') },
  { weight: 1, arbitrary: fc.constantFrom('\u00a0', '\u3000', '  ') },
);

function joinWords(words: readonly string[], separators: readonly string[]): string {
  return words.map((text, index) => (index === 0 ? text : `${separators[index - 1] ?? ' '}${text}`)).join('');
}

/** Text with no Markdown syntax in it: what a reader sees must be exactly this, whitespace aside. */
export const plainAnswer: fc.Arbitrary<string> = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(separator, { minLength: 7, maxLength: 7 }))
  .map(([words, separators]) => joinWords(words, separators));

/** Text mixing plain words with Markdown, HTML, template syntax and control characters. */
export function hostileAnswer(options: { loneSurrogates: boolean }): fc.Arbitrary<string> {
  const snippets = options.loneSurrogates ? [...HOSTILE, ...LONE_SURROGATES] : HOSTILE;
  const part = fc.oneof({ weight: 2, arbitrary: plainAnswer }, { weight: 3, arbitrary: fc.constantFrom(...snippets) });
  return fc
    .tuple(fc.array(part, { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom('', ' ', '\n', '\n\n'), { minLength: 4, maxLength: 4 }))
    .map(([parts, separators]) => joinWords(parts, separators))
    // Blank answers count as "not answered" and are rejected; a visible character keeps the answer.
    .map((text) => (text.trim() === '' ? `${text}x` : text));
}

/**
 * Chinese and Japanese lines are joined without a space when a paragraph wraps; other scripts keep a space.
 * Covers every character the document model joins that way, so both sides of a comparison agree.
 */
const NO_SPACE_SCRIPT = String.raw`[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;
const SPACE_BETWEEN_IDEOGRAPHS = new RegExp(`(?<=${NO_SPACE_SCRIPT}) (?=${NO_SPACE_SCRIPT})`, 'gu');

/** Text as compared: every run of whitespace is one space, and none stands between two ideographs. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(SPACE_BETWEEN_IDEOGRAPHS, '').trim();
}

const markdownParser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** The text a reader of rendered Markdown sees, one line per block or table cell; syntax and markers left out. */
export function markdownVisibleText(markdown: string): string {
  const parts: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'inline') {
        visit(token.children ?? []);
        parts.push('\n');
      } else if (token.type === 'text' || token.type === 'code_inline') {
        parts.push(token.content);
      } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
        parts.push(' ');
      } else if (token.type === 'html_inline') {
        parts.push(/^<br\s*\/?>$/i.test(token.content) ? ' ' : token.content);
      } else if (token.type === 'fence' || token.type === 'code_block') {
        parts.push(token.content, '\n');
      } else if (token.type === 'image') {
        visit(token.children ?? []);
      }
    }
  };
  visit(markdownParser.parse(markdown, {}));
  return parts.join('');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of an HTML page as a browser shows it: tags become line breaks, entities are decoded, styles dropped. */
export function htmlVisibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, '\n')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi, (entity, decimal?: string, hex?: string, name?: string) => {
      if (decimal) return String.fromCodePoint(Number(decimal));
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      return NAMED_ENTITIES[name!.toLowerCase()] ?? entity;
    });
}
