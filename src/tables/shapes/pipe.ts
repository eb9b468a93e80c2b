// Pipe tables, as web pages and markdown converters write them (seed 002):
//   统 计 指 标 | 单位 | 统计数 |
//   一、主动公开情况 | —— | 78 |
// with or without outer pipes, with markdown or org separator rows `|---|:--:|`, `|---+---|`.
// A table written one cell a line, each ended by a pipe (`第二十条第(一)项 |` / `|||` /
// `信息内容 |` …), is no grid: the flow reader takes it from its anchor (pipe-cells.ts).

import { cleanText, LINE, type SourceLine } from '../../parse/lines.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { isPipeCells } from './pipe-cells.js';

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

const isPipeLine = (l: SourceLine | undefined): boolean => l !== undefined && (l.flags & LINE.PIPE) !== 0 && (l.flags & LINE.TOP_BORDER) === 0;

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
    // table. Lines of one cell each are the flow's (pipe-cells.ts).
    const a = lines[at]!;
    const b = lines[at + 1];
    if (!isPipeLine(a) || !isPipeLine(b)) return false;
    return (count(a.raw) >= 2 || count(b!.raw) >= 2) && !isPipeCells(lines, at);
  },
  read(lines, at) {
    const rows: Cell[][] = [];
    let end = at;
    let leading = 0;
    for (; end < lines.length && isPipeLine(lines[end]); end++) if (lines[end]!.raw.trimStart().startsWith('|')) leading++;
    // A pipe that starts a line is an outer pipe; an indented one is too when every row has one
    // (an indented markdown table); otherwise the space before it is an empty first cell.
    const allLeading = leading === end - at;
    for (let i = at; i < end; i++) {
      const line = lines[i]!;
      if (isSeparatorRow(line.raw)) continue;
      rows.push(splitPipes(line.raw, allLeading || line.raw.startsWith('|')).map((text) => ({ text, line: line.no })));
    }
    const filled = rows.filter((r) => r.length > 0);
    if (filled.length < 2) return { table: null, next: end };
    const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: lines[end - 1]!.no, rows: filled };
    return { table, next: end };
  },
};
