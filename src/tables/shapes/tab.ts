// Tab tables, as Word and web pages copied to text give them (seed 001): every cell starts
// with a tab on its own line, a blank line ends a row, and a cell's text may go on over
// following lines without a tab, even across blank lines:
//   →信息内容
//   →本年新
//   公开数量          ← same cell: 本年新公开数量
//   →对外公开
//                     ← blank inside the cell
//   总数量
//                     ← blank, then a tab line: a new row
//   →规章
// An empty cell is a lone tab.

import { charCount } from '../../lexical/chars.js';
import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import { headingOf } from '../../parse/line-kinds.js';
import type { Cell, RawTable, TableShape } from '../types.js';

/** Longest text that can be the wrapped rest of a cell (`公开数量`, `然`, `结果`). */
const MAX_CONTINUATION_CHARS = 12;
/** How far a continuation may look ahead for the next tab line before the table is over. */
const MAX_GAP_LINES = 6;

const startsWithTab = (l: SourceLine | undefined): boolean => l !== undefined && (l.flags & LINE.TAB_LEAD) !== 0;

/** Is line `i` (no tab) the wrapped rest of a cell, i.e. does a tab line follow soon? */
function isContinuation(lines: readonly SourceLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (charCount(text) > MAX_CONTINUATION_CHARS || headingOf(lines[i]!)) return false;
  for (let j = i + 1; j < lines.length && j <= i + MAX_GAP_LINES; j++) {
    if (startsWithTab(lines[j])) return true;
    if (!isBlank(lines[j]) && charCount(lines[j]!.text) > MAX_CONTINUATION_CHARS) return false;
  }
  return false;
}

export const tabShape: TableShape = {
  name: 'tab',
  triggers: LINE.TAB_LEAD,
  detect(lines, at) {
    // Two tab lines close together: one tab-indented paragraph is not a table.
    if (!startsWithTab(lines[at])) return false;
    for (let j = at + 1; j < lines.length && j <= at + 3; j++) if (startsWithTab(lines[j])) return true;
    return false;
  },
  read(lines, at) {
    const rows: Cell[][] = [];
    let row: Cell[] | null = null;
    let cell: Cell | null = null;
    let sawBlank = false;
    let last = at;
    let i = at;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (startsWithTab(line)) {
        if (!row || sawBlank) {
          row = [];
          rows.push(row);
        }
        for (const part of line.raw.slice(1).split('\t')) {
          cell = { text: cleanText(part), line: line.no };
          row.push(cell);
        }
        sawBlank = false;
        last = i;
      } else if (isBlank(line)) {
        sawBlank = true;
      } else if (cell && isContinuation(lines, i)) {
        // A cell whose first line held nothing stands where its text begins (provenance).
        if (cell.text === '') cell.line = line.no;
        cell.text += line.text;
        sawBlank = false; // the blank was inside the cell, not between rows
        last = i;
      } else break;
    }
    if (rows.length < 2) return { table: null, next: last + 1 };
    const table: RawTable = { format: 'tab', line: lines[at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
