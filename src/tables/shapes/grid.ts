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

import { cleanText, LINE, type SourceLine } from '../../parse/lines.js';
import { cellBudget } from '../budget.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { CONTINUATION, sliceColumns, toColumns, toNarrowColumns } from './width.js';

/** What a character draws: the kinds a grid is made of. */
const OTHER = 0;
const HORIZONTAL = 1;
const VERTICAL = 2;
const JUNCTION = 3;
const COLON = 4;
const SPACE = 0x20;

/**
 * The kind of every character that can draw (ASCII and the box-drawing block U+2500–U+257F),
 * in a flat table: geometry asks for the kind of every column of every line.
 */
const BOX_BASE = 0x2500;
const KINDS = new Uint8Array(0x80 + 0x80);
function mark(chars: string, kind: number): void {
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    KINDS[cp < 0x80 ? cp : cp - BOX_BASE + 0x80] = kind;
  }
}
mark('-=─━═╌╍┄┅┈┉', HORIZONTAL);
mark('|│┃║╎╏┆┇┊┋', VERTICAL);
mark('+┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜┍┑┕┙┝┥┯┷┿┎┒┖┚┠┨┰┸╀╁╂╃╄╅╆╇╈╉╊', JUNCTION);
mark(':', COLON);

function kind(cp: number): number {
  if (cp < 0x80) return cp < 0 ? OTHER : KINDS[cp]!;
  return cp >= BOX_BASE && cp < BOX_BASE + 0x80 ? KINDS[cp - BOX_BASE + 0x80]! : OTHER;
}

const isRule = (cp: number): boolean => {
  const k = kind(cp);
  return k === HORIZONTAL || k === JUNCTION || k === COLON;
};
const isWall = (cp: number): boolean => {
  const k = kind(cp);
  return k === VERTICAL || k === JUNCTION;
};

/** A border line: made of dashes and junctions (with spaces and bars where a cell spans it). */
function isBorder(cols: readonly number[]): boolean {
  let rule = 0;
  let other = 0;
  let run = 0;
  let longest = 0;
  for (const cp of cols) {
    if (cp === CONTINUATION || cp === SPACE) {
      run = 0;
      continue;
    }
    const k = kind(cp);
    if (k === HORIZONTAL) {
      rule++;
      run++;
      if (run > longest) longest = run;
    } else if (k === JUNCTION || k === COLON) {
      rule++;
    } else if (k === VERTICAL) {
      run = 0;
    } else {
      other++;
      run = 0;
    }
  }
  return longest >= 3 && rule > other * 4;
}

/**
 * The most characters a grid's lines may have. The largest grid of the corpus has 18 000; its
 * geometry is read from every line laid out as display columns (a number each), so a drawing of
 * many megabytes (a page framed in box drawing, a grid pasted a thousand times) would take many
 * times its size in memory before its cells could be judged.
 */
const MAX_GRID_CHARS = 1_000_000;

/** First visible character of a grid line. */
function lead(raw: string): number {
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== SPACE && c !== 9 && !(c > 0x7f && /\s/.test(raw[i]!))) break;
  }
  return i;
}

function isGridLine(raw: string): boolean {
  const i = lead(raw);
  return i < raw.length && isWall(raw.charCodeAt(i));
}

/** A top border: a corner followed by dashes (`+---`, `┌──`, `╔══`). */
function isTopBorder(raw: string): boolean {
  const i = lead(raw);
  return raw.length - i > 3 && kind(raw.charCodeAt(i)) === JUNCTION && kind(raw.charCodeAt(i + 1)) === HORIZONTAL && kind(raw.charCodeAt(i + 2)) === HORIZONTAL;
}

class Sets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
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

function isRuleText(s: string): boolean {
  for (const ch of s) if (!isRule(ch.codePointAt(0)!)) return false;
  return true;
}

/** A cell's line without pandoc markdown's hard line break, a backslash at its end (`本年新\` / `公开数量`). */
function withoutHardBreak(piece: string): string {
  const t = piece.trimEnd();
  return t.endsWith('\\') && !t.endsWith('\\\\') ? t.slice(0, -1) : piece;
}

