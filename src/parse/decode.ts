// Bytes → text. Report archives hold UTF-8 (with or without BOM), GB18030/GBK/GB2312 from older
// Windows tools, UTF-16 from Word's "Unicode text" export, and now and then Big5 from
// traditional-character sites; sometimes UTF-8 cut inside characters (html2text) or two
// downloads in different encodings concatenated. Decoding never throws and is linear in the
// input: what cannot be decoded is reported, and what was decoded with a repair is warned about.

import iconv from 'iconv-lite';
import { undoubled } from './mojibake.js';
import { dropNuls, replaceLoneSurrogates, strayNulsAllowed } from './repair.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'big5';
// A file without any line break reports 'lf', the contract having no value for "none".
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Encodings a user may force with `--encoding`. */
export const FORCEABLE_ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'gb2312', 'utf-16le', 'utf-16be', 'big5'] as const;
export type ForcedEncoding = (typeof FORCEABLE_ENCODINGS)[number];

export interface DecodeWarning {
  code: 'DECODE_MIXED' | 'DECODE_REPLACED' | 'DECODE_DOUBLED' | 'DECODE_NUL' | 'DECODE_BOM';
  message: string;
  /** 1-based line of the decoded text. */
  line: number;
}

/** Invalid byte sequences and lone surrogates that decoding replaced with U+FFFD (`source.replaced` of the record). */
export interface Replaced {
  count: number;
  /** The line of the first U+FFFD so put in. */
  firstLine: number;
}

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; lineEnding: LineEnding; warnings: DecodeWarning[]; replaced?: Replaced }
  | { ok: false; code: 'E_BINARY' | 'E_DECODE'; message: string; encoding?: Encoding };

/**
 * The most frequent characters of Chinese government prose, in simplified and traditional
 * form. Text decoded with the wrong legacy code page is made of rare characters, so the share
 * of these among the decoded ideographs tells GB18030 and Big5 apart.
 */
const COMMON_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果象员位入常文总次品式活设及管特件长求基资边流路级少图统接知较将组见计别手期根论运农指九区强放决被做必先回则任取据处给即保治造百规领七口导志世金增争济术交受联认六共权收证改清再采转更单切打教速带安场身例真务具万每目至达积示议报完类八离名确才科张信节话整空元况今集传许步广记需段研界律且究观越织算持音众书布复容须际商非验连断深难近千周委素技备半办省列响约支般史感便团往历市何除消构府称准精值号率维划选标写存候效院查型按格置层片始专状育识适属包调满县局照参细引听该价严健卫申请依据审查办理答复诉讼议案'
  + '這為個國們時來發動過說產種後經進著電裡現實兩體機當點從業應開還義與關線內數於麼結問軍黨員頭邊級圖統較將組見計別論運農區強決戰處給則據隊門導壓爭濟術聯認權證轉單場車務萬達積議報類離華確張馬節話傳許廣記實際難礦辦響約團歷構稱準號維劃選標寫層專狀識屬滿縣參聽該價嚴資訊衛請審復訴訟';

/**
 * Flags by UTF-16 code unit: IDEOGRAPH for U+3400–U+4DBF and U+4E00–U+9FFF, COMMON on top, and
 * EXPECTED for what Chinese report text is made of. Mojibake is not: Greek, Cyrillic and Latin
 * letters from legacy bytes read as UTF-8, `€` and private-use characters from UTF-8 bytes read
 * as GB18030.
 */
const IDEOGRAPH = 1;
const COMMON = 2;
const EXPECTED = 4;
const CLASS = new Uint8Array(0x10000);
const EXPECTED_RANGES: Array<[number, number]> = [
  [0x09, 0x0d], [0x20, 0x7e], // whitespace, ASCII
  [0x3000, 0x303f], [0x3200, 0x32ff], // CJK punctuation, enclosed CJK (㈠)
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], // ideographs, vertical forms
  [0xff00, 0xffef], // full-width forms
  [0x2000, 0x206f], [0x2100, 0x22ff], // punctuation (— “ ” …), letterlike (℃ №), number forms (Ⅰ), arrows, maths
  [0x2460, 0x26ff], // enclosed numbers (① ⑴ ⒈), box drawing, blocks, shapes (■ ○), symbols (★)
];
for (const [from, to] of EXPECTED_RANGES) CLASS.fill(EXPECTED, from, to + 1);
for (const c of '\u00a0§°±·×÷') CLASS[c.charCodeAt(0)] = EXPECTED;
for (let c = 0x3400; c < 0xa000; c++) if (c < 0x4dc0 || c >= 0x4e00) CLASS[c]! |= IDEOGRAPH;
for (let i = 0; i < COMMON_CHARS.length; i++) CLASS[COMMON_CHARS.charCodeAt(i)]! |= COMMON;

