// The appeals table's 15 numbers in the official order. Conversions that read a PDF in its
// text-block order (`pdftotext` without -layout) break the one data row into pieces:
//   72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20
// Each group (行政复议, 未经复议直接起诉, 复议后起诉) is four outcomes and their 总计, so the pieces
// can be put back together by that sum; the header words read just before a piece tell which
// group it is, and 行政复议, the leftmost block, is always read first.

import { labelKey } from '../../../forms/match.js';
import type { Cell } from '../../types.js';
import { countOf } from '../../../lexical/values.js';

export interface Piece {
  values: Cell[];
  /** The text read between the previous piece and this one. */
  before: string;
}

interface Group {
  values: Cell[];
  order: number;
  before: string;
}

function sum(cells: readonly Cell[]): number | null {
  let s = 0;
  for (const c of cells) {
    const n = countOf(c.text);
    if (n === null) return null;
    s += n;
  }
  return s;
}

/** The 15 values in official order, or null when the pieces cannot be matched up by their sums. */
export function orderAppealPieces(pieces: readonly Piece[]): Cell[] | null {
  if (pieces.length <= 1) return null;
  const groups: Group[] = [];
  const open: Group[] = [];
  pieces.forEach((p, order) => {
    const n = p.values.length;
    if (n === 5 && sum(p.values.slice(0, 4)) === countOf(p.values[4]!.text)) groups.push({ values: [...p.values], order, before: p.before });
    else if (n === 4) open.push({ values: [...p.values], order, before: p.before });
    else if (n === 1) {
      const total = countOf(p.values[0]!.text);
      const i = open.findIndex((g) => sum(g.values) === total);
      if (i < 0) return;
      const g = open.splice(i, 1)[0]!;
      groups.push({ ...g, values: [...g.values, p.values[0]!] });
    }
  });
  if (groups.length !== 3 || open.length > 0) return null;
  groups.sort((a, b) => a.order - b.order);
  const [review, x, y] = groups as [Group, Group, Group];
  const after = (g: Group): boolean => /复议后起诉/.test(labelKey(g.before));
  const direct = (g: Group): boolean => /未经复议直接起诉/.test(labelKey(g.before));
  const [d, a] = after(x) || direct(y) ? [y, x] : [x, y];
  return [...review.values, ...d.values, ...a.values];
}
