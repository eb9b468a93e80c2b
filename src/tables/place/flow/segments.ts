// The rows of a run of values, for a form n columns wide: how a flow's numbers fall into rows
// when nothing marks where a row ends.

import type { Cell } from '../../types.js';

/**
 * The rows of a run of values, for a form `n` columns wide, in segments:
 *   line    aligned text: each line's values are one row (a longer line, several);
 *   flat    one value a piece, or pieces of no pattern: every n values are a row;
 *   block   n pieces of equal length k > 1: columns printed one after another (pdftotext in
 *           reading order), read across into k rows.
 */
export interface Segment {
  rows: Cell[][];
  block: boolean;
}

export function segmentsOfRun(pieces: Cell[][], n: number, aligned: boolean, rowHolds: (values: readonly Cell[]) => boolean | null): Segment[] {
  const chunk = (cells: Cell[]): Cell[][] => {
    const out: Cell[][] = [];
    // Reading order may have moved a row's first value elsewhere: where the rows cut from the
    // start break their own total and the rows cut one value later keep it, the first row is short.
    const phase = phaseOf(cells, n, rowHolds);
    if (phase > 0) out.push(cells.slice(0, phase));
    for (let i = phase; i < cells.length; i += n) out.push(cells.slice(i, i + n));
    return out;
  };
  if (aligned) return pieces.map((p) => ({ rows: chunk(p), block: false }));
  const out: Segment[] = [];
  let flat: Cell[] = [];
  const flush = (): void => {
    if (flat.length > 0) out.push({ rows: chunk(flat), block: false });
    flat = [];
  };
  for (let i = 0; i < pieces.length; ) {
    const k = pieces[i]!.length;
    const group = pieces.slice(i, i + n);
    if (n > 1 && k > 1 && group.length === n && group.every((p) => p.length === k)) {
      flush();
      const rows: Cell[][] = [];
      for (let r = 0; r < k; r++) rows.push(group.map((p) => p[r]!));
      out.push({ rows, block: true });
      i += n;
    } else if (k === n && n > 1) {
      flush();
      out.push({ rows: [pieces[i]!], block: false });
      i++;
    } else {
      flat.push(...pieces[i]!);
      i++;
    }
  }
  flush();
  return out;
}

/**
 * Where the rows of a flat run start: 0 unless the rows cut from the start fail the form's row
 * total while the rows cut from a later phase all keep it (at least two whole rows to judge by).
 */
function phaseOf(cells: readonly Cell[], n: number, rowHolds: (values: readonly Cell[]) => boolean | null): number {
  if (cells.length < 2 * n || cells.length % n === 0) return 0;
  const score = (phase: number): number => {
    let held = 0;
    for (let i = phase; i + n <= cells.length; i += n) {
      const h = rowHolds(cells.slice(i, i + n));
      if (h === false) return -1;
      if (h) held++;
    }
    return held;
  };
  if (score(0) >= 2) return 0;
  for (let phase = 1; phase < n; phase++) if (score(phase) >= 2) return phase;
  return 0;
}

