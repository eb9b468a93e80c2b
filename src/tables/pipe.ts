// Pipe tables, as web pages and markdown converters write them (seed 002):
//   统 计 指 标 | 单位 | 统计数 |
//   一、主动公开情况 | —— | 78 |
// with or without outer pipes, with markdown separator rows `|---|:--:|`; and the flattened
// web-page variant, where a lone `|` starts a row and every cell stands on its own line, the
// pipes after the first one padding the columns the cell spans:
//   |
//   第二十条第（一）项 | |||        ← one cell spanning four columns
//   |
//   信息内容 |
//   本年制发件数 |

import { cleanText } from '../parse/lines.js';
import type { Cell, RawTable, TableFormat } from './types.js';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const LONE_PIPE = /^\s*\|\s*$/;

function isPipeLine(raw: string): boolean {
  return raw.includes('|') && !/^\s*[+┌├└│]/.test(raw);
}

/** Split `a | b | c |` into cells; outer pipes do not make empty cells. */
export function splitPipes(raw: string): string[] {
  let s = raw.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => cleanText(c));
}

/** `第二十条第（一）项 | |||` → the cell and one copy per padding pipe. */
function flatCells(raw: string, line: number): Cell[] {
  const first = raw.indexOf('|');
  const cell: Cell = { text: cleanText(raw.slice(0, first)), line };
  const padding = (raw.slice(first + 1).match(/\|/g) ?? []).length;
  return [cell, ...Array.from({ length: padding }, () => ({ ...cell, copy: true }))];
}

function count(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '|') n++;
  return n;
}

export const pipeFormat: TableFormat = {
  name: 'pipe',
  detect(lines, at) {
    // Two pipe lines in a row, one of them with at least two pipes: a lone `|` in prose is not a
    // table. The flattened variant starts with a lone `|` over a cell line.
    const a = lines[at]?.raw ?? '';
    const b = lines[at + 1]?.raw ?? '';
    if (LONE_PIPE.test(a)) return isPipeLine(b) && b.trimEnd().endsWith('|');
    return isPipeLine(a) && isPipeLine(b) && (count(a) >= 2 || count(b) >= 2);
  },
  extract(lines, at) {
    const rows: Cell[][] = [];
    let flat: Cell[] | null = null;
    let i = at;
    for (; i < lines.length && isPipeLine(lines[i]!.raw); i++) {
      const line = lines[i]!;
      if (SEPARATOR_ROW.test(line.raw)) continue;
      if (LONE_PIPE.test(line.raw)) {
        flat = [];
        rows.push(flat);
      } else if (flat && !line.raw.trimStart().startsWith('|')) {
        flat.push(...flatCells(line.raw, line.no));
      } else {
        flat = null;
        rows.push(splitPipes(line.raw).map((text) => ({ text, line: line.no })));
      }
    }
    const filled = rows.filter((r) => r.length > 0);
    if (filled.length < 2) return { table: null, next: i };
    const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: lines[i - 1]!.no, rows: filled };
    return { table, next: i };
  },
};
