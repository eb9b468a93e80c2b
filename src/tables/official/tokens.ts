// Official tables drawn without any delimiter: columns aligned with spaces (`pdftotext -layout`,
// `w3m -dump` without borders, pandoc's plain tables) or one cell per line (`pdftotext` in
// reading order, web pages copied as text). Nothing marks where a row ends, so the official
// form does: the text is read as a stream of tokens; a run of as many numbers as the table has
// value columns closes a row, and the label text gathered since the previous row tells which
// row it is. A row whose label the conversion moved elsewhere is placed by the form's row order.
//
//   一、本年新收政府信息公开申请数量        3001   53   0   0   61   4   3119     ← one row
//   三、                                                                         ← vertical
//   本       2.其他法律行政法规禁止公开    30     1   0   0    0   0     31        group label
//   年                                                                           characters

import { fold } from '../../parse/chars.js';
import { cleanText, type SourceLine } from '../../parse/lines.js';
import { matchHeading } from '../../sections/headings.js';
import type { Cell } from '../types.js';
import {
  dataRow,
  headerCells,
  labelText,
  matchRow,
  requestColumns,
  requestHeader,
  type Diagnostic,
  type OfficialTable,
} from './match.js';
import { proactiveTemplate } from './rows.js';
import { APPEALS_ANCHOR, APPEALS_TEMPLATE, CAPTION, REQUESTS_ANCHOR, REQUESTS_TEMPLATE, type Template, type TemplateRow } from './templates.js';
import { orderAppealPieces, type Piece } from './appeals-order.js';
import { isValueToken } from './values.js';

export type Anchor = 'caption' | 'requests' | 'appeals';

/** Headings of the report's own outline: a table never runs past one. */
const OUTLINE = /主动公开政府信息情况|收到和处理政府信息公开申请|行政复议、?行政诉讼情况|存在的主要问题|其他需要报告/;

/** Label tokens in a row without finding a row: the text is prose, not a table. */
const MAX_STRAY_TOKENS = 40;
/** Lines of header before the first number: more, and the anchor was not a table's. */
const MAX_HEADER_LINES = 80;

/** Characters every anchor contains, to skip the fold on the lines that cannot be one. */
const ANCHOR_HINT = /第二十条|申请人情况|勾稽关系|行政复议/;

export function anchorOf(text: string): Anchor | null {
  if (!ANCHOR_HINT.test(text)) return null;
  const f = fold(text);
  if (CAPTION.test(f) && f.length <= 16) return 'caption';
  if (REQUESTS_ANCHOR.test(f)) return 'requests';
  if (APPEALS_ANCHOR.test(f)) return 'appeals';
  return null;
}

function isOutlineHeading(text: string): boolean {
  const h = matchHeading(text);
  return h !== null && h.kind === 'cn' && OUTLINE.test(h.rest);
}

interface Token extends Cell {}

/** How many lines after the last row may still hold pieces of row labels. */
const MAX_TAIL_LINES = 40;
const NUMBERING = /^[(（]?[\d一二三四五六七八九十]+[)）]?[、.．]?/;

/**
 * Reading-order conversions put the labels of the last rows after their numbers:
 *   …  56 6 0 0 0 0 62 …  （五）不 / 予处理 / 5.要求行政机关确认或重新出 / 具已获取信息
 * Lines after the table that are pieces of the form's own labels belong to the table.
 */
/** The folded labels of a template, without their numbering: made once per template. */
const tailLabels = new WeakMap<Template, string[]>();

function consumeLabelTail(lines: readonly SourceLine[], last: number, template: Template): number {
  let labels = tailLabels.get(template);
  if (!labels) tailLabels.set(template, (labels = template.rows.flatMap((r) => r.labels).map((l) => fold(l).replace(NUMBERING, ''))));
  let end = last;
  for (let i = last + 1; i < lines.length && i <= last + MAX_TAIL_LINES; i++) {
    const text = lines[i]!.text;
    if (text === '') continue;
    const piece = fold(text).replace(NUMBERING, '');
    if (piece === '' || !labels.some((l) => l.includes(piece))) break;
    end = i;
  }
  return end;
}

function tokensOf(line: SourceLine): Token[] {
  return line.raw
    .split(/[\s\u3000]+/)
    .map((piece) => cleanText(piece))
    .filter((t) => t !== '')
    .map((text) => ({ text, line: line.no }));
}

interface Reading {
  table: OfficialTable;
  /** Index of the first line after the table. */
  next: number;
  aligned: boolean;
}

/** Not a table after all; `next` is the first line the reader did not look at. */
export interface NoReading {
  table: null;
  next: number;
}

/**
 * Read the official table that starts at line index `at` (an anchor line), or say how far it
 * looked when the text after the anchor does not read as that table.
 */
