// One cell a line, each cell ended by a pipe: how many sites' text extraction writes a table
// (../shared/pages g022, g031, g035, g044, h007, h051, h068; devset/web w132, w229, w272). A `|`
// ends a cell and nothing ends a row. The variants real pages mix, with blank lines anywhere:
//   第二十条第(一)项 |      a cell, its pipe on its line
//   |||                     pipes alone: the row padded to the table's width, or the columns the
//                           cell before spans (also on the cell's line: `第二十条第(一)项 | |||`)
//   上一年项目数量          a cell whose pipe stands on the next line, alone or starting the next
//   | 本年增/减             cell
//   本年                    a header cell wrapped over two lines
//   制发件数 |
//   |                       a lone pipe: an empty cell where a value or another empty cell follows;
//                           before a label, the start of a row (`|` over every row) or its padding
//    |                      a cell of spaces: an empty cell
// Read into one cell a row, as the flow placement reads one-cell-per-line text (place/flow/): the
// form says where each row ends. Padding is dropped; empty cells are kept, the placement tells a
// header's (a corner, the cell under 总计) from a blank row's.

import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import { isValueToken } from '../../lexical/values.js';
import type { Anchor } from '../anchors.js';
import type { Cell } from '../types.js';
import { endsRegion, MAX_REGION_LINES } from './region.js';

/** Lines from a table's start looked at to tell this shape from rows of inline cells. */
const DETECT_WINDOW = 8;
/** Lines of one cell each needed in that window: two could be a caption and a row's wrapped cell. */
const MIN_CELL_LINES = 3;
/** A table of inline rows (`规章 | 0 | 0 | 0 |`) may wrap a cell onto a line of its own now and then: cells must outnumber inline rows this many times. */
const CELLS_PER_INLINE_ROW = 3;
/** Lines a cell takes at most on average (its text, its pipe, a lone pipe or padding): the region is that much longer. */
const LINES_PER_CELL = 2;

type LineKind = 'cell' | 'frame' | 'inline' | 'text' | 'blank';

/** What a line is in this shape: one cell (`X |`, `| X`), pipes only, several cells, text without a pipe, or nothing. */
function kindOf(line: SourceLine): LineKind {
  if ((line.flags & LINE.PIPE) === 0) return isBlank(line) ? 'blank' : 'text';
  let texts = 0;
  for (const piece of line.raw.split('|')) if (!isFramePiece(piece)) texts++;
  return texts === 0 ? 'frame' : texts === 1 ? 'cell' : 'inline';
}

/** A piece between pipes that holds no text: spaces, or a markdown rule's dashes and colons. */
function isFramePiece(piece: string): boolean {
  return /^[\s:\-—]*$/.test(piece);
}

/** Do the lines from `at` draw a table one cell a line, each ended by a pipe? */
export function isPipeCells(lines: readonly SourceLine[], at: number): boolean {
  let cells = 0;
  let inline = 0;
  let seen = 0;
  for (let i = at; i < lines.length && seen < DETECT_WINDOW; i++) {
    const kind = kindOf(lines[i]!);
    // Pipes alone (a row's start, its padding, a span's columns: g043's `|` and `|||||` under its
    // caption) say nothing of the shape.
    if (kind === 'blank' || kind === 'frame') continue;
    seen++;
    // Text whose pipe starts the next line (`上一年项目数量` / `|`) is a cell too.
    if (kind === 'cell' || (kind === 'text' && lines[i + 1]?.raw.trimStart().startsWith('|'))) cells++;
    else if (kind === 'inline') inline++;
  }
  return cells >= MIN_CELL_LINES && cells > CELLS_PER_INLINE_ROW * inline;
}

/** A token of the shape before lone pipes are told apart: a cell, a lone pipe, or padding. */
type Token = { kind: 'cell'; cell: Cell } | { kind: 'lone'; line: number } | { kind: 'pad' };

export interface PipeCellsRead {
  /** One cell a row, the anchor's first: what the flow placement reads. */
  rows: Cell[][];
  /** Index of the first line of the drawing: the anchor's, or a lone pipe starting its row. */
  first: number;
  /** Index of the last line of the drawing: its last pipe, or a last cell the text's end left without one. */
  last: number;
  sawValues: boolean;
  /** The text ends inside the table. */
  cut: boolean;
}

/** May a cell's text go on on the next line (`本年` / `制发件数`)? Never a number, nor digits at the joint. */
function joinable(cell: string, next: string): boolean {
  return !isValueToken(cell) && !isValueToken(next) && !/\d$/.test(cell) && !/^\d/.test(next);
}

/** Reads the cells of the lines in order; `pending` is text whose pipe has not come yet. */
class Tokens {
  readonly list: Token[] = [];
  private pending: Cell | null = null;

