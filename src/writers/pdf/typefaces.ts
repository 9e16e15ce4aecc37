// Which face sets each character: the brand's body, heading and CJK fonts where they have the glyph, the built-in fonts for the rest.
import type { Theme, ThemeFont } from '../theme.js';
import { brandFace, builtinFace, declaredWeight, monoFace, nearestWeight, type Face, type Weight } from './fonts.js';

/** How a run is asked to look. */
export interface FaceStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  /** Headings and the cover title: set in the brand's heading font. */
  heading?: boolean | undefined;
}

/**
 * A face and how to draw it. pdfkit cannot pick another weight of a brand font that comes as one file, so bold and
 * italic in a brand font are drawn from the same file: outlined a little (as Word and LibreOffice embolden a font
 * that has no bold) and slanted. The brand's typeface then carries through emphasis, instead of switching family.
 */
export interface FaceChoice {
  face: Face;
  emboldened: boolean;
  slanted: boolean;
}

type BrandSlot = 'body' | 'heading' | 'cjk';
type Script = 'cjk' | 'latin';

/** The faces of one theme; brand files are parsed only when a character first needs them. */
export class Typefaces {
  private readonly loaded = new Map<BrandSlot, Face>();
  private readonly choices = new Map<string, FaceChoice>();
  /** Stand-in choices by script, bold and italic (see standIn): asked for two or three times per character. */
  private readonly standIns: (FaceChoice | undefined)[] = [];
  private readonly standInWeights: Record<Script, Weight | undefined>;

  constructor(private readonly fonts: Theme['fonts']) {
    const weight = (font: ThemeFont | undefined) => {
      const declared = font ? declaredWeight(font.data) : undefined;
      return declared ? nearestWeight(declared) : undefined;
    };
    // A built-in face set beside a brand font takes that font's weight, so that the digits and Latin words of a
    // Chinese sentence (or the Chinese words of an English one) are neither heavier nor lighter than the rest.
    const latin = weight(fonts?.body) ?? weight(fonts?.cjk);
    const cjk = weight(fonts?.cjk) ?? weight(fonts?.body);
    this.standInWeights = { latin, cjk };
  }

  private brand(slot: BrandSlot): Face | undefined {
    const font = this.fonts?.[slot];
    if (!font) return undefined;
    let face = this.loaded.get(slot);
    if (!face) {
      face = brandFace(font);
      this.loaded.set(slot, face);
    }
    return face;
  }

  /** Whether a Latin face (the brand's body font or Noto Sans) draws the character. */
  latinHas(codePoint: number): boolean {
    return (this.brand('body')?.has(codePoint) ?? false) || this.standIn('latin', false, false).face.has(codePoint);
  }

  /** Whether a CJK face (the brand's or Noto Sans SC) draws the character. */
  cjkHas(codePoint: number): boolean {
    return (this.brand('cjk')?.has(codePoint) ?? false) || this.standIn('cjk', false, false).face.has(codePoint);
  }

  /**
   * The face for a character of a script. The brand's font comes first; a character it lacks falls back to the
   * built-in face of the same script, so a Latin brand font never shows boxes for ¥, № or arrows Noto Sans has.
   */
  choose(script: Script, codePoint: number, style: FaceStyle): FaceChoice {
    const bold = style.bold === true || style.heading === true;
    const italic = style.italic === true;
    if (script === 'cjk') {
      // Chinese has no italic; emphasis is weight alone.
      const own = this.brand('cjk');
      if (own?.has(codePoint)) return this.choice(own, bold, false);
      return this.standIn('cjk', bold, false);
    }
    const heading = style.heading ? this.brand('heading') : undefined;
    // The heading font is drawn as the brand made it: it is already the weight the brand wants for headings.
    if (heading?.has(codePoint)) return this.choice(heading, false, italic);
    const body = this.brand('body');
    if (body?.has(codePoint)) return this.choice(body, bold, italic);
    return this.standIn('latin', bold, italic);
  }

  /** Courier, for inline code and code blocks. */
  mono(bold: boolean): FaceChoice {
    return this.choice(monoFace(bold), false, false);
  }

  /**
   * The built-in face for what the brand's fonts do not cover. Without brand fonts that is Noto Sans or Noto Sans SC
   * in their real bold and italic; beside a brand font, the weight of that font, emboldened for bold as the brand
   * font is (Noto Sans keeps its real italics).
   */
  private standIn(script: Script, bold: boolean, italic: boolean): FaceChoice {
    const slot = (script === 'cjk' ? 4 : 0) + (bold ? 2 : 0) + (italic ? 1 : 0);
    return (this.standIns[slot] ??= this.findStandIn(script, bold, italic));
  }

  private findStandIn(script: Script, bold: boolean, italic: boolean): FaceChoice {
    const weight = this.standInWeights[script];
    if (weight === undefined) return this.choice(builtinFace({ script, weight: bold ? 700 : 400, italic }), false, false);
    return this.choice(builtinFace({ script, weight, italic }), bold, false);
  }

  /** One object per face and drawing, so runs next to each other that look the same can be merged. */
  private choice(face: Face, emboldened: boolean, slanted: boolean): FaceChoice {
    const key = `${face.key}:${emboldened ? 'b' : ''}${slanted ? 'i' : ''}`;
    let choice = this.choices.get(key);
    if (!choice) {
      choice = { face, emboldened, slanted };
      this.choices.set(key, choice);
    }
    return choice;
  }
}

const BUILTIN = new Typefaces(undefined);
const byFonts = new WeakMap<NonNullable<Theme['fonts']>, Typefaces>();

/** The typefaces of a theme, made once per brand so its parsed faces and choices are shared by every plan. */
export function typefacesFor(theme: Theme): Typefaces {
  if (!theme.fonts) return BUILTIN;
  let typefaces = byFonts.get(theme.fonts);
  if (!typefaces) {
    typefaces = new Typefaces(theme.fonts);
    byFonts.set(theme.fonts, typefaces);
  }
  return typefaces;
}
