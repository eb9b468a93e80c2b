// Text encoded twice: a UTF-8 (or GB18030) file read as Latin-1 or Windows-1252 by some tool and
// written out again as UTF-8. Every Chinese character then shows as two to four Western letters
// (`平潭` → `å¹³æ½­`), and nothing in the text can be read. Scraped archives hold such pages
// (html2text without the page's charset does it). The bytes the first tool read are still there,
// one per character: take them back and decode them as the file they were.
//
// Only where it is beyond doubt: most of the file's non-ASCII characters are in the Latin-1 or
// Windows-1252 range, hardly any is an ideograph, and the bytes taken back decode to plausible
// Chinese (decode.ts decides that, as for any file).

import iconv from 'iconv-lite';

/** The character a Windows-1252 reading gives for each byte 0x80–0x9F that it maps (the rest are Latin-1). */
const CP1252_BYTE = new Map<number, number>();
for (let b = 0x80; b <= 0x9f; b++) {
  const ch = iconv.decode(Buffer.from([b]), 'win1252');
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c !== 0xfffd && c !== b) CP1252_BYTE.set(c, b);
}

/** Fewer non-ASCII characters than this are too few to judge (a file with a stray `é`). */
const MIN_WESTERN = 40;
/** Of the non-ASCII characters, at least this share must be Western for the text to be doubly encoded. */
const MIN_WESTERN_SHARE = 0.9;

/** A byte of the text's first reading, or -1 for a character that no single-byte reading gives. */
function byteOf(c: number): number {
  if (c < 0x100) return c;
  return CP1252_BYTE.get(c) ?? -1;
}

/**
 * The bytes behind a doubly encoded text, or null when the text is not one. A character that no
 * single byte gives (a U+FFFD of a sequence the second tool broke) becomes 0xFF, a byte that no
 * UTF-8 or GB18030 character holds, so that decoding marks the place with U+FFFD; it is counted.
 */
export function undoubled(text: string): { bytes: Uint8Array; lost: number } | null {
  let western = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (byteOf(c) >= 0) western++;
    else other++;
  }
  if (western < MIN_WESTERN || western < MIN_WESTERN_SHARE * (western + other)) return null;
  const bytes = new Uint8Array(text.length);
  let lost = 0;
  for (let i = 0; i < text.length; i++) {
    const b = byteOf(text.charCodeAt(i));
    if (b < 0) lost++;
    bytes[i] = b < 0 ? 0xff : b;
  }
  return { bytes, lost };
}
