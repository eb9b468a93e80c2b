// Repairs of a decoded text that keep a report readable and say what they did: lone surrogates
// (half of a UTF-16 pair, from broken UTF-16) become U+FFFD, as an invalid byte sequence does,
// and a few stray NUL characters (a scraper's C strings) are dropped. Both are counted, with the
// index of the first, for the record's `source.replaced` and the decoding warnings.

declare global {
  // ES2024 (Node 20 has them; the project's lib is ES2023).
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/** What a repair changed: how many characters, and the index of the first in the text it was given. */
export interface Repair {
  text: string;
  count: number;
  first: number;
}

/**
 * NULs that a text otherwise plausible may hold and still be text: one per thousand characters,
 * and always one (a C string's terminator at the end). A binary file has far more (the fixture
 * `fixtures/bad/nul-bytes.txt` has one in three); a report with a stray NUL here and there, as a
 * scraper's output sometimes has, keeps its numbers.
 */
const STRAY_NULS_PER_CHAR = 1 / 1000;

/** The most NULs a text of `length` characters (or bytes) may hold to be read as text. */
export function strayNulsAllowed(length: number): number {
  return Math.max(1, Math.floor(length * STRAY_NULS_PER_CHAR));
}

/** The text without its NUL characters; null when it has none. */
export function dropNuls(text: string): Repair | null {
  const first = text.indexOf('\0');
  if (first < 0) return null;
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf('\0', i + 1)) count++;
  return { text: text.replaceAll('\0', ''), count, first };
}

/** Matches a surrogate that is not half of a pair (the `u` flag keeps pairs whole). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** The text with each lone surrogate replaced by U+FFFD; null when it is well formed. */
export function replaceLoneSurrogates(text: string): Repair | null {
  if (text.isWellFormed()) return null;
  const first = text.search(LONE_SURROGATE);
  let count = 0;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const pair = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) i++;
    else count++;
  }
  return { text: text.toWellFormed(), count, first };
}
