// Renders an SVG logo as PNG for programs that cannot draw SVG, with resvg compiled to WebAssembly (no native code).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);

/** Fonts for text inside an SVG: resvg in WebAssembly sees no system fonts, so it gets the ones the package ships. */
const SVG_FONTS = [
  { packageName: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf', family: 'Noto Sans', cjk: false },
  { packageName: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf', family: 'Noto Sans SC', cjk: true },
] as const;

const HAN_OR_KANA_OR_HANGUL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let resvgReady: Promise<typeof ResvgClass> | undefined;

/** Compiles the WebAssembly once per process, and only when an SVG logo is first drawn. */
function loadResvg(): Promise<typeof ResvgClass> {
  resvgReady ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    await resvg.initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return resvg.Resvg;
  })();
  return resvgReady;
}

const fontFiles = new Map<string, Promise<Buffer>>();

function fontFile(source: (typeof SVG_FONTS)[number]): Promise<Buffer> {
  const key = `${source.packageName}/${source.file}`;
  let data = fontFiles.get(key);
  if (!data) {
    data = readFile(path.join(path.dirname(require.resolve(source.packageName)), source.file));
    fontFiles.set(key, data);
  }
  return data;
}

/** PNG renderings by SVG bytes and width, so a batch sharing one brand renders its logo once. */
const rendered = new WeakMap<Buffer, Map<number, Promise<Buffer>>>();

/** The SVG drawn `width` pixels wide (its aspect kept) on a transparent background, as PNG bytes. */
export function svgToPng(svg: Buffer, width: number): Promise<Buffer> {
  const byWidth = rendered.get(svg) ?? new Map<number, Promise<Buffer>>();
  rendered.set(svg, byWidth);
  let png = byWidth.get(width);
  if (!png) {
    png = render(svg, width);
    byWidth.set(width, png);
    png.catch(() => byWidth.delete(width));
  }
  return png;
}

async function render(svg: Buffer, width: number): Promise<Buffer> {
  const Resvg = await loadResvg();
  const source = svg.toString('utf8');
  const hasText = /<text\b/i.test(source);
  // The CJK font is large, so it is read only for a logo whose text needs it.
  const sources = hasText ? SVG_FONTS.filter((font) => !font.cjk || HAN_OR_KANA_OR_HANGUL.test(source)) : [];
  const fontBuffers = await Promise.all(sources.map(fontFile));
  const image = new Resvg(source, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width)) },
    font: { fontBuffers, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans', serifFamily: 'Noto Sans' },
  });
  try {
    const picture = image.render();
    try {
      return Buffer.from(picture.asPng());
    } finally {
      picture.free();
    }
  } finally {
    image.free();
  }
}
