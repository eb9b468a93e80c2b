// Runs → lines in reading order: runs whose boxes share most of their height stand on one line,
// left to right; lines go top to bottom. The gaps between runs become spaces: one where words are
// set apart, and, where a gap is wide (the columns of a table drawn without rules), as many as
// put the next run at its column counted in half-ems from the page's left edge, as
// `pdftotext -layout` does, so that the aligned-table reader finds the columns it knows.

import { union, type Box, type Run } from './geometry.js';

export interface PageLine extends Box {
  runs: Run[];
  text: string;
}

/** Two runs stand on one line when the shared part of their heights is this much of the smaller. */
const SAME_LINE = 0.5;
/** A gap narrower than this (in ems) is no space: pdf.js cut one word into items (`1.` + `属于…`). */
const NO_SPACE = 0.15;
/** A gap at least this wide (in ems) is a column gap: the run is set at its own column. */
const COLUMN_GAP = 1.5;
/** The most spaces one gap becomes: a column far right still reads as a column, not a page of blanks. */
const MAX_PAD = 120;

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Display columns of a string: an ideograph or full-width form is two, as in a terminal. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return n;
}

/** How a page's lines are laid out in columns: where its text begins, and a column's width. */
export interface Layout {
  /** The left edge of the page's text: column 0. */
  left: number;
  /** Half the body text's em: one display column. */
  halfEm: number;
}

/**
 * The text of one line's runs, left to right, indented and spaced in the page's columns; without
 * a layout (the lines of one table cell), a wide gap is one space like any other.
 */
export function joinRuns(runs: readonly Run[], layout?: Layout): string {
  let text = '';
  let col = 0;
  let prev: Run | null = null;
  const columnOf = (x: number): number => (layout ? Math.round((x - layout.left) / layout.halfEm) : 0);
  for (const r of runs) {
    let pad = 0;
    if (!prev) pad = Math.min(MAX_PAD, Math.max(0, columnOf(r.x0)));
    else {
      const em = Math.max(prev.size, r.size);
      const gap = r.x0 - prev.x1;
      if (layout && gap >= COLUMN_GAP * em) pad = Math.min(MAX_PAD, Math.max(2, columnOf(r.x0) - col));
      else if (gap >= NO_SPACE * em) pad = 1;
    }
    text += ' '.repeat(pad);
    col += pad;
    text += r.text;
    col += columns(r.text);
    prev = r;
  }
  return text;
}

/** Runs that share a line, grouped: lines top to bottom, runs left to right. */
export function groupLines(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const lines: Array<{ y0: number; y1: number; runs: Run[] }> = [];
  for (const r of sorted) {
    const h = r.y1 - r.y0;
    // Only the last few lines can still take a run that starts lower than all of theirs.
    let home: (typeof lines)[number] | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
      const l = lines[i]!;
      if (r.vertical || l.runs[0]!.vertical) continue;
      if (overlap(r.y0, r.y1, l.y0, l.y1) >= SAME_LINE * Math.min(h, l.y1 - l.y0)) {
        home = l;
        break;
      }
    }
    if (home) {
      home.runs.push(r);
      home.y0 = Math.min(home.y0, r.y0);
      home.y1 = Math.max(home.y1, r.y1);
    } else lines.push({ y0: r.y0, y1: r.y1, runs: [r] });
  }
  return lines.map((l) => l.runs.sort((a, b) => a.x0 - b.x0));
}

/** The lines of a page's runs (those outside its tables), laid out in `layout`'s columns. */
export function pageLines(runs: readonly Run[], layout: Layout): PageLine[] {
  return groupLines(runs).map((group) => ({ ...union(group), runs: group, text: joinRuns(group, layout) }));
}

/** A page's columns: from the left edge of its runs, half the most common font size wide. */
export function layoutOf(runs: readonly Run[]): Layout {
  const counts = new Map<number, number>();
  let left = Infinity;
  for (const r of runs) {
    const k = Math.round(r.size * 2) / 2;
    counts.set(k, (counts.get(k) ?? 0) + r.text.length);
    left = Math.min(left, r.x0);
  }
  let best = 12;
  let most = -1;
  for (const [k, n] of counts) if (n > most) [best, most] = [k, n];
  return { left: Number.isFinite(left) ? left : 0, halfEm: best / 2 };
}
