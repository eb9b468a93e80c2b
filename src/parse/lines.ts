// Decoded text → the line index: one entry per input line, cleaned of conversion debris and
// classified once, in one pass over its characters. The array index is the line number minus
// one, so every later stage can say exactly where a thing came from. Table finding, paragraph
// joining, the section splitter and the metadata read these entries instead of looking at the
// characters again (markdown-it's StateBlock does the same for its rules).

import { collapseCjkSpaces, trimAll } from '../lexical/chars.js';
import { isNumeric } from '../lexical/values.js';

export interface SourceLine {
  /** 1-based line number in the decoded input. */
  no: number;
  /** The line as decoded (tabs, spaces and debris intact): table readers read this. */
  raw: string;
  /** The line as a reader sees it: debris removed, trimmed, no spaces inside Chinese text. */
  text: string;
  /** What the line is made of: the LINE bits below. */
  flags: number;
}

/** Kinds of line, as bits of SourceLine.flags. A line may have several. */
export const LINE = {
  /** Nothing a reader sees (also a line of debris only). */
  BLANK: 1 << 0,
  /** Blank to a reader but not empty: spaces, NBSP or U+3000 — an empty cell in one-cell-per-line text. */
  FILLER: 1 << 1,
  /** Holds a `|`. */
  PIPE: 1 << 2,
  /** Starts (after indentation) with a vertical line or junction of a drawn grid: `|`, `+`, `│`, `├` … */
  WALL: 1 << 3,
  /** Starts with a corner followed by dashes: the top border of a drawn grid (`+---`, `┌──`). */
  TOP_BORDER: 1 << 4,
  /** Starts with a tab (Word tables copied to text: one cell a line). */
  TAB_LEAD: 1 << 5,
  /** Has a tab between two pieces of text (tab-separated rows). */
  TAB_INNER: 1 << 6,
  /** Opens an HTML table. */
  HTML_TABLE: 1 << 7,
  /** Only dashes and spaces, at least one run of three: a pandoc simple-table rule or a plain rule. */
  DASH_RULE: 1 << 8,
  /** Holds a digit. */
  DIGIT: 1 << 9,
  /** Holds nothing but value tokens (`12`, `1,234`, `—`, `-`, `3.5万元`) separated by spaces. */
  VALUES: 1 << 10,
  /** A form feed, a page-number line or a browser's printed page margin: a page break of a PDF conversion. */
  PAGE_BREAK: 1 << 11,
  /** Holds a character of a table anchor (第二十条, 申请人情况, 勾稽关系, 行政复议, 统计指标 …): the set splitLines is given (tables/anchors.ts). */
  ANCHOR_HINT: 1 << 12,
} as const;

/**
 * Markers that web-page and Word conversions leave in the text:
 *   [SITESERVER_PAGE]          a CMS page break
 *   [bookmark: _GoBack]        a Word bookmark exported by pandoc
 */
const INLINE_DEBRIS = /\[(?:SITESERVER_PAGE|bookmark:[^\]\n]{0,200})\]/g;

/**
 * Lines that only draw or fence: a rule of dashes between plain-text tables (pandoc), a fenced
 * div marker (`::: {#zoom .article-content}`, pandoc's markdown of a web page).
 */
const RULE_OR_FENCE = /^(?:[-=_—─━\s]{3,}|:::.*)$/;

/** Markup of a web page saved as text: `<p>一、总体情况</p>` reads as `一、总体情况`. */
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,300}>|<!DOCTYPE[^>]{0,100}>|<!--[^>]{0,300}-->/g;

/** Markdown emphasis that a converter kept: `**二是**` → `二是`. */
const BOLD = /\*\*([^*\n]{1,400}?)\*\*/g;

/**
 * A line that is only a page number, as PDF conversions print them between pages:
 *   -3-      — 3 —      - 12 -      第3页      第 3 页 共 10 页      3/10
 */
export const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/**
 * The margins a browser prints on every page of a web page saved as PDF, which `pdftotext` keeps
 * among the lines of a table:
 *   12/1/26, 10:49 AM          2019年上海市人民政府办公厅政府信息公开工作年度报告     ← date, time, page title
 *   https://www.example.gov.cn/xxgk/2020/0131.html                          1/5     ← address, page of pages
 */
