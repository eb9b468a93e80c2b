// Command-line inputs → the sorted list of report files. Arguments may be files, directories
// (walked recursively), glob patterns, and paths listed in a file (`--files-from`). A path that
// does not exist is kept, so that it yields an error record instead of vanishing.

import { stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import fg from 'fast-glob';

export const DEFAULT_GLOB = '**/*.txt';

export interface WalkOptions {
  /** Pattern for files inside walked directories. */
  glob?: string;
  /** Follow symbolic links while walking directories (off: a link cannot lead the walk out). */
  followSymlinks?: boolean;
}

async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null; // does not exist, or cannot be seen
  }
}

function globOptions(o: WalkOptions) {
  return {
    // Not onlyFiles: a FIFO or device named like a report must be reported (E_NOT_FILE), not
    // silently passed over; folders are filtered out below.
    onlyFiles: false,
    objectMode: true as const,
    dot: false,
    followSymbolicLinks: o.followSymlinks ?? false,
    suppressErrors: true, // an unreadable folder is skipped, not fatal
    caseSensitiveMatch: false,
  };
}

/**
 * Entries of a walk that are inputs: anything but a folder. Without --follow-symlinks a link is
 * not an input either, so that reading never leaves the folders the user named.
 */
async function inputsOf(entries: fg.Entry[], base: string | null, follow: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const e of entries) {
    const path = base === null ? e.path : join(base, e.path);
    if (e.dirent.isDirectory()) continue;
    if (e.dirent.isSymbolicLink()) {
      if (!follow || (await isDirectory(path)) !== false) continue;
    }
    out.push(path);
  }
  return out;
}

export async function collectInputs(args: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    if (arg === '') continue;
    const dir = await isDirectory(arg);
    const follow = options.followSymlinks ?? false;
    if (dir === true) {
      const entries = await fg(options.glob ?? DEFAULT_GLOB, { ...globOptions(options), cwd: arg });
      found.push(...(await inputsOf(entries, arg, follow)));
    } else if (dir === null && fg.isDynamicPattern(arg)) {
      found.push(...(await inputsOf(await fg(arg, globOptions(options)), null, follow)));
    } else {
      found.push(arg);
    }
  }
  const seen = new Set<string>();
  const unique = found.filter((p) => {
    const key = normalize(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Paths listed one per line (`find … | disclose-parse --files-from -`); blank lines are skipped. */
export function parsePathList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}
