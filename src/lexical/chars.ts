// Character classes and folding shared by every stage. Reports mix full-width and half-width
// forms freely (`（一）` / `(一)`, `２０１７` / `2017`, `：` / `:`), so recognisers match on a
// folded form and keep the report's own characters for display.

/** CJK ideographs (basic block and extension A) and the ideographic zero `〇`. */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007';

/** Chinese numerals as used in heading markers and written-out dates. */
export const CN_DIGITS = '零〇一二三四五六七八九十百';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const HALF_OF = new Map<string, string>([['\u3000', ' ']]);
for (let c = 0xff01; c <= 0xff5e; c++) HALF_OF.set(String.fromCharCode(c), String.fromCharCode(c - 0xfee0));
const halfOf = (ch: string): string => HALF_OF.get(ch)!;
/** Above this length the regular expression engine's replace is faster than copying runs. */
const LONG = 200;

/**
 * Full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * Unlike NFKC this leaves `①` and the CJK compatibility ideographs alone.
 */
export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  if (s.length > LONG) return s.replace(FULL_WIDTH, halfOf);
  // A short line: copy the runs between full-width characters (measured faster than a replace
  // that calls back for every one of the many ，：（） of Chinese text).
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += s.slice(from, i) + String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += s.slice(from, i) + ' ';
    else continue;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** Whitespace of every kind a converter leaves behind (NBSP, ideographic space, zero-width). */
export const SPACE_RE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * The form used to compare labels: half-width, no whitespace, one kind of quote, `，`/`,` and `、`
 * treated alike. `（一） 予以 公开` and `(一)予以公开` fold to the same string.
 * One pass over the code units (labels are folded by the thousand in every report); it equals
 * toHalfWidth, then removing SPACE_RE, then quotes to `"`, then `,` to `、` (tests/chars.test.ts).
 */
export function fold(s: string): string {
  let out = '';
  let from = 0; // s[from, i) is copied unchanged when a character needs changing
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const h = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
    let to: string | null;
    if (h === 0x3000 || isFoldSpace(h)) to = '';
    else if (h === 0x22 || h === 0x27 || h === 0x60 || h === 0x201c || h === 0x201d || h === 0x2018 || h === 0x2019 || (h >= 0x300c && h <= 0x300f)) to = '"';
    else if (h === 0x2c) to = '、';
    else if (h !== c) to = String.fromCharCode(h);
    else continue;
    if (to === '"' && h === 0x22 && h === c) continue; // already the one quote
    out += s.slice(from, i) + to;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** SPACE_RE by code: JavaScript's \s plus U+200B. */
function isFoldSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** What trimAll removes: SPACE_RE and NEL (U+0085), which some converters leave at line ends. */
function isSpaceCode(c: number): boolean {
  return isFoldSpace(c) || c === 0x85;
}

/** Trim every kind of whitespace from both ends (a loop: a regex anchored at `$` rescans long runs). */
export function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const ANY_SPACE = /[ \t\u00a0\u3000]/;

const isCjkCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isGapCode = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || c === 0x3000;

/**
 * Remove the spaces that typesetting puts between Chinese characters and numbers
 * (`2017 年`, `统 计 指 标`, `新村西路 226 号`) but keep spaces between Latin words and
 * between two numbers (`0454 3822710`). A run of spaces goes when it stands between two
 * ideographs, a digit and an ideograph, or an ideograph and a digit (tests/chars.test.ts holds
 * the regular expression this loop replaced).
 */
export function collapseCjkSpaces(s: string): string {
  if (!ANY_SPACE.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    if (!isGapCode(s.charCodeAt(i))) continue;
    let j = i;
    while (j < s.length && isGapCode(s.charCodeAt(j))) j++;
    if (j < s.length) {
      const a = s.charCodeAt(i - 1);
      const b = s.charCodeAt(j);
      if (((isCjkCode(a) || isDigitCode(a)) && isCjkCode(b)) || (isCjkCode(a) && isDigitCode(b))) {
        out += s.slice(from, i);
        from = j;
      }
    }
    i = j;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Length in characters (code points), as `[...s].length` but without building the array. */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Sentence-final punctuation: a line ending in one of these is a finished sentence. */
export const SENTENCE_END = /[。！？!?；;：:…」』”）)】]$/;
