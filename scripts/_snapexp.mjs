import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
const plugin = {
  name: 'static-require',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      text = text.replace(/createRequire\(import\.meta\.url\)\((['"](?:pdfkit|fontkit|markdown-it|..\/package.json|..\/builtins.cjs)['"])\)/g, 'require($1)');
      return { contents: text, loader: 'ts' };
    });
  },
};
await build({
  absWorkingDir: '/work/main',
  entryPoints: { snap: 'src/_snapcli.ts' },
  outdir: '/tmp/snap/out',
  bundle: true, format: 'cjs', platform: 'node', target: 'node20',
  external: ['@resvg/resvg-wasm', '@inquirer/prompts', 'cli-progress'],
  define: { 'import.meta.url': '__opsplanUrl' },
  plugins: [plugin],
  logLevel: 'error',
});
const body = readFileSync('/tmp/snap/out/snap.js', 'utf8');
writeFileSync('/tmp/snap/out/entry.cjs', `
const v8 = require('node:v8');
function opsplan(require, __opsplanUrl, __dirname, __filename) { const module = { exports: {} }; const exports = module.exports;
${body}
return module.exports; }
const dist = '/work/main/dist';
const url = require('node:url').pathToFileURL(dist + '/chunks/snapshot.js').href;
const pdfkitDir = '/work/main/node_modules/pdfkit/js';
async function warm() {
  const a = opsplan(require, url, pdfkitDir, pdfkitDir + '/pdfkit.js');
  for (const f of ['/work/main/examples/chuanyaotong-vip-group.zh-CN.yaml', '/work/main/examples/lumen-threads.en.yaml'])
    await a.main(['node', 'opsplan', 'render', f, '--format', 'all', '--out', '/tmp/snap/warm']);
}
warm().then(() => { delete globalThis.__zod_globalConfig; delete globalThis.__zod_globalRegistry;
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const b = opsplan(require, url, pdfkitDir, pdfkitDir + '/pdfkit.js');
    return b.main(['node', 'opsplan', ...process.argv.slice(1)]);
  });
});
`);
