// The statistics period sentence:
//   本报告中所列数据的统计期限自 2017 年 1 月 1 日起至 2017 年 12 月 31 日止。
//   本报告所列统计数据的期限自2020年1月1日起，至2020年12月31日止。

import { findDates } from './dates.js';

export interface Period {
  start: string;
  end: string;
  line: number;
}

/** What may stand between the two dates of a period: `起至`, `起，至`, `至`, `到`, `-`, `—`. */
const BETWEEN = /^\s*起?\s*[,，]?\s*(?:至|到|止于|[-—–~～])\s*$/;
/** The end date without its year: `2025年1月1日至12月31日`. */
const SAME_YEAR_END = /^\s*起?\s*[,，]?\s*(?:至|到|止于|[-—–~～])\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

const PERIOD_HINT = /[至到止\-—–~～]/;

export function findPeriod(lines: ReadonlyArray<{ no: number; text: string }>): Period | null {
  for (const line of lines) {
    // Both patterns need one of these between the dates.
    if (!PERIOD_HINT.test(line.text)) continue;
    const dates = findDates(line.text);
    for (const a of dates) {
      const short = SAME_YEAR_END.exec(line.text.slice(a.index + a.length));
      if (!short) continue;
      const end = `${a.year}-${short[1]!.padStart(2, '0')}-${short[2]!.padStart(2, '0')}`;
      if (a.iso < end) return { start: a.iso, end, line: line.no };
    }
    for (let i = 0; i + 1 < dates.length; i++) {
      const a = dates[i]!;
      const b = dates[i + 1]!;
      const gap = line.text.slice(a.index + a.length, b.index);
      if (BETWEEN.test(gap) && a.iso < b.iso) return { start: a.iso, end: b.iso, line: line.no };
    }
  }
  return null;
}
