// A value cell's text → a number of the canonical model, or a reason why not.
//   11  +2  -3  1,234  ０  1480.8758万元  251000元 (→ 25.1 万元)  —  -  /  无 (→ 0)  blank (→ absent)
// Nothing is guessed: a text that is not one of these is reported, never turned into a number.

import { toHalfWidth } from '../parse/chars.js';

export type Parsed = { kind: 'absent' } | { kind: 'value'; value: number; note?: string } | { kind: 'invalid'; reason: string };

/** Dash, slash or 无 in a value cell: the report states zero (formats.md D5). */
const ZERO_MARK = /^(?:[-—–－‐/／\\]{1,3}|无|空|零)$/;
const NUMBER = /^([+\-−])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|万|元)?(?:件|条|个|人次|人|次|项|篇|家)?$/;
/** More digits than this cannot be a count in a report and would lose precision as a double. */
const MAX_DIGITS = 15;

/** ASCII digits only, not too many, no leading zero (`0` itself is fine). */
function isPlainCount(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > MAX_DIGITS || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `int.frac` divided by 10^places, exactly (on the decimal string, not in floating point). */
function shiftLeft(int: string, frac: string, places: number): number {
  const all = int + frac;
  const point = int.length - places;
  if (point > 0) return Number(`${all.slice(0, point)}.${all.slice(point) || '0'}`);
  return Number(`0.${'0'.repeat(-point)}${all}`);
}

/**
 * Parse a cell. `money` fields are in 万元: a figure in 元 is divided by 10 000; a figure in 万元
 * or without unit is taken as it is, unless `plainUnit` (the column header's unit) says 元.
 */
export function parseValue(text: string, money = false, plainUnit: '万元' | '元' = '万元'): Parsed {
  // Most cells are a plain count: read it without the general pattern.
  if (isPlainCount(text) && !(money && plainUnit === '元')) return { kind: 'value', value: Number(text) };
  const t = toHalfWidth(text).replace(/[\s\u00a0]+/g, '');
  if (t === '') return { kind: 'absent' };
  if (ZERO_MARK.test(t)) return { kind: 'value', value: 0 };
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'invalid', reason: `"${text}" is not a number` };
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  const int = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  if (int.replace(/^0+/, '').length + frac.length > MAX_DIGITS) return { kind: 'invalid', reason: `"${text}" has too many digits to be exact` };
  // A plain number in a column whose header says 元 is in 元.
  const unit = m[4] ?? (money && plainUnit === '元' ? '元' : undefined);
  if (unit === '元') {
    if (!money) return { kind: 'value', value: sign * Number(`${int}.${frac || '0'}`), note: `"${text}" is in 元 in a count cell` };
    return { kind: 'value', value: sign * shiftLeft(int, frac, 4) };
  }
  const value = sign * Number(`${int}.${frac || '0'}`);
  if (unit && !money) return { kind: 'value', value, note: `"${text}" carries a money unit in a count cell` };
  return { kind: 'value', value };
}
