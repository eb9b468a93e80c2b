// Scan a report once, line by line, and collect the tables every known shape finds.

import type { SourceLine } from '../parse/lines.js';
import { TABLE_FORMATS } from './formats.js';
import type { RawTable } from './types.js';

export function findTables(lines: readonly SourceLine[]): RawTable[] {
  const tables: RawTable[] = [];
  let i = 0;
  while (i < lines.length) {
    let advanced = false;
    for (const format of TABLE_FORMATS) {
      if (!format.detect(lines, i)) continue;
      const found = format.extract(lines, i);
      if (found && found.next > i) {
        tables.push(found.table);
        i = found.next;
        advanced = true;
        break;
      }
    }
    if (!advanced) i++;
  }
  return tables;
}

/** A predicate telling whether a line number lies inside one of the tables. */
export function insideTables(tables: readonly RawTable[]): (no: number) => boolean {
  const covered = new Set<number>();
  for (const t of tables) for (let n = t.line; n <= t.endLine; n++) covered.add(n);
  return (no) => covered.has(no);
}
