// pdfkit and fontkit, required as the CommonJS modules they are, with the parts of them a plan does not use loaded only
// when something uses them.
import { createRequire, Module } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFDocumentClass from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * Puts a stand-in for `request`, as the module at `from` would require it, into Node's module cache; the stand-in
 * loads the real module the first time it is used. Does nothing when the module is already loaded or not installed.
 */
function defer(request: string, from: string, standIn: (load: () => unknown) => unknown): void {
  let file: string;
  try {
    file = createRequire(from).resolve(request);
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let real: unknown;
  const load = () => {
    if (real === undefined) {
      delete require.cache[file];
      real = createRequire(from)(request);
    }
    return real;
  };
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = standIn(load);
  require.cache[file] = module;
}

let deferred = false;

/**
 * pdfkit and fontkit require, as they load, modules a plan's PDF does not need: the WOFF2 decompressor with its
 * dictionary (fonts here are TrueType or OpenType), the Unicode line breaker pdfkit wraps text with (the writer breaks
 * its own lines), and every cipher of crypto-js where the file ID needs only MD5. Loading them was about 60 ms of a
 * cold render; each now loads if and when it is first used, so encryption or a WOFF2 font would still work.
 */
function deferUnusedParts(): void {
  if (deferred) return;
  deferred = true;
  const pdfkit = require.resolve('pdfkit');
  const fontkit = createRequire(pdfkit).resolve('fontkit');
  defer('brotli/decompress', fontkit, (load) => (...args: unknown[]) => (load() as (...args: unknown[]) => unknown)(...args));
  defer('linebreak', pdfkit, (load) =>
    function LineBreaker(...args: unknown[]) {
      return new (load() as new (...args: unknown[]) => object)(...args);
    },
  );
  defer('crypto-js', pdfkit, (load) => {
    let md5: unknown;
    try {
      // crypto-js's MD5 part and its core, which the full library later extends in place: the same MD5 either way.
      md5 = createRequire(createRequire(pdfkit).resolve('crypto-js'))('./md5');
    } catch {
      return load();
    }
    // Anything but MD5 (the ciphers, and crypto-js's namespaces, which its other parts extend) loads the whole library.
    return new Proxy({}, { get: (_, key) => (key === 'MD5' ? md5 : (load() as Record<PropertyKey, unknown>)[key]) });
  });
}

export function requirePdfkit(): typeof PDFDocumentClass {
  deferUnusedParts();
  return require('pdfkit') as typeof PDFDocumentClass;
}

/** The fontkit pdfkit uses, so a font parsed for measuring is parsed by the same code as the one drawn. */
export function requireFontkit(): typeof Fontkit {
  deferUnusedParts();
  return createRequire(require.resolve('pdfkit'))('fontkit') as typeof Fontkit;
}
