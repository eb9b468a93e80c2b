// Which statistics layout a report uses: the tables' wording first, the year second
// (canonical-model.md "Layout"; formats.md §3 lists the markers).

import { layoutOfYear, type Layout } from '../metadata/report.js';
import type { OfficialTable } from '../tables/official/match.js';

/** The layout the tables' wording shows, or null when the tables cannot tell (or there are none). */
export function layoutOfTables(tables: readonly OfficialTable[]): Layout | null {
  const votes = new Set<Layout>();
  for (const t of tables) {
    if (t.kind === 'pre2019') votes.add('pre2019');
    else if (t.template.id.startsWith('2021-')) votes.add('2021');
    else if (t.template.id.startsWith('2019-')) votes.add('2019');
    else if (t.kind === 'requests') {
      // （六）其他处理 as one row is the 2019 form; split in three, the 2021 form.
      if (t.keys.some((k) => k === 'outcomes.other.noAmendment' || k === 'outcomes.other.unpaidFee' || k === 'outcomes.other.other')) votes.add('2021');
      else if (t.keys.includes('outcomes.other.total')) votes.add('2019');
    }
  }
  if (votes.size === 0) return null;
  if (votes.has('2021')) return '2021';
  if (votes.has('2019')) return '2019';
  return 'pre2019';
}

export interface LayoutDecision {
  layout: Layout;
  warning: string | null;
}

export function decideLayout(tables: readonly OfficialTable[], year: number | null): LayoutDecision {
  const byTables = layoutOfTables(tables);
  const byYear = layoutOfYear(year);
  if (byTables === null) return { layout: byYear, warning: null };
  if (byYear !== 'unknown' && byYear !== byTables) {
    return { layout: byTables, warning: `the tables use the ${byTables} wording but the year ${year} implies the ${byYear} layout; the tables win` };
  }
  return { layout: byTables, warning: null };
}