export const PRINT_MARGIN = /^(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s{1,3}(?:上午|下午)?\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?(?:\s{2,}\S.{0,200})?|(?:file|https?):\/\/\S{1,500}\s{2,}\d{1,4}\/\d{1,4})$/;

/** The toned vowels of pinyin: four tones each of a, e, i, o, u, ü, in that order. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const TONELESS = new Map([...TONED].map((ch, i) => [ch, 'aeiouü'[i >> 2]!]));
/**
 * Pinyin glosses that some mirror sites print after each character: `報(bào)告`, `數(shù)據(jù)`.
 * A bracketed syllable right after an ideograph; removed only on a line whose glosses carry tone
 * marks, and only where the bracket holds nothing but one syllable (`(pdf)` stays).
 */
const GLOSS = new RegExp(`(?<=[\\u3400-\\u4dbf\\u4e00-\\u9fff])[(（]([a-zü${TONED}]{1,6})[)）]`, 'g');
const TONE_MARK = new RegExp(`[${TONED}]`);
/** A syllable once its tone marks are gone: initial, vowels, a final nasal or 儿. */
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü]{1,3}(?:ng|n|r)?$/;

function dropGlosses(s: string): string {
  return s.replace(GLOSS, (gloss, syllable: string) => {
    const plain = [...syllable].map((ch) => TONELESS.get(ch) ?? ch).join('');
    return SYLLABLE.test(plain) ? '' : gloss;
  });
}

/** Characters that start some debris: lines without any skip the replacements. */
const DEBRIS_HINT = new RegExp(`[[*<\\f${TONED}]`);

/**
 * A row of a spreadsheet saved as text whose one cell is a paragraph of the page: `"text"` and
 * then tabs (LibreOffice Calc quotes text cells and doubles their quotes).
 */
const SHEET_ROW = /^"((?:[^"]|""){1,2000})"\t*$/;

/** Characters a RULE_OR_FENCE line can start with. */
const RULE_START = new Set([...'-=_—─━:']);

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export function cleanText(raw: string): string {
  let stripped = raw;
  if (raw.charCodeAt(0) === 0x22) {
    const m = SHEET_ROW.exec(raw);
    if (m) stripped = m[1]!.replace(/""/g, '"');
  }
  if (DEBRIS_HINT.test(raw)) {
    // Each replacement only where its first character stands.
    if (stripped.includes('\f')) stripped = stripped.replace(/\f/g, '');
    if (stripped.includes('[')) stripped = stripped.replace(INLINE_DEBRIS, '');
    if (stripped.includes('<')) stripped = stripped.replace(HTML_TAG, '');
    if (stripped.includes('**')) stripped = stripped.replace(BOLD, '$1');
    if (TONE_MARK.test(stripped)) stripped = dropGlosses(stripped);
  }
  const text = trimAll(stripped);
  if (text === '') return '';
  // Both patterns need a digit or a rule character first: most lines skip the regex.
  if ((hasDigit(text) && (PAGE_NUMBER.test(text) || PRINT_MARGIN.test(text))) || (RULE_START.has(text[0]!) && RULE_OR_FENCE.test(text))) return '';
  return collapseCjkSpaces(text);
}

/**
 * A set of ideographs as a bitmap over their code points, so that the per-character loop of
 * classify makes no string: the characters of the table anchors' key words (simplified and
 * traditional), which the table stage hands in (tables/anchors.ts) — a line without any is no anchor.
 */
export type CharSet = Uint8Array;
const CHARSET_FROM = 0x3400;
const CHARSET_TO = 0xa000;

export function charSet(chars: string): CharSet {
  const set = new Uint8Array(CHARSET_TO - CHARSET_FROM);
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c < CHARSET_FROM || c >= CHARSET_TO) throw new Error(`${ch} is not a BMP ideograph`);
    set[c - CHARSET_FROM] = 1;
  }
  return set;
}

