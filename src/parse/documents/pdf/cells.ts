// Ruling lines → tables of cells, the way a reader sees a drawn table: a cell is the smallest
// rectangle whose four sides are drawn, its corners where rules meet. A cell whose box covers
// several rows or columns of the table's grid (a merged cell) spans them: the grid's columns are
// every x where some cell has a side, its rows every such y. Cells that share corners make one
// table; a lone box (a framed paragraph) is no table.

import type { Box, Rule, Run } from './geometry.js';

/** Rules this close to the next (page units) are one line: a border drawn twice, or as a box's two sides. */
const SNAP = 2;
/** Pieces of one line with a gap this small between them are one piece. */
const JOIN = 2;
/** A rule that stops this short of another still meets it. */
const REACH = 2;
/**
 * Beyond this many rules on a page, it is a drawing (a chart, a seal, dotted leaders), not a grid:
 * no table is looked for, and its text is read in lines. A full-page table has a few hundred.
 */
const MAX_RULES = 5000;
/** The smallest side of a cell (page units): thinner boxes are rule pairs, not cells. */
const MIN_CELL = 3;

export interface GridCell extends Box {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface GridTable extends Box {
  /** The x of each column boundary, left to right; the y of each row boundary, top to bottom. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

interface Line {
  at: number;
  pieces: Array<[number, number]>;
}

/** Rules of one direction → lines: near ones snapped together, touching pieces joined. */
function linesOf(rules: readonly Rule[]): Line[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const groups: Rule[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && r.at - g[g.length - 1]!.at <= SNAP) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    let weight = 0;
    let sum = 0;
    for (const r of g) {
      const w = Math.max(r.to - r.from, 0.01);
      weight += w;
      sum += r.at * w;
    }
    const spans = g.map((r) => [r.from, r.to] as [number, number]).sort((a, b) => a[0] - b[0]);
    const pieces: Array<[number, number]> = [];
    for (const s of spans) {
      const last = pieces[pieces.length - 1];
      if (last && s[0] <= last[1] + JOIN) last[1] = Math.max(last[1], s[1]);
      else pieces.push([s[0], s[1]]);
    }
    return { at: sum / weight, pieces };
  });
}

/** Does the line cover from `a` to `b` in one piece? */
function covers(line: Line, a: number, b: number): boolean {
  for (const [from, to] of line.pieces) if (from <= a + REACH && to >= b - REACH) return true;
  return false;
}

function touches(line: Line, at: number): boolean {
  for (const [from, to] of line.pieces) if (from - REACH <= at && at <= to + REACH) return true;
  return false;
}

/**
 * The sides a page leaves undrawn: a table cut by a page break has no rule under its last row (WPS
 * draws it on neither page), nor over the first row it continues with. Where two or more lines of
 * one direction stop at the same place without meeting a line there, a line is drawn across their
 * ends.
 */
function closingRules(hs: readonly Line[], vs: readonly Line[], horizontal: boolean): Rule[] {
  const ends: Array<{ at: number; across: number }> = [];
  const [these, those] = horizontal ? [vs, hs] : [hs, vs];
  for (const line of these) {
    for (const [from, to] of line.pieces) {
      for (const end of [from, to]) {
        const met = those.some((o) => Math.abs(o.at - end) <= REACH && touches(o, line.at));
        if (!met) ends.push({ at: end, across: line.at });
      }
    }
  }
  ends.sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  for (let i = 0; i < ends.length; ) {
    let j = i + 1;
    while (j < ends.length && ends[j]!.at - ends[j - 1]!.at <= SNAP) j++;
    if (j - i >= 2) {
      const group = ends.slice(i, j);
      const across = group.map((e) => e.across);
      out.push({ horizontal, at: group.reduce((s, e) => s + e.at, 0) / group.length, from: Math.min(...across), to: Math.max(...across) });
    }
    i = j;
  }
  return out;
}

