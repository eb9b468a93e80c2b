// The lines that start an official table: a 第二十条 caption, the requests table's corner note or
// 申请人情况, the appeals header (行政复议 … 行政诉讼), the pre-2019 forms' 统计指标 / 指标名称, or a
// requests row written with its label and all its numbers when the header is not in the text.
// Patterns run on folded text (forms/match.ts labelKey).

import { LINE, type SourceLine } from '../parse/lines.js';
import { labelKey } from '../forms/match.js';
import { matchHeading } from '../sections/headings.js';

export type AnchorKind = 'caption' | 'requests' | 'appeals' | 'pre2019' | 'fujian';

export interface Anchor {
  kind: AnchorKind;
  /** The 第二十条 item (`一`, `五` …) of a caption. */
  item?: string;
  /** A requests row with its numbers, not a header: it starts a table only where no header did. */
  row?: boolean;
}

const NUMERAL = '[一二三四五六七八九十]{1,2}';
/**
 * `第二十条第（一）项` in any bracket width and spacing, also written `第二十条(一)项`, `第二十条第一项`
 * or `（一）第二十条`; group 1 or 2 is the item numeral.
 */
export const CAPTION = new RegExp(`^(?:第二十条第?\\(?(${NUMERAL})\\)?项|\\((${NUMERAL})\\)第二十条(?:第?${NUMERAL}项)?)`);
/** The longest caption line: a caption is a line of its own, not a sentence citing the article. */
const MAX_CAPTION_CHARS = 18;

const REQUESTS = /本列数据的勾稽关系|^申请人情况$|^申请人情况(?:自然人|法人)/;
const APPEALS = /^行政复议(?:行政诉讼)?$|^行政复议行政诉讼/;
const PRE2019 = /^统计指标(?:单位)?(?:统计数)?$|政府信息公开情况统计表/;
const FUJIAN = /^指标名称(?:计量单位)?/;
/** A requests row with its label and seven or eight numbers on one line: `四、结转下年度继续办理 0 0 0 0 0 0 0`. */
const REQUESTS_ROW = /^(?:一、)?本年新收政府信息公开申请数量|^(?:二、)?上年结转政府信息公开申请数量|^(?:四、)?结转下年度继续办理/;
const ROW_NUMBERS = 7;
const MAX_NUMBER_CHARS = 12;
const isNumberChar = (c: number): boolean => (c >= 48 && c <= 57) || c === 0x2d || c === 0x2014;
const isSpace = (ch: string): boolean => /\s/.test(ch);

/**
 * Does `raw` end with seven numbers (`[\d—-]{1,12}`), each after whitespace? What the pattern
 * `(?:\s+[\d—\-]{1,12}){7}\s*$` says, read from the end: that pattern tried the whole run of
 * spaces from each of its positions, quadratic in a long gap (a label, 100 000 spaces, a number).
 */
function endsWithNumbers(raw: string): boolean {
  let i = raw.length;
  while (i > 0 && isSpace(raw[i - 1]!)) i--;
  for (let k = 0; k < ROW_NUMBERS; k++) {
    const end = i;
    while (i > 0 && isNumberChar(raw.charCodeAt(i - 1))) i--;
    if (end - i < 1 || end - i > MAX_NUMBER_CHARS || i === 0 || !isSpace(raw[i - 1]!)) return false;
    while (i > 0 && isSpace(raw[i - 1]!)) i--;
  }
  return true;
}

/** The anchor a line is, or null. */
export function anchorOf(line: SourceLine): Anchor | null {
  if ((line.flags & LINE.ANCHOR_HINT) === 0) return null;
  return anchorOfText(line.text, line.raw);
}

/** The anchor a line's text is (`raw` keeps the spacing a requests row's numbers need), or null. */
export function anchorOfText(text: string, raw = text): Anchor | null {
  const key = labelKey(text);
  if (key.length <= MAX_CAPTION_CHARS) {
    const m = CAPTION.exec(key);
    if (m) return { kind: 'caption', item: m[1] ?? m[2]! };
  }
  if (REQUESTS.test(key)) return { kind: 'requests' };
  if (APPEALS.test(key)) return { kind: 'appeals' };
  if (PRE2019.test(key)) return { kind: 'pre2019' };
  if (FUJIAN.test(key)) return { kind: 'fujian' };
  if (REQUESTS_ROW.test(key) && endsWithNumbers(raw)) return { kind: 'requests', row: true };
  return null;
}

/** The item numeral of a caption text, or null. */
export function captionItem(text: string): string | null {
  const key = labelKey(text);
  if (key.length > MAX_CAPTION_CHARS) return null;
  const m = CAPTION.exec(key);
  return m ? (m[1] ?? m[2]!) : null;
}

/** Headings of the report's own outline (二、主动公开政府信息情况 …): a table never runs past one. */
const OUTLINE = /主动公开政府信息情况|收到和处理政府信息公开申请|行政复议、?行政诉讼情况|存在的主要问题|其他需要报告|总体情况/;

export function isOutlineHeading(text: string): boolean {
  const h = matchHeading(text);
  return h !== null && (h.kind === 'cn' || h.kind === 'part') && OUTLINE.test(h.rest);
}