  /** Text of a cell not yet ended: the next line of a wrapped cell joins it. */
  text(text: string, line: number): void {
    if (this.pending && joinable(this.pending.text, text)) this.pending.text += text;
    else {
      this.end();
      this.pending = { text, line };
    }
  }

  /** A pipe: it ends the pending cell; true when there was one. */
  end(): boolean {
    if (!this.pending) return false;
    this.list.push({ kind: 'cell', cell: this.pending });
    this.pending = null;
    return true;
  }

  empty(line: number): void {
    this.list.push({ kind: 'cell', cell: { text: '', line, empty: true } });
  }

  /**
   * The text's end inside the table: a pending value may have been cut (`12` of `123`); a lone 0
   * is whole, as a count never starts with 0. The line of the cell kept, or -1.
   */
  cutHere(): number {
    if (this.pending && isValueToken(this.pending.text) && this.pending.text !== '0') this.pending = null;
    const line = this.pending?.line ?? -1;
    this.end();
    return line;
  }

  line(line: SourceLine): void {
    const pieces = line.raw.split('|');
    if (pieces.length === 1) {
      const text = cleanText(line.raw);
      if (text !== '') this.text(text, line.no);
      return;
    }
    // The last piece with text: pipes after it pad the row.
    let lastText = -1;
    for (let k = 0; k < pieces.length; k++) if (!isFramePiece(pieces[k]!)) lastText = k;
    pieces.forEach((piece, k) => {
      const text = isFramePiece(piece) ? '' : cleanText(piece);
      if (k === pieces.length - 1) {
        // After the last pipe: a cell whose pipe comes on a later line.
        if (text !== '') this.text(text, line.no);
        return;
      }
      if (text !== '') {
        this.text(text, line.no);
        this.end();
        return;
      }
      // A pipe after no text: it ends a cell written on the lines before, if any.
      if (this.end()) return;
      if (k > 0) {
        // `a | | b |`: an empty cell between two; pipes after the last text pad the row.
        this.list.push(k < lastText ? { kind: 'cell', cell: { text: '', line: line.no, empty: true } } : { kind: 'pad' });
      } else if (lastText >= 0) {
        // `| a | b |`: a pipe before the row's first cell.
      } else if (pieces.length > 2) this.list.push({ kind: 'pad' });
      else if (piece !== '') this.empty(line.no); // ` |`: a cell of spaces
      else this.list.push({ kind: 'lone', line: line.no });
    });
  }
}

/**
 * The cells once lone pipes are told apart: an empty cell where a value, an empty cell, another
 * lone pipe or padding follows; nothing (a row's start or padding) before a label or at the end.
 */
function resolve(tokens: readonly Token[]): Cell[] {
  const cells: Cell[] = [];
  tokens.forEach((t, k) => {
    if (t.kind === 'cell') cells.push(t.cell);
    else if (t.kind === 'lone') {
      const next = tokens[k + 1];
      if (next && (next.kind !== 'cell' || next.cell.empty || isValueToken(next.cell.text))) cells.push({ text: '', line: t.line, empty: true, lone: true });
    }
  });
  return cells;
}

/** The table from its anchor line `at` to the end of its region (region.ts), one cell a row. */
export function readPipeCells(lines: readonly SourceLine[], at: number, anchor: Anchor): PipeCellsRead {
  const tokens = new Tokens();
  tokens.line(lines[at]!);
  // The anchor is a cell of its own (a caption never wraps onto the next line); its pipe may
  // stand on the next line (`第二十条第(一)项` / `|`: g043, w188, w309), where it ends the anchor
  // and is no empty cell before the values or padding that follow (`行政复议` / `|` / `||||`).
  let next = at + 1;
  while (next < lines.length && kindOf(lines[next]!) === 'blank') next++;
  if (!lines[next]?.raw.trimStart().startsWith('|')) tokens.end();
  let sawValues = false;
  let last = at;
  let i = at + 1;
  for (; i < lines.length && i <= at + LINES_PER_CELL * MAX_REGION_LINES; i++) {
    const line = lines[i]!;
    const kind = kindOf(line);
    if (kind === 'blank') continue;
    if (kind !== 'frame' && endsRegion(line, anchor, sawValues, true)) break;
    if (line.flags & LINE.DIGIT) sawValues = true;
    tokens.line(line);
    if (line.flags & LINE.PIPE) last = i;
  }
  const cut = i === lines.length;
  if (cut) last = Math.max(last, tokens.cutHere() - 1);
  else tokens.end();
  let first = at;
  while (first > 0 && kindOf(lines[first - 1]!) === 'frame') first--;
  const cells = resolve(tokens.list);
  return { rows: cells.map((c) => [c]), first, last, sawValues, cut };
}
