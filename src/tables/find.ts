// Scan a report once, line by line, and collect the tables every known shape finds. A shape is
// asked only at lines whose kind (parse/lines.ts) can start it, as micromark dispatches constructs
// by their first character.

import { isBlank, LINE, type SourceLine } from '../parse/lines.js';
import type { RawTable } from './types.js';
import { SHAPES } from './shapes/index.js';

export function findTables(lines: readonly SourceLine[]): RawTable[] {
  const tables: RawTable[] = [];
  // Where each shape last looked in vain: it is not asked again before that line.
  const blockedUntil = new Array<number>(SHAPES.length).fill(0);
  let i = 0;
  while (i < lines.length) {
    const flags = lines[i]!.flags;
    let advanced = false;
    for (let s = 0; s < SHAPES.length; s++) {
      const shape = SHAPES[s]!;
      if ((flags & shape.triggers) === 0 || blockedUntil[s]! > i || !shape.detect(lines, i)) continue;
      const found = shape.read(lines, i);
      if (found.table && found.next > i) {
        tables.push(found.table);
        i = found.next;
        advanced = true;
        break;
      }
      blockedUntil[s] = found.next;
    }
    if (!advanced) i++;
  }
  return joinPageBreaks(tables, lines);
}

const key = (row: readonly { text: string }[]): string => row.map((c) => c.text).join('|');

/**
 * One table cut in two by a page break is one table: join tables of the same format when only
 * blank lines and at least one page-break mark stand between them. A header the second part
 * repeats is dropped. (Flow tables read through page breaks already.)
 */
function joinPageBreaks(tables: RawTable[], lines: readonly SourceLine[]): RawTable[] {
  const out: RawTable[] = [];
  for (const t of tables) {
    const prev = out.at(-1);
    if (prev && prev.format === t.format && !prev.flow && !t.flow) {
      const between = lines.slice(prev.endLine, t.line - 1);
      const isBreak = (l: SourceLine): boolean => (l.flags & LINE.PAGE_BREAK) !== 0 || l.raw.includes('[SITESERVER_PAGE]');
      if (between.some(isBreak) && between.every((l) => isBlank(l) || isBreak(l))) {
        let skip = 0;
        while (skip < t.rows.length && skip < prev.rows.length && key(t.rows[skip]!) === key(prev.rows[skip]!)) skip++;
        for (let r = skip; r < t.rows.length; r++) prev.rows.push(t.rows[r]!); // not push(...rows): a long table overflows the stack
        prev.endLine = t.endLine;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}
