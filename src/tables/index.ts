// The tables stage: find every table the text draws (find.ts), place each on the official forms
// (place/), and write the record's grids. A table that names an official table but does not fit
// its form, and any other table, is kept as drawn.

import type { Diagnostic } from '../diagnostics.js';
import type { SourceLine } from '../parse/lines.js';
import type { Table } from '../schema.js';
import { cellBudget } from './budget.js';
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

function textSize(raw: RawTable, lines: readonly SourceLine[]): number {
  let n = 0;
  for (let i = raw.line - 1; i < raw.endLine && i < lines.length; i++) n += lines[i]!.raw.length;
  return n;
}

/** What a table kept as drawn holds (budget.ts): its cells' text and one for every cell of its rectangle, padding included. */
function drawnSize(raw: RawTable): number {
  let width = 0;
  let text = 0;
  for (const r of raw.rows) {
    width = Math.max(width, r.length);
    for (const c of r) text += c.text.length;
  }
  return text + width * raw.rows.length;
}

/** The rows of a table kept as drawn, made rectangular; padding is reported (TABLE_RAGGED). */
function asDrawn(raw: RawTable, warnings: Diagnostic[]): string[][] {
  let width = 0;
  for (const r of raw.rows) width = Math.max(width, r.length); // not Math.max(...rows): a long table overflows the stack
  const ragged = raw.rows.filter((r) => r.length < width).length;
  if (ragged > 0) warnings.push({ code: 'TABLE_RAGGED', message: `${ragged} of ${raw.rows.length} rows had fewer than ${width} cells; padded with empty cells`, line: raw.line });
  return raw.rows.map((r) => [...r.map((c) => c.text), ...Array<string>(width - r.length).fill('')]);
}

export function readTables(lines: readonly SourceLine[]): TablesResult {
  const tables: StagedTable[] = [];
  const warnings: Diagnostic[] = [];
  const spans: Array<readonly [number, number]> = [];
  for (const raw of findTables(lines)) {
    // A drawing whose cells would far exceed its text is broken geometry, not a table: it is not
    // placed (nor its cells built, when its reader saw it first) and its lines are read as text.
    if (!raw.flow) {
      const size = raw.tooLarge === undefined ? drawnSize(raw) : 0;
      const tooLarge = raw.tooLarge ?? (size > cellBudget(textSize(raw, lines)) ? `would hold ${size} characters of cells` : null);
      if (tooLarge !== null) {
        warnings.push({ code: 'TABLE_TOO_LARGE', message: `a ${raw.format} table of lines ${raw.line}–${raw.endLine} ${tooLarge}; read as text`, line: raw.line });
        continue;
      }
    }
    const placement = placeTable(raw);
    if (placement.placed.length > 0) {
      spans.push(raw.drawn ?? (raw.flow ? [placement.placed[0]!.line, Math.max(...placement.placed.map((p) => p.endLine))] : [raw.line, raw.endLine]));
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
