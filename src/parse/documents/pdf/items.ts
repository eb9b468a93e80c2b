// pdf.js text items → runs with boxes on the page. An item is a stretch of glyphs that pdf.js
// found next to each other in one font; its transform places its baseline origin, its width is its
// advance. The box is that advance, from the font's descent to its ascent (a vertical font: from
// the origin at the top centre of the first glyph, down by the item's height).

import { apply, multiply, type Matrix, type Run } from './geometry.js';

export interface TextItemLike {
  str: string;
  dir: string;
  transform: readonly number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontStyle {
  ascent: number;
  descent: number;
  vertical: boolean;
}

/**
 * Ascent and descent (in ems) where a font says nothing believable: CJK fonts' are about these.
 * pdf.js reads them from the font, and a font program without them gives 0 or more than an em.
 */
const ASCENT = 0.88;
const DESCENT = -0.12;

function plausible(ascent: number | undefined, descent: number | undefined): boolean {
  return ascent !== undefined && descent !== undefined && ascent > 0.5 && ascent <= 1.2 && descent <= 0 && descent >= -0.5;
}

/** The runs of a page's text items; `viewport`: pdf.js's page-to-top-left matrix. */
export function runsOf(items: readonly TextItemLike[], styles: Readonly<Record<string, Partial<FontStyle>>>, viewport: Matrix): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (item.str.trim() === '' || item.transform.length !== 6) continue;
    const m = multiply(item.transform as unknown as Matrix, viewport);
    const style = styles[item.fontName] ?? {};
    const up = Math.hypot(m[2], m[3]);
    const size = up > 0 ? up : Math.hypot(m[0], m[1]);
    if (!(size > 0) || !Number.isFinite(size)) continue;
    if (style.vertical || item.dir === 'ttb') {
      const [x, y] = [m[4], m[5]];
      const half = (item.width > 0 ? item.width : size) / 2;
      runs.push({ text: item.str, x0: x - half, y0: y, x1: x + half, y1: y + Math.max(item.height, size), size, vertical: true });
      continue;
    }
    const [ascent, descent] = plausible(style.ascent, style.descent) ? [style.ascent!, style.descent!] : [ASCENT, DESCENT];
    // Unit steps along the baseline and down the glyphs, on the page: the box's corners are the
    // origin moved by the advance along, and by the ascent up or the descent down, in ems.
    const along = Math.hypot(m[0], m[1]);
    const ux = along > 0 ? m[0] / along : 1;
    const uy = along > 0 ? m[1] / along : 0;
    const frame: Matrix = [ux, uy, -m[2], -m[3], m[4], m[5]];
    const corners = [
      [0, -ascent],
      [item.width, -ascent],
      [0, -descent],
      [item.width, -descent],
    ].map(([a, b]) => apply(frame, a!, b!));
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    runs.push({ text: item.str, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys), size, vertical: false });
  }
  return runs;
}
