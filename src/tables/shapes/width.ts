// Display width. Converters that draw tables (w3m, pandoc) pad cells to screen columns, where a
// Chinese character takes two columns and a box-drawing character or a curly quote one, so
// geometry must be computed in display columns, not string indices.

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11); ambiguous characters count as narrow. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
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
  // The common cases first: ASCII, box drawing and punctuation below U+2E80; the CJK block.
  if (cp < 0x1100) return 1;
  if (cp <= 0x115f) return 2;
  if (cp < 0x2e80) return 1;
  if (cp >= 0x4e00 && cp <= 0x9fff) return 2;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

/** The width of every BMP code unit, looked up once per character of a grid line. */
const BMP_WIDTH = new Uint8Array(0x10000).fill(1);
for (const [lo, hi] of WIDE) if (lo < 0x10000) BMP_WIDTH.fill(2, lo, Math.min(hi, 0xffff) + 1);

/** The second display column of a wide character. */
export const CONTINUATION = -1;

/**
 * The code points of `s` laid out by display column: a wide character stands at its first
 * column and the column after it holds CONTINUATION. Numbers, not one-character strings: a grid
 * line is read column by column many times.
 */
export function toColumns(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    out.push(cp);
    if ((cp < 0x10000 ? BMP_WIDTH[cp] : charWidth(cp)) === 2) out.push(CONTINUATION);
  }
  return out;
}

/** The text between display columns `from` (inclusive) and `to` (exclusive). */
export function sliceColumns(cols: readonly number[], from: number, to: number): string {
  let out = '';
  const end = Math.min(to, cols.length);
  for (let x = Math.max(0, from); x < end; x++) {
    const cp = cols[x]!;
    if (cp !== CONTINUATION) out += String.fromCodePoint(cp);
  }
  return out;
}

/** The code points of `s`, one column each (Links lays out a Chinese character in one column). */
export function toNarrowColumns(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}