/** What a reading is made of: ideographs, the common ones among them, U+FFFD, and code units not EXPECTED. */
interface Tally {
  ideographs: number;
  common: number;
  bad: number;
  unexpected: number;
}

function tally(text: string): Tally {
  let ideographs = 0;
  let common = 0;
  let bad = 0;
  let unexpected = 0;
  // By code unit: every character counted here is in the BMP.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else {
      const k = CLASS[c]!;
      if (k & IDEOGRAPH) {
        ideographs++;
        if (k & COMMON) common++;
      } else if (!(k & EXPECTED)) unexpected++;
    }
  }
  return { ideographs, common, bad, unexpected };
}

/** Share of common characters among the ideographs of `text`, minus a penalty for U+FFFD. */
function plausibility(text: string): number {
  const { ideographs, common, bad } = tally(text);
  const total = ideographs + bad;
  if (total === 0) return 0;
  return (common - 3 * bad) / total;
}

/** What one pass over the decoded text tells: its line breaks and its control characters. */
interface Scan {
  lineEnding: LineEnding;
  hasCr: boolean;
  nuls: number;
  /** C0 controls other than NUL, tab, line feed, form feed and carriage return. */
  controls: number;
}

function scan(text: string): Scan {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let nuls = 0;
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
    else if (c === 0) nuls++;
    else if (c !== 9 && c !== 12) controls++;
  }
  // A lone CR as the very last byte of a CRLF file is a CRLF whose LF was cut off.
  const hasCr = cr > 0 || crlf > 0;
  if (cr === 1 && lf === 0 && crlf > 0 && text.endsWith('\r')) cr = 0;
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const lineEnding: LineEnding = kinds === 0 ? 'lf' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
  return { lineEnding, hasCr, nuls, controls };
}

/**
 * The decoded text as the record holds it: line breaks made \n, a few stray NULs dropped, lone
 * surrogates replaced (repair.ts), each repair warned about; or why it is no text at all.
 */
function finish(raw: string, encoding: Encoding, warnings: DecodeWarning[] = [], replaced?: Replaced): Decoded {
  const { lineEnding, hasCr, nuls, controls } = scan(raw);
  if (nuls > strayNulsAllowed(raw.length)) {
    return { ok: false, code: 'E_BINARY', message: `decoded as ${encoding} but contains NUL characters`, encoding };
  }
  let text = raw;
  const repairs: DecodeWarning[] = [];
  const dropped = nuls > 0 ? dropNuls(text) : null;
  if (dropped) {
    const line = lineCounter(text)(dropped.first);
    const what = dropped.count === 1 ? 'a stray NUL character was' : `${dropped.count} stray NUL characters were`;
    repairs.push({ code: 'DECODE_NUL', message: `${what} dropped, the first on line ${line}`, line });
    text = dropped.text;
  }
  const lone = replaceLoneSurrogates(text);
  if (lone) {
    const line = lineCounter(text)(lone.first);
    const what = lone.count === 1 ? 'a lone surrogate (half of a UTF-16 pair)' : `${lone.count} lone surrogates (halves of UTF-16 pairs)`;
    repairs.push({ code: 'DECODE_REPLACED', message: `${what} replaced with U+FFFD, the first on line ${line}`, line });
    replaced = replaced ? { count: replaced.count + lone.count, firstLine: Math.min(replaced.firstLine, line) } : { count: lone.count, firstLine: line };
    text = lone.text;
  }
  if (hasCr) text = text.replace(/\r\n?/g, '\n');
  // Share of the text after line breaks are made \n, as before the single pass.
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    return { ok: false, code: 'E_BINARY', message: `decoded as ${encoding} but more than 1% of it is control characters`, encoding };
  }
  return { ok: true, text, encoding, lineEnding, warnings: repairs.length > 0 ? [...warnings, ...repairs] : warnings, ...(replaced && { replaced }) };
}

/** Text files have tabs and line breaks, not other C0 controls; binary junk has many. */
const MAX_CONTROL_SHARE = 0.01;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

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
/**
 * UTF-16 without a BOM shows NUL bytes: a text with fewer than one pair in fifty holding one is
 * no UTF-16 (Chinese UTF-16 has few NULs, but its ASCII — digits, punctuation, line breaks — still
 * gives several a line; a legacy 8-bit file has none).
 */
const MIN_NUL_SHARE = 0.02;
/** Where plausibility cannot tell: NULs on one side in a fifth of the pairs, and ten times as many as on the other. */
const ONE_SIDED_NUL_SHARE = 0.2;
const ONE_SIDED_RATIO = 10;

