// The part of fontkit (pdfkit's font parser) that opsplan calls directly.
declare module 'fontkit' {
  export interface Font {
    familyName?: string;
    postscriptName?: string;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
}
