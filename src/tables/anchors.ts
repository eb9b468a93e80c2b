// The lines that start an official table: a 第二十条 caption, the requests table's corner note or
// 申请人情况, the appeals header (行政复议 … 行政诉讼), the pre-2019 forms' 统计指标 / 指标名称, or a
// requests row written with its label and all its numbers when the header is not in the text.
// Patterns run on folded text (forms/match.ts labelKey).

import { charSet, LINE, type CharSet, type SourceLine } from '../parse/lines.js';
import { ANCHORED_FORMS, ANCHOR_HINTS, captionItem, isOutlineTitle } from '../forms/index.js';
import { labelKey } from '../forms/match.js';
import { isNumeric } from '../lexical/values.js';
import type { Form } from '../forms/types.js';
import { matchHeading } from '../lexical/headings.js';

/** The characters that flag a line of the index as a possible anchor (parse/lines.ts ANCHOR_HINT). */
export const ANCHOR_CHARS: CharSet = charSet(ANCHOR_HINTS);

/**
 * A 第二十条 caption and its item (`一`, `五` …), or the anchor line of a form (forms/types.ts
 * `anchor`); `row`: a body row with its numbers, not a header: it starts a table only where no
 * header did.
 */
export type Anchor = { kind: 'caption'; item: string } | { kind: 'form'; form: Form; row?: boolean };

/** A row anchor carries its numbers: seven or more on the line (`四、结转下年度继续办理 0 0 0 0 0 0 0`). */
const ROW_NUMBERS = 7;
const MAX_NUMBER_CHARS = 12;
const isSpace = (ch: string): boolean => /\s/.test(ch);

/**
 * Does `raw` end with seven numbers, each after whitespace and none at the line's start? Read
 * from the end token by token, each character once (a pattern over the whole line tried the
 * run of spaces from each of its positions: quadratic in a long gap).
 */
function endsWithNumbers(raw: string): boolean {
  let end = raw.length;
  for (let k = 0; k < ROW_NUMBERS; k++) {
    while (end > 0 && isSpace(raw[end - 1]!)) end--;
    let start = end;
    while (start > 0 && end - start <= MAX_NUMBER_CHARS && !isSpace(raw[start - 1]!)) start--;
    if (start === 0 || start === end || end - start > MAX_NUMBER_CHARS || !isNumeric(raw.slice(start, end))) return false;
    end = start;
  }
  return true;
}

/** The anchor a line is, or null. */
export function anchorOf(line: SourceLine): Anchor | null {
  if ((line.flags & LINE.ANCHOR_HINT) === 0) return null;
  return anchorOfText(line.flags & LINE.PIPE ? cellOf(line.text) : line.text, line.raw);
}

/** One cell ended by pipes (`行政复议 | ||||`, a table one cell a line): the cell's text; any other text as it is. */
function cellOf(text: string): string {
  const at = text.indexOf('|');
  if (at <= 0) return text;
  for (let i = at; i < text.length; i++) if (text[i] !== '|' && text[i] !== ' ') return text;
  return text.slice(0, at).trimEnd();
}

/** The anchor a line's text is (`raw` keeps the spacing a requests row's numbers need), or null. */
export function anchorOfText(text: string, raw = text): Anchor | null {
  const key = labelKey(text);
  const item = captionItem(key);
  if (item) return { kind: 'caption', item };
  for (const form of ANCHORED_FORMS) if (form.anchor!.line.test(key)) return { kind: 'form', form };
  for (const form of ANCHORED_FORMS) if (form.anchor!.row?.test(key) && endsWithNumbers(raw)) return { kind: 'form', form, row: true };
  return null;
}

/** The item numeral of a caption text, or null. */
export function captionItemOf(text: string): string | null {
  return captionItem(labelKey(text));
}

/** A heading of the report's own outline (二、主动公开政府信息情况 …, forms/outline.ts): a table never runs past one. */
export function isOutlineHeading(text: string): boolean {
  const h = matchHeading(text);
  return h !== null && (h.kind === 'cn' || h.kind === 'part') && isOutlineTitle(h.rest);
}
