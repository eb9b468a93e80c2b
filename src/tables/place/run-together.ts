// Rows whose cells a web page ran together without any space, as `soup.get_text()` of a scraped
// page gives them when the page's table has no white space between its cells:
//   一、本年新收政府信息公开申请数量21710000218        ← 217 1 0 0 0 0 218
//   21317000001324019                                ← the appeals row: 2 1 3 1 7 0 0 0 0 0 13 2 4 0 19
// The digits are the row's values only where that is decidable: every way of cutting them into as
// many counts as the form has columns (no count but 0 starting with 0) is tried against the form's
// own row sums (总计 = its parts), and the row is cut when exactly one way keeps every sum; as many
// digits as columns are one digit each (`规章000`) unless that breaks a sum; a one-column row takes
// the number whole (`行政许可4529`). A page that writes its blank cells as `&nbsp;` leaves one NBSP a
// blank among the runs (`82135⍽⍽21859` → 821 35 ⍽ ⍽ 2 1 859), and the runs are cut the same way
// around them. Where several ways keep the sums, or none, the digits are left out with a warning:
// a value is never guessed.

import type { Diagnostic } from '../../diagnostics.js';
import { matchRow } from '../../forms/match.js';
import type { Form, FormColumn } from '../../forms/types.js';
import type { Cell, RawTable } from '../types.js';
import { isValueToken } from '../../lexical/values.js';
import { rowSums, sumHolds, type RowSum } from '../../forms/relations.js';

/** A label and the digits glued to its end (`（一）予以公开710000071`; an amount `行政事业性收费18651.06`). */
const GLUED = /^(.*[^\d\s.,，、．])(\d+(?:\.\d+)?)$/;
/** The longest count a cut may make: more digits than any cell of these tables holds. */
const MAX_COUNT_DIGITS = 7;
/** Steps of the search for one row before it is called undecidable (the worst real rows need a few thousand). */
const MAX_CUTS = 50_000;
/** Steps for all the rows of one table: a hostile text of a thousand long glued rows stays linear. */
const MAX_TABLE_CUTS = 500_000;

/** The one way of cutting `digits` into `n` counts that keeps every sum, or null (none, several, or too many to try). */
function onlyCut(digits: string, n: number, sums: readonly RowSum[], budget: { steps: number }): number[] | null {
  if (digits.length < n || digits.length > n * MAX_COUNT_DIGITS || sums.length === 0 || budget.steps <= 0) return null;
  const values: number[] = [];
  let found: number[] | null = null;
  let several = false;
  let tried = 0;
  const walk = (from: number): void => {
    if (several || ++tried > MAX_CUTS) return;
    const left = n - values.length;
    if (left === 0) {
      if (from === digits.length && sums.every((s) => sumHolds(s, values))) {
        if (found) several = true;
        else found = [...values];
      }
      return;
    }
    // Each remaining count needs one digit at least and MAX_COUNT_DIGITS at most.
    const rest = digits.length - from;
    if (rest < left || rest > left * MAX_COUNT_DIGITS) return;
    const longest = digits[from] === '0' ? 1 : Math.min(MAX_COUNT_DIGITS, rest - (left - 1));
    for (let len = 1; len <= longest; len++) {
      values.push(Number(digits.slice(from, from + len)));
      walk(from + len);
      values.pop();
    }
  };
  walk(0);
  budget.steps -= tried;
  return several || tried > MAX_CUTS ? null : found;
}

/** The cells of a cut, each with the digits it was cut from (they stand on the line as written). */
function cells(digits: string, cut: readonly number[], line: number): Cell[] {
  if (cut.length === 1) return [{ text: digits, line }];
  const out: Cell[] = [];
  let at = 0;
  for (const v of cut) {
    const len = String(v).length;
    out.push({ text: digits.slice(at, at + len), line });
    at += len;
  }
  return out;
}

/**
 * The flow with every decidable run-together row cut into its label and values (a raw table of
 * its own; the input is not changed), and a warning for each row that was not decidable.
 */
