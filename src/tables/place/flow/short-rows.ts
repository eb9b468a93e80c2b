// Rows whose blank cells the conversion dropped (Lynx, `pdftotext -layout`, Shanghai's 2019
// tables, which leave every zero blank): a row shows fewer values than the form has columns,
// and nothing but the text's geometry and the table's own arithmetic tells which column each
// value is in:
//   一、本年新收政府信息公开申请数量   821 35     2 1 859
// Every placement the text allows is tried (all, or only those that keep the gaps between the
// values where the gaps show how many cells stand between them), and the table's relations
// (forms/…: row totals, column sums, the balance) judge them, a blank standing for an unknown
// count ≥ 0. A placement is kept when it is the only one the arithmetic allows, or the only one
// under which the relations hold exactly with the blanks as zeros; when several remain, the usual
// order (values from the first column on, packed) chooses and a TABLE_PLACEMENT_INFERRED warning
// says so; when none does, the row's values are left out with TABLE_MISALIGNED. A value is never
// put in a column silently on a guess.

import type { Diagnostic } from '../../../diagnostics.js';
import { applies, evaluate, relationsOfRow, type CellLookup } from '../../../forms/relations.js';
import type { Form, FormColumn, Ref, Relation } from '../../../forms/types.js';
import type { Cell } from '../../types.js';
import { countOf } from '../../../lexical/values.js';
import type { PlacedRow } from '../types.js';

export interface ShortRow {
  placed: PlacedRow;
  /** The row's values in reading order, fewer than the columns. */
  cells: Cell[];
}

/** More placements than this for one row are not tried: the row is left out as misaligned. */
const MAX_CANDIDATES = 3000;
/** Passes over the rows before the placements are taken as they stand. */
const MAX_PASSES = 4;

/** Every increasing choice of `k` columns out of `n`. */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let c = from; c <= n - (k - pick.length); c++) {
      pick.push(c);
      walk(c + 1);
      pick.pop();
      if (out.length > MAX_CANDIDATES) return;
    }
  };
  walk(0);
  return out;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * Placements whose gaps match the text: where a line shows its values with single spaces between
 * neighbouring cells (Lynx), each further pair of spaces is an empty cell between them, and only
 * where the row starts is unknown.
 */
function gapPlacements(cells: readonly Cell[], n: number): number[][] | null {
  if (cells.length < 2 || cells.some((c) => c.x === undefined || c.line !== cells[0]!.line)) return null;
  const gaps = cells.slice(1).map((c, i) => c.x! - cells[i]!.end!);
  if (Math.min(...gaps) !== 1) return null;
  const offsets = [0];
  gaps.forEach((g) => offsets.push(offsets.at(-1)! + 1 + Math.max(0, Math.round((g - 1) / 2))));
  const span = offsets.at(-1)! + 1;
  if (span > n) return null;
  const out: number[][] = [];
  for (let shift = 0; shift + span <= n; shift++) out.push(offsets.map((o) => o + shift));
  return out;
}

/**
 * What a gap between two values costs against a start one column later: a row that starts late
 * is more unusual than one with blanks inside (Shanghai leaves its 法人 columns blank, rarely its
 * 自然人 one).
 */
const GAP_COST = 0.1;

/** How unusual a placement is: values far from the first column, and gaps between them. */
function priorCost(p: readonly number[]): number {
  let cost = p[0]!;
  for (let i = 1; i < p.length; i++) cost += (p[i]! - p[i - 1]! - 1) * GAP_COST;
  return cost;
}

/**
 * How a placement ranks: a relation it breaks outweighs everything, a relation it keeps exactly
 * outweighs the usual order (the prior cost of any row of at most fifteen columns stays below
 * EXACT_WEIGHT), and the usual order decides the rest.
 */
const BROKEN_WEIGHT = 1000;
const EXACT_WEIGHT = 10;
/** Relabelings of the columns the short rows use tried at most (beyond, the usual order stands). */
const MAX_RELABELINGS = 400;

/** A relation under unknown blanks (forms/relations.ts): broken (no counts ≥ 0 make it hold) and exact (it holds with the blanks as zeros). */
function judge(r: Relation, value: CellLookup): { broken: boolean; exact: boolean } {
  const stated = (ref: Ref): boolean => {
    const v = value(ref);
    return v !== null && v !== undefined;
  };
  if (!applies(r, stated)) return { broken: false, exact: false };
  const e = evaluate(r, value);
  return { broken: e.broken, exact: e.exact };
}