/** The tables a page's rules draw. */
export function tablesOf(rules: readonly Rule[]): GridTable[] {
  if (rules.length > MAX_RULES) return [];
  const drawnH = linesOf(rules.filter((r) => r.horizontal));
  const drawnV = linesOf(rules.filter((r) => !r.horizontal));
  const hs = linesOf([...rules.filter((r) => r.horizontal), ...closingRules(drawnH, drawnV, true)]);
  const vs = linesOf([...rules.filter((r) => !r.horizontal), ...closingRules(drawnH, drawnV, false)]);
  // Corners: where a vertical line meets a horizontal one. Keyed by their lines' indices.
  const rightOf = new Map<number, number[]>(); // per horizontal line: the vertical lines it meets, left to right
  const belowOf = new Map<number, number[]>(); // per vertical line: the horizontal lines it meets, top to bottom
  const key = (xi: number, yi: number): number => xi * 100_000 + yi;
  const corners = new Set<number>();
  for (let yi = 0; yi < hs.length; yi++) {
    for (let xi = 0; xi < vs.length; xi++) {
      if (touches(hs[yi]!, vs[xi]!.at) && touches(vs[xi]!, hs[yi]!.at)) {
        corners.add(key(xi, yi));
        (rightOf.get(yi) ?? rightOf.set(yi, []).get(yi)!).push(xi);
        (belowOf.get(xi) ?? belowOf.set(xi, []).get(xi)!).push(yi);
      }
    }
  }
  // Each corner as a cell's top left: the nearest corner below and to the right that closes a box.
  const cells: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  for (const [yi, xis] of rightOf) {
    for (const xi of xis) {
      const downs = (belowOf.get(xi) ?? []).filter((d) => hs[d]!.at > hs[yi]!.at + MIN_CELL);
      const rights = xis.filter((r) => vs[r]!.at > vs[xi]!.at + MIN_CELL);
      let found = false;
      for (const d of downs) {
        if (!covers(vs[xi]!, hs[yi]!.at, hs[d]!.at)) break;
        for (const r of rights) {
          if (!covers(hs[yi]!, vs[xi]!.at, vs[r]!.at)) break;
          if (corners.has(key(r, d)) && covers(hs[d]!, vs[xi]!.at, vs[r]!.at) && covers(vs[r]!, hs[yi]!.at, hs[d]!.at)) {
            cells.push({ x0: xi, y0: yi, x1: r, y1: d });
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
  }
  return groupCells(cells, vs, hs);
}

/** Cells that share a corner are one table; each table's grid from its cells' sides. */
function groupCells(cells: ReadonlyArray<{ x0: number; y0: number; x1: number; y1: number }>, vs: readonly Line[], hs: readonly Line[]): GridTable[] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byCorner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const k of [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`]) {
      const j = byCorner.get(k);
      if (j === undefined) byCorner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  cells.forEach((_, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  });
  const tables: GridTable[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const xis = [...new Set(members.flatMap((i) => [cells[i]!.x0, cells[i]!.x1]))].sort((a, b) => a - b);
    const yis = [...new Set(members.flatMap((i) => [cells[i]!.y0, cells[i]!.y1]))].sort((a, b) => a - b);
    const colOf = new Map(xis.map((x, k) => [x, k]));
    const rowOf = new Map(yis.map((y, k) => [y, k]));
    const out: GridCell[] = members.map((i) => {
      const c = cells[i]!;
      const col = colOf.get(c.x0)!;
      const row = rowOf.get(c.y0)!;
      return { x0: vs[c.x0]!.at, y0: hs[c.y0]!.at, x1: vs[c.x1]!.at, y1: hs[c.y1]!.at, row, col, rowspan: rowOf.get(c.y1)! - row, colspan: colOf.get(c.x1)! - col };
    });
    out.sort((a, b) => a.row - b.row || a.col - b.col);
    const xs = xis.map((x) => vs[x]!.at);
    const ys = yis.map((y) => hs[y]!.at);
    tables.push({ x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]!, xs, ys, cells: out });
  }
  return tables.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Advance widths in ems: an ideograph or full-width form is one em, anything else about half. */
function emWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || c >= 0x20000 ? 1 : 0.5;
}

/**
 * A run cut where it crosses the given x positions (column sides): pdf.js joins glyphs into one
 * item when their gaps are small, and a narrow table can set two cells' text that close. The glyphs'
 * places are estimated from their kinds (an ideograph an em, other characters half).
 */
export function cutRun(run: Run, xs: readonly number[]): Run[] {
  const chars = [...run.text];
  if (run.vertical || chars.length < 2) return [run];
  const inside = xs.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  if (inside.length === 0) return [run];
  const total = chars.reduce((s, ch) => s + emWidth(ch), 0);
  const scale = (run.x1 - run.x0) / total;
  const out: Run[] = [];
  let x = run.x0;
  let piece = '';
  let start = run.x0;
  let cut = 0;
  for (const ch of chars) {
    const w = emWidth(ch) * scale;
    const center = x + w / 2;
    while (cut < inside.length && center > inside[cut]!) {
      if (piece.trim() !== '') out.push({ ...run, text: piece, x0: start, x1: x });
      piece = '';
      start = x;
      cut++;
    }
    piece += ch;
    x += w;
  }
  if (piece.trim() !== '') out.push({ ...run, text: piece, x0: start, x1: run.x1 });
  return out;
}

/** The cell of a table holding a point, or undefined. */
export function cellAt(table: GridTable, x: number, y: number): GridCell | undefined {
  for (const c of table.cells) if (x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1) return c;
  return undefined;
}