/** The pieces of a cell's lines, one text; two Latin letters or digits meeting get a space between them. */
function joinPieces(pieces: readonly string[]): string {
  const out: string[] = [];
  let last = '';
  for (const piece of pieces) {
    const p = withoutHardBreak(piece);
    out.push(/[A-Za-z0-9]/.test(last) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p);
    last = p.at(-1) ?? last;
  }
  return cleanText(out.join(''));
}

/**
 * How well the walls of the content lines stand where the border lines put junctions: 1 when
 * every wall character is at such a column. Links counts a Chinese character as one column, so
 * its borders line up only when the text is measured that way.
 */
function alignment(cols: readonly number[][], border: readonly boolean[]): number {
  const xs = new Set<number>();
  cols.forEach((line, i) => {
    if (!border[i]) return;
    for (let x = 0; x < line.length; x++) if (kind(line[x]!) === JUNCTION) xs.add(x);
  });
  let walls = 0;
  let aligned = 0;
  cols.forEach((line, i) => {
    if (border[i]) return;
    for (let x = 0; x < line.length; x++) {
      if (kind(line[x]!) !== VERTICAL) continue;
      walls++;
      if (xs.has(x)) aligned++;
    }
  });
  return walls === 0 ? 1 : aligned / walls;
}

export const gridShape: TableShape = {
  name: 'grid',
  triggers: LINE.TOP_BORDER,
  detect(lines, at) {
    return isTopBorder(lines[at]!.raw) && isGridLine(lines[at + 1]?.raw ?? '');
  },
  read(lines, at) {
    let end = at;
    let chars = lines[at]!.raw.length;
    while (end + 1 < lines.length && isGridLine(lines[end + 1]!.raw)) chars += lines[++end]!.raw.length;
    if (chars > MAX_GRID_CHARS) {
      const table: RawTable = { format: 'grid', line: lines[at]!.no, endLine: lines[end]!.no, rows: [], tooLarge: `spans ${chars} characters, over the ${MAX_GRID_CHARS} a grid may have` };
      return { table, next: end + 1 };
    }
    const region = lines.slice(at, end + 1);
    const wide = region.map((l) => toColumns(l.raw));
    const border = wide.map(isBorder);
    const narrow = alignment(wide, border) < 0.9 ? region.map((l) => toNarrowColumns(l.raw)) : null;
    const cols = narrow && alignment(narrow, border) > alignment(wide, border) ? narrow : wide;
    return readGeometry(region, cols, border, at, end + 1);
  },
};

/**
 * The cells of a grid region whose lines are laid out as `cols`. Broken geometry (walls and
 * borders anywhere) can cut the region into far more positions than it has characters, and give
 * merged groups whose rectangles overlap: the reader gives up, with `tooLarge`, as soon as the
 * positions, the characters it would read or the cells it would build exceed the region's budget
 * (tables/budget.ts), so that its time and memory stay linear in the region's text.
 */
