// Whether a file can be written, asked before any work is done: a batch of 100 000 files must
// not fail at the end because the summary's folder has a typo. Where the output is a symbolic
// link, the file written is the link's target (as a shell's `>` does), so that a link into a
// data folder keeps working; the questions are asked of the target.

import { accessSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The system's error codes a person reads in words (the code stays in brackets for a search). */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this system or its limits',
  EIO: 'input/output error',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a write failed, in words: `no space left on the device (ENOSPC)`. */
export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === undefined) return String((err as Error).message ?? err);
  return REASONS[code] ? `${REASONS[code]} (${code})` : code;
}

/**
 * The file a write to `path` lands in: the path itself, or, when it is a symbolic link, its
 * target (followed to the end; a dangling link's target is the file to make).
 */
export function writeTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current; // not there yet: a new file
    }
    current = resolve(dirname(current), link);
  }
  return realpathSync(current); // a loop of links: let the system say so
}

/** Whether a new file can be made in `folder`: by making one (and removing it), the only sure way. */
function cannotCreateIn(folder: string): string | null {
  const probe = join(folder, `.disclose-parse-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return null; // a probe of an earlier run left behind: the folder takes files
    if (code === 'ENOENT') return `${folder} does not take new files (ENOENT)`; // /proc, a folder removed meanwhile
    return reasonOf(err);
  }
}

/** Why `path` cannot be written, or null when it can (as far as can be told before writing). */
export function cannotWrite(path: string): string | null {
  const target = writeTarget(path);
  try {
    if (statSync(target).isDirectory()) return 'it is a folder';
    accessSync(target, constants.W_OK);
    // An existing file is replaced by a new one made beside it (write/sink.ts): its folder must take one.
    return statSync(target).isFile() ? cannotCreateIn(dirname(target)) : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return reasonOf(err);
  }
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) return `${dirname(path)} is not a folder`;
    accessSync(folder, constants.W_OK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `no such folder ${target === resolve(path) ? dirname(path) : dirname(target)}`;
    return reasonOf(err);
  }
  return cannotCreateIn(folder);
}

/** The one-line message for a file that cannot be written. */
export function cannotWriteMessage(path: string, reason: string): string {
  return `disclose-parse: cannot write ${path}: ${reason}\n`;
}

/** A temporary file's name beside `target`: hidden, and told apart by process and time. */
export function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}
