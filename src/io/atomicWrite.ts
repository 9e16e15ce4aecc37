// Writes a file so that readers only ever see the old version or the complete new one.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OpsplanError } from '../errors.js';

/** Writes to a temporary file in the same folder, syncs it, then renames it over the target. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'the folder is not writable'
      : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
    throw new OpsplanError('WRITE_FAILED', `${target}: could not be written (${reason})`, {
      hint: 'Choose another output folder with --out, or free space and try again.',
      cause: error,
    });
  }
}