/** Box-drawing characters that draw vertical lines or junctions (U+2500–U+257F). */
function isBoxWall(c: number): boolean {
  return c >= 0x2500 && c <= 0x257f && !(c >= 0x2500 && c <= 0x2501) && !(c >= 0x2504 && c <= 0x250b) && c !== 0x2550 && !(c >= 0x254c && c <= 0x254d);
}
const isBoxDash = (c: number): boolean => c === 0x2500 || c === 0x2501 || c === 0x2550 || (c >= 0x2504 && c <= 0x2509) || c === 0x254c || c === 0x254d;

/** Longest line asked whether it holds nothing but values (a requests row is a few dozen characters). */
const MAX_VALUES_LINE = 400;

/** Does a line hold nothing but numbers, dashes and refused numerals (`12 1,234 — 00`), separated by spaces? */
function onlyValues(raw: string): boolean {
  const tokens = raw.trim().split(/[\s\u00a0\u3000]+/);
  for (const t of tokens) if (!isNumeric(t)) return false;
  return true;
}

/** Classify one line: every flag from one pass over the raw characters. */
function classify(raw: string, text: string, anchors: CharSet): number {
  let flags = 0;
  if (text === '') {
    flags |= LINE.BLANK;
    // Only spaces: the empty cell of a one-cell-per-line table (LibreOffice writes NBSP, docx2txt a space).
    if (raw.length > 0 && raw.length < 8 && /^[ \u00a0\u3000]+$/.test(raw)) flags |= LINE.FILLER;
  }
  let first = -1; // index of the first visible character
  let dashes = 0;
  let others = 0;
  let anchor = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x7c) flags |= LINE.PIPE;
    else if (c === 9) flags |= i === 0 ? LINE.TAB_LEAD : first >= 0 && i > first ? LINE.TAB_INNER : 0;
    else if (c === 0x0c) flags |= LINE.PAGE_BREAK;
    else if (c >= 48 && c <= 57) flags |= LINE.DIGIT;
    else if (c === 0x3c && (raw.charCodeAt(i + 1) | 0x20) === 0x74 && /^<table[\s>]/i.test(raw.slice(i, i + 7))) flags |= LINE.HTML_TABLE;
    else if (c >= CHARSET_FROM && c < CHARSET_TO && anchors[c - CHARSET_FROM] === 1) anchor = true;
    const space = c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x0c;
    if (first < 0 && !space) first = i;
    if (!space) {
      if (c === 0x2d || isBoxDash(c)) dashes++;
      else others++;
    }
  }
  if (anchor) flags |= LINE.ANCHOR_HINT;
  if (first >= 0) {
    const c = raw.charCodeAt(first);
    if (c === 0x7c || c === 0x2b || isBoxWall(c)) flags |= LINE.WALL;
    const next = raw.charCodeAt(first + 1);
    if ((c === 0x2b || isBoxWall(c)) && (next === 0x2d || next === 0x3d || isBoxDash(next))) flags |= LINE.TOP_BORDER;
    if (dashes >= 3 && others === 0) flags |= LINE.DASH_RULE;
  }
  // Page debris is a line the cleanup emptied: only such a line is asked which kind it was.
  if (text === '' && flags & LINE.DIGIT) {
    const t = trimAll(raw);
    if (PAGE_NUMBER.test(t) || PRINT_MARGIN.test(t)) flags |= LINE.PAGE_BREAK;
  }
  if (flags & LINE.DIGIT && text !== '' && text.length <= MAX_VALUES_LINE && onlyValues(raw)) flags |= LINE.VALUES;
  return flags;
}

/** The line index of a text; `anchors`: the characters that flag a line ANCHOR_HINT. */
export function splitLines(text: string, anchors: CharSet): SourceLine[] {
  const raws = text.split('\n');
  // A final line break does not start another line.
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  return raws.map((raw, i) => {
    const clean = cleanText(raw);
    return { no: i + 1, raw, text: clean, flags: classify(raw, clean, anchors) };
  });
}

export const isBlank = (l: SourceLine | undefined): boolean => l === undefined || (l.flags & LINE.BLANK) !== 0;
