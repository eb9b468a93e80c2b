// Bytes → text. Report archives hold UTF-8 (with or without BOM), GB18030/GBK/GB2312 from older
// Windows tools, UTF-16 from Word's "Unicode text" export, and now and then Big5 from
// traditional-character sites. Decoding never throws: what cannot be decoded is reported.

import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'big5';
// A file without any line break reports 'lf', the contract having no value for "none".
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Encodings a user may force with `--encoding`. */
export const FORCEABLE_ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'gb2312', 'utf-16le', 'utf-16be', 'big5'] as const;
export type ForcedEncoding = (typeof FORCEABLE_ENCODINGS)[number];

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; lineEnding: LineEnding }
  | { ok: false; code: 'E_BINARY' | 'E_DECODE'; message: string; encoding?: Encoding };

/**
 * The most frequent characters of Chinese government prose, in simplified and traditional
 * form. Text decoded with the wrong legacy code page is made of rare characters, so the share
 * of these among the decoded ideographs tells GB18030 and Big5 apart.
 */
const COMMON_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果象员位入常文总次品式活设及管特件长求基资边流路级少图统接知较将组见计别手期根论运农指九区强放决被做必先回则任取据处给即保治造百规领七口导志世金增争济术交受联认六共权收证改清再采转更单切打教速带安场身例真务具万每目至达积示议报完类八离名确才科张信节话整空元况今集传许步广记需段研界律且究观越织算持音众书布复容须际商非验连断深难近千周委素技备半办省列响约支般史感便团往历市何除消构府称准精值号率维划选标写存候效院查型按格置层片始专状育识适属包调满县局照参细引听该价严健卫申请依据审查办理答复诉讼议案'
  + '這為個國們時來發動過說產種後經進著電裡現實兩體機當點從業應開還義與關線內數於麼結問軍黨員頭邊級圖統較將組見計別論運農區強決戰處給則據隊門導壓爭濟術聯認權證轉單場車務萬達積議報類離華確張馬節話傳許廣記實際難礦辦響約團歷構稱準號維劃選標寫層專狀識屬滿縣參聽該價嚴資訊衛請審復訴訟';

/** Flags by UTF-16 code unit: IDEOGRAPH for U+3400–U+4DBF and U+4E00–U+9FFF, COMMON on top. */
const IDEOGRAPH = 1;
const COMMON = 2;
const CLASS = new Uint8Array(0x10000);
CLASS.fill(IDEOGRAPH, 0x3400, 0x4dc0);
CLASS.fill(IDEOGRAPH, 0x4e00, 0xa000);
for (let i = 0; i < COMMON_CHARS.length; i++) CLASS[COMMON_CHARS.charCodeAt(i)]! |= COMMON;

/** Share of common characters among the ideographs of `text`, minus a penalty for U+FFFD. */
function plausibility(text: string): number {
  let ideographs = 0;
  let common = 0;
  let bad = 0;
  // By code unit: every character counted here is in the BMP.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else {
      const k = CLASS[c]!;
      if (k & IDEOGRAPH) {
        ideographs++;
        if (k & COMMON) common++;
      }
    }
  }
  const total = ideographs + bad;
  if (total === 0) return 0;
  return (common - 3 * bad) / total;
}

/** What one pass over the decoded text tells: its line breaks and its control characters. */
interface Scan {
  lineEnding: LineEnding;
  hasCr: boolean;
  nul: boolean;
  /** C0 controls other than tab, line feed, form feed and carriage return. */
  controls: number;
}

function scan(text: string): Scan {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let nul = false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32) continue;
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
    else if (c !== 9 && c !== 12) {
      controls++;
      if (c === 0) nul = true;
    }
  }
  // A lone CR as the very last byte of a CRLF file is a CRLF whose LF was cut off.
  const hasCr = cr > 0 || crlf > 0;
  if (cr === 1 && lf === 0 && crlf > 0 && text.endsWith('\r')) cr = 0;
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const lineEnding: LineEnding = kinds === 0 ? 'lf' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
  return { lineEnding, hasCr, nul, controls };
}

function finish(raw: string, encoding: Encoding): Decoded {
  const { lineEnding, hasCr, nul, controls } = scan(raw);
  if (nul) {
    return { ok: false, code: 'E_BINARY', message: `decoded as ${encoding} but contains NUL characters`, encoding };
  }
  const text = hasCr ? raw.replace(/\r\n?/g, '\n') : raw;
  // Share of the text after line breaks are made \n, as before the single pass.
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    return { ok: false, code: 'E_BINARY', message: `decoded as ${encoding} but more than 1% of it is control characters`, encoding };
  }
  return { ok: true, text, encoding, lineEnding };
}

