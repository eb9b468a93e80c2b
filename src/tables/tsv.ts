// Tab-separated rows, as a spreadsheet or a Word table pasted as plain text gives them: one row
// per line, cells separated by tabs, an empty cell between two tabs:
//   一、本年新收政府信息公开申请数量→9→2→0→0→0→0→11
//   二、上年结转政府信息公开申请数量→0→0→0→0→0→0→0
// (Tables whose every cell starts a line with a tab are tab.ts's.)

import { cleanText, type SourceLine } from '../parse/lines.js';
import type { Cell, RawTable, TableFormat } from './types.js';

/** A tab between two pieces of text on the line (a leading tab is another shape). */
const isRowLine = (l: SourceLine | undefined): boolean => l !== undefined && /\S\t/.test(l.raw) && !l.raw.startsWith('\t');

/** The next line that is not blank, if only blank lines stand before it. */
function nextFilled(lines: readonly SourceLine[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j]!.text === '' && lines[j]!.raw.trim() === '') j++;
  return j;
}

export const tsvFormat: TableFormat = {
  name: 'tsv',
  detect(lines, at) {
    return isRowLine(lines[at]) && isRowLine(lines[nextFilled(lines, at + 1)]);
  },
  extract(lines, at) {
    const rows: Cell[][] = [];
    let i = at;
    let last = at;
    while (i < lines.length && isRowLine(lines[i])) {
      const line = lines[i]!;
      rows.push(line.raw.split('\t').map((part) => ({ text: cleanText(part), line: line.no })));
      last = i;
      i = nextFilled(lines, i + 1);
    }
    if (rows.length < 2) return { table: null, next: last + 1 };
    const table: RawTable = { format: 'tsv', line: lines[at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
