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

import { applies, evaluate } from '../forms/relations.js';
import type { Ref, Relation } from '../forms/types.js';
import type { Grid } from '../tables/place/build.js';
import type { PlacedTable } from '../tables/place/types.js';
import { countOf } from '../lexical/values.js';
import type { StatisticsBuilder } from './collect.js';
import { cellPath } from './from-tables.js';

/** The cell a total the report states in prose stands in, in a relation of its own. */
const STATED: Ref = { row: '', col: '' };

export function impliedZeros(t: PlacedTable, grid: Grid, id: string, out: StatisticsBuilder, stated: ReadonlyArray<{ value: number; parts: readonly Ref[] }> = []): void {
  const sums: Array<{ relation: Relation; stated?: number }> = [
    ...stated.map((s) => ({ relation: { rule: 'prose', kind: 'total' as const, left: [STATED], right: s.parts, what: '' }, stated: s.value })),
    ...t.form.relations.filter((r) => r.kind === 'total').map((relation) => ({ relation })),
  ];
  if (sums.length === 0) return;
  const rowOf = new Map<string, number>();
  t.rows.forEach((p, i) => {
    if (p.row && !p.row.tableOnly && !rowOf.has(p.row.key)) rowOf.set(p.row.key, i);
  });
  const colOf = new Map(t.columns.map((c, j) => [c.key, j]));
  // What the table says of each cell: a count, blank (printed, empty: null), nothing (not in the
  // table: undefined); a cell whose text is no count is unknown too, and stops its sums.
  const implied = new Set<string>();
  const unreadable = new Set<Ref>();
  const state = (ref: Ref): number | null | undefined => {
    const i = rowOf.get(ref.row);
    const j = colOf.get(ref.col);
    if (i === undefined || j === undefined) return undefined;
    if (implied.has(`${i}:${j}`)) return 0;
    if (t.rows[i]!.withheld || j >= (t.rows[i]!.cutAt ?? Infinity)) {
      unreadable.add(ref);
      return null;
    }
    const cell = t.rows[i]!.values[j];
    if (!cell) return null;
    const n = countOf(cell.text);
    if (n === null) unreadable.add(ref);
    return n;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const { relation, stated: value } of sums) {
      const lookup = (ref: Ref): number | null | undefined => (ref === STATED ? value : state(ref));
      if (!applies(relation, (ref) => typeof lookup(ref) === 'number')) continue;
      const total = relation.left[0]!;
      if (typeof lookup(total) !== 'number') continue;
      const e = evaluate(relation, lookup);
      // Parts the table does not print are no help and no hindrance; a part whose text is no count is.
      const blanks = e.open.filter((ref) => ref !== total);
      if (blanks.length === 0 || blanks.some((ref) => unreadable.has(ref)) || !e.exact) continue;
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
