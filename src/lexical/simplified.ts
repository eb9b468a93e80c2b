// Traditional → simplified characters, for recognising labels and phrases only: many sites serve a
// 繁體 copy of a report (`本年制發件數`, `行政許可`, `申請`), and every pattern of the parser is
// written in simplified characters. The record keeps the text as written.
//
// The conversion is opencc-js's (traditional → mainland simplified), applied character by
// character so that a converted string has the same length as the original: offsets found in it
// point at the same characters in the text (a narrative figure's provenance, a label's cell).
// The characters it changes are in simplified-table.ts, made from opencc-js ahead of time
// (scripts/simplified-table.mjs): converting every ideograph at run time cost each thread 0.3 s.

import { SIMPLIFIED, TRADITIONAL } from './simplified-table.js';

/** CJK Extension A up to the end of the Unified Ideographs: every character the table can change. */
const FIRST = 0x3400;
const END = 0x9fff + 1;

let table: Uint16Array | null = null;

/**
 * code point − FIRST → simplified code point, 0 for a character that stays (about 3 000 change):
 * an array, not a Map, because every character of every report's prose is looked up.
 */
function simplifiedTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(END - FIRST);
  for (let i = 0; i < TRADITIONAL.length; i++) table[TRADITIONAL.charCodeAt(i) - FIRST] = SIMPLIFIED.charCodeAt(i);
  return table;
}

/** Does the text hold a character that has a different simplified form? */
export function hasTraditional(s: string): boolean {
  const t = simplifiedTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FIRST && c < END && t[c - FIRST] !== 0) return true;
  }
  return false;
}

/** The text with every traditional character replaced by its simplified form; same length. */
export function toSimplified(s: string): string {
  const t = simplifiedTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST || c >= END) continue;
    const to = t[c - FIRST]!;
    if (to === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
