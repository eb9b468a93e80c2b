// Pieces every placement shares: the columns a header implies when it cannot be mapped cell by
// cell, and the warnings about rows.

import type { Diagnostic } from '../../diagnostics.js';
import { labelKey } from '../../forms/match.js';
import { rowSums, sumHolds } from '../../forms/relations.js';
import type { Form, FormColumn } from '../../forms/types.js';

export { columnsOfHeader } from '../../forms/match.js';
import type { Cell } from '../types.js';
import { countOf } from '../../lexical/values.js';

export function unmatched(label: string, line: number | null, form: Form): Diagnostic {
  const where = form.caption ?? `${form.kind} table`;
  return { code: 'TABLE_ROW_UNMATCHED', message: `${where}: row "${label}" matches no row of the official form`, line };
}

/**
 * Money columns whose header gives the amount in 元 (`采购总金额（元）`), from the header's words:
 * for tables whose header cells cannot be put over their columns one by one.
 */
export function yuanColumns(columns: readonly FormColumn[], headerText: string): Set<string> {
  const h = labelKey(headerText);
  const out = new Set<string>();
  for (const c of columns) {
    if (!c.money) continue;
    for (const re of c.match) {
      const m = re.exec(h);
      if (!m) continue;
      const after = h.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (/^[^|\n]*?元/.test(after) && !/^[^|\n]*?万元/.test(after)) out.add(c.key);
    }
  }
  return out;
}

/**
 * The least and the greatest of many numbers (a table's lines, its rows' places in the form):
 * `Math.min(...xs)` throws beyond about 100 000 arguments, and an official table may be that long.
 */
export function least(xs: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const x of xs) if (x < m) m = x;
  return m;
}

export function greatest(xs: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/**
 * Does a row of values, in the report's column order, keep the form's row total (the first of its
 * row sums, forms/relations.ts)? null when the form has none, the total is blank, or a value is
 * not a whole number. A blank part is unknown, or 0 with `blanksAreZero` (a table that leaves its
 * zeros blank).
 */
export function rowTotalTest(form: Form, columns: readonly FormColumn[], blanksAreZero = false): (values: ReadonlyArray<Cell | null>) => boolean | null {
  const sum = rowSums(form, columns.map((c) => c.key))[0];
  if (!sum) return () => null;
  return (values) => {
    const t = countOf(values[sum.total]?.text ?? '');
    if (t === null) return null;
    const counts: number[] = [];
    counts[sum.total] = t;
    for (const p of sum.parts) {
      const text = values[p]?.text ?? '';
      const v = text === '' && blanksAreZero ? 0 : countOf(text);
      if (v === null) return null;
      counts[p] = v;
    }
    return sumHolds(sum, counts);
  };
}
