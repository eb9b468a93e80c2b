// The one reader of what a value cell, a token of a values line, or a prose figure holds. Every
// stage asks it, and only it, whether a text is a number:
//   11  +2  -3  1,234  ０  859 件  1480.8758万元  251000元      → a number (with its unit)
//   —  -  /  无  空  零                                          → zero: the report states none (formats.md D5)
//   (blank)                                                      → blank: the report does not say
//   00  012  0 3 32  2 218  12,34  1234567890123456789          → refused: looks like a number, is none
//   规章  本年新收                                                  → text
// Nothing is guessed: a refused text carries the reason, and a caller that would have taken it
// warns instead of inventing a number.

import { toHalfWidth } from './chars.js';

/** Units a count is written with in these reports (`859件`, `12人次`, `3场`). */
const COUNT_UNITS = ['人次', '件', '条', '个', '人', '次', '项', '篇', '家', '份', '起', '宗', '场', '期'] as const;
/** Money units: 万元 is the model's unit; 元 is divided by 10 000; a bare 万 after money means 万元. */
const MONEY_UNITS = ['万元', '元', '万'] as const;
export type Unit = (typeof COUNT_UNITS)[number] | (typeof MONEY_UNITS)[number];
const UNITS: readonly Unit[] = [...MONEY_UNITS, ...COUNT_UNITS];
const UNIT_SET: ReadonlySet<string> = new Set(UNITS);

/** Why a numeral-looking text is no number. */
export type Refusal = 'VALUE_TOO_LARGE' | 'VALUE_GROUPING' | 'VALUE_UNPARSED';

export type Reading =
  | { kind: 'blank' }
  | { kind: 'zero' }
  | {
      kind: 'number';
      /** The value as written, sign included, before any unit conversion (`251000元` → 251000). */
      value: number;
      /** The digits and point as written, without sign, grouping or unit (`1480.8758`): for exact conversions. */
      numeral: string;
      negative: boolean;
      unit: Unit | null;
    }
  | { kind: 'refused'; code: Refusal; reason: string }
  | { kind: 'text' };

/** Dash, slash or 无/空/零 standing alone in a value cell. */
const ZERO_MARK = /^(?:[-—–－‐─/／\\]{1,3}|无|空|零)$/;
/** Sign, digits with optional grouping and point, unit: the digits are checked by parseNumeral. */
const NUMBER = /^([+\-−])?(\d[\d,]*(?:\.\d+)?)(人次|万元|元|万|件|条|个|人|次|项|篇|家|份|起|宗|场|期)?$/;
/** A sign written apart from its number (`- 3`). */
const SIGN_PART = /^[+\-−]$/;
const SPACED = /[\s\u00a0]/;
/** The fast path's bound: at most 15 digits is below Number.MAX_SAFE_INTEGER whatever they are. */
const PLAIN_DIGITS = 15;

/** ASCII digits only, not too many, no leading zero (`0` itself is fine): most value cells. */
function isPlainCount(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > PLAIN_DIGITS || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A value's text without its spaces, where the spaces only set a unit or a sign apart (`859 件`,
 * `- 3`). Spaces between digits leave the text as it is, which is then no number: `0 3 32` and
 * `2 218` are cells a broken grid merged, and a count is never typeset `1 234` in these reports.
 */
export function squeeze(text: string): string {
  const t = toHalfWidth(text).trim();
  if (!SPACED.test(t)) return t;
  const parts = t.split(/[\s\u00a0]+/);
  if (parts.length > 1 && UNIT_SET.has(parts.at(-1)!)) parts.pop();
  if (parts.length > 1 && SIGN_PART.test(parts[0]!)) parts.shift();
  return parts.length === 1 ? t.replace(/[\s\u00a0]+/g, '') : t;
}

/** Does the text start like a number (a digit, or a sign and a digit), so that a refusal is worth a warning? */
const NUMERIC_START = /^[+\-−]?\d/;

/** Read one value. */
export function readValue(text: string): Reading {
  if (isPlainCount(text)) return { kind: 'number', value: Number(text), numeral: text, negative: false, unit: null };
  const t = squeeze(text);
  if (t === '') return { kind: 'blank' };
  if (ZERO_MARK.test(t)) return { kind: 'zero' };
  const m = NUMBER.exec(t);
  if (!m) {
    return NUMERIC_START.test(t) ? { kind: 'refused', code: 'VALUE_UNPARSED', reason: `"${text}" is not a number` } : { kind: 'text' };
  }
  const digits = m[2]!;
  // No count starts with 0 but 0 itself (`00`, `012`, `0,5`): cells run together, or a document number.
  if (/^0[\d,]/.test(digits)) return { kind: 'refused', code: 'VALUE_UNPARSED', reason: `"${text}" starts with 0: no count does (cells run together?)` };
  const n = parseNumeral(digits);
  if (!n.ok) return { kind: 'refused', code: n.code, reason: n.reason };
  const negative = m[1] === '-' || m[1] === '−';
  return { kind: 'number', value: negative ? -n.value : n.value, numeral: digits.replace(/,/g, ''), negative, unit: (m[3] as Unit | undefined) ?? null };
}

