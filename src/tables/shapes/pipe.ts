// Pipe tables, as web pages and markdown converters write them (seed 002):
//   统 计 指 标 | 单位 | 统计数 |
//   一、主动公开情况 | —— | 78 |
// with or without outer pipes, with markdown or org separator rows `|---|:--:|`, `|---+---|`; and
// the flattened web-page variant, where a lone `|` starts a row and every cell stands on its own
// line, the pipes after the first one padding the columns the cell spans:
//   |
//   第二十条第（一）项 | |||        ← one cell spanning four columns
//   |
//   信息内容 |
//   本年制发件数 |
// where a lone `|` inside a row that is not yet as wide as the rows before it is an empty cell.

import { cleanText, LINE, type SourceLine } from '../../parse/lines.js';
import { cellBudget } from '../budget.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { isValueToken } from '../../lexical/values.js';

/** A separator row: only pipes, dashes, colons, plus signs and spaces. Checked by a loop (no regex backtracking over long runs). */
export function isSeparatorRow(raw: string): boolean {
  let dashes = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2d) dashes++;
    else if (c !== 0x7c && c !== 0x3a && c !== 0x2b && c !== 0x20 && c !== 9) return false;
  }
  return dashes >= 2;
}

const isLonePipe = (l: SourceLine): boolean => (l.flags & LINE.PIPE) !== 0 && l.raw.trim() === '|';
const isPipeLine = (l: SourceLine | undefined): boolean => l !== undefined && (l.flags & LINE.PIPE) !== 0 && (l.flags & LINE.TOP_BORDER) === 0;

/** Does a line of the flattened variant hold a label (`行政强制 |`), which starts a row? */
function startsRow(l: SourceLine | undefined): boolean {
  if (!l || isLonePipe(l)) return false;
  const text = cleanText(l.raw.slice(0, l.raw.indexOf('|') >>> 0));
  return text !== '' && !isValueToken(text);
}

/**
 * Split `a | b | c |` into cells; outer pipes do not make empty cells. In a table whose rows do
 * not start with a pipe (`a | b |`, seed 002), a row that does (` | b |`) starts with an empty cell.
 */
export function splitPipes(raw: string, leadingPipes = true): string[] {
  let s = raw.trim();
  if (s.startsWith('|') && leadingPipes) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => cleanText(stripPadding(c)));
}

/** html2text pads a cell with underscores (its bottom border drawn inside the cell): padding, not text. */
function stripPadding(cell: string): string {
  return cell.includes('_') ? cell.replace(/^[\s_]+|[\s_]+$/g, '') : cell;
}

/**
 * `第二十条第（一）项 | |||` → the cell and one copy per padding pipe, added to `row`, unless they
 * would hold more than `room` (budget.ts: a line of many pipes after a long text is no table).
 * The characters added, or -1 when there was no room.
 */
function addFlatCells(row: Cell[], raw: string, line: number, room: number): number {
  const first = raw.indexOf('|');
  const cell: Cell = { text: cleanText(raw.slice(0, first)), line };
  const padding = count(raw) - 1;
  const size = (padding + 1) * (cell.text.length + 1);
  if (size > room) return -1;
  row.push(cell);
  for (let k = 0; k < padding; k++) row.push({ ...cell, copy: true });
  return size;
}

function count(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x7c) n++;
  return n;
}

export const pipeShape: TableShape = {
  name: 'pipe',
  triggers: LINE.PIPE,
  detect(lines, at) {
    // Two pipe lines in a row, one of them with at least two pipes: a lone `|` in prose is not a
    // table. The flattened variant starts with a lone `|` over a cell line.
    const a = lines[at]!;
    const b = lines[at + 1];
    if (!isPipeLine(a) || !isPipeLine(b)) return false;
    if (isLonePipe(a)) return b!.raw.trimEnd().endsWith('|');
    return count(a.raw) >= 2 || count(b!.raw) >= 2;
  },
  read(lines, at) {
    const rows: Cell[][] = [];
    let flat: Cell[] | null = null;
    let i = at;
    let end = at;
    let leading = 0;
    let chars = 0;
    for (; end < lines.length && isPipeLine(lines[end]); end++) {
      if (lines[end]!.raw.trimStart().startsWith('|')) leading++;
      chars += lines[end]!.raw.length;
    }
    // What the cells may hold (copies of a flattened cell are the only cells that are not text of the lines).
    let room = cellBudget(chars);
    // A pipe that starts a line is an outer pipe; an indented one is too when every row has one
    // (an indented markdown table); otherwise the space before it is an empty first cell.
    const allLeading = leading === end - at;
    // The flattened variant writes an empty cell as a lone `|` too: within a row that has fewer
    // cells than the rows before it, a lone `|` followed by a value (or another lone `|`) is that
    // empty cell; followed by a label, it starts the next row.
    let width = 0;
    for (; i < end; i++) {
      const line = lines[i]!;
      if (isSeparatorRow(line.raw)) continue;
      if (isLonePipe(line)) {
        if (flat && flat.length > 0 && flat.length < width && !startsRow(lines[i + 1])) {
          flat.push({ text: '', line: line.no });
          continue;
        }
        if (flat) width = Math.max(width, flat.length);
        flat = [];
        rows.push(flat);
      } else if (flat && !line.raw.trimStart().startsWith('|')) {
        const added = addFlatCells(flat, line.raw, line.no, room);
        if (added < 0) {
          const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: lines[end - 1]!.no, rows: [], tooLarge: `would hold over ${cellBudget(chars)} characters of cells` };
          return { table, next: end };
        }
        room -= added;
      } else {
        flat = null;
        rows.push(splitPipes(line.raw, allLeading || line.raw.startsWith('|')).map((text) => ({ text, line: line.no })));
      }
    }
    const filled = rows.filter((r) => r.length > 0);
    if (filled.length < 2) return { table: null, next: i };
    const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: lines[i - 1]!.no, rows: filled };
    return { table, next: i };
  },
};