export function cutRunTogether(form: Form, raw: RawTable, columns: readonly FormColumn[]): { raw: RawTable; warnings: Diagnostic[] } {
  const n = columns.length;
  const sums = rowSums(form, columns.map((c) => c.key));
  const warnings: Diagnostic[] = [];
  if (n === 0) return { raw, warnings };
  let changed = false;
  const budget = { steps: MAX_TABLE_CUTS };
  const rows = raw.rows.map((row) => {
    const spaced = nbspRow(form, row, n);
    if (spaced) {
      changed = true;
      // One reading, one cell a run and a blank: the text says where each value stands.
      const only = spaced.layouts.length === 1 && spaced.layouts[0]!.length === n ? spaced.layouts[0]! : null;
      const cut = only ? only.map((p): Cell => ('digits' in p ? { text: p.digits, line: p.line } : { text: '', line: p.line, empty: true })) : onlyCutOfGroups(spaced.layouts, n, sums, budget);
      if (cut) return [...spaced.label, ...cut];
      warnings.push({ code: 'TABLE_MISALIGNED', message: `cells run together, blanks as NBSP (${spaced.text}): not decidable as ${n} counts (one way only of keeping the row's sums); left out`, line: row[0]!.line });
      return spaced.label;
    }
    const out: Cell[] = [];
    for (const tok of row) {
      const glued = gluedOf(tok.text);
      // A label glued to digits is cut only when the label names a row of the form; a number alone
      // only when no cell could hold it (numberIsRow).
      const ours = glued !== null && (glued.label === '' ? numberIsRow(glued.digits, n, sums) : matchRow(form, glued.label, glued.label) !== null);
      if (!glued || !ours) {
        out.push(tok);
        continue;
      }
      const cut = cutOf(glued.digits, n, sums, budget);
      changed = true;
      if (glued.label !== '') out.push({ ...tok, text: glued.label });
      if (cut) out.push(...cells(glued.digits, cut, tok.line));
      else {
        warnings.push({ code: 'TABLE_MISALIGNED', message: `cells run together without a space (${glued.digits}): not decidable as ${n} counts (by the number of columns, or one way only of keeping the row's sums); left out`, line: tok.line });
        if (glued.label === '') out.push({ ...tok, text: '', empty: true });
      }
    }
    return out;
  });
  return { raw: changed ? { ...raw, rows } : raw, warnings };
}

/**
 * For a grid (one cell a column): a label cell with its row's digits glued on and the row's value
 * cells empty (`规章000`, a page flattened into a table), cut into the label and the row's values
 * where decidable, as cutRunTogether cuts a flow's tokens; one cutter per table (its search budget).
 */
export function labelCutter(form: Form, columns: readonly FormColumn[]): (label: Cell) => { label: Cell; values: Cell[] } | null {
  const n = columns.length;
  const sums = rowSums(form, columns.map((c) => c.key));
  const budget = { steps: MAX_TABLE_CUTS };
  return (label) => {
    const glued = gluedOf(label.text);
    if (!glued || glued.label === '' || matchRow(form, glued.label, glued.label) === null) return null;
    const cut = cutOf(glued.digits, n, sums, budget);
    return cut ? { label: { ...label, text: glued.label }, values: cells(glued.digits, cut, label.line) } : null;
  };
}

/** A row of the NBSP variant: runs of digits and blank cells in order. */
type Piece = { digits: string; line: number } | { blank: true; line: number };

/**
 * A line whose cells a page ran together but whose blank cells it wrote as NBSPs (`get_text()`,
 * `textContent`, npm's html-to-text: `一、本年新收政府信息公开申请数量82135⍽⍽21859`): its label, if on the
 * line, and its digits and blanks in order; null when it has more runs and blanks than columns.
 */
function nbspRow(form: Form, row: readonly Cell[], n: number): { label: Cell[]; layouts: Piece[][]; text: string } | null {
  if (n < 2 || !row.some((c) => c.nbspBefore || c.nbspAfter)) return null;
  // Every token a run of digits, but the first, which may be the row's label (with digits glued on).
  if (row.some((tok, i) => i > 0 && !/^\d+$/.test(tok.text))) return null;
  const label: Cell[] = [];
  const layout: Piece[] = [];
  // NBSPs between a label and its first digits: blank cells, or the label cell's own padding.
  let afterLabel = 0;
  row.forEach((tok, i) => {
    let digits = tok.text;
    if (i === 0 && !/^\d+$/.test(digits)) {
      const glued = GLUED.exec(digits);
      const name = glued ? glued[1]! : digits;
      label.push({ ...tok, text: name });
      digits = glued && /^\d+$/.test(glued[2]!) ? glued[2]! : '';
    }
    const before = tok.nbspBefore ?? 0;
    if (i === 1 && label.length > 0 && layout.length === 0) afterLabel = before;
    for (let k = 0; k < before; k++) layout.push({ blank: true, line: tok.line });
    if (digits !== '') layout.push({ digits, line: tok.line });
    for (let k = 0; k < (tok.nbspAfter ?? 0); k++) layout.push({ blank: true, line: tok.line });
  });
  if (label.length > 0 && matchRow(form, label[0]!.text, label[0]!.text) === null) return null;
  const trimmed = layout.slice(afterLabel);
  // No more runs and blanks than columns (NBSPs between every two cells are separators, not blanks).
  if (!trimmed.some((p) => 'digits' in p) || trimmed.length > n) return null;
  return { label, layouts: afterLabel > 0 && layout.length < n ? [layout, trimmed] : [trimmed], text: row.map((c) => c.text).join(' ') };
}

