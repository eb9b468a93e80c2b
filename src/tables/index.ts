// The tables stage: find every table the text draws (find.ts), place each on the official forms
// (place/), and write the record's grids. A table that names an official table but does not fit
// its form, and any other table, is kept as drawn.

import type { Diagnostic } from '../diagnostics.js';
import type { SourceLine } from '../parse/lines.js';
import type { Table } from '../schema.js';
import { findTables } from './find.js';
import { buildGrid, type Grid } from './place/build.js';
import { placeTable } from './place/index.js';
import type { PlacedTable } from './place/types.js';
import type { RawTable } from './types.js';

export interface StagedTable {
  table: Omit<Table, 'id' | 'section'>;
  /** The official table, when the grid is one. */
  placed: PlacedTable | null;
  grid: Grid | null;
}

export interface TablesResult {
  tables: StagedTable[];
  warnings: Diagnostic[];
  /** The line ranges the tables take: a drawn table's whole drawing, a flow's lines up to its last used token. */
  spans: Array<readonly [number, number]>;
}

/**
 * A drawn table whose cells, span copies and all, hold more text than this many times its own
 * lines (plus a little) is broken geometry, not a table: a rectangle of copies can grow with the
 * square of the text (issue 13 measured a 27 KB page giving a 7.9 MB record).
 */
const MAX_CELL_TEXT_RATIO = 4;
const CELL_TEXT_ALLOWANCE = 4096;

function textSize(raw: RawTable, lines: readonly SourceLine[]): number {
  let n = 0;
  for (let i = raw.line - 1; i < raw.endLine && i < lines.length; i++) n += lines[i]!.raw.length;
  return n;
}

/** The rows of a table kept as drawn, made rectangular; padding is reported (TABLE_RAGGED). */
function asDrawn(raw: RawTable, warnings: Diagnostic[]): string[][] {
  const width = Math.max(0, ...raw.rows.map((r) => r.length));
  const ragged = raw.rows.filter((r) => r.length < width).length;
  if (ragged > 0) warnings.push({ code: 'TABLE_RAGGED', message: `${ragged} of ${raw.rows.length} rows had fewer than ${width} cells; padded with empty cells`, line: raw.line });
  return raw.rows.map((r) => [...r.map((c) => c.text), ...Array<string>(width - r.length).fill('')]);
}

export function readTables(lines: readonly SourceLine[]): TablesResult {
  const tables: StagedTable[] = [];
  const warnings: Diagnostic[] = [];
  const spans: Array<readonly [number, number]> = [];
  for (const raw of findTables(lines)) {
    const placement = placeTable(raw);
    if (placement.placed.length > 0) {
      spans.push(raw.flow ? [placement.placed[0]!.line, Math.max(...placement.placed.map((p) => p.endLine))] : [raw.line, raw.endLine]);
      for (const p of placement.placed) {
        const grid = buildGrid(p);
        tables.push({
          table: { format: p.format, kind: p.form.kind, caption: p.caption, line: p.line, endLine: p.endLine, rows: grid.rows },
          placed: p,
          grid,
        });
        warnings.push(...p.warnings);
      }
      continue;
    }
    // A flow that no form reads is prose after all.
    if (raw.flow) continue;
    let cells = 0;
    for (const r of raw.rows) for (const c of r) cells += c.text.length;
    if (cells > MAX_CELL_TEXT_RATIO * textSize(raw, lines) + CELL_TEXT_ALLOWANCE) {
      warnings.push({ code: 'TABLE_TOO_LARGE', message: `a ${raw.format} table of lines ${raw.line}–${raw.endLine} would hold ${cells} characters of cells; read as text`, line: raw.line });
      continue;
    }
    spans.push([raw.line, raw.endLine]);
    if (placement.kind !== 'other') {
      warnings.push({ code: 'TABLE_NOT_OFFICIAL', message: `${/^[aeiou]/.test(placement.kind) ? 'an' : 'a'} ${placement.kind} table that does not fit the official form; kept as drawn`, line: raw.line });
    }
    tables.push({
      table: { format: raw.format, kind: placement.kind, caption: null, line: raw.line, endLine: raw.endLine, rows: asDrawn(raw, warnings) },
      placed: null,
      grid: null,
    });
  }
  return { tables, warnings, spans };
}

/** A predicate telling whether a line number lies inside one of the tables. */
export function insideTables(spans: TablesResult['spans'], lineCount: number): (no: number) => boolean {
  const covered = new Uint8Array(lineCount + 2);
  for (const [a, b] of spans) for (let n = a; n <= b && n <= lineCount; n++) covered[n] = 1;
  return (no) => covered[no] === 1;
}