function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = bytes.length >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < 2 * pairs; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (evenNul + oddNul < pairs * MIN_NUL_SHARE) return null;
  if (oddNul >= pairs * MOSTLY_ASCII && oddNul > evenNul) return 'utf-16le';
  if (evenNul >= pairs * MOSTLY_ASCII && evenNul > oddNul) return 'utf-16be';
  const le = plausibility(decodeWith(bytes, 'utf-16le'));
  const be = plausibility(decodeWith(bytes, 'utf-16be'));
  if (Math.max(le, be) >= MIN_CHINESE_PLAUSIBILITY) return le >= be ? 'utf-16le' : 'utf-16be';
  if (oddNul > pairs * ONE_SIDED_NUL_SHARE && evenNul * ONE_SIDED_RATIO <= oddNul) return 'utf-16le';
  if (evenNul > pairs * ONE_SIDED_NUL_SHARE && oddNul * ONE_SIDED_RATIO <= evenNul) return 'utf-16be';
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

/** How many U+FFFD may a decoding contain before we call the file undecodable. */
const MAX_REPLACEMENT_SHARE = 0.02;

/** Each U+FFFD of a legacy decoding and the index of the first; -1 when there is none. */
function replacements(text: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0xfffd) continue;
    if (count++ === 0) first = i;
  }
  return { count, first };
}

/**
 * Decode a report file. Order: BOM; UTF-16 by its NUL bytes; strict UTF-8; otherwise stretch by
 * stretch: UTF-8 (with U+FFFD for broken sequences), GB18030, or Big5 where Big5 reads as far
 * more plausible Chinese.
 */
export function decode(bytes: Uint8Array, forced?: ForcedEncoding): Decoded {
  return decodeFile(bytes, forced, true);
}

/**
 * The bytes a doubly encoded text was made of, decoded as a file but not taken apart once more. The
 * bytes lost to the second writer's broken sequences break the first file's characters too: where
 * the rest is UTF-8, that is UTF-8 with a few U+FFFD, not stretches of another encoding.
 */
function innerReading(bytes: Uint8Array): Decoded {
  const lossy = lossyUtf8.decode(bytes);
  const bad = replacements(lossy);
  if (bad.count > 0 && bad.count <= lossy.length * MAX_REPLACEMENT_SHARE && plausibility(lossy) >= MIN_CHINESE_PLAUSIBILITY) {
    return assemble([{ start: 0, end: bytes.length, encoding: 'utf-8', text: lossy, bad: bad.count, firstBad: bad.first }], 'utf-8');
  }
  return decodeFile(bytes, undefined, false);
}

/** `base`: where `bytes` start in the file (after a byte-order mark), which the warnings count in. */
function decodeFile(bytes: Uint8Array, forced: ForcedEncoding | undefined, repair: boolean, base = 0): Decoded {
  if (forced) {
    const text = decodeWith(bytes, forced);
    const encoding = canonicalName(forced);
    if (forced === 'utf-8') {
      if (tryUtf8(bytes) === null) return { ok: false, code: 'E_DECODE', message: 'not valid UTF-8 (forced with --encoding utf-8)', encoding };
      return finish(text, encoding);
    }
    const bad = replacements(text);
    if (bad.count > text.length * MAX_REPLACEMENT_SHARE) {
      return { ok: false, code: 'E_DECODE', message: `too many invalid byte sequences for ${encoding}`, encoding };
    }
    return assemble([{ start: 0, end: bytes.length, encoding, text, bad: bad.count, firstBad: bad.first }], encoding);
  }

  const bom = BYTE_ORDER_MARKS.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (bom) return withMark(bytes, bom, repair);

  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, code: 'E_BINARY', message: `the file is ${binary}, not text` };

  // Before UTF-8: UTF-16 of ASCII text is valid UTF-8, NULs and all.
  const utf16 = guessUtf16(bytes);
  if (utf16) return finish(decodeWith(bytes, utf16), utf16);

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return (repair && maybeDoubled(bytes) && redecoded(utf8, 'utf-8')) || finish(utf8, 'utf-8');
  // Doubly encoded text whose second writer also cut some sequences (html2text).
  if (repair && maybeDoubled(bytes)) {
    const repaired = redecoded(lossyUtf8.decode(bytes), 'utf-8');
    if (repaired) return repaired;
  }
  return decodeStretches(bytes, 'utf-8', base);
}

interface ByteOrderMark {
  bytes: number[];
  encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  name: string;
}

const BYTE_ORDER_MARKS: ByteOrderMark[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', name: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16BE' },
];

