// Which statistics layout a report uses (canonical-model.md "Layout"): the tables' wording first,
// then the year (both rules are the forms', forms/layout.ts); where they disagree, the tables win
// and a warning says so — unless the tables disagree among themselves and the year names one of
// their layouts: then the year settles it, with the same warning.

import { latestLayout, layoutOfYear, layoutsOfTables, type Layout } from '../forms/layout.js';
import type { PlacedTable } from '../tables/place/types.js';

export type { Layout };

export interface LayoutDecision {
  layout: Layout;
  /** What decided it: the tables' wording, or (where they cannot tell) the year. */
  by: 'tables' | 'year';
  warning: string | null;
}

export function decideLayout(tables: readonly PlacedTable[], year: number | null): LayoutDecision {
  const votes = layoutsOfTables(tables.map((t) => ({ form: t.form, rows: t.rows.flatMap((p) => (p.row ? [p.row] : [])) })));
  const byTables = latestLayout(votes);
  const byYear = layoutOfYear(year);
  if (byTables === null) return { layout: byYear, by: 'year', warning: null };
  // Tables in two wordings: a 2019 report whose 第二十条第（一）项 lost its column words on a mirror
  // site (`本年新 | 本年新 | 对外公开总数量`) and was placed on the 2021 form beside its 2019 items
  // (h007, w135, w234, w272), or whose applicant column 其他 was read as the 2021 row 3.其他 (g022):
  // the year, when it names one of the two, is the witness that decides.
  if (votes.size > 1 && byYear !== 'unknown' && byYear !== byTables && votes.has(byYear)) {
    return { layout: byYear, by: 'tables', warning: `the tables mix the ${[...votes].sort().join(' and ')} wording; the year ${year} implies the ${byYear} layout, which is kept` };
  }
  if (byYear !== 'unknown' && byYear !== byTables) {
    return { layout: byTables, by: 'tables', warning: `the tables use the ${byTables} wording but the year ${year} implies the ${byYear} layout; the tables win` };
  }
  return { layout: byTables, by: 'tables', warning: null };
}
