// Blank cells that the table proves to be zero (canonical-model.md): counts are never negative,
// so where a printed total equals the sum of its printed parts, every blank part of it is 0 —
// exactly, not by guess. Shanghai's 2019 tables leave every zero blank:
//   一、本年新收政府信息公开申请数量   821 | 35 |    |    | 2 | 1 | 859     → 科研机构, 社会公益组织 = 0
// The form's `total` relations (row totals, 法人或其他组织, （七）总计 per column, appeals group
// totals, the pre-2019 sums) are applied until nothing changes; a total itself is never filled in
// from its parts, and a cell of a row or column the table does not print is never filled in.
// A total the report states in its prose that the form splits (forms: `statedSums`) counts as a
// printed total too: Shanghai writes 诉讼9件 and leaves its 复议后起诉 columns blank beside 9 cases
// 未经复议直接起诉 — the 复议后起诉 total is 0, and so are its parts.

import type { Ref, Relation } from '../forms/types.js';
import type { Grid } from '../tables/place/build.js';
import type { PlacedTable } from '../tables/place/types.js';
import { countOf } from '../lexical/values.js';
import type { StatisticsBuilder } from './collect.js';
import { cellPath } from './from-tables.js';

/** A total and its parts: the total a cell of the table, or a number the report states. */
interface Sum {
  total: Ref | number;
  parts: readonly Ref[];
  when?: Relation['when'];
}

export function impliedZeros(t: PlacedTable, grid: Grid, id: string, out: StatisticsBuilder, stated: ReadonlyArray<{ value: number; parts: readonly Ref[] }> = []): void {
  const sums: Sum[] = [
    ...stated.map((s) => ({ total: s.value, parts: s.parts })),
    ...t.form.relations.filter((r) => r.kind === 'total').map((r) => ({ total: r.left[0]!, parts: r.right, ...(r.when ? { when: r.when } : {}) })),
  ];
  if (sums.length === 0) return;
  const rowOf = new Map<string, number>();
  t.rows.forEach((p, i) => {
    if (p.row && !p.row.tableOnly && !rowOf.has(p.row.key)) rowOf.set(p.row.key, i);
  });
  const colOf = new Map(t.columns.map((c, j) => [c.key, j]));
  // What the table says of each cell: a count, blank (printed, empty), or nothing (not in the table).
  const implied = new Set<string>();
  const state = (ref: Ref): number | 'blank' | null => {
    const i = rowOf.get(ref.row);
    const j = colOf.get(ref.col);
    if (i === undefined || j === undefined) return null;
    if (implied.has(`${i}:${j}`)) return 0;
    const cell = t.rows[i]!.values[j];
    if (!cell) return 'blank';
    return countOf(cell.text);
  };
  const present = (ref: Ref): boolean => {
    const s = state(ref);
    return s !== null && s !== 'blank';
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of sums) {
      if (r.when?.present && !r.when.present.every((g) => g.some(present))) continue;
      if (r.when?.absent && r.when.absent.some(present)) continue;
      const total = typeof r.total === 'number' ? r.total : state(r.total);
      if (typeof total !== 'number') continue;
      let sum = 0;
      const blanks: Ref[] = [];
      let unknown = false;
      for (const part of r.parts) {
        const s = state(part);
        if (s === 'blank') blanks.push(part);
        else if (typeof s === 'number') sum += s;
        else unknown = unknown || s === null && rowOf.has(part.row) && colOf.has(part.col);
      }
      if (unknown || blanks.length === 0 || sum !== total) continue;
      for (const b of blanks) {
        const i = rowOf.get(b.row)!;
        const j = colOf.get(b.col)!;
        implied.add(`${i}:${j}`);
        const p = t.rows[i]!;
        out.set(cellPath(t, p.row!, t.columns[j]!), 0, { table: id, row: grid.rowIndex[i]!, col: grid.firstValue + j, line: p.line, raw: '', method: 'implied' });
        changed = true;
      }
    }
  }
}
