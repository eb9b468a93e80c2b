// Pipe tables, as web pages and markdown converters write them (seed 002):
//   统 计 指 标 | 单位 | 统计数 |
//   一、主动公开情况 | —— | 78 |
// with or without outer pipes, with markdown separator rows `|---|:--:|`.

import type { Cell, RawTable, TableFormat } from './types.js';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function isPipeLine(raw: string): boolean {
  return raw.includes('|') && !/^\s*[+┌├└│]/.test(raw);
}

/** Split `a | b | c |` into cells; outer pipes do not make empty cells. */
export function splitPipes(raw: string): string[] {
  let s = raw.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => c.trim());
}

export const pipeFormat: TableFormat = {
  name: 'pipe',
  detect(lines, at) {
    // Two pipe lines in a row, one of them with at least two pipes: a lone `|` in prose is not a table.
    const a = lines[at]?.raw ?? '';
    const b = lines[at + 1]?.raw ?? '';
    return isPipeLine(a) && isPipeLine(b) && (count(a) >= 2 || count(b) >= 2);
  },
  extract(lines, at) {
    const rows: Cell[][] = [];
    let i = at;
    for (; i < lines.length && isPipeLine(lines[i]!.raw); i++) {
      const line = lines[i]!;
      if (SEPARATOR_ROW.test(line.raw)) continue;
      rows.push(splitPipes(line.raw).map((text) => ({ text, line: line.no })));
    }
    if (rows.length < 2) return null;
    const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: lines[i - 1]!.no, rows };
    return { table, next: i };
  },
};

function count(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '|') n++;
  return n;
}