/**
 * A file that begins with a byte-order mark. A mark can lie (a tool that wrote one in front of
 * text in another encoding), and every mark gets the same check: what the mark says is kept
 * when it reads as text; otherwise the rest of the file is decoded as if it had no mark, and
 * that reading is kept, with a DECODE_BOM warning, when it reads better (`score`). UTF-8 after
 * its mark is taken as it is when valid; when not, its stretches are weighed against GB18030
 * and Big5 (decodeStretches) and the mark lied if most of the file is in another encoding.
 * UTF-16 read from UTF-8 or GB18030 bytes is rare ideographs, surrogates and letters of other
 * scripts: a negative score, where real text in any language scores zero or more.
 */
function withMark(bytes: Uint8Array, bom: ByteOrderMark, repair: boolean): Decoded {
  const rest = bytes.subarray(bom.bytes.length);
  const lied = (d: Decoded): Decoded => {
    if (!d.ok || d.encoding === bom.encoding) return d;
    const warning: DecodeWarning = {
      code: 'DECODE_BOM',
      message: `the file begins with a ${bom.name} byte-order mark but is ${d.encoding}: it was decoded as ${d.encoding}`,
      line: 1,
    };
    return { ...d, warnings: [warning, ...d.warnings] };
  };
  if (bom.encoding === 'utf-8-bom') {
    const text = tryUtf8(rest);
    return text !== null ? finish(text, 'utf-8-bom') : lied(decodeStretches(rest, 'utf-8-bom', bom.bytes.length));
  }
  const marked = finish(decodeWith(bytes, bom.encoding), bom.encoding);
  const markedScore = marked.ok ? score(marked.text) : -Infinity;
  if (markedScore >= 0) return marked;
  const other = decodeFile(rest, undefined, repair, bom.bytes.length);
  return other.ok && score(other.text) > markedScore ? lied(other) : marked;
}

/**
 * Could the bytes be UTF-8 of a Latin-1 or Windows-1252 reading (mojibake.ts)? Then every byte
 * above 0x7F of the first file became 0xC2 or 0xC3 and one more byte: a third or more of the
 * bytes above 0x7F are 0xC2/0xC3, where Chinese UTF-8 has almost none and GB18030 a few in a hundred.
 */
function maybeDoubled(bytes: Uint8Array): boolean {
  let high = 0;
  let latin = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    if (b === 0xc2 || b === 0xc3) latin++;
  }
  return high > 0 && latin >= high * 0.3;
}

/** A doubly encoded text's first bytes, decoded as any file is, with a warning; null when it is not one. */
function redecoded(text: string, encoding: Encoding): Decoded | null {
  const back = undoubled(text);
  if (!back) return null;
  const inner = innerReading(back.bytes);
  if (!inner.ok || plausibility(inner.text) < MIN_CHINESE_PLAUSIBILITY) return null;
  const lost = back.lost > 0 ? `; ${back.lost} characters that no single byte gives were lost` : '';
  const warning: DecodeWarning = {
    code: 'DECODE_DOUBLED',
    message: `the file is ${inner.encoding} text read as Latin-1 or Windows-1252 and written out again as ${encoding} (mojibake); it was decoded from the bytes so recovered${lost}`,
    line: 1,
  };
  return { ...inner, encoding, warnings: [warning, ...inner.warnings] };
}

// ---------------------------------------------------------------------------------------------
// Text that is not valid UTF-8: GB18030 or Big5, UTF-8 with broken sequences (html2text cuts
// characters in the middle of their bytes), or stretches of each (concatenated downloads).
//
// 1. Evidence. A byte below 0x30 is never part of a multi-byte character in UTF-8, GB18030 or
//    Big5, so decoding may switch encoding after one. Each run of bytes between such bytes that
//    holds a byte above 0x7F is scored in one pass: the bytes in valid multi-byte UTF-8 sequences
//    speak for UTF-8, each invalid sequence against it, weighing INVALID_WEIGHT bytes. Legacy
//    Chinese text has about 0.4 such bytes per invalid sequence, UTF-8 cut by html2text about 300.
// 2. Stretches. The cheapest labelling of the runs as UTF-8 or legacy, where each change of
//    label costs SWITCH_COST (a two-state Viterbi pass: linear), splits the file into stretches.
// 3. Readings. Each stretch is decoded as UTF-8 (with U+FFFD) and as GB18030 or Big5, and the
//    reading that reads better as Chinese (`score`) wins; on a tie, the label of step 2.
//    Adjacent stretches with the same outcome are joined.
// 4. Junctions. Files joined without a line break meet inside a run. At each change of
//    encoding, the places next to the last (first) invalid UTF-8 sequence of the two runs
//    either side are tried, and the one whose readings score best is kept. The same is done at
//    the ends of the file, where a stretch of its own must win by a margin.
// Each byte is read a fixed number of times: by step 1, by one reading per encoding in step 3,
// by at most two junctions, and once more to decode it.

