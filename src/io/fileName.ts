// Output file names derived from a plan title, safe on Windows, macOS and Linux.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Most file systems allow 255 bytes per name; leave room for the extension and a temporary suffix. */
const MAX_BYTES = 150;

/** Turns a title into a file name stem: letters and digits of any script kept, everything else a dash. */
export function fileStem(title: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  while (Buffer.byteLength(stem, 'utf8') > MAX_BYTES) stem = [...stem].slice(0, -1).join('');
  stem = stem.replace(/-+$/, '');
  if (stem === '') return 'plan';
  return WINDOWS_RESERVED.test(stem) ? `${stem}-plan` : stem;
}