/** A number or a zero mark: what a value cell of an official table may hold, blank aside. */
export function isValueToken(text: string): boolean {
  if (isPlainCount(text)) return true;
  const k = readValue(text).kind;
  return k === 'number' || k === 'zero';
}

/** A number (not blank, not a dash). */
export function isNumberText(text: string): boolean {
  return isPlainCount(text) || readValue(text).kind === 'number';
}

/** Anything that can stand in a value cell: blank, a dash, a number. */
export function isValueText(text: string): boolean {
  if (isPlainCount(text)) return true;
  const k = readValue(text).kind;
  return k === 'number' || k === 'zero' || k === 'blank';
}

/** Looks like a number, taken or refused (`12`, `—`, `00`, `1,23`): a token of a values line. */
export function isNumeric(text: string): boolean {
  if (isPlainCount(text)) return true;
  const k = readValue(text).kind;
  return k === 'number' || k === 'zero' || k === 'refused';
}

/** A unit standing alone (`元` after `251000`, `件` in the pre-2019 form's unit column). */
export function isUnit(text: string): text is Unit {
  return UNIT_SET.has(text);
}

/** Is a unit money (万元, 元, 万)? */
export function isMoneyUnit(unit: Unit | null): boolean {
  return unit === '万元' || unit === '元' || unit === '万';
}

/** The count a cell states for the table's arithmetic: a whole number not in money, 0 for a mark; null for anything else. */
export function countOf(text: string): number | null {
  if (isPlainCount(text)) return Number(text);
  const r = readValue(text);
  if (r.kind === 'zero') return 0;
  if (r.kind !== 'number' || r.negative || isMoneyUnit(r.unit) || !Number.isInteger(r.value)) return null;
  return r.value;
}

export type Numeral = { ok: true; value: number } | { ok: false; code: 'VALUE_TOO_LARGE' | 'VALUE_GROUPING'; reason: string };

/** ASCII digits, optionally grouped by commas, optionally with a fraction. */
const NUMERAL = /^(\d[\d,]*)(?:\.(\d+))?$/;
/** Thousands grouping: 1–3 leading digits, then groups of exactly 3. */
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
/** Significant digits a double holds exactly for any decimal (DBL_DIG). */
const EXACT_DECIMAL_DIGITS = 15;
const MAX_SAFE = String(Number.MAX_SAFE_INTEGER);

/** `s` without its trailing zeros, by one scan from the end (`/0+$/` retries from every zero of a run). */
function withoutTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/**
 * Written digits as a number: ASCII digits with optional thousands grouping and fraction
 * (`1,234.5`), divided by 10^`places` (4 turns 元 into 万元) on the decimal string, so exactly.
 * Refused, never rounded: grouping other than 1–3 digits followed by groups of exactly 3
 * (`12,34`, `123456789,123`); an integer beyond Number.MAX_SAFE_INTEGER; a number with a fraction
 * and more than 15 significant digits.
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

/** A cell's value in the model's units, or why there is none. */
export type CellValue =
  | { kind: 'absent' }
  | { kind: 'value'; value: number; note?: string }
  | { kind: 'invalid'; reason: string; code: Refusal };

/**
 * A value cell's number in the canonical model's units. `money` cells are in 万元: a figure in 元
 * is divided by 10 000 (exactly, on its digits); a figure in 万元 or without unit is taken as it
 * is, unless `plainUnit` (the column header's or unit cell's) says 元.
 */
export function cellValue(text: string, money = false, plainUnit: '万元' | '元' = '万元'): CellValue {
  // Most cells are a plain count: read without the general pattern.
  if (isPlainCount(text) && !(money && plainUnit === '元')) return { kind: 'value', value: Number(text) };
  const r = readValue(text);
  if (r.kind === 'blank') return { kind: 'absent' };
  if (r.kind === 'zero') return { kind: 'value', value: 0 };
  if (r.kind === 'refused') return { kind: 'invalid', reason: r.reason, code: r.code };
  if (r.kind === 'text') return { kind: 'invalid', reason: `"${text}" is not a number`, code: 'VALUE_UNPARSED' };
  const unit = r.unit === '万' ? '万元' : (r.unit ?? (money && plainUnit === '元' ? '元' : null));
  let value = r.value;
  if (unit === '元' && money) {
    const n = parseNumeral(r.numeral, 4);
    if (!n.ok) return { kind: 'invalid', reason: n.reason, code: n.code };
    value = r.negative ? -n.value : n.value;
  }
  if (unit === '元' && !money) return { kind: 'value', value, note: `"${text}" is in 元 in a count cell` };
  if (unit === '万元' && !money) return { kind: 'value', value, note: `"${text}" carries a money unit in a count cell` };
  return { kind: 'value', value };
}