export function readOfficialText(lines: readonly SourceLine[], at: number): Reading | NoReading {
  const anchor = anchorOf(lines[at]!.text);
  if (!anchor) return { table: null, next: at + 1 };
  const caption = anchor === 'caption' ? lines[at]!.text : null;

  const header: Token[] = [];
  let buffer: Token[] = [];
  let run: Token[] = [];
  let template: Template | null = anchor === 'requests' ? REQUESTS_TEMPLATE : anchor === 'appeals' ? APPEALS_TEMPLATE : null;
  let columns: string[] | null = null;
  let expected: TemplateRow[] = [];
  let position = 0;
  const placed: Array<{ row: TemplateRow | null; labels: Token[]; values: Token[] }> = [];
  const warnings: Diagnostic[] = [];
  let lastUsed = at;
  // The appeals row may arrive in pieces (appeals-order.ts); other rows are one run.
  const pieces: Piece[] = [];
  let between: Token[] = [];
  let aligned = false;
  let stray = 0;

  const start = (): void => {
    // The header is complete: fix the template variant and the value columns.
    const headerText = header.map((t) => t.text).join('|');
    if (anchor === 'caption') template = proactiveTemplate(caption!, headerText, 0);
    if (!template) return;
    columns = anchor === 'requests' ? requestColumns(headerText) : template.columns;
    expected = template.rows.filter((r) => !r.optional);
  };
  const closeRow = (): void => {
    const label = labelText(buffer);
    let row: TemplateRow | null = null;
    if (template === APPEALS_TEMPLATE) {
      row = expected[0] ?? null;
      const ordered = orderAppealPieces(pieces);
      if (ordered) run = ordered;
      else if (pieces.length > 1) warnings.push({ code: 'TABLE_ORDER_UNCERTAIN', message: 'the appeals numbers came in pieces that do not add up; kept in reading order', line: run[0]!.line });
    }
    else {
      const rest = expected.slice(position);
      const hit = label !== '' ? matchRow(rest, label, label, false) : null;
      if (hit) row = hit;
      else {
        row = rest[0] ?? null; // the conversion moved this row's label: the form's order places it
        if (row && label !== '') warnings.push({ code: 'TABLE_ROW_BY_POSITION', message: `row "${label}" placed as "${row.labels.at(-1)}" by the form's row order`, line: run[0]!.line });
      }
    }
    if (row) position = expected.indexOf(row) + 1;
    placed.push({ row, labels: buffer, values: run });
    lastUsed = Math.max(lastUsed, ...run.map((t) => t.line - lines[0]!.no));
    buffer = [];
    run = [];
    stray = 0;
  };

  let i = at + 1;
  if (anchor !== 'caption') header.push(...tokensOf(lines[at]!));
  let headerLines = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') continue;
    if (!columns && ++headerLines > MAX_HEADER_LINES) return { table: null, next: i };
    const here = anchorOf(line.text);
    if (isOutlineHeading(line.text) || here === 'caption') break;
    if (here && here !== anchor && placed.length > 0) break;
    const tokens = tokensOf(line);
    if (tokens.length > 1 && /\S\s{2,}\S/.test(line.raw.trim())) aligned = true;
    for (const tok of tokens) {
      if (isValueToken(tok.text)) {
        if (!columns) start();
        if (!template || !columns) return { table: null, next: i };
        if (between.length > 0 || pieces.length === 0) pieces.push({ values: [], before: labelText(between) });
        between = [];
        pieces.at(-1)!.values.push(tok);
        run.push(tok);
        if (run.length === (columns as string[]).length) closeRow();
      } else if (columns) {
        buffer.push(tok);
        between.push(tok);
        if (++stray > MAX_STRAY_TOKENS) break;
      } else {
        header.push(tok);
        between.push(tok);
      }
    }
    if (stray > MAX_STRAY_TOKENS) break;
    if (columns && position >= expected.length && run.length === 0) {
      i++;
      break;
    }
  }
  if (!template || !columns || placed.length === 0) return { table: null, next: i };
  const t: Template = template;
  const cols: string[] = columns;
  lastUsed = consumeLabelTail(lines, lastUsed, t);

  const labelWidth = t.kind === 'requests' ? 3 : t.kind === 'proactive' ? 1 : 0;
  const firstLine = lines[at]!.no;
  const rows: Cell[][] = [];
  if (t.kind === 'requests') rows.push(...headerCells(requestHeader(cols), firstLine));
  else if (t.kind === 'proactive') {
    rows.push([caption!, ...cols.map(() => caption!)].map((text) => ({ text, line: firstLine })));
    rows.push(...headerCells(t.header, header[0]?.line ?? firstLine));
  } else rows.push(...headerCells(t.header, firstLine));
  const keys: Array<string | null> = rows.map(() => null);
  for (const p of placed) {
    const labels = p.labels.filter((c) => !REQUESTS_ANCHOR.test(fold(c.text)));
    rows.push(labelWidth === 0 ? p.values : dataRow(p.row, { labels: labels.length > 0 ? [{ text: labelText(labels), line: labels[0]!.line }] : [], values: p.values }, labelWidth));
    keys.push(p.row?.key ?? null);
  }
  const endLine = lines[0]!.no + lastUsed;
  const table: OfficialTable = { kind: t.kind, template: t, caption, rows, keys, columns: cols, line: firstLine, endLine, warnings };
  return { table, next: lastUsed + 1, aligned };
}
