// The forms' relations between two consecutive years of one agency (their `crossYear` entries),
// spelled out as statistics paths for the panel: a form that carries cases over or keeps a stock of
// documents gets its panel checks from its entry, with no code in src/panel/.

import { FORMS } from './index.js';
import { joinKey, type Form } from './types.js';

/** 上年结转 of year N = 结转下年度 of year N−1, in one column. */
export interface CarryLink {
  rule: 'panel.carryOver';
  column: string;
  current: string;
  previous: string;
}

/** stock N = stock N−1 + inflow N − outflow N, in one row. */
export interface StockLink {
  rule: 'panel.inForce';
  row: string;
  stock: string;
  inflow: string;
  outflow: string;
}

export type CrossYearLink = CarryLink | StockLink;

export function crossYearLinks(forms: readonly Form[] = FORMS): CrossYearLink[] {
  const out: CrossYearLink[] = [];
  for (const form of forms) {
    for (const c of form.crossYear ?? []) {
      if (c.kind === 'carry') {
        for (const col of form.columns)
          out.push({ rule: c.rule, column: col.key, current: joinKey(form.base, c.current, col.key), previous: joinKey(form.base, c.previous, col.key) });
      } else {
        for (const row of form.rows)
          out.push({ rule: c.rule, row: row.key, stock: joinKey(form.base, row.key, c.stock), inflow: joinKey(form.base, row.key, c.inflow), outflow: joinKey(form.base, row.key, c.outflow) });
      }
    }
  }
  return out;
}

export const CROSS_YEAR_LINKS: readonly CrossYearLink[] = crossYearLinks();

/** Every statistics path a cross-year link reads: what the panel keeps of a record. */
export const CROSS_YEAR_PATHS: readonly string[] = [
  ...new Set(CROSS_YEAR_LINKS.flatMap((l) => (l.rule === 'panel.carryOver' ? [l.current, l.previous] : [l.stock, l.inflow, l.outflow]))),
];
