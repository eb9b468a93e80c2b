// Tab-separated rows, as a spreadsheet or a Word table pasted as plain text gives them: one row
// per line, cells separated by tabs, an empty cell between two tabs:
//   一、本年新收政府信息公开申请数量→9→2→0→0→0→0→11
//   二、上年结转政府信息公开申请数量→0→0→0→0→0→0→0
// LibreOffice Calc quotes text cells, and a quoted cell may hold line breaks (`"商业` / `企业"`);
// an empty cell of the table is written `" "`, while the columns a merged cell covers are left
// bare: those are spacers (`copy`), not cells. (Tables whose every cell starts a line with a tab
// are tab.ts's.)

import { charCount } from '../../lexical/chars.js';
import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import { anchorOf, isOutlineHeading } from '../anchors.js';
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
function readRow(lines: readonly SourceLine[], i: number): { cells: Cell[]; next: number; quotes: boolean } {
  const cells: Cell[] = [];
  let text = '';
  let quoted = false;
  let wasQuoted = false;
  let quotes = false;
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
        const clean = cleanText(text.replace(/\n/g, ''));
        // Bare and empty: a spacer of a merged cell (where the row quotes its cells).
        cells.push(clean === '' && !wasQuoted ? { text: '', line: cellLine, copy: true } : { text: clean, line: cellLine });
        wasQuoted = false;
        text = '';
        cellLine = lines[j]!.no;
        k++;
        if (c === undefined) break;
        continue;
      }
      if (c === '"' && text.trim() === '') {
        quoted = true;
        wasQuoted = true;
        quotes = true;
        text = '';
      } else text += c;
      k++;
    }
    if (!quoted) return { cells, next: j + 1, quotes };
  }
  // An unclosed quote: read the first line as plain cells.
  return { cells: lines[i]!.raw.split('\t').map((part) => ({ text: cleanText(part), line: lines[i]!.no })), next: i + 1, quotes: false };
}

/** How many cells of a row hold text. */
const filledCells = (cells: readonly Cell[]): number => cells.filter((c) => c.text !== '').length;

/**
 * A spreadsheet saved as text holds the page's prose too, one paragraph a row in its first cell
 * (LibreOffice Calc's export of a web page): such a row is prose — a sentence, or a heading of the
 * report — and not part of a table.
 */
function isProseRow(cells: readonly Cell[]): boolean {
  if (filledCells(cells) !== 1) return false;
  const text = cells.find((c) => c.text !== '')!.text;
  return text.includes('。') || charCount(text) > 40 || isOutlineHeading(text);
}

/** A row that may start a table: two filled cells, or a table's anchor (a 第二十条 caption) over such a row. */
function startsTable(lines: readonly SourceLine[], at: number): boolean {
  const a = lines[at]!;
  if (!isRowLine(a) && !isCalcRow(a)) return false;
  const first = readRow(lines, at);
  if (filledCells(first.cells) >= 2) return true;
  if (!anchorOf(a)) return false;
  const b = nextFilled(lines, first.next);
  return b < lines.length && (isRowLine(lines[b]) || isCalcRow(lines[b])) && filledCells(readRow(lines, b).cells) >= 2;
}

export const tsvShape: TableShape = {
  name: 'tsv',
  triggers: LINE.TAB_INNER | LINE.TAB_LEAD,
  detect(lines, at) {
    return startsTable(lines, at);
  },
  read(lines, at) {
    const rows: Cell[][] = [];
    let i = at;
    let last = at;
    let quotes = false;
    while (i < lines.length && (isRowLine(lines[i]) || isCalcRow(lines[i]))) {
      const row = readRow(lines, i);
      if (rows.length > 0 && isProseRow(row.cells)) break;
      rows.push(row.cells);
      quotes ||= row.quotes;
      last = row.next - 1;
      i = nextFilled(lines, row.next);
    }
    // Without quotes anywhere, an empty field between two tabs is an empty cell, not a spacer.
    if (!quotes) for (const r of rows) for (const c of r) delete c.copy;
    if (rows.length < 2) return { table: null, next: last + 1 };
    const table: RawTable = { format: 'tsv', line: lines[at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
