// Scan a report once, line by line, and collect the tables every known shape finds.

import type { SourceLine } from '../parse/lines.js';
import { TABLE_FORMATS } from './formats.js';
import type { RawTable } from './types.js';

export function findTables(lines: readonly SourceLine[]): RawTable[] {
  const tables: RawTable[] = [];
  // Where each format last looked in vain: it is not tried again before that line.
  const blockedUntil = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    let advanced = false;
    for (const format of TABLE_FORMATS) {
      if ((blockedUntil.get(format.name) ?? 0) > i || !format.detect(lines, i)) continue;
      const found = format.extract(lines, i);
      if (found.table && found.next > i) {
        tables.push(found.table);
        i = found.next;
        advanced = true;
        break;
      }
      blockedUntil.set(format.name, found.next);
    }
    if (!advanced) i++;
  }
  return mergePageBreaks(tables, lines);
}

/** A page break as conversions leave it: a CMS marker, a form feed, a page number. */
const PAGE_BREAK = /\[SITESERVER_PAGE\]|\f|^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*$|^\s*第\s*\d{1,4}\s*页/;

/**
 * One table cut in two by a page break is one table: join tables of the same format when only
 * blank lines and at least one page-break mark stand between them. A header the second part
 * repeats is dropped.
 */
function mergePageBreaks(tables: RawTable[], lines: readonly SourceLine[]): RawTable[] {
  const out: RawTable[] = [];
  for (const t of tables) {
    const prev = out.at(-1);
    if (prev && prev.format === t.format && !prev.official && !t.official) {
      const between = lines.slice(prev.endLine, t.line - 1);
      if (between.some((l) => PAGE_BREAK.test(l.raw)) && between.every((l) => l.text === '' || PAGE_BREAK.test(l.raw))) {
        const key = (r: readonly { text: string }[]): string => r.map((c) => c.text).join('|');
        let skip = 0;
        while (skip < t.rows.length && skip < prev.rows.length && key(t.rows[skip]!) === key(prev.rows[skip]!)) skip++;
        prev.rows.push(...t.rows.slice(skip));
        prev.endLine = t.endLine;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** A predicate telling whether a line number lies inside one of the tables. */
export function insideTables(tables: readonly RawTable[]): (no: number) => boolean {
  const covered = new Set<number>();
  for (const t of tables) for (let n = t.line; n <= t.endLine; n++) covered.add(n);
  return (no) => covered.has(no);
}
