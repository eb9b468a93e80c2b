// Raw tables → the tables of the record: official tables rebuilt on their form (a 第二十条 block
// becomes one table per item), any other table kept as drawn.

import type { Table } from '../schema.js';
import { classifyTable } from './classify.js';
import type { Diagnostic, OfficialTable } from './official/match.js';
import { rebuildRows } from './official/rows.js';
import type { RawTable } from './types.js';

export interface BuiltTable {
  table: Omit<Table, 'id' | 'section'>;
  official: OfficialTable | null;
}

function rectangular(rows: ReadonlyArray<ReadonlyArray<{ text: string }>>): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r.map((c) => c.text), ...Array<string>(width - r.length).fill('')]);
}

export function buildTables(raw: readonly RawTable[]): { tables: BuiltTable[]; warnings: Diagnostic[] } {
  const tables: BuiltTable[] = [];
  const warnings: Diagnostic[] = [];
  for (const r of raw) {
    const kind = classifyTable(r);
    const official = r.official ?? rebuildRows(r, kind);
    if (!official) {
      tables.push({ table: { format: r.format, kind: kind === 'other' ? 'other' : kind, caption: null, line: r.line, endLine: r.endLine, rows: rectangular(r.rows) }, official: null });
      if (kind !== 'other') warnings.push({ code: 'TABLE_NOT_OFFICIAL', message: `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} table that does not fit the official form; kept as drawn`, line: r.line });
      continue;
    }
    for (const o of official) {
      tables.push({ table: { format: r.format, kind: o.kind, caption: o.caption, line: o.line, endLine: o.endLine, rows: rectangular(o.rows) }, official: o });
      warnings.push(...o.warnings);
    }
  }
  return { tables, warnings };
}
