// Brand files: a good brand becomes a theme; every bad field is named with its line, and nothing is written.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load.js';
import { imageInfo } from '../../src/brand/images.js';
import { OpsplanError } from '../../src/errors.js';
import { EXAMPLES, ROOT, runCli, scratchDir } from '../helpers.js';

const BRANDS = path.join(ROOT, 'test', 'fixtures', 'brands');

/** A real PNG of the given size (one colour), made here so the test does not trust the code under test. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function brandDir(files: Record<string, string | Buffer>): string {
  const dir = scratchDir('opsplan-brand-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function problems(file: string) {
  const error = await loadBrand(file).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpsplanError);
  return (error as OpsplanError).problems;
}

describe('brand files', () => {
  it('turn into a theme with colours, page setup, logo and fonts', async () => {
    const { theme } = await loadBrand(path.join(BRANDS, 'harbor', 'brand.yaml'));
    expect(theme.colors.primary).toBe('007C80');
    expect(theme.colors.accent).toBe('E07A1F');
    expect(theme.page).toEqual({ size: 'Letter', margins: { top: 20, right: 18, bottom: 20, left: 18 } });
    expect(theme.logo).toMatchObject({ type: 'png', width: 240, height: 96 });
    expect(theme.fonts?.body?.family).toBe('Noto Sans Light');
    expect(theme).toMatchObject({ brandName: 'Harbor Consulting', confidentiality: 'Confidential', footerText: 'Harbor Consulting · harbor.example' });
  });

  it('read SVG logos and CJK fonts', async () => {
    const { theme } = await loadBrand(path.join(BRANDS, 'jade', 'brand.yaml'));
    expect(theme.logo).toMatchObject({ type: 'svg', width: 240, height: 96 });
    expect(theme.fonts?.cjk?.family).toMatch(/Noto Sans SC/);
  });

  it('name each bad field on its line: colour, missing logo, a font that is not a font', async () => {
    const dir = brandDir({
      'brand.yaml': 'schemaVersion: 1\nname: Bad Brand\nlogo: missing.png\ncolors:\n  primary: "#12345G"\nfonts:\n  body: notes.txt\n',
      'notes.txt': 'this is not a font',
    });
    const found = await problems(path.join(dir, 'brand.yaml'));
    expect(found.map((problem) => [problem.line, problem.path])).toEqual([[5, 'colors.primary']]);
    expect(found[0]!.message).toMatch(/is not a colour: write it as #RRGGBB/);

    writeFileSync(path.join(dir, 'brand.yaml'), 'schemaVersion: 1\nname: Bad Brand\nlogo: missing.png\ncolors:\n  primary: "#12345F"\nfonts:\n  body: notes.txt\n');
    const files = await problems(path.join(dir, 'brand.yaml'));
    expect(files.map((problem) => [problem.line, problem.path])).toEqual([[3, 'logo'], [7, 'fonts.body']]);
    expect(files[0]!.message).toMatch(/missing\.png, which does not exist/);
    expect(files[1]!.message).toMatch(/not a TrueType or OpenType font/);
  });

  it('refuse an oversized logo, giving its size', async () => {
    const dir = brandDir({ 'brand.yaml': 'schemaVersion: 1\nname: Big\nlogo: huge.png\ncolors: { primary: "#000000" }\n', 'huge.png': png(8000, 8000) });
    expect(imageInfo(readFileSync(path.join(dir, 'huge.png')))).toEqual({ type: 'png', width: 8000, height: 8000 });
    const [problem] = await problems(path.join(dir, 'brand.yaml'));
    expect(problem).toMatchObject({ line: 3, path: 'logo' });
    expect(problem!.message).toMatch(/8000x8000 pixels .* at most 4000x4000/);
  });

  it('refuse a logo that is not an image', async () => {
    const dir = brandDir({ 'brand.yaml': 'schemaVersion: 1\nname: B\nlogo: logo.png\ncolors: { primary: "#000" }\n', 'logo.png': 'GIF89a not really' });
    const [problem] = await problems(path.join(dir, 'brand.yaml'));
    expect(problem!.message).toMatch(/not a PNG, JPEG or SVG image/);
  });
});

describe('opsplan brand init', () => {
  it('scaffolds a valid, commented brand and copies of the templates, and never overwrites one', () => {
    const dir = path.join(scratchDir(), 'client');
    const result = runCli(['brand', 'init', dir]);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'brand.yaml'), 'utf8')).toMatch(/^# .*\n/);
    expect(readdirSync(path.join(dir, 'templates', 'partials'))).toContain('growth.md.hbs');
    expect(existsSync(path.join(dir, 'templates', 'locales', 'zh-CN.yaml'))).toBe(true);
    expect(runCli(['brand', 'check', path.join(dir, 'brand.yaml')]).status).toBe(0);
    const again = runCli(['brand', 'init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('lets a brand folder override one section template', () => {
    const dir = path.join(scratchDir(), 'client');
    expect(runCli(['brand', 'init', dir]).status).toBe(0);
    const growth = path.join(dir, 'templates', 'partials', 'growth.md.hbs');
    writeFileSync(growth, readFileSync(growth, 'utf8').replace('{{t "growth.lead"}}', 'Our own words about growth.'));
    const out = scratchDir();
    const result = runCli(['render', EXAMPLES.en, '--brand', path.join(dir, 'brand.yaml'), '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(out, 'lumen-threads-wechat-operations-plan-2027.md'), 'utf8');
    expect(markdown).toContain('Our own words about growth.');
    expect(markdown).toContain('*Your Company*');
  });
});
