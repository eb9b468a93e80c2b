// The statistics year, from what the report says of it in several places. The title decides when it
// names a year. Without one, the places below are asked in this order, and the first that another
// confirms is taken, else the first: a page may copy last year's sentence (`我镇认真编制了《田黄镇
// 2020年…报告》`, then a period and a year of work in 2021: w266) or mistype its period (`编制了2021年…
// 报告`, a period in 2020, `2021年，…`: g032). Where they disagree, the record says so.

import type { Diagnostic } from '../diagnostics.js';

export interface YearWitness {
  /** What states it: `the title`, `the statistics period`, … */
  what: string;
  year: number | null;
  line: number | null;
}

export interface StatisticsYear {
  year: number | null;
  warning: Diagnostic | null;
}

/**
 * The year the title names, else the first witness another confirms, else the first; a
 * `YEAR_DISAGREES` warning on the line of a witness that says otherwise.
 */
export function statisticsYear(title: YearWitness, others: readonly YearWitness[]): StatisticsYear {
  const stated = [title, ...others].filter((w) => w.year !== null);
  if (stated.length === 0) return { year: null, warning: null };
  const confirmed = (w: YearWitness): boolean => stated.some((o) => o !== w && o.year === w.year);
  const chosen = title.year !== null ? title : (stated.find(confirmed) ?? stated[0]!);
  const other = stated.find((w) => w.year !== chosen.year);
  const warning: Diagnostic | null = other
    ? {
        code: 'YEAR_DISAGREES',
        message: `${other.what} says ${other.year}, ${chosen.what} ${chosen.year}: ${chosen.year} kept`,
        line: other.line,
      }
    : null;
  return { year: chosen.year, warning };
}
