// Character classes and folding shared by every stage. Reports mix full-width and half-width
// forms freely (`（一）` / `(一)`, `２０１７` / `2017`, `：` / `:`), so recognisers match on a
// folded form and keep the report's own characters for display.

/** CJK ideographs (basic block and extension A) and the ideographic zero `〇`. */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007';

/** Chinese numerals as used in heading markers and written-out dates. */
export const CN_DIGITS = '零〇一二三四五六七八九十百';

const cjkChar = new RegExp(`[${CJK}]`);

export function isCjk(ch: string): boolean {
  return cjkChar.test(ch);
}

/**
 * Full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * Unlike NFKC this leaves `①` and the CJK compatibility ideographs alone.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Whitespace of every kind a converter leaves behind (NBSP, ideographic space, zero-width). */
export const SPACE_RE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const SPACE_RUN = new RegExp(SPACE_RE.source + '+', 'g');

/**
 * The form used to compare labels: half-width, no whitespace, one kind of quote, `，`/`,` and `、`
 * treated alike. `（一） 予以 公开` and `(一)予以公开` fold to the same string.
 */
export function fold(s: string): string {
  return toHalfWidth(s)
    .replace(SPACE_RUN, '')
    .replace(/[“”‘’「」『』"'`]/g, '"')
    .replace(/,/g, '、');
}

/** Trim every kind of whitespace from both ends. */
export function trimAll(s: string): string {
  return s.replace(new RegExp(`^${SPACE_RE.source}+|${SPACE_RE.source}+$`, 'g'), '');
}

/**
 * Remove the spaces that typesetting puts between Chinese characters and numbers
 * (`2017 年`, `统 计 指 标`, `新村西路 226 号`) but keep spaces between Latin words and
 * between two numbers (`0454 3822710`).
 */
export function collapseCjkSpaces(s: string): string {
  return s.replace(
    new RegExp(`([${CJK}\\d])[ \\t\\u00a0\\u3000]+(?=[${CJK}])|([${CJK}])[ \\t\\u00a0\\u3000]+(?=\\d)`, 'g'),
    (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '',
  );
}

/** Sentence-final punctuation: a line ending in one of these is a finished sentence. */
export const SENTENCE_END = /[。！？!?；;：:…」』”）)】]$/;