export function placeShortRows(form: Form, columns: readonly FormColumn[], rows: readonly PlacedRow[], short: ShortRow[], aligned: boolean): Diagnostic[] {
  const n = columns.length;
  const colIndex = new Map(columns.map((c, j) => [c.key, j]));
  const byKey = new Map<string, PlacedRow>();
  for (const r of rows) if (r.row && !byKey.has(r.row.key)) byKey.set(r.row.key, r);
  const grid: CellLookup = (ref) => {
    const row = byKey.get(ref.row);
    const j = colIndex.get(ref.col);
    if (!row || j === undefined) return undefined;
    const cell = row.values[j];
    return cell ? countOf(cell.text) : null;
  };
    const warnings: Diagnostic[] = [];

  interface Open extends OpenRow {
    hinted: boolean;
    relations: readonly Relation[];
  }
  const open: Open[] = [];
  for (const s of short) {
    const k = s.cells.length;
    if (k === 0) continue;
    const gap = aligned ? gapPlacements(s.cells, n) : null;
    if (!gap && binomial(n, k) > MAX_CANDIDATES) {
      warnings.push(misaligned(s, 'too many ways to place them'));
      s.placed.withheld = true;
      continue;
    }
    const candidates = (gap ?? combinations(n, k)).sort((a, b) => priorCost(a) - priorCost(b));
    if (candidates.length === 0) {
      // More values than the geometry's span allows: their columns are unknown.
      s.placed.withheld = true;
      continue;
    }
    open.push({ s, candidates, hinted: gap !== null, choice: 0, relations: s.placed.row ? relationsOfRow(form, s.placed.row.key) : [] });
  }
  const apply = (o: Open, c: number): void => {
    const values: Array<Cell | null> = Array<Cell | null>(n).fill(null);
    o.candidates[c]!.forEach((col, i) => (values[col] = o.s.cells[i]!));
    o.s.placed.values = values;
  };
  const score = (o: Open): { broken: number; exact: number } => {
    let broken = 0;
    let exact = 0;
    for (const r of o.relations) {
      const j = judge(r, grid);
      if (j.broken) broken++;
      if (j.exact) exact++;
    }
    return { broken, exact };
  };
  for (const o of open) apply(o, 0);

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const o of open) {
      let best = o.choice;
      let bestKey = Infinity;
      o.candidates.forEach((_, c) => {
        apply(o, c);
        const s = score(o);
        const key = s.broken * BROKEN_WEIGHT - s.exact * EXACT_WEIGHT + priorCost(o.candidates[c]!);
        if (key < bestKey) {
          bestKey = key;
          best = c;
        }
      });
      apply(o, best);
      if (best !== o.choice) changed = true;
      o.choice = best;
    }
    if (!changed) break;
  }

  const inferred = relabel(open, n, apply, score, columns);

  // How sure each placement is, with every other row as it now stands.
  for (const o of open) {
    const results = o.candidates.map((_, c) => {
      apply(o, c);
      return score(o);
    });
    apply(o, o.choice);
    const mine = results[o.choice]!;
    if (mine.broken > 0) {
      warnings.push(misaligned(o.s, `no placement of ${o.s.cells.map((c) => c.text).join(' ')} satisfies the table's sums`));
      o.s.placed.values = Array<Cell | null>(n).fill(null);
      o.s.placed.withheld = true;
      continue;
    }
    const allowed = results.filter((r) => r.broken === 0);
    const tighter = allowed.filter((r) => r.exact >= mine.exact);
    const moved = o.candidates[o.choice]!.some((c) => inferred.columns.has(c));
    if ((allowed.length === 1 || tighter.length === 1) && !moved) continue;
    const where = o.candidates[o.choice]!.map((c, i) => `${o.s.cells[i]!.text}→${columns[c]!.label}`).join(', ');
    const why = moved ? inferred.why : `${tighter.length} placements fit the sums`;
    warnings.push({
      code: 'TABLE_PLACEMENT_INFERRED',
      message: `${rowName(o.s)}: blank cells were dropped; ${where} (${why})`,
      line: o.s.cells[0]!.line,
    });
  }
  return warnings;
}

interface OpenRow {
  s: ShortRow;
  candidates: number[][];
  choice: number;
}

