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
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: o.followSymlinks ?? false,
    suppressErrors: true, // an unreadable folder is skipped, not fatal
    caseSensitiveMatch: false,
  };
}

export async function collectInputs(args: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    if (arg === '') continue;
    const dir = await isDirectory(arg);
    if (dir === true) {
      const entries = await fg(options.glob ?? DEFAULT_GLOB, { ...globOptions(options), cwd: arg });
      for (const e of entries) found.push(join(arg, e));
    } else if (dir === null && fg.isDynamicPattern(arg)) {
      found.push(...(await fg(arg, globOptions(options))));
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
