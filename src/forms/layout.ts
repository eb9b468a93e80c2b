// Which statistics layout a report uses (canonical-model.md "Layout"): the wording of its tables
// — a form that only one layout has, or a row that only one layout has (（六）其他处理 in one row
// or three) — and else the year the report covers.

import type { Layout } from '../schema.js';
import type { Form, FormLayout, FormRow } from './types.js';

export type { Layout };

/** The first year each layout was the official one: the 2019 format (国办公开办函〔2019〕60号), the 2021 format (2021). */
const FIRST_YEAR: ReadonlyArray<readonly [number, FormLayout]> = [
  [2021, '2021'],
  [2019, '2019'],
];

/** The layout a statistics year implies. */
export function layoutOfYear(year: number | null): Layout {
  if (year === null) return 'unknown';
  for (const [from, layout] of FIRST_YEAR) if (year >= from) return layout;
  return 'pre2019';
}

/** The layout the tables' wording shows (each table's form and the rows placed on it), or null when they cannot tell. */
export function layoutOfTables(tables: ReadonlyArray<{ form: Form; rows: readonly FormRow[] }>): Layout | null {
  const votes = new Set<Layout>();
  for (const t of tables) {
    if (t.form.layout) votes.add(t.form.layout);
    for (const row of t.rows) if (row.marks) votes.add(row.marks);
  }
  if (votes.size === 0) return null;
  // The later wording wins: a 2021 report may print a row that the 2019 form shares with it.
  if (votes.has('2021')) return '2021';
  if (votes.has('2019')) return '2019';
  return 'pre2019';
}
