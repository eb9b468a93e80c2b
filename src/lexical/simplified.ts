// Traditional → simplified characters, for recognising labels and phrases only: many sites serve a
// 繁體 copy of a report (`本年制發件數`, `行政許可`, `申請`), and every pattern of the parser is
// written in simplified characters. The record keeps the text as written.
//
// The conversion is opencc-js's (traditional → mainland simplified), applied character by
// character so that a converted string has the same length as the original: offsets found in it
// point at the same characters in the text (a narrative figure's provenance, a label's cell).
// The character table is made once per thread, on first use, by converting every CJK ideograph.

import { Converter } from 'opencc-js/t2cn';

/** CJK Unified Ideographs and Extension A: every character opencc's table can change. */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

const FIRST = RANGES[0]![0];
const END = RANGES[RANGES.length - 1]![1] + 1;

let table: Uint16Array | null = null;

/**
 * code point − FIRST → simplified code point, 0 for a character that stays (about 3 000 change):
 * an array, not a Map, because every character of every report's prose is looked up.
 */
function simplifiedTable(): Uint16Array {
  if (table) return table;
  const convert = Converter({ from: 't', to: 'cn' });
  const chars: string[] = [];
  for (const [a, b] of RANGES) for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c));
  // One call over all characters, separated by spaces so that no phrase rule joins two of them.
  const out = convert(chars.join(' ')).split(' ');
  table = new Uint16Array(END - FIRST);
  if (out.length !== chars.length) return table; // a converter that changed shape: convert nothing
  for (let i = 0; i < chars.length; i++) {
    const s = out[i]!;
    // A character that becomes two (rare variants) is left alone: lengths must not change.
    if (s.length === 1 && s !== chars[i]) table[chars[i]!.charCodeAt(0) - FIRST] = s.charCodeAt(0);
  }
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
