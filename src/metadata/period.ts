// The statistics period sentence:
//   本报告中所列数据的统计期限自 2017 年 1 月 1 日起至 2017 年 12 月 31 日止。
//   本报告所列统计数据的期限自2020年1月1日起，至2020年12月31日止。
// A PDF may break it over lines and pages; the caller hands over whole paragraphs.

import { findDates, isCalendarDate } from '../lexical/dates.js';

export interface Period {
  start: string;
  end: string;
  line: number;
}

/** A period whose dates are no days of the calendar: left out, and said. */
export interface ImpossiblePeriod {
  impossible: string;
  line: number;
}

/** What may stand between the two dates of a period once spaces are gone: `起至`, `起，至`, `至`, `到`, `-`, `—`. */
const BETWEEN = /^起?[,，]?(?:至|到|止于|[-—–~～])$/;
/** The end date without its year: `2025年1月1日至12月31日`. */
const SAME_YEAR_END = /^起?[,，]?(?:至|到|止于|[-—–~～])(\d{1,2})月(\d{1,2})日/;
/** The longest stretch between the dates that can still be one of the above with spaces around. */
const MAX_GAP_CHARS = 24;

const PERIOD_HINT = /[至到止\-—–~～]/;

/** The text after a date, spaces removed, within reach of the period words. */
function gapAfter(text: string, from: number, to = from + MAX_GAP_CHARS): string | null {
  if (to - from > MAX_GAP_CHARS) return null;
  return text.slice(from, to).replace(/\s+/g, '');
}

/** The period the first paragraph that states one states. Paragraphs are read one at a time, as they come. */
export function findPeriod(paragraphs: Iterable<{ no: number; text: string }>): Period | ImpossiblePeriod | null {
  for (const p of paragraphs) {
    // Both patterns need one of these between the dates.
    if (!PERIOD_HINT.test(p.text)) continue;
    const dates = findDates(p.text);
    for (const a of dates) {
      const short = SAME_YEAR_END.exec(gapAfter(p.text, a.index + a.length)!);
      if (!short) continue;
      const end = `${a.year}-${short[1]!.padStart(2, '0')}-${short[2]!.padStart(2, '0')}`;
      if (a.iso >= end) continue;
      if (a.impossible || !isCalendarDate(a.year, Number(short[1]), Number(short[2]))) return { impossible: `${a.iso} to ${end}`, line: p.no };
      return { start: a.iso, end, line: p.no };
    }
    for (let i = 0; i + 1 < dates.length; i++) {
      const a = dates[i]!;
      const b = dates[i + 1]!;
      const gap = gapAfter(p.text, a.index + a.length, b.index);
      if (gap === null || !BETWEEN.test(gap) || a.iso >= b.iso) continue;
      if (a.impossible || b.impossible) return { impossible: `${a.iso} to ${b.iso}`, line: p.no };
      return { start: a.iso, end: b.iso, line: p.no };
    }
  }
  return null;
}
