// Loads a brand file, checks every file it names (logo, fonts) and turns it into the theme writers read.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { invalidFile, problemAt, readSourceFile, validateWith, type ParsedSource } from '../plan/load.js';
import { DEFAULT_THEME, type Theme, type ThemeFont, type ThemeImage } from '../writers/theme.js';
import { imageInfo, isFontFile, MAX_IMAGE_SIDE } from './images.js';
import { BrandSchema, type BrandFile } from './schema.js';

/** Logos are small pictures; a file this large is a photo or a print master, not a logo. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface Brand {
  file: string;
  theme: Theme;
  /** `templates/` beside the brand file, searched before the built-in templates when it exists. */
  templatesDir?: string;
}

/** Reads and checks a brand file; every problem is reported at once, at the field that caused it. */
export async function loadBrand(file: string): Promise<Brand> {
  const source = await readSourceFile(file);
  const brand = validateWith(BrandSchema, source.data, file, source.document, source.lineCounter);
  const folder = path.dirname(file);
  const problems: Problem[] = [];
  const logo = brand.logo ? await readLogo(path.resolve(folder, brand.logo), source, file, problems) : undefined;
  const fonts: NonNullable<Theme['fonts']> = {};
  for (const slot of ['body', 'heading', 'cjk'] as const) {
    const fontPath = brand.fonts?.[slot];
    if (!fontPath) continue;
    const font = await readFont(path.resolve(folder, fontPath), source, file, ['fonts', slot], problems);
    if (font) fonts[slot] = font;
  }
  if (problems.length > 0) throw invalidFile(file, problems);
  const templatesDir = path.join(folder, 'templates');
  return {
    file,
    theme: brandTheme(brand, logo, fonts),
    ...(existsSync(templatesDir) ? { templatesDir } : {}),
  };
}

function brandTheme(brand: BrandFile, logo: ThemeImage | undefined, fonts: NonNullable<Theme['fonts']>): Theme {
  const theme: Theme = {
    ...DEFAULT_THEME,
    // Without an accent the brand's own colour is used: the default orange beside a client's colour would clash.
    colors: { ...DEFAULT_THEME.colors, primary: brand.colors.primary, accent: brand.colors.accent ?? brand.colors.primary },
    page: {
      size: brand.page?.size ?? DEFAULT_THEME.page.size,
      margins: brand.page?.margins ?? DEFAULT_THEME.page.margins,
    },
    brandName: brand.name,
  };
  if (brand.footerText) theme.footerText = brand.footerText;
  if (brand.coverSubtitle) theme.coverSubtitle = brand.coverSubtitle;
  if (brand.confidentiality) theme.confidentiality = brand.confidentiality;
  if (logo) theme.logo = logo;
  if (Object.keys(fonts).length > 0) theme.fonts = fonts;
  return theme;
}

async function readBytes(target: string, at: () => Problem, problems: Problem[]): Promise<Buffer | undefined> {
  try {
    return await readFile(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = at();
    problem.message = code === 'ENOENT' ? `names ${target}, which does not exist` : `names ${target}, which cannot be read (${code ?? String(error)})`;
    problems.push(problem);
    return undefined;
  }
}

async function readLogo(target: string, source: ParsedSource, file: string, problems: Problem[]): Promise<ThemeImage | undefined> {
  const at = (message = '') => problemAt(source, file, ['logo'], message);
  const data = await readBytes(target, at, problems);
  if (!data) return undefined;
  const info = imageInfo(data);
  if (!info) {
    problems.push(at(`names ${target}, which is not a PNG, JPEG or SVG image`));
    return undefined;
  }
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE || data.byteLength > MAX_LOGO_BYTES) {
    problems.push(at(`names an image of ${info.width}x${info.height} pixels (${(data.byteLength / 1024 / 1024).toFixed(1)} MB): a logo must be at most ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} pixels and ${MAX_LOGO_BYTES / 1024 / 1024} MB; export a smaller one`));
    return undefined;
  }
  return { ...info, data };
}

async function readFont(target: string, source: ParsedSource, file: string, fieldPath: string[], problems: Problem[]): Promise<ThemeFont | undefined> {
  const at = (message = '') => problemAt(source, file, fieldPath, message);
  const data = await readBytes(target, at, problems);
  if (!data) return undefined;
  const family = isFontFile(data) ? await familyName(data) : undefined;
  if (!family) {
    problems.push(at(`names ${target}, which is not a TrueType or OpenType font (.ttf or .otf)`));
    return undefined;
  }
  return { file: target, data, family };
}

/** The family name a font declares, or undefined when the file cannot be parsed as a font. */
async function familyName(data: Buffer): Promise<string | undefined> {
  try {
    // The fontkit the PDF writer uses, so a brand's fonts are parsed by one copy of it, loaded once.
    const { requireFontkit } = await import('../writers/libraries.js');
    const font = requireFontkit().create(data);
    return 'familyName' in font && typeof font.familyName === 'string' && font.familyName !== '' ? font.familyName : undefined;
  } catch {
    return undefined;
  }
}
