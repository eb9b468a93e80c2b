// Display width. Converters that draw tables (w3m, pandoc) pad cells to screen columns, where a
// Chinese character takes two columns and a box-drawing character or a curly quote one, so
// geometry must be computed in display columns, not string indices.

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11); ambiguous characters count as narrow. */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function charWidth(cp: number): 1 | 2 {
  if (cp < 0x1100) return 1;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

/**
 * The characters of `s` laid out by display column: a wide character stands at its first
 * column and the column after it holds `''`.
 */
export function toColumns(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) {
    out.push(ch);
    if (charWidth(ch.codePointAt(0)!) === 2) out.push('');
  }
  return out;
}

/** The text between display columns `from` (inclusive) and `to` (exclusive). */
export function sliceColumns(cols: readonly string[], from: number, to: number): string {
  return cols.slice(Math.max(0, from), Math.max(0, to)).join('');
}