function readGeometry(region: readonly SourceLine[], cols: readonly number[][], border: readonly boolean[], at: number, scanned: number): { table: RawTable | null; next: number } {
  let end = region.length - 1;
  // The table ends at its last border line; anything after is not inside a cell.
  while (end > 0 && !border[end]) end--;
  const n = end + 1;
  if (n < 3) return { table: null, next: scanned };

  const xs = new Set<number>();
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const line = cols[i]!;
    chars += region[i]!.raw.length;
    for (let x = 0; x < line.length; x++) {
      const cp = line[x]!;
      const k = kind(cp);
      if (k === VERTICAL || (k === JUNCTION && border[i])) xs.add(x);
    }
  }
  const X = [...xs].sort((a, b) => a - b);
  const ys: number[] = [];
  for (let i = 0; i < n; i++) if (border[i]) ys.push(i);
  const bands: Array<[number, number]> = [];
  for (let k = 0; k + 1 < ys.length; k++) if (ys[k + 1]! - ys[k]! > 1) bands.push([ys[k]!, ys[k + 1]!]);
  const W = X.length - 1;
  const H = bands.length;
  if (W < 1 || H < 1) return { table: null, next: scanned };

  const budget = cellBudget(chars);
  const tooLarge = (why: string): { table: RawTable; next: number } => ({
    table: { format: 'grid', line: region[0]!.no, endLine: region[n - 1]!.no, rows: [], tooLarge: why },
    next: at + n,
  });
  // Every column is looked at on every line: a real grid's lines each cross all its columns.
  if (W * n > budget) return tooLarge(`would have ${W} columns on each of ${n} lines`);

  const at2 = (i: number, x: number): number => cols[i]![x] ?? SPACE;
  // Is there a border across column c on line i? A column one character wide (two walls of
  // different sub-tables side by side) has no inside: its two ends tell.
  const dashed = (i: number, c: number): boolean => {
    for (let x = X[c]! + 1; x < X[c + 1]!; x++) if (!isRule(at2(i, x))) return false;
    return X[c + 1]! - X[c]! > 1 || (isRule(at2(i, X[c]!)) && isRule(at2(i, X[c + 1]!)));
  };
  const sets = new Sets(W * H);
  for (let r = 0; r < H; r++) {
    const [top, bottom] = bands[r]!;
    for (let c = 0; c < W; c++) {
      if (c + 1 < W) {
        let wall = false;
        for (let i = top + 1; i < bottom && !wall; i++) {
          wall = isWall(at2(i, X[c + 1]!));
        }
        if (!wall) sets.union(r * W + c, r * W + c + 1);
      }
      if (r + 1 < H && !dashed(bottom, c)) sets.union(r * W + c, (r + 1) * W + c);
    }
  }

  // Bounding rectangle and number of positions of every merged group.
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number; size: number }>();
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const g = sets.find(r * W + c);
      const b = box.get(g);
      if (!b) {
        box.set(g, { r0: r, r1: r, c0: c, c1: c, size: 1 });
        continue;
      }
      // Rows come in order: only the last row and the columns can grow.
      b.r1 = r;
      b.c0 = Math.min(b.c0, c);
      b.c1 = Math.max(b.c1, c);
      b.size++;
    }
  }
  // A group's text is read from its whole rectangle: in a real grid the rectangles tile the table,
  // in a broken one they overlap and each would read much of the table again.
  let reading = 0;
  for (const b of box.values()) reading += (bands[b.r1]![1] - bands[b.r0]![0]) * (X[b.c1 + 1]! - X[b.c0]!);
  if (reading > budget) return tooLarge(`would read ${reading} characters to fill its cells`);

  const cellOf = new Map<number, Cell>();
  let size = W * H;
  for (const [g, b] of box) {
    const pieces: string[] = [];
    let first = region[bands[b.r0]![0] + 1]!.no;
    for (let i = bands[b.r0]![0] + 1; i < bands[b.r1]![1]; i++) {
      const piece = sliceColumns(cols[i]!, X[b.c0]! + 1, X[b.c1 + 1]!).trim();
      if (piece === '' || isRuleText(piece)) continue;
      if (pieces.length === 0) first = region[i]!.no;
      pieces.push(piece);
    }
    const text = joinPieces(pieces);
    // The text stands in every position of the group.
    size += text.length * b.size;
    if (size > budget) return tooLarge(`would hold over ${size} characters of cells`);
    cellOf.set(g, { text, line: first });
  }
  const rows: Cell[][] = [];
  for (let r = 0; r < H; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < W; c++) {
      const g = sets.find(r * W + c);
      const b = box.get(g)!;
      const { text, line } = cellOf.get(g)!;
      row.push(r !== b.r0 || c !== b.c0 ? { text, line, copy: true } : { text, line });
    }
    rows.push(row);
  }
  return { table: { format: 'grid', line: region[0]!.no, endLine: region[n - 1]!.no, rows } satisfies RawTable, next: at + n };
}
