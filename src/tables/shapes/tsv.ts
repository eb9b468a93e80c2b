// Tab-separated rows, as a spreadsheet or a Word table pasted as plain text gives them: one row
// per line, cells separated by tabs, an empty cell between two tabs:
//   一、本年新收政府信息公开申请数量→9→2→0→0→0→0→11
//   二、上年结转政府信息公开申请数量→0→0→0→0→0→0→0
// LibreOffice Calc quotes text cells, and a quoted cell may hold line breaks (`"商业` / `企业"`);
// merged cells leave runs of empty columns, which the placement ignores. (Tables whose every
// cell starts a line with a tab are tab.ts's.)

import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import type { Cell, RawTable, TableShape } from '../types.js';

const isRowLine = (l: SourceLine | undefined): boolean => l !== undefined && (l.flags & LINE.TAB_INNER) !== 0 && (l.flags & LINE.TAB_LEAD) === 0;
/** A Calc row may start with empty cells: a leading tab followed by more tabs. */
const isCalcRow = (l: SourceLine | undefined): boolean => l !== undefined && l.raw.startsWith('\t\t');

/** The next line that is not blank, if only blank lines stand before it. */
function nextFilled(lines: readonly SourceLine[], from: number): number {
  let j = from;
  while (j < lines.length && isBlank(lines[j]) && lines[j]!.raw.trim() === '') j++;
  return j;
}

/** Longest quoted cell, in lines: a stray quote must not swallow the rest of the report. */
const MAX_QUOTED_LINES = 12;

/**
 * The cells of the row starting at line `i`, and the index of the line after it. A quoted cell
 * (`"…"`, `""` for a quote) may run over several lines.
 */
function readRow(lines: readonly SourceLine[], i: number): { cells: Cell[]; next: number } {
  const cells: Cell[] = [];
  let text = '';
  let quoted = false;
  let cellLine = lines[i]!.no;
  let j = i;
  for (; j < lines.length && j < i + MAX_QUOTED_LINES; j++) {
    const raw = lines[j]!.raw;
    let k = 0;
    if (j > i) text += '\n';
    while (k <= raw.length) {
      const c = raw[k];
      if (quoted) {
        if (c === undefined) break;
        if (c === '"') {
          if (raw[k + 1] === '"') {
            text += '"';
            k += 2;
            continue;
          }
          quoted = false;
        } else text += c;
        k++;
        continue;
      }
      if (c === undefined || c === '\t') {
        cells.push({ text: cleanText(text.replace(/\n/g, '')), line: cellLine });
        text = '';
        cellLine = lines[j]!.no;
        k++;
        if (c === undefined) break;
        continue;
      }
      if (c === '"' && text.trim() === '') {
        quoted = true;
        text = '';
      } else text += c;
      k++;
    }
    if (!quoted) return { cells, next: j + 1 };
  }
  // An unclosed quote: read the first line as plain cells.
  return { cells: lines[i]!.raw.split('\t').map((part) => ({ text: cleanText(part), line: lines[i]!.no })), next: i + 1 };
}

export const tsvShape: TableShape = {
  name: 'tsv',
  triggers: LINE.TAB_INNER | LINE.TAB_LEAD,
  detect(lines, at) {
    const a = lines[at];
    if (!isRowLine(a) && !isCalcRow(a)) return false;
    const b = lines[nextFilled(lines, at + 1)];
    return isRowLine(b) || isCalcRow(b) || (a!.raw.includes('"') && a!.raw.split('\t').length > 2);
  },
  read(lines, at) {
    const rows: Cell[][] = [];
    let i = at;
    let last = at;
    while (i < lines.length && (isRowLine(lines[i]) || isCalcRow(lines[i]))) {
      const { cells, next } = readRow(lines, i);
      rows.push(cells);
      last = next - 1;
      i = nextFilled(lines, next);
    }
    if (rows.length < 2) return { table: null, next: last + 1 };
    const table: RawTable = { format: 'tsv', line: lines[at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
