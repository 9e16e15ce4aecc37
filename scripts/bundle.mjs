// Bundles the command line (dist/cli.js) and its workers (dist/batch/worker.js, dist/writers/formatWorker.js) over the
// modules tsc wrote: a render of all formats then reads about 60 files instead of 215, and loading them was a large
// part of a cold start.
// Libraries that read their own files at run time (pdfkit's font metrics, the fonts, resvg's wasm) stay external, as
// do docx (one file already) and markdown-it (loaded from its one-file CommonJS build). Chunks live in dist/chunks/,
// one folder below dist/ like the modules they replace, so paths made from import.meta.url still point the same way.
import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'batch/worker': 'src/batch/worker.ts', 'writers/formatWorker': 'src/writers/formatWorker.ts' },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'docx', 'markdown-it', '@resvg/resvg-wasm', '@expo-google-fonts/*'],
  // Bundled CommonJS libraries call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
// tsc's source maps describe the files the bundle replaced.
for (const entry of ['cli.js.map', 'batch/worker.js.map', 'writers/formatWorker.js.map']) rmSync(path.join(dist, entry), { force: true });
// The command is package.json's bin: npm makes a bin executable when it links it, which for this package itself comes
// before the build writes the file, so `npx opsplan` in a fresh clone needs the build to do it.
chmodSync(path.join(dist, 'cli.js'), 0o755);
console.log('bundled dist/cli.js, dist/batch/worker.js and dist/writers/formatWorker.js');