/** Text files have tabs and line breaks, not other C0 controls; binary junk has many. */
const MAX_CONTROL_SHARE = 0.01;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Known binary formats that archives save with a .txt name, by their first bytes. */
const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['an OLE2 document (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
];

function sniffBinary(bytes: Uint8Array): string | null {
  for (const [what, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return what;
  }
  return null;
}

/**
 * UTF-16 without a BOM shows itself by NUL bytes: ASCII characters and line breaks are `xx 00`
 * in little-endian and `00 xx` in big-endian. Text that is mostly ASCII or whitespace has a NUL
 * in most of its high bytes, at one parity: that decides (under the other byte order it would be
 * mostly U+xx00 characters, which no text is). Ideographs such as U+4E00 (一) and U+3000 have a
 * zero byte too, so parity alone is weak for Chinese text: decode both ways and keep the one
 * that reads as Chinese, falling back on parity for text without ideographs. A stray last byte
 * (an odd length) is left out of the count.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = bytes.length >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < 2 * pairs; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (evenNul + oddNul < pairs * 0.02) return null;
  if (oddNul >= pairs * MOSTLY_ASCII && oddNul > evenNul) return 'utf-16le';
  if (evenNul >= pairs * MOSTLY_ASCII && evenNul > oddNul) return 'utf-16be';
  const le = plausibility(decodeWith(bytes, 'utf-16le'));
  const be = plausibility(decodeWith(bytes, 'utf-16be'));
  if (Math.max(le, be) >= MIN_CHINESE_PLAUSIBILITY) return le >= be ? 'utf-16le' : 'utf-16be';
  if (oddNul > pairs * 0.2 && evenNul * 10 <= oddNul) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul * 10 <= evenNul) return 'utf-16be';
  return null;
}

/** Share of code units below U+0100 (a NUL high byte) that makes UTF-16 text mostly ASCII. */
const MOSTLY_ASCII = 0.5;

/** Share of common characters above which a decoding reads as real Chinese. */
const MIN_CHINESE_PLAUSIBILITY = 0.3;

function decodeWith(bytes: Uint8Array, encoding: ForcedEncoding): string {
  const name = encoding === 'gbk' || encoding === 'gb2312' ? 'gb18030' : encoding;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { stripBOM: true });
}

function canonicalName(encoding: ForcedEncoding): Encoding {
  return encoding === 'gbk' || encoding === 'gb2312' ? 'gb18030' : encoding;
}

/** How many U+FFFD may a legacy decoding contain before we call the file undecodable. */
const MAX_REPLACEMENT_SHARE = 0.02;

function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}

/**
 * Decode a report file. Order: BOM; UTF-16 by its NUL bytes; strict UTF-8; otherwise GB18030,
 * or Big5 where Big5 reads as far more plausible Chinese.
 */
export function decode(bytes: Uint8Array, forced?: ForcedEncoding): Decoded {
  if (forced) {
    const text = decodeWith(bytes, forced);
    const encoding = canonicalName(forced);
    if (forced === 'utf-8' && tryUtf8(bytes) === null) {
      return { ok: false, code: 'E_DECODE', message: 'not valid UTF-8 (forced with --encoding utf-8)', encoding };
    }
    if (replacementShare(text) > MAX_REPLACEMENT_SHARE) {
      return { ok: false, code: 'E_DECODE', message: `too many invalid byte sequences for ${encoding}`, encoding };
    }
    return finish(text, encoding);
  }

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== null) return finish(text, 'utf-8-bom');
    // A lying BOM: fall through and decode the rest as if it were not there.
    return decodeLegacy(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(decodeWith(bytes, 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(decodeWith(bytes, 'utf-16be'), 'utf-16be');

  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, code: 'E_BINARY', message: `the file is ${binary}, not text` };

  // Before UTF-8: UTF-16 of ASCII text is valid UTF-8, NULs and all.
  const utf16 = guessUtf16(bytes);
  if (utf16) return finish(decodeWith(bytes, utf16), utf16);

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');

  return decodeLegacy(bytes);
}

function decodeLegacy(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) {
    return { ok: false, code: 'E_BINARY', message: 'contains NUL bytes and is neither UTF-8 nor UTF-16' };
  }
  const gb = decodeWith(bytes, 'gb18030');
  const big5 = decodeWith(bytes, 'big5');
  const gbScore = plausibility(gb);
  const big5Score = plausibility(big5);
  // GB18030 maps nearly every byte sequence to something, so Big5 must win clearly.
  const pick = big5Score > gbScore + 0.25 ? { text: big5, enc: 'big5' as const } : { text: gb, enc: 'gb18030' as const };
  if (replacementShare(pick.text) > MAX_REPLACEMENT_SHARE) {
    return { ok: false, code: 'E_DECODE', message: 'not UTF-8, and too many invalid byte sequences for GB18030 or Big5' };
  }
  return finish(pick.text, pick.enc);
}
