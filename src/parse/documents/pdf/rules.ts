// A page's drawing operators → its ruling lines: the horizontal and vertical strokes, and the
// edges of filled boxes, that draw a table's grid. pdf.js hands the page as an operator list in
// which a path is one `constructPath` (its painting operator, and its moves, lines, curves and
// closes in one Float32Array, in the user space of the moment); the current transformation matrix
// is followed through save, restore, transform and form XObjects to place it on the page.
//
// Kinds of grid met in the corpus and in what converters write: WPS strokes each cell side;
// Chromium and LibreOffice fill thin rectangles or stroke lines. Both come out as rules here. A
// larger filled box is no rule: WPS paints a white box behind every line of its text, and a shaded
// cell has its rules drawn besides. Nothing painted white is a rule (it cannot be seen on paper).

import { apply, IDENTITY, multiply, union, type Box, type Matrix, type Rule } from './geometry.js';

/** pdf.js's operator numbers that matter here (its `OPS`, passed in: they are the library's). */
export interface Ops {
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** How pdf.js 5 encodes a path's pieces in constructPath's Float32Array (its `DrawOPS`, not exported). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A segment this close to level (or plumb), in page units, is a rule: rounding in the writer's output. */
const AXIS_TOLERANCE = 0.5;
/** A filled box at most this thick is a line drawn as a box (Chromium, LibreOffice): 2pt is a heavy rule. */
const THIN = 2.5;
/** Colours too light to be seen on white paper (pdf.js gives every colour as `#rrggbb`). */
const INVISIBLE = /^#(?:f[a-f0-9]){3}$/i;

interface Point {
  x: number;
  y: number;
}

/** The subpaths of a path: their points in order, whether closed, whether a curve broke them. */
function subpaths(data: ArrayLike<number>, m: Matrix): Array<{ points: Point[]; closed: boolean; curved: boolean }> {
  const out: Array<{ points: Point[]; closed: boolean; curved: boolean }> = [];
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  const at = (x: number, y: number): Point => {
    const [px, py] = apply(m, x, y);
    return { x: px, y: py };
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === MOVE_TO) {
      current = { points: [at(data[i + 1]!, data[i + 2]!)], closed: false, curved: false };
      out.push(current);
      i += 3;
    } else if (op === LINE_TO) {
      current?.points.push(at(data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === CURVE_TO) {
      if (current) {
        current.curved = true;
        // A curve ends a run of straight sides: continue from its end point as a new subpath.
        current = { points: [at(data[i + 5]!, data[i + 6]!)], closed: false, curved: false };
        out.push(current);
      }
      i += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      if (current) {
        current.curved = true;
        current = { points: [at(data[i + 3]!, data[i + 4]!)], closed: false, curved: false };
        out.push(current);
      }
      i += 5;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      i += 1;
    } else break; // an encoding this code does not know: read no further than what it understood
  }
  return out;
}

/**
 * The bounding box of a filled subpath of straight sides. A border drawn as a filled shape is a thin
 * one: a rectangle, or a trapezoid where two borders meet at a bevelled corner (Chromium).
 */
function boundsOf(points: readonly Point[]): Box {
  return union(points.map((p) => ({ x0: p.x, y0: p.y, x1: p.x, y1: p.y })));
}

function segmentRule(a: Point, b: Point): Rule | null {
  if (Math.abs(a.y - b.y) <= AXIS_TOLERANCE && Math.abs(a.x - b.x) > AXIS_TOLERANCE) {
    return { horizontal: true, at: (a.y + b.y) / 2, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) };
  }
  if (Math.abs(a.x - b.x) <= AXIS_TOLERANCE && Math.abs(a.y - b.y) > AXIS_TOLERANCE) {
    return { horizontal: false, at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) };
  }
  return null;
}

/** The ruling lines of a page's operator list; `viewport`: pdf.js's page-to-top-left matrix. */
export function rulesOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops, viewport: Matrix): Rule[] {
  const rules: Rule[] = [];
  interface State {
    ctm: Matrix;
    fill: string;
    stroke: string;
  }
  const stack: State[] = [];
  let state: State = { ctm: IDENTITY, fill: '#000000', stroke: '#000000' };
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(state);
    else if (fn === ops.restore) state = stack.pop() ?? state;
    else if (fn === ops.transform && args) state = { ...state, ctm: multiply(args as unknown as Matrix, state.ctm) };
    else if (fn === ops.setFillRGBColor && typeof args?.[0] === 'string') state = { ...state, fill: args[0] };
    else if (fn === ops.setStrokeRGBColor && typeof args?.[0] === 'string') state = { ...state, stroke: args[0] };
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(state);
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if (matrix && matrix.length === 6) state = { ...state, ctm: multiply(Array.from(matrix) as unknown as Matrix, state.ctm) };
    } else if (fn === ops.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const stroked = strokes.has(paint) && !INVISIBLE.test(state.stroke);
      const filled = fills.has(paint) && !INVISIBLE.test(state.fill);
      if (!stroked && !filled) continue; // a clipping path, or one ended unpainted
      const raw = args[1] as ArrayLike<number> | Array<ArrayLike<number> | null> | null;
      const data = raw && typeof (raw as ArrayLike<number>)[0] === 'number' ? (raw as ArrayLike<number>) : ((raw as Array<ArrayLike<number> | null> | null)?.[0] ?? null);
      if (!data) continue;
      const m = multiply(state.ctm, viewport);
      for (const sub of subpaths(data, m)) {
        const box = filled && !sub.curved && sub.points.length >= 3 ? boundsOf(sub.points) : null;
        if (box) {
          const w = box.x1 - box.x0;
          const h = box.y1 - box.y0;
          if (h <= THIN && w > THIN) rules.push({ horizontal: true, at: (box.y0 + box.y1) / 2, from: box.x0, to: box.x1 });
          else if (w <= THIN && h > THIN) rules.push({ horizontal: false, at: (box.x0 + box.x1) / 2, from: box.y0, to: box.y1 });
          if (!stroked) continue;
        }
        if (!stroked) continue;
        const pts = sub.points;
        for (let k = 1; k < pts.length; k++) {
          const r = segmentRule(pts[k - 1]!, pts[k]!);
          if (r) rules.push(r);
        }
        if (sub.closed && pts.length > 2) {
          const r = segmentRule(pts[pts.length - 1]!, pts[0]!);
          if (r) rules.push(r);
        }
      }
    }
  }
  return rules;
}
