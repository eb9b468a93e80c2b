// Whether a file can be written, asked before any work is done: a batch of 100 000 files must
// not fail at the end because the summary's folder has a typo.

import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EROFS') return 'read-only file system';
  return e.code ?? String(err);
}

/** Why `path` cannot be written, or null when it can (as far as can be told before writing). */
export function cannotWrite(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return 'it is a folder';
    accessSync(path, constants.W_OK);
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return reasonOf(err);
  }
  const folder = dirname(resolve(path));
  try {
    if (!statSync(folder).isDirectory()) return `${dirname(path)} is not a folder`;
    accessSync(folder, constants.W_OK);
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `no such folder ${dirname(path)}`;
    return reasonOf(err);
  }
}

/** The one-line message for a file that cannot be written. */
export function cannotWriteMessage(path: string, reason: string): string {
  return `disclose-parse: cannot write ${path}: ${reason}\n`;
}
