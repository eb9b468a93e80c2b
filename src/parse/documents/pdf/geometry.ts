// Shapes on a PDF page, in the page's own units (1/72 inch) measured from its top left corner,
// y growing downwards: the coordinates the audit page draws in, and in which "above" and "left of"
// mean what a reader means.

/** A piece of text as pdf.js placed it: one text item, its box and its font size. */
export interface Run {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The font size (the height of an em). */
  size: number;
  /** Written top to bottom (a vertical font: a group label standing in a tall cell). */
  vertical: boolean;
}

/** A ruling line: horizontal (`at` is its y, from `from` to `to` in x) or vertical (`at` is its x). */
export interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** An affine matrix [a, b, c, d, e, f], as PDF writes them. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that moves a point through `m` first, then through `n` (so `cm` makes `multiply(M, ctm)`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function centerOf(b: Box): [number, number] {
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
}

export function union(boxes: readonly Box[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}