/**
 * The one way of cutting the runs of an NBSP row into counts so that the row has `n` cells and
 * keeps every sum (blanks as 0, which is what the sums then prove), over every reading of its
 * layout (with and without the NBSPs after its label); null when none or several.
 */
function onlyCutOfGroups(layouts: readonly Piece[][], n: number, sums: readonly RowSum[], budget: { steps: number }): Cell[] | null {
  if (sums.length === 0 || budget.steps <= 0) return null;
  const cells: Cell[] = [];
  let found: Cell[] | null = null;
  let several = false;
  let steps = 0;
  let layout: readonly Piece[] = [];
  const walk = (p: number, from: number): void => {
    if (several || ++steps > MAX_CUTS) return;
    if (cells.length > n) return;
    if (p === layout.length) {
      if (cells.length !== n) return;
      const values = cells.map((c) => (c.empty ? 0 : Number(c.text)));
      if (!sums.every((s) => sumHolds(s, values))) return;
      if (found) several = true;
      else found = [...cells];
      return;
    }
    const piece = layout[p]!;
    if (!('digits' in piece)) {
      cells.push({ text: '', line: piece.line, empty: true });
      walk(p + 1, 0);
      cells.pop();
      return;
    }
    const rest = piece.digits.length - from;
    const longest = piece.digits[from] === '0' ? 1 : Math.min(MAX_COUNT_DIGITS, rest);
    for (let len = 1; len <= longest; len++) {
      cells.push({ text: piece.digits.slice(from, from + len), line: piece.line });
      if (from + len === piece.digits.length) walk(p + 1, 0);
      else walk(p, from + len);
      cells.pop();
    }
  };
  for (const l of layouts) {
    layout = l;
    walk(0, 0);
  }
  budget.steps -= steps;
  return several || steps > MAX_CUTS ? null : found;
}

/** A row at least this wide has no cell of as many digits as it has columns (a million requests). */
const MIN_DIGIT_ROW = 5;

/**
 * Is a number alone a row whose cells ran together? When it is longer than the row is wide (and
 * the form has sums to decide by), or exactly as long and no count: it starts with 0 (`0000000`),
 * or the row is so wide that no cell holds that many digits (a 第二十条 row's `440` stays 440).
 */
function numberIsRow(digits: string, n: number, sums: readonly RowSum[]): boolean {
  if (n < 2 || digits.includes('.')) return false;
  if (digits.length > n) return sums.length > 0;
  return digits.length === n && (digits.startsWith('0') || n >= MIN_DIGIT_ROW);
}

/**
 * The counts of a run of digits under `n` columns, where decidable: one column takes them all (a
 * count, not `0…`), as many digits as columns are one digit each (`规章000`), and otherwise the
 * form's row sums must leave exactly one way.
 */
function cutOf(digits: string, n: number, sums: readonly RowSum[], budget: { steps: number }): number[] | null {
  if (n === 1) return /^(?:0|[1-9]\d{0,11})(?:\.\d+)?$/.test(digits) ? [Number(digits)] : null;
  if (digits.includes('.')) return null;
  if (digits.length === n) {
    const each = [...digits].map(Number);
    return sums.every((s) => sumHolds(s, each)) ? each : null;
  }
  return onlyCut(digits, n, sums, budget);
}

/** Does a label token end in digits glued to it (a row whose cells ran together)? */
export function isRunTogether(text: string): boolean {
  return !isValueToken(text) && GLUED.test(text);
}

function gluedOf(text: string): { label: string; digits: string } | null {
  if (/^\d+$/.test(text)) return { label: '', digits: text };
  if (isValueToken(text)) return null;
  const m = GLUED.exec(text);
  return m ? { label: m[1]!, digits: m[2]! } : null;
}
