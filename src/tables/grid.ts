// Grid tables: pandoc's ASCII grids and w3m's box drawing (light, heavy, double), where a missing
// border means a spanning cell:
//   ┌────────┬───────┐        +--------+-------+
//   │行政复议│行政诉讼│        |        |申请人情况|
//   ├──┬──┬──┼───────┤        |        |-------|      ← partial border: the left cell goes on
// Geometry is computed in display columns (see width.ts). Column boundaries are every x where a
// vertical line or a junction stands; row boundaries are border lines. An atomic cell is merged
// with its right neighbour when no vertical line separates them in its rows, and with the one
// below when the border between them has no dashes there. Each merged rectangle's text is
// repeated in every position it covers.

import { cleanText } from '../parse/lines.js';
import type { Cell, RawTable, TableFormat } from './types.js';
import { sliceColumns, toColumns } from './width.js';

const HORIZONTAL = new Set([...'-=─━═╌╍┄┅┈┉']);
const VERTICAL = new Set([...'|│┃║╎╏┆┇┊┋']);
const JUNCTION = new Set([...'+┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜┍┑┕┙┝┥┯┷┿┎┒┖┚┠┨┰┸╀╁╂╃╄╅╆╇╈╉╊']);

const isRule = (ch: string): boolean => HORIZONTAL.has(ch) || JUNCTION.has(ch) || ch === ':';

/** A border line: made of dashes and junctions (with spaces and bars where a cell spans it). */
function isBorder(cols: readonly string[]): boolean {
  let rule = 0;
  let other = 0;
  let run = 0;
  let longest = 0;
  for (const ch of cols) {
    if (ch === '' || ch === ' ') {
      run = 0;
      continue;
    }
    if (isRule(ch)) {
      rule++;
      run = HORIZONTAL.has(ch) ? run + 1 : run;
      longest = Math.max(longest, run);
    } else if (VERTICAL.has(ch)) {
      run = 0;
    } else {
      other++;
      run = 0;
    }
  }
  return longest >= 3 && rule > other * 4;
}

/** First visible character of a grid line. */
function lead(raw: string): string {
  return raw.trimStart()[0] ?? '';
}

function isGridLine(raw: string): boolean {
  const c = lead(raw);
  return VERTICAL.has(c) || JUNCTION.has(c);
}

/** A top border: a corner followed by dashes (`+---`, `┌──`, `╔══`). */
function isTopBorder(raw: string): boolean {
  const t = raw.trimStart();
  return t.length > 3 && JUNCTION.has(t[0]!) && HORIZONTAL.has(t[1]!) && HORIZONTAL.has(t[2]!);
}

class Sets {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function joinPieces(pieces: string[]): string {
  let out = '';
  for (const p of pieces) {
    const last = out.at(-1) ?? '';
    out += /[A-Za-z0-9]/.test(last) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p;
  }
  return cleanText(out);
}

export const gridFormat: TableFormat = {
  name: 'grid',
  detect(lines, at) {
    return isTopBorder(lines[at]!.raw) && isGridLine(lines[at + 1]?.raw ?? '');
  },
  extract(lines, at) {
    let end = at;
    while (end + 1 < lines.length && isGridLine(lines[end + 1]!.raw)) end++;
    const region = lines.slice(at, end + 1);
    const scanned = end + 1;
    const cols = region.map((l) => toColumns(l.raw));
    const border = cols.map(isBorder);
    // The table ends at its last border line; anything after is not inside a cell.
    while (end > at && !border[end - at]) end--;
    const n = end - at + 1;
    if (n < 3) return { table: null, next: scanned };

    const xs = new Set<number>();
    for (let i = 0; i < n; i++) {
      cols[i]!.forEach((ch, x) => {
        if (VERTICAL.has(ch) || (border[i] && JUNCTION.has(ch))) xs.add(x);
      });
    }
    const X = [...xs].sort((a, b) => a - b);
    const ys: number[] = [];
    for (let i = 0; i < n; i++) if (border[i]) ys.push(i);
    const bands: Array<[number, number]> = [];
    for (let k = 0; k + 1 < ys.length; k++) if (ys[k + 1]! - ys[k]! > 1) bands.push([ys[k]!, ys[k + 1]!]);
    const W = X.length - 1;
    const H = bands.length;
    if (W < 1 || H < 1) return { table: null, next: scanned };

    const at2 = (i: number, x: number): string => cols[i]![x] ?? ' ';
    const dashed = (i: number, c: number): boolean => {
      for (let x = X[c]! + 1; x < X[c + 1]!; x++) if (!isRule(at2(i, x))) return false;
      return X[c + 1]! - X[c]! > 1;
    };
    const sets = new Sets(W * H);
    for (let r = 0; r < H; r++) {
      const [top, bottom] = bands[r]!;
      for (let c = 0; c < W; c++) {
        if (c + 1 < W) {
          let wall = false;
          for (let i = top + 1; i < bottom && !wall; i++) {
            const ch = at2(i, X[c + 1]!);
            wall = VERTICAL.has(ch) || JUNCTION.has(ch);
          }
          if (!wall) sets.union(r * W + c, r * W + c + 1);
        }
        if (r + 1 < H && !dashed(bottom, c)) sets.union(r * W + c, (r + 1) * W + c);
      }
    }

    // Bounding rectangle and text of every merged group.
    const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        const g = sets.find(r * W + c);
        const b = box.get(g);
        if (!b) box.set(g, { r0: r, r1: r, c0: c, c1: c });
        else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c) });
      }
    }
    const cellOf = new Map<number, Cell>();
    for (const [g, b] of box) {
      const pieces: string[] = [];
      let first = region[bands[b.r0]![0] + 1]!.no;
      for (let i = bands[b.r0]![0] + 1; i < bands[b.r1]![1]; i++) {
        const piece = sliceColumns(cols[i]!, X[b.c0]! + 1, X[b.c1 + 1]!).trim();
        if (piece === '' || [...piece].every(isRule)) continue;
        if (pieces.length === 0) first = region[i]!.no;
        pieces.push(piece);
      }
      cellOf.set(g, { text: joinPieces(pieces), line: first });
    }
    const rows: Cell[][] = [];
    for (let r = 0; r < H; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < W; c++) {
        const g = sets.find(r * W + c);
        const b = box.get(g)!;
        const cell: Cell = { ...cellOf.get(g)! };
        if (r !== b.r0 || c !== b.c0) cell.copy = true;
        row.push(cell);
      }
      rows.push(row);
    }
    return { table: { format: 'grid', line: region[0]!.no, endLine: region[n - 1]!.no, rows } satisfies RawTable, next: at + n };
  },
};