/**
 * The table's sums cannot tell a whole column from another that all short rows leave blank:
 * moving the values of 科研机构 to 法律服务机构 in every row at once keeps every row total and
 * column sum. Such moves (order-preserving relabelings of the columns the short rows use) are
 * tried for all rows together; the one whose values stand where the line's geometry puts them —
 * each value's place between the row's first and last column, against evenly spread columns, on
 * lines that show both — is kept, and the columns it cannot settle are reported as inferred.
 */
function relabel<O extends OpenRow>(
  open: O[],
  n: number,
  apply: (o: O, c: number) => void,
  score: (o: O) => { broken: number; exact: number },
  columns: readonly FormColumn[],
): { columns: Set<number>; why: string } {
  const none = { columns: new Set<number>(), why: '' };
  if (open.length < 2) return none;
  const used = [...new Set(open.flatMap((o) => o.candidates[o.choice]!))].sort((a, b) => a - b);
  if (used.length >= n || binomial(n, used.length) > MAX_RELABELINGS) return none;
  const current = open.map((o) => o.choice);
  const total = (): { broken: number; exact: number } => {
    let broken = 0;
    let exact = 0;
    for (const o of open) {
      const r = score(o);
      broken += r.broken;
      exact += r.exact;
    }
    return { broken, exact };
  };
  const base = total();
  const fits: Array<{ map: Map<number, number>; choices: number[]; cost: number }> = [];
  for (const target of combinations(n, used.length)) {
    const map = new Map(used.map((c, i) => [c, target[i]!]));
    const choices: number[] = [];
    for (const o of open) {
      const moved = o.candidates[o.choice]!.map((c) => map.get(c)!);
      const k = o.candidates.findIndex((p) => p.every((c, i) => c === moved[i]));
      if (k < 0) break;
      choices.push(k);
    }
    if (choices.length !== open.length) continue;
    open.forEach((o, i) => apply(o, choices[i]!));
    const t = total();
    open.forEach((o, i) => apply(o, current[i]!));
    if (t.broken > base.broken || t.exact < base.exact) continue;
    fits.push({ map, choices, cost: geometryCost(open, choices, n) });
  }
  if (fits.length <= 1) return none;
  fits.sort((a, b) => a.cost - b.cost);
  const best = fits[0]!;
  open.forEach((o, i) => {
    o.choice = best.choices[i]!;
    apply(o, o.choice);
  });
  // Columns whose values another fitting relabeling would put elsewhere stay uncertain.
  const uncertain = new Set<number>();
  for (const f of fits.slice(1)) for (const [c, t] of f.map) if (t !== best.map.get(c)) uncertain.add(best.map.get(c)!);
  const clear = Number.isFinite(best.cost) && best.cost < fits[1]!.cost / 2;
  const named = [...uncertain].map((c) => columns[c]!.label).join('、');
  return { columns: uncertain, why: clear ? `${named} placed by where the line puts them; the table's sums fit ${fits.length} ways` : `${named} placed by the usual column order; the table's sums fit ${fits.length} ways` };
}

/**
 * How far the values stand from evenly spread columns, on lines that show both the first and the
 * last column's value: their place between those two, against the columns' places. Infinite when
 * no line tells.
 */
function geometryCost(open: readonly OpenRow[], choices: readonly number[], n: number): number {
  let cost = 0;
  let lines = 0;
  open.forEach((o, i) => {
    const p = o.candidates[choices[i]!]!;
    const cells = o.s.cells;
    if (p[0] !== 0 || p.at(-1) !== n - 1 || cells.length < 3 || cells.some((c) => c.x === undefined || c.line !== cells[0]!.line)) return;
    const centre = (c: Cell): number => (c.x! + c.end!) / 2;
    const a = centre(cells[0]!);
    const b = centre(cells.at(-1)!);
    if (b <= a) return;
    lines++;
    cells.forEach((c, k) => {
      cost += Math.abs((centre(c) - a) / (b - a) - p[k]! / (n - 1));
    });
  });
  return lines === 0 ? Infinity : cost;
}

function rowName(s: ShortRow): string {
  return `row "${s.placed.row?.labels.at(-1) ?? s.placed.label}"`;
}

function misaligned(s: ShortRow, why: string): Diagnostic {
  return { code: 'TABLE_MISALIGNED', message: `${rowName(s)}: the columns of its values are unknown (${why}); left out`, line: s.cells[0]?.line ?? s.placed.line };
}
