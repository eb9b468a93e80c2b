// A value cell's text → a number of the canonical model, or a reason why not.
//   11  +2  -3  1,234  ０  1480.8758万元  251000元 (→ 25.1 万元)  —  -  /  无 (→ 0)  blank (→ absent)
// Nothing is guessed: a text that is not one of these is reported, never turned into a number.

import { squeeze } from '../tables/values.js';

/** Why a numeral is refused: too many digits to be exact, or thousands grouping that is not 1–3 + 3 + 3 … */
export type NumeralProblem = 'VALUE_TOO_LARGE' | 'VALUE_GROUPING';

export type Parsed =
  | { kind: 'absent' }
  | { kind: 'value'; value: number; note?: string }
  | { kind: 'invalid'; reason: string; code?: NumeralProblem };

export type Numeral = { ok: true; value: number } | { ok: false; code: NumeralProblem; reason: string };

/** Dash, slash or 无 in a value cell: the report states zero (formats.md D5). */
const ZERO_MARK = /^(?:[-—–－‐/／\\]{1,3}|无|空|零)$/;
/** The digits are checked by parseNumeral: the pattern only finds where they are. */
const NUMBER = /^([+\-−])?(\d[\d,]*(?:\.\d+)?)(万元|万|元)?(?:件|条|个|人次|人|次|项|篇|家)?$/;
/** ASCII digits, optionally grouped by commas, optionally with a fraction. */
const NUMERAL = /^(\d[\d,]*)(?:\.(\d+))?$/;
/** Thousands grouping: 1–3 leading digits, then groups of exactly 3. */
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
/** The fast path's bound: at most 15 digits is below Number.MAX_SAFE_INTEGER whatever they are. */
const PLAIN_DIGITS = 15;
/** Significant digits a double holds exactly for any decimal (DBL_DIG). */
const EXACT_DECIMAL_DIGITS = 15;
const MAX_SAFE = String(Number.MAX_SAFE_INTEGER);

/** ASCII digits only, not too many, no leading zero (`0` itself is fine). */
function isPlainCount(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > PLAIN_DIGITS || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `s` without its trailing zeros, by one scan from the end (`/0+$/` retries from every zero of a run). */
function withoutTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/**
 * The one reader of written numbers, for table cells and prose figures alike: ASCII digits with
 * optional thousands grouping and fraction (`1,234.5`), divided by 10^`places` (4 turns 元 into
 * 万元) on the decimal string, so exactly. Refused, never rounded: grouping other than 1–3 digits
 * followed by groups of exactly 3 (`12,34`, `123456789,123`); an integer beyond
 * Number.MAX_SAFE_INTEGER; a number with a fraction and more than 15 significant digits.
 */
export function parseNumeral(text: string, places = 0): Numeral {
  const m = NUMERAL.exec(text);
  if (!m) return { ok: false, code: 'VALUE_GROUPING', reason: `"${text}" is not a numeral` };
  let int = m[1]!;
  if (int.includes(',')) {
    if (!GROUPED.test(int)) return { ok: false, code: 'VALUE_GROUPING', reason: `"${text}" has malformed digit grouping (1–3 digits, then groups of 3)` };
    int = int.replace(/,/g, '');
  }
  // Move the decimal point `places` to the left, then drop the zeros that carry no digit.
  const digits = int + (m[2] ?? '');
  const point = int.length - places;
  const whole = (point > 0 ? digits.slice(0, point) : '').replace(/^0+/, '');
  const fraction = withoutTrailingZeros(point > 0 ? digits.slice(point) : '0'.repeat(-point) + digits);
  if (fraction === '') {
    if (whole.length > MAX_SAFE.length || (whole.length === MAX_SAFE.length && whole > MAX_SAFE)) {
      return { ok: false, code: 'VALUE_TOO_LARGE', reason: `"${text}" is beyond ${MAX_SAFE}, too large to be exact` };
    }
    return { ok: true, value: Number(whole || '0') };
  }
  const significant = whole === '' ? fraction.replace(/^0+/, '').length : whole.length + fraction.length;
  if (significant > EXACT_DECIMAL_DIGITS) {
    return { ok: false, code: 'VALUE_TOO_LARGE', reason: `"${text}" has more than ${EXACT_DECIMAL_DIGITS} significant digits, too many to be exact` };
  }
  return { ok: true, value: Number(`${whole || '0'}.${fraction}`) };
}

/**
 * Parse a cell. `money` fields are in 万元: a figure in 元 is divided by 10 000; a figure in 万元
 * or without unit is taken as it is, unless `plainUnit` (the column header's unit) says 元.
 */
export function parseValue(text: string, money = false, plainUnit: '万元' | '元' = '万元'): Parsed {
  // Most cells are a plain count: read it without the general pattern.
  if (isPlainCount(text) && !(money && plainUnit === '元')) return { kind: 'value', value: Number(text) };
  const t = squeeze(text);
  if (t === '') return { kind: 'absent' };
  if (ZERO_MARK.test(t)) return { kind: 'value', value: 0 };
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'invalid', reason: `"${text}" is not a number` };
  if (/^0[\d,]/.test(m[2]!)) return { kind: 'invalid', reason: `"${text}" starts with 0: no count does (cells run together?)` };
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  // A plain number in a column whose header says 元 is in 元.
  const unit = m[3] ?? (money && plainUnit === '元' ? '元' : undefined);
  const n = parseNumeral(m[2]!, unit === '元' && money ? 4 : 0);
  if (!n.ok) return { kind: 'invalid', reason: n.reason, code: n.code };
  const value = sign * n.value;
  if (unit === '元' && !money) return { kind: 'value', value, note: `"${text}" is in 元 in a count cell` };
  if (unit && !money) return { kind: 'value', value, note: `"${text}" carries a money unit in a count cell` };
  return { kind: 'value', value };
}
