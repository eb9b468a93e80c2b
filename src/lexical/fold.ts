// The two forms in which the parser reads a report's words, so that full-width and half-width,
// traditional and simplified, spaced and unspaced writings of one word are one:
//   labelKey     the comparison key of a label: `（一） 予以 公開` and `(一)予以公开` are one key.
//   readingForm  the text for patterns that must point back into it (a prose figure, a title): the
//                same length as the text, so an offset found in it is an offset in the text as written.

import { fold, toHalfWidth } from './chars.js';
import { toSimplified } from './simplified.js';

const keys = new Map<string, string>();
const MAX_CACHED = 20_000;

/**
 * The folded form of a label: half-width, simplified, no whitespace, one kind of quote, `，` as `、`
 * (formats.md §8). Cached: the same labels recur in every report.
 */
export function labelKey(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    k = toSimplified(fold(text));
    if (keys.size > MAX_CACHED) keys.clear();
    keys.set(text, k);
  }
  return k;
}

/**
 * Half-width and simplified, and 资讯 (what converters to Taiwan usage write for 信息:
 * `主動公開政府資訊56條`) read as 信息; the same length as `text`.
 */
export function readingForm(text: string): string {
  const form = toSimplified(toHalfWidth(text));
  return form.includes('资讯') ? form.replaceAll('资讯', '信息') : form;
}
