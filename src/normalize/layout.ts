// Which statistics layout a report uses (canonical-model.md "Layout"): the tables' wording first,
// then the year (both rules are the forms', forms/layout.ts); where they disagree, the tables win
// and a warning says so.

import { layoutOfTables, layoutOfYear, type Layout } from '../forms/layout.js';
import type { PlacedTable } from '../tables/place/types.js';

export type { Layout };

export interface LayoutDecision {
  layout: Layout;
  /** What decided it: the tables' wording, or (where they cannot tell) the year. */
  by: 'tables' | 'year';
  warning: string | null;
}

export function decideLayout(tables: readonly PlacedTable[], year: number | null): LayoutDecision {
  const byTables = layoutOfTables(tables.map((t) => ({ form: t.form, rows: t.rows.flatMap((p) => (p.row ? [p.row] : [])) })));
  const byYear = layoutOfYear(year);
  if (byTables === null) return { layout: byYear, by: 'year', warning: null };
  if (byYear !== 'unknown' && byYear !== byTables) {
    return { layout: byTables, by: 'tables', warning: `the tables use the ${byTables} wording but the year ${year} implies the ${byYear} layout; the tables win` };
  }
  return { layout: byTables, by: 'tables', warning: null };
}
