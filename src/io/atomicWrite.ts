// Writes a file so that readers only ever see the old version or the complete new one.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OpsplanError } from '../errors.js';

/** `.<target name>.tmp-<pid>-<random>`: the temporary files this module makes, and only those. */
const TEMPORARY = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;
/** A temporary file this old whose process is gone was left by a killed write, not by one still running on another machine. */
const STALE_AFTER_MS = 60_000;
const swept = new Set<string>();

/** Writes to a temporary file in the same folder, syncs it, then renames it over the target. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeThroughTemporary(target, temporary, data);
  await sweepStaleTemporaries(folder);
}

async function writeThroughTemporary(target: string, temporary: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(target);
  try {
    await makeFolder(folder);
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
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST'
          ? 'the folder cannot be made there: part of the path is a file, a broken link or a system folder'
          : (error as Error).message;
    throw new OpsplanError('WRITE_FAILED', `${target}: could not be written (${reason})`, {
      hint: 'Choose another output folder with --out, or free space and try again.',
      cause: error,
    });
  }
}

/**
 * Makes a folder and the folders above it that are missing. Node's own recursive mkdir spins forever where a folder
 * exists but cannot hold new ones and says so with ENOENT (anything under /proc), so this climbs up itself and gives
 * up when a folder still cannot be made once its parent is there.
 */
async function makeFolder(folder: string): Promise<void> {
  const made = await mkdir(folder).then(() => true, async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST' && (await stat(folder)).isDirectory()) return true;
    const parent = path.dirname(folder);
    if (error.code !== 'ENOENT' || parent === folder) throw error;
    return false;
  });
  if (made) return;
  await makeFolder(path.dirname(folder));
  await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
    // Another writer may have made it in the meantime.
    if (!(error.code === 'EEXIST' && (await stat(folder)).isDirectory())) throw error;
  });
}

/**
 * Removes temporary files that writes killed mid-way (SIGKILL, power loss) left in a folder, once per folder and
 * process: a dead process's file is never renamed, so it would stay forever. Best effort: a failure changes nothing.
 */
async function sweepStaleTemporaries(folder: string): Promise<void> {
  const key = path.resolve(folder);
  if (swept.has(key)) return;
  swept.add(key);
  const entries = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(entries.map(async (entry) => {
    const pid = Number(TEMPORARY.exec(entry)?.[1]);
    if (!pid || processRuns(pid)) return;
    const file = path.join(folder, entry);
    const modified = await stat(file).then((info) => info.mtimeMs, () => Date.now());
    if (Date.now() - modified >= STALE_AFTER_MS) await rm(file, { force: true }).catch(() => undefined);
  }));
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