/** Bytes of valid multi-byte UTF-8 that one invalid sequence outweighs. */
const INVALID_WEIGHT = 8;
/** The cost of a change of encoding, in the same bytes: a stretch inside the file must earn twice this. */
const SWITCH_COST = 12;
/** DECODE_MIXED warnings beyond this many stretches are summed up in one. */
const MAX_STRETCH_WARNINGS = 20;

/**
 * The UTF-8 sequence at `i`: its length when valid, or minus the length of its maximal invalid
 * subpart, which TextDecoder replaces with one U+FFFD (WHATWG Encoding, "UTF-8 decoder").
 */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return -1;
  let j = i + 1;
  for (let k = 0; k < need; k++, j++) {
    const c = bytes[j];
    if (c === undefined || c < lo || c > hi) return -(j - i);
    lo = 0x80;
    hi = 0xbf;
  }
  return j - i;
}

/** The runs of step 1 by their first byte, each labelled UTF-8 (bit 0) and marked when it holds an invalid sequence (bit 1). */
interface Runs {
  count: number;
  start: Int32Array;
  flags: Uint8Array;
}

const UTF8 = 1;
const INVALID = 2;

/** Steps 1 and 2 in one pass: score each run as it ends and take the Viterbi step. */
function labelRuns(bytes: Uint8Array): Runs {
  let start = new Int32Array(256);
  // Bit 0: the best UTF-8 labelling up to run k came from legacy at k-1; bit 1: the other way
  // round; bit 2: run k holds an invalid sequence.
  let from = new Uint8Array(256);
  let count = 0;
  let utf8Cost = 0;
  let legacyCost = 0;
  const step = (runStart: number, weight: number, invalid: boolean): void => {
    if (count === start.length) {
      start = grow(start, new Int32Array(2 * count));
      from = grow(from, new Uint8Array(2 * count));
    }
    const stayUtf8 = utf8Cost <= legacyCost + SWITCH_COST;
    const stayLegacy = legacyCost <= utf8Cost + SWITCH_COST;
    const u = stayUtf8 ? utf8Cost : legacyCost + SWITCH_COST;
    const l = stayLegacy ? legacyCost : utf8Cost + SWITCH_COST;
    utf8Cost = u + Math.max(weight, 0);
    legacyCost = l + Math.max(-weight, 0);
    start[count] = runStart;
    from[count++] = (stayUtf8 ? 0 : 1) | (stayLegacy ? 0 : 2) | (invalid ? 4 : 0);
  };
  let open = false;
  let safe = 0;
  let weight = 0;
  let invalid = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b < 0x30) {
        if (open) step(safe, weight, invalid);
        open = false;
        safe = i + 1;
      }
      i++;
      continue;
    }
    if (!open) {
      open = true;
      weight = 0;
      invalid = false;
    }
    const n = utf8Sequence(bytes, i);
    if (n > 0) {
      weight -= n;
      i += n;
    } else {
      weight += INVALID_WEIGHT;
      invalid = true;
      i -= n;
    }
  }
  if (open) step(safe, weight, invalid);
  // Walk back along the best labelling; the back-pointers become the runs' flags.
  let isUtf8 = utf8Cost < legacyCost;
  for (let k = count - 1; k >= 0; k--) {
    const back = from[k]! & (isUtf8 ? 1 : 2);
    from[k] = (isUtf8 ? UTF8 : 0) | (from[k]! & 4 ? INVALID : 0);
    if (back) isUtf8 = !isUtf8;
  }
  return { count, start, flags: from };
}

function grow<T extends Int32Array | Uint8Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

/** A stretch of bytes with the encoding it is decoded with. */
interface Stretch {
  start: number;
  end: number;
  encoding: Encoding;
  text: string;
  /** U+FFFD put in for invalid sequences, and the index in `text` of the first (-1: none). */
  bad: number;
  firstBad: number;
}

/** GB18030, or Big5 where it reads as far more plausible Chinese (GB18030 maps nearly every byte sequence). */
function legacyReading(bytes: Uint8Array): { encoding: 'gb18030' | 'big5'; text: string } {
  const gb = decodeWith(bytes, 'gb18030');
  const big5 = decodeWith(bytes, 'big5');
  return plausibility(big5) > plausibility(gb) + 0.25 ? { encoding: 'big5', text: big5 } : { encoding: 'gb18030', text: gb };
}

/**
 * How well a reading reads, as rounded log-odds of right against wrong: a common character is
 * about 25 times likelier in a right reading (75–80% of its ideographs against 0–5%), a rare
 * ideograph about 4 times likelier in a wrong one, and U+FFFD or a character not EXPECTED (Greek,
 * Cyrillic, `€`, private use: mojibake) much likelier still. `事项。` in UTF-8 read as GB18030 is
 * `浜嬮」銆�`; box drawing `─` is `鈹€`; `息` in GB18030 read as UTF-8 is `Ϣ`.
 */
