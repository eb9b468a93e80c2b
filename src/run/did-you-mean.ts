// A first argument that is no file and nearly a command's name (`chek fixtures`) is a typo, not a
// report to look for: said at once, before a batch converts the rest of the arguments. The
// distance is Levenshtein's (insertions, deletions, substitutions), on names of a few letters.

import { existsSync } from 'node:fs';

/** At most this many edits from a command's name is taken as a typo of it (`chek`, `chekc`, `veiw`). */
const MAX_EDITS = 2;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The command `word` is nearly the name of, when it is no path that exists and looks like no path; else null. */
export function commandTypo(word: string | undefined, commands: readonly string[]): string | null {
  if (word === undefined || !/^[a-z]+$/i.test(word) || existsSync(word)) return null;
  let best: { name: string; edits: number } | null = null;
  for (const name of commands) {
    const edits = editDistance(word.toLowerCase(), name);
    if (edits > 0 && edits <= MAX_EDITS && (best === null || edits < best.edits)) best = { name, edits };
  }
  return best?.name ?? null;
}
