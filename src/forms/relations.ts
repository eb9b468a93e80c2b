// The one evaluator of a form's relations (forms/types.ts `Relation`: Σ left = Σ right, or ≤ for
// `atMost`). Placement judges where a row's values may stand by it, the checks report it, implied
// zeros are proved by it, soft relations warn by it: each asks with its own look-up of the cells.
//
// A look-up says what the report states of a cell:
//   a number      stated (a count, a mark for zero);
//   null          the cell is there but says nothing (blank), or says something that is no count:
//                 an unknown count ≥ 0;
//   undefined     the cell is not there at all (a row or column the table does not print, a path
//                 the report does not state).

import { pathOf, type Form, type Ref, type Relation } from './types.js';

export type CellLookup = (ref: Ref) => number | null | undefined;

/**
 * Does a relation apply to this report's variant of the form? `when.present`: every group has a
 * stated cell (a 小计 column, （六） in three rows); `when.absent`: none of these cells is stated.
 * `stated` is the caller's: a value in the report, or a column in the table's header.
 */
export function applies(r: Relation, stated: (ref: Ref) => boolean): boolean {
  if (r.when?.present && !r.when.present.every((group) => group.some(stated))) return false;
  if (r.when?.absent && r.when.absent.some(stated)) return false;
  return true;
}

export interface Evaluation {
  /** Sums of the stated cells of each side (rounded to 1e-8: money sums of decimals). */
  left: number;
  right: number;
  /** Cells that are there but unknown (blank), and cells that are not there, both sides. */
  open: Ref[];
  absent: Ref[];
  /** How many cells are stated. */
  stated: number;
  /** The relation holds with every cell stated (null when a cell is open or absent). */
  holds: boolean | null;
  /** The stated sums keep the relation, open cells taken as 0. */
  exact: boolean;
  /** No counts ≥ 0 in the open and absent cells can make it hold. */
  broken: boolean;
}

const round = (x: number): number => Math.round(x * 1e8) / 1e8;

/** Evaluate a relation over a look-up of its cells (whether it applies is asked separately: `applies`). */
export function evaluate(r: Relation, value: CellLookup): Evaluation {
  const open: Ref[] = [];
  const absent: Ref[] = [];
  let stated = 0;
  const side = (refs: readonly Ref[]): { sum: number; unknown: boolean } => {
    let sum = 0;
    let unknown = false;
    for (const ref of refs) {
      const v = value(ref);
      if (v === undefined) {
        absent.push(ref);
        unknown = true;
      } else if (v === null) {
        open.push(ref);
        unknown = true;
      } else {
        sum += v;
        stated++;
      }
    }
    return { sum: round(sum), unknown };
  };
  const l = side(r.left);
  const rt = side(r.right);
  if (r.kind === 'atMost') {
    // Σ left ≤ Σ right: unknown cells on the right can only help, on the left only hurt.
    const holds = l.unknown || rt.unknown ? null : l.sum <= rt.sum;
    return { left: l.sum, right: rt.sum, open, absent, stated, holds, exact: l.sum <= rt.sum, broken: !rt.unknown && l.sum > rt.sum };
  }
  const exact = l.sum === rt.sum;
  // Unknown cells add ≥ 0 to their side: a side that is complete and smaller than the known part of the other cannot catch up.
  const broken = !l.unknown && !rt.unknown ? !exact : !l.unknown ? rt.sum > l.sum : !rt.unknown ? l.sum > rt.sum : false;
  return { left: l.sum, right: rt.sum, open, absent, stated, holds: l.unknown || rt.unknown ? null : exact, exact, broken };
}

/** A sum within one row as indexes into the report's columns: total = Σ parts. */
export interface RowSum {
  total: number;
  parts: readonly number[];
}

/**
 * The form's sums within one row over the columns a report's table has (keys, in its order): each
 * `total` relation of one row whose cells the columns hold and whose variant the columns are
 * (`applies`, a column being stated when the table has it), once, in the form's order. The first
 * is the row's total (总计 = its parts).
 */
export function rowSums(form: Form, columnKeys: readonly string[]): RowSum[] {
  const at = (col: string): number => columnKeys.indexOf(col);
  const seen = new Set<string>();
  const out: RowSum[] = [];
  for (const r of form.relations) {
    if (r.kind !== 'total' || r.left.length !== 1) continue;
    const row = r.left[0]!.row;
    if (![...r.left, ...r.right].every((x) => x.row === row)) continue;
    if (!applies(r, (ref) => at(ref.col) >= 0)) continue;
    const total = at(r.left[0]!.col);
    const parts = r.right.map((x) => at(x.col));
    if (total < 0 || parts.some((p) => p < 0)) continue;
    const key = `${total}=${parts.join('+')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ total, parts });
  }
  return out;
}

/** Does a row of counts (in the report's column order) keep a sum? */
export function sumHolds(s: RowSum, values: readonly number[]): boolean {
  let sum = 0;
  for (const p of s.parts) sum += values[p]!;
  return sum === values[s.total];
}

/** Canonical paths of the cells a form's relations name, made once per form. */
const pathsOfForm = new WeakMap<Form, Map<Ref, string>>();

/** A look-up of a form's cells in canonical statistics (`get` by path): a check of the record's values. */
export function statisticsLookup(form: Form, get: (path: string) => number | undefined): CellLookup {
  let paths = pathsOfForm.get(form);
  if (!paths) {
    paths = new Map();
    for (const r of form.relations) for (const ref of [...r.left, ...r.right, ...(r.when?.absent ?? []), ...(r.when?.present ?? []).flat()]) paths.set(ref, pathOf(form, ref));
    pathsOfForm.set(form, paths);
  }
  const known = paths;
  return (ref) => get(known.get(ref) ?? pathOf(form, ref));
}

/** The relations (not `atMost`) that name a cell of each row key: what a row's placement must keep (made once per form). */
const byRow = new WeakMap<Form, Map<string, Relation[]>>();

export function relationsOfRow(form: Form, row: string): readonly Relation[] {
  let map = byRow.get(form);
  if (!map) {
    map = new Map();
    for (const r of form.relations) {
      if (r.kind === 'atMost') continue;
      for (const key of new Set([...r.left, ...r.right].map((x) => x.row))) map.set(key, [...(map.get(key) ?? []), r]);
    }
    byRow.set(form, map);
  }
  return map.get(row) ?? [];
}