function score(text: string): number {
  const { ideographs, common, bad, unexpected } = tally(text);
  return 2 * common - (ideographs - common) - 3 * (bad + unexpected);
}

/** Both readings of some bytes, and which is better: 1 UTF-8, -1 legacy, 0 a tie. */
interface Readings {
  utf8: string;
  legacy: ReturnType<typeof legacyReading>;
  better: number;
}

function readings(bytes: Uint8Array): Readings {
  const utf8 = lossyUtf8.decode(bytes);
  const legacy = legacyReading(bytes);
  return { utf8, legacy, better: Math.sign(score(utf8) - score(legacy.text)) };
}

function utf8Stretch(bytes: Uint8Array, start: number, end: number, encoding: Encoding, text?: string): Stretch {
  const part = bytes.subarray(start, end);
  let bad = 0;
  let valid = -1;
  for (let i = 0; i < part.length; ) {
    const n = utf8Sequence(part, i);
    if (n < 0 && bad++ === 0) valid = i;
    i += Math.abs(n);
  }
  // The valid text before the first invalid sequence says where its U+FFFD stands.
  const firstBad = valid < 0 ? -1 : strictUtf8.decode(part.subarray(0, valid)).length;
  return { start, end, encoding, text: text ?? lossyUtf8.decode(part), bad, firstBad };
}

function legacyStretch(bytes: Uint8Array, start: number, end: number, reading = legacyReading(bytes.subarray(start, end))): Stretch {
  const { count, first } = replacements(reading.text);
  return { start, end, encoding: reading.encoding, text: reading.text, bad: count, firstBad: first };
}

/**
 * Step 4: where in [from, to) (the run before a change of encoding and the run after it, which
 * starts at `boundary`) one encoding gives way to the other. The UTF-8 decoder is in step with
 * UTF-8 text wherever it starts (a lead byte ends any sequence left open), so legacy text ends
 * after the last invalid UTF-8 sequence, or a few sequences later (legacy bytes that form valid
 * UTF-8 by accident), and UTF-8 text ends before the first one, or a few sequences earlier.
 * Each of these places and the run boundary is tried: the one whose two readings score best
 * wins; on a tie, the one the evidence of step 1 favours, then the run boundary. Each run is in
 * at most two such windows, and a window is read a fixed number of times: linear.
 */
function junction(bytes: Uint8Array, from: number, boundary: number, to: number, toUtf8: boolean, edge = false): number {
  const places = new Set<number>(toUtf8 ? [from] : []);
  let found = false;
  // Whether the run boundary is clean: the sequence next to it on the legacy side is invalid
  // UTF-8 and the UTF-8 side has none (by far the most frequent case, and nothing to try).
  let lastBefore = 0;
  let firstAfter = 0;
  let invalidBefore = false;
  let invalidAfter = false;
  // The bytes that are surely legacy: up to the last invalid sequence (from the first).
  let legacyFrom = to;
  let legacyTo = from;
  for (let i = from; i < to; ) {
    const n = utf8Sequence(bytes, i);
    if (n < 0) {
      legacyFrom = Math.min(legacyFrom, i);
      legacyTo = i - n;
    }
    if (n !== 1 && i < boundary) {
      lastBefore = n;
      invalidBefore ||= n < 0;
    } else if (n !== 1) {
      firstAfter ||= n;
      invalidAfter ||= n < 0;
    }
    if (toUtf8) {
      if (n < 0) places.clear();
      if (n < 0 || places.size < JUNCTION_PLACES) places.add(i + Math.abs(n));
    } else if (!found) {
      if (places.size === JUNCTION_PLACES) places.delete(places.values().next().value!);
      places.add(i);
      found = n < 0;
    }
    i += Math.abs(n);
  }
  if (toUtf8 ? !invalidAfter && lastBefore <= 0 : !invalidBefore && firstAfter <= 0) return boundary;
  const sure = toUtf8 ? bytes.subarray(from, legacyTo) : bytes.subarray(legacyFrom, to);
  const legacyEncoding = legacyReading(sure).encoding;
  const judge = (at: number): [number, number] => {
    const legacy = toUtf8 ? bytes.subarray(from, at) : bytes.subarray(at, to);
    const utf8 = toUtf8 ? bytes.subarray(at, to) : bytes.subarray(from, at);
    const readings = score(decodeWith(legacy, legacyEncoding)) + score(lossyUtf8.decode(utf8));
    return [readings, -(evidence(legacy).for + INVALID_WEIGHT * evidence(utf8).against)];
  };
  let best = boundary;
  let bestScore = judge(boundary);
  for (const at of places) {
    if (at === boundary) continue;
    const s = judge(at);
    // The bytes between the place and the boundary become legacy (or UTF-8).
    const margin = (at > boundary) === toUtf8 ? EDGE_MARGIN : 0;
    const better = edge
      ? s[0] > bestScore[0] + margin && s[1] >= bestScore[1]
      : s[0] > bestScore[0] || (s[0] === bestScore[0] && s[1] > bestScore[1]);
    if (better) {
      best = at;
      bestScore = s;
    }
  }
  return best;
}

