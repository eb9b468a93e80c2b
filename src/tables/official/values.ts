// What a value cell of an official table may hold: a number (`11`, `+2`, `-3`, `1,234`,
// `1480.8758万元`, `251000元`), a dash or slash for zero or nothing (`—`, `-`, `/`, `——`), `无`,
// or nothing at all.

import { toHalfWidth } from '../../parse/chars.js';

const NUMBER = /^[+\-−]?\d{1,15}(?:,\d{3})*(?:\.\d{1,8})?(?:万元|元|件|条|个|人|次|项)?$/;
const EMPTY_MARK = /^(?:[-—–－/／]{1,2}|无)$/;

/** A number-like cell (not blank, not a dash). */
export function isNumberText(text: string): boolean {
  return NUMBER.test(toHalfWidth(text).replace(/\s+/g, ''));
}

/** Any text that can stand in a value cell, including blank and dashes. */
export function isValueText(text: string): boolean {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return t === '' || NUMBER.test(t) || EMPTY_MARK.test(t);
}

/** A token that is a value and not blank: a number or a dash/slash/无. */
export function isValueToken(text: string): boolean {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return t !== '' && (NUMBER.test(t) || EMPTY_MARK.test(t));
}

/** A whole count from a value cell (`12`, `1,234`); null for anything else. */
export function parseCount(text: string): number | null {
  const t = toHalfWidth(text).replace(/[\s,]/g, '');
  return /^\d{1,15}$/.test(t) ? Number(t) : null;
}
