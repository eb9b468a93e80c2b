// Pandoc's simple and multiline tables (markdown and plain text): a rule of dash groups, one
// group a column, marks where every column starts; rows follow, one line a row, or several lines
// a row with blank lines between rows (multiline tables); a second rule closes the table.
//   ---------- ---------- ------
//   行政复议                                   行政诉讼
//   结果维持   结果纠正   其他…
//   5                     2       7
//   ---------- ---------- ------
// A header line may stand right above the first rule instead (`信息内容   本年制发件数` / `-----  -----`).
// Cells are the text between the starts of consecutive groups, in display columns.

import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { sliceColumns, toColumns } from './width.js';

/** The display column where each dash group of a rule starts. */
function groupStarts(raw: string): number[] {
  const cols = toColumns(raw);
  const starts: number[] = [];
  for (let x = 0; x < cols.length; x++) if (cols[x] === 0x2d && (x === 0 || cols[x - 1] !== 0x2d)) starts.push(x);
  return starts;
}

const isRule = (l: SourceLine | undefined): boolean => l !== undefined && (l.flags & LINE.DASH_RULE) !== 0 && (l.flags & LINE.PIPE) === 0;

/** Longest table between its rules, in lines. */
const MAX_TABLE_LINES = 400;

function cellsOf(line: SourceLine, starts: readonly number[]): Cell[] {
  const cols = toColumns(line.raw);
  return starts.map((from, i) => ({ text: cleanText(sliceColumns(cols, from, starts[i + 1] ?? cols.length)), line: line.no }));
}

export const simpleShape: TableShape = {
  name: 'simple',
  triggers: LINE.DASH_RULE,
  detect(lines, at) {
    return isRule(lines[at]) && groupStarts(lines[at]!.raw).length >= 2;
  },
  read(lines, at) {
    const starts = groupStarts(lines[at]!.raw);
    // The closing rule: the next rule within reach (a header rule under a header line closes nothing).
    let close = -1;
    for (let j = at + 1; j < lines.length && j <= at + MAX_TABLE_LINES; j++) {
      if (isRule(lines[j])) {
        close = j;
        break;
      }
    }
    const header = at > 0 && !isBlank(lines[at - 1]) && !isRule(lines[at - 1]) ? at - 1 : -1;
    // Without a closing rule the body runs to the first blank line (a simple table with a header).
    let end = close;
    if (end < 0) {
      end = at + 1;
      while (end < lines.length && !isBlank(lines[end])) end++;
    }
    const body = lines.slice(at + 1, end);
    const multiline = close >= 0 && body.some((l) => isBlank(l)) && header < 0;
    const rows: Cell[][] = [];
    if (header >= 0) rows.push(cellsOf(lines[header]!, starts));
    let block: Cell[] | null = null;
    for (const line of body) {
      if (isBlank(line)) {
        block = null;
        continue;
      }
      const cells = cellsOf(line, starts);
      if (!multiline || !block) {
        block = cells;
        rows.push(block);
        continue;
      }
      // A multiline table's row goes on over the following lines: join each cell's pieces.
      cells.forEach((c, i) => {
        if (c.text === '') return;
        const into = block![i]!;
        if (into.text === '') into.line = c.line;
        into.text = cleanText(into.text + (/[A-Za-z0-9]$/.test(into.text) && /^[A-Za-z0-9]/.test(c.text) ? ' ' : '') + c.text);
      });
    }
    if (rows.length < 2) return { table: null, next: at + 1 };
    const last = close >= 0 ? close : end - 1;
    const table: RawTable = { format: 'simple', line: lines[header >= 0 ? header : at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