/** Places tried either side of the first (last) invalid sequence. */
const JUNCTION_PLACES = 6;
/**
 * A stretch of its own at an end of the file must be no worse by the evidence of step 1 and read
 * better than the stretch it is cut from; a legacy one by more than two U+FFFD (a UTF-8 file cut
 * inside its first character has one or two, which a legacy reading of those bytes would hide).
 */
const EDGE_MARGIN = 6;

/** The bytes in valid multi-byte UTF-8 sequences, and the invalid sequences. */
function evidence(bytes: Uint8Array): { for: number; against: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Sequence(bytes, i);
    if (n < 0) invalid++;
    else if (n > 1) valid += n;
    i += Math.abs(n);
  }
  return { for: valid, against: invalid };
}

/** `bytes` start at `base` in the file (after a BOM), which the warnings count in. */
function decodeStretches(bytes: Uint8Array, utf8Name: 'utf-8' | 'utf-8-bom', base = 0): Decoded {
  // A NUL is one byte in UTF-8, GB18030 and Big5 alike: a few are dropped after decoding (finish).
  if (countNuls(bytes) > strayNulsAllowed(bytes.length)) {
    return { ok: false, code: 'E_BINARY', message: 'contains NUL bytes and is neither UTF-8 nor UTF-16' };
  }
  const runs = labelRuns(bytes);
  if (runs.count === 0) return finish(lossyUtf8.decode(bytes), utf8Name);
  const runStart = (k: number): number => (k === 0 ? 0 : runs.start[k]!);
  const runEnd = (k: number): number => (k + 1 < runs.count ? runs.start[k + 1]! : bytes.length);
  // Step 3: stretches of runs with one label, each decided by its readings, joined with their like.
  interface Decided {
    first: number;
    last: number;
    utf8: boolean;
    /** The readings of the runs first…last, until a join makes them stale. */
    readings?: Readings;
  }
  const decided: Decided[] = [];
  for (let k = 0; k < runs.count; ) {
    let j = k;
    while (j + 1 < runs.count && (runs.flags[j + 1]! & UTF8) === (runs.flags[k]! & UTF8)) j++;
    const read = readings(bytes.subarray(runStart(k), runEnd(j)));
    const utf8 = read.better === 0 ? (runs.flags[k]! & UTF8) !== 0 : read.better > 0;
    const previous = decided[decided.length - 1];
    if (previous && previous.utf8 === utf8) {
      previous.last = j;
      delete previous.readings;
    } else decided.push({ first: k, last: j, utf8, readings: read });
    k = j + 1;
  }
  // Step 4, at each change of encoding, and at either end of a file that begins or ends in a
  // legacy stretch (a UTF-8 line glued to legacy text would read as legacy without a single
  // U+FFFD, where legacy bytes in UTF-8 at least leave theirs). Then each stretch is decoded
  // with its encoding.
  const pieces: Array<{ start: number; end: number; utf8: boolean }> = [];
  const add = (start: number, end: number, utf8: boolean): void => {
    const last = pieces[pieces.length - 1];
    if (end === start) return;
    if (last && last.utf8 === utf8) last.end = end;
    else pieces.push({ start, end, utf8 });
  };
  // The runs a junction is looked for in. On the legacy side, back to its last run with an
  // invalid sequence (forward to its first): valid runs after it may be UTF-8 that the cost of a
  // switch joined to it. On the UTF-8 side, over the runs next to it that hold invalid
  // sequences: they may be legacy joined to it the same way. Each run is in at most two windows.
  const isInvalid = (k: number): boolean => (runs.flags[k]! & INVALID) !== 0;
  /** From the run next to the junction on the side of `d` (at its end or its start), the farthest run to look in. */
  const reach = (d: Decided, atEnd: boolean): number => {
    const [near, far, step] = atEnd ? [d.last, d.first, -1] : [d.first, d.last, 1];
    let k = near;
    if (d.utf8) while (k !== far && isInvalid(k) && isInvalid(k + step)) k += step;
    else while (k !== far && !isInvalid(k)) k += step;
    return k;
  };
  const head = decided[0]!;
  let start = junction(bytes, 0, 0, runEnd(reach(head, false)), head.utf8, true);
  add(0, start, !head.utf8);
  decided.forEach((d, i) => {
    const next = decided[i + 1];
    const from = Math.max(start, runStart(reach(d, true)));
    const end = !next
      ? junction(bytes, from, bytes.length, bytes.length, !d.utf8, true)
      : junction(bytes, from, runStart(next.first), runEnd(reach(next, false)), next.utf8);
    add(start, end, d.utf8);
    start = end;
  });
  add(start, bytes.length, !decided[decided.length - 1]!.utf8);
  // The readings of step 3 serve where a stretch did not move.
  const read = new Map(decided.map((d) => [runStart(d.first), { end: runEnd(d.last), readings: d.readings }]));
  const stretches = pieces.map((p) => {
    const r = read.get(p.start)?.end === p.end ? read.get(p.start)!.readings : undefined;
    return p.utf8 ? utf8Stretch(bytes, p.start, p.end, utf8Name, r?.utf8) : legacyStretch(bytes, p.start, p.end, r?.legacy);
  });
  const decoded = assemble(stretches, utf8Name, base);
  if (!decoded.ok && decoded.code === 'E_DECODE' && stretches.every((s) => s.encoding !== utf8Name)) {
    return { ok: false, code: 'E_DECODE', message: 'not UTF-8, and too many invalid byte sequences for GB18030 or Big5' };
  }
  return decoded;
}

