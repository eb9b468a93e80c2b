// What a value cell of an official table may hold: a number (`11`, `+2`, `-3`, `1,234`,
// `1480.8758万元`, `251000元`), a dash or slash for zero or nothing (`—`, `-`, `/`, `——`), `无`,
// or nothing at all.

import { toHalfWidth } from '../lexical/chars.js';

// No count starts with 0 but 0 itself (`00`, `012`: cells run together).
const NUMBER = /^[+\-−]?(?:0|[1-9]\d{0,14}(?:,\d{3})*)(?:\.\d{1,8})?(?:万元|元|件|条|个|人次|人|次|项)?$/;
const EMPTY_MARK = /^(?:[-—–－/／]{1,3}|无)$/;

/** Plain ASCII digits, at most 15 of them: most value cells, told without a regular expression. */
function plainDigits(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15 || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A value cell without its spaces, where the spaces only set a unit or a sign apart (`859 件`,
 * `- 3`). Spaces between digits leave the text as it is, which is then no number: `0 3 32` and
 * `2 218` are cells a broken grid merged, and a count is never typeset `1 234` in these reports.
 */
export function squeeze(text: string): string {
  const t = toHalfWidth(text).trim();
  if (!SPACED.test(t)) return t;
  const parts = t.split(/[\s\u00a0]+/);
  if (parts.length > 1 && UNIT_PART.test(parts.at(-1)!)) parts.pop();
  if (parts.length > 1 && SIGN_PART.test(parts[0]!)) parts.shift();
  return parts.length === 1 ? t.replace(/[\s\u00a0]+/g, '') : t;
}

const SPACED = /[\s\u00a0]/;
const UNIT_PART = /^(?:万元|元|件|条|个|人次|人|次|项)$/;
const SIGN_PART = /^[+\-−]$/;

/** A number-like cell (not blank, not a dash). */
export function isNumberText(text: string): boolean {
  return plainDigits(text) || (text !== '' && NUMBER.test(squeeze(text)));
}

/** A token that is a value and not blank: a number or a dash/slash/无. */
export function isValueToken(text: string): boolean {
  if (plainDigits(text)) return true;
  const t = squeeze(text);
  return t !== '' && (NUMBER.test(t) || EMPTY_MARK.test(t));
}

/** Any text that can stand in a value cell, including blank and dashes. */
export function isValueText(text: string): boolean {
  return text.trim() === '' || isValueToken(text);
}

/** The count a value cell states for the table's arithmetic: a whole number, 0 for a dash; null for anything else. */
export function countOf(text: string): number | null {
  if (plainDigits(text)) return Number(text);
  const s = squeeze(text);
  const t = s.replace(/,/g, '').replace(/(?:件|条|个|人次|人|次|项)$/, '');
  if (/^(?:0|[1-9]\d{0,14})$/.test(t) && !s.startsWith('0,')) return Number(t);
  if (EMPTY_MARK.test(t)) return 0;
  return null;
}
