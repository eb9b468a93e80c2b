// Dates as reports write them: `2018年2月1日`, `2018 年 2 月 1 日`, `二〇一八年二月一日` (`二○一八…`),
// `2018-02-01`, `2018.2.1`, `2018/2/1`. Output is ISO `YYYY-MM-DD`.

import { toHalfWidth } from './chars.js';
import { chineseDigits, chineseNumeral } from './numerals.js';

/** `二〇一八` → 2018 (digit by digit, as years are written); `十二` → 12, `三十一` → 31 (as numerals). */
function cnToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return s.includes('十') ? chineseNumeral(s) : chineseDigits(s);
}

// ○ (U+25CB, a white circle) stands for 〇 in many documents typed on keyboards without it.
const NUM = '[0-9〇零○Oo一二三四五六七八九十]';
/** Year, month, day in Chinese form; spaces are allowed anywhere between the parts. */
const CN_DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*[日号]`, 'g');
/** `2018-02-01`, `2018.2.1`, `2018/2/1`. */
const ISO_DATE = /(?<!\d)(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)/g;

const ISO_HINT = /\d\s*[-./]/;

export interface FoundDate {
  iso: string;
  year: number;
  index: number;
  length: number;
  /** Written as a date but no day of the calendar (`2014年4月31日`, `2019年13月40日`): never taken, only reported. */
  impossible?: true;
}

/** The years a report's dates fall in; a number outside is no year of a date (a document number, a count). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
/** The most a written month or day can be and still be read as one (beyond, the digits are something else). */
const MAX_MONTH_WRITTEN = 19;
const MAX_DAY_WRITTEN = 39;

/** Is y-m-d a day of the Gregorian calendar? */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function make(y: number | null, m: number | null, d: number | null, index: number, length: number): FoundDate | null {
  if (y === null || m === null || d === null) return null;
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > MAX_MONTH_WRITTEN || d < 1 || d > MAX_DAY_WRITTEN) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, year: y, index, length, ...(isCalendarDate(y, m, d) ? {} : { impossible: true as const }) };
}

/** Every date in `text`, in order of appearance, impossible ones (`4月31日`) among them, marked. */
export function findDates(text: string): FoundDate[] {
  const s = toHalfWidth(text);
  const out: FoundDate[] = [];
  // Each pattern only where its fixed characters stand: most lines hold no date at all.
  if (s.includes('年')) for (const m of s.matchAll(CN_DATE)) {
    const d = make(cnToNumber(m[1]!), cnToNumber(m[2]!), cnToNumber(m[3]!), m.index, m[0].length);
    if (d) out.push(d);
  }
  if (ISO_HINT.test(s)) for (const m of s.matchAll(ISO_DATE)) {
    const d = make(Number(m[1]), Number(m[2]), Number(m[3]), m.index, m[0].length);
    if (d) out.push(d);
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The longest date-only line: a written-out date is at most 13 characters (`二〇二一年十二月三十一日`)
 * and brackets around it a few more. Prose lines, nearly all longer, are turned away unread.
 */
const MAX_DATE_LINE_CHARS = 30;

function visibleLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0 && ++n > max) return true;
  }
  return false;
}

/** The date of a line that is nothing but a date, perhaps in brackets: `（2021年1月28日）`, `2018 年 2 月 1 日`. */
function onlyDate(text: string): FoundDate | null {
  if (visibleLongerThan(text, MAX_DATE_LINE_CHARS)) return null;
  // Read without its spaces, as it is tested: `2 018年…` has its date only so.
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const dates = findDates(s);
  if (dates.length !== 1) return null;
  const d = dates[0]!;
  const rest = s.slice(0, d.index) + s.slice(d.index + d.length);
  return /^[()[\]【】]*$/.test(rest) ? d : null;
}

export function isDateLine(text: string): boolean {
  return onlyDate(text) !== null;
}

/** The date of a date-only line, or null; an impossible one is found, marked, for the caller to report. */
export function dateOfLine(text: string): FoundDate | null {
  return onlyDate(text);
}