function countNuls(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n++;
  return n;
}

/** Line numbers of a text for indexes asked in increasing order, in one pass overall. */
function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    for (; at < index; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) line++;
    }
    return line;
  };
}

/** White space at the start and at the end of a text (one byte a character in every encoding here); none when it is all white space. */
function blankEnds(text: string): { lead: number; trail: number } {
  const blank = (i: number): boolean => /[ \t\n\r\f]/.test(text[i] ?? '');
  let lead = 0;
  while (lead < text.length && blank(lead)) lead++;
  if (lead === text.length) return { lead: 0, trail: 0 };
  let trail = 0;
  while (blank(text.length - 1 - trail)) trail++;
  return { lead, trail };
}

/** The stretches' texts as one, with a warning for each stretch not in the main encoding and one for replacements. */
function assemble(stretches: readonly Stretch[], fallback: Encoding, base = 0): Decoded {
  const raw = stretches.length === 1 ? stretches[0]!.text : stretches.map((s) => s.text).join('');
  const bytesBy = new Map<Encoding, number>();
  for (const s of stretches) bytesBy.set(s.encoding, (bytesBy.get(s.encoding) ?? 0) + s.end - s.start);
  let main = fallback;
  for (const [encoding, n] of bytesBy) if (n > (bytesBy.get(main) ?? -1)) main = encoding;

  const lineAt = lineCounter(raw);
  const mixed: DecodeWarning[] = [];
  let others = 0;
  let bad = 0;
  let firstLine = 0;
  let offset = 0;
  for (const s of stretches) {
    // Named without the white space at its ends, which reads the same in every encoding.
    const { lead, trail } = blankEnds(s.text);
    const first = lineAt(offset + lead);
    if (s.bad > 0 && bad === 0) firstLine = lineAt(offset + s.firstBad);
    bad += s.bad;
    const last = lineAt(offset + s.text.length - 1 - trail);
    offset += s.text.length;
    if (s.encoding === main || ++others > MAX_STRETCH_WARNINGS) continue;
    mixed.push({
      code: 'DECODE_MIXED',
      message: `lines ${first}–${last} (bytes ${base + s.start + lead}–${base + s.end - 1 - trail}) are decoded as ${s.encoding}; the file is mostly ${main}`,
      line: first,
    });
  }
  if (others > MAX_STRETCH_WARNINGS) {
    mixed.push({ code: 'DECODE_MIXED', message: `and ${others - MAX_STRETCH_WARNINGS} more stretches not in ${main}`, line: mixed[mixed.length - 1]!.line });
  }
  if (bad > raw.length * MAX_REPLACEMENT_SHARE) {
    return { ok: false, code: 'E_DECODE', message: `too many invalid byte sequences (${bad}) for ${[...bytesBy.keys()].join(' and ')}`, encoding: main };
  }
  if (bad === 0) return finish(raw, main, mixed);
  const replaced: Replaced = { count: bad, firstLine };
  const where = stretches.length > 1 ? '' : ` of ${main}`;
  const warning: DecodeWarning = {
    code: 'DECODE_REPLACED',
    message: `${bad} invalid byte sequence${bad === 1 ? '' : 's'}${where} replaced with U+FFFD, the first on line ${firstLine}`,
    line: firstLine,
  };
  return finish(raw, main, [...mixed, warning], replaced);
}
