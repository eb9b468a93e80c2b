// Which statistics layout a report uses (canonical-model.md "Layout"): the tables' wording first —
// a form that only one layout has, or a requests row that only one layout has (（六）其他处理 in
// one row or three) — then the year.

import type { FormLayout } from '../forms/types.js';
import type { PlacedTable } from '../tables/place/types.js';

export type Layout = FormLayout | 'unknown';

/** The layout a statistics year implies. */
export function layoutOfYear(year: number | null): Layout {
  if (year === null) return 'unknown';
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'pre2019';
}

/** The layout the tables' wording shows, or null when the tables cannot tell (or there are none). */
export function layoutOfTables(tables: readonly PlacedTable[]): Layout | null {
  const votes = new Set<Layout>();
  for (const t of tables) {
    if (t.form.layout) votes.add(t.form.layout);
    for (const p of t.rows) if (p.row?.marks) votes.add(p.row.marks);
  }
  if (votes.size === 0) return null;
  if (votes.has('2021')) return '2021';
  if (votes.has('2019')) return '2019';
  return 'pre2019';
}

export interface LayoutDecision {
  layout: Layout;
  /** What decided it: the tables' wording, or (where they cannot tell) the year. */
  by: 'tables' | 'year';
  warning: string | null;
}

export function decideLayout(tables: readonly PlacedTable[], year: number | null): LayoutDecision {
  const byTables = layoutOfTables(tables);
  const byYear = layoutOfYear(year);
  if (byTables === null) return { layout: byYear, by: 'year', warning: null };
  if (byYear !== 'unknown' && byYear !== byTables) {
    return { layout: byTables, by: 'tables', warning: `the tables use the ${byTables} wording but the year ${year} implies the ${byYear} layout; the tables win` };
  }
  return { layout: byTables, by: 'tables', warning: null };
}
