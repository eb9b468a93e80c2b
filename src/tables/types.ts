// The one raw form every table reader returns, whatever the text drew: rows of cells, each cell
// knowing the line it came from, so that one function (place/) can put any of them onto an
// official form and every number keeps its provenance.
//
// Two kinds of raw table:
//   a grid    rows are the table's rows and a cell's index in its row is its column (pipe, tab,
//             tsv, html, drawn grids, pandoc simple tables): blanks are cells with empty text;
//   a flow    rows are text lines and cells the tokens on them, in reading order, with their
//             display column (`x`) where the text aligned them (pdftotext -layout, Lynx, w3m
//             without borders, one cell per line, `pdftotext -raw`): nothing marks where a table
//             row ends, and a conversion may have dropped the blank cells.

import type { SourceLine } from '../parse/lines.js';

export interface Cell {
  /** Cell text with wrapped lines joined back, cleaned (parse/lines.ts cleanText). */
  text: string;
  /** 1-based line of the cell's first character. */
  line: number;
  /** Flow tables: the display column where the token starts and the one after its end. */
  x?: number;
  end?: number;
  /** A position covered by a spanning cell whose text stands at another position. */
  copy?: boolean;
  /** An explicitly empty cell of a flow (a line of NBSP in one-cell-per-line text). */
  empty?: boolean;
  /**
   * An empty cell read from a pipe alone on its line (one cell a line, shapes/pipe-cells.ts): a
   * row's first such pipe may instead start the row, as some pages start every row with one.
   */
  lone?: true;
  /** A cell the reader added to make a short row as wide as the table (an HTML row without its last cells). */
  padded?: boolean;
  /**
   * Flow tokens: NBSPs, and nothing else, between this token and the one before it (`nbspBefore`)
   * or the line's end (`nbspAfter`). A page that writes a blank cell as `&nbsp;` and runs its
   * cells together (`get_text()`, `textContent`: `82135⍽⍽21859`) leaves one a blank cell.
   */
  nbspBefore?: number;
  nbspAfter?: number;
}

export interface RawTable {
  /** How the text drew the table: `pipe`, `grid`, `aligned`, `cells` … (the record's `format`). */
  format: string;
  line: number;
  endLine: number;
  rows: Cell[][];
  /** Rows are text lines and cells are tokens in reading order (see above). */
  flow?: boolean;
  /** The text ends inside the table (a page cut short): its last row may lack its last cells. */
  cut?: boolean;
  /**
   * A flow whose lines the text marks as the table's (pipes, one cell a line): the first and the
   * last line of the drawing, which the table takes whatever the form places.
   */
  drawn?: readonly [number, number];
  /**
   * Set by a reader that gave up building the cells of a drawing too large for its text
   * (tables/budget.ts), to say why (`would hold over 160400 characters of cells`). Such a table
   * has no rows and is read as text.
   */
  tooLarge?: string;
}

/** What a reader found at a line: a table and the index of the first line after it, or how far it looked in vain. */
export interface Read {
  table: RawTable | null;
  next: number;
}

/**
 * One table shape. `triggers` are the line kinds (parse/lines.ts LINE bits) on which the shape can
 * start: the finder asks a shape only at such lines. `detect` is cheap and has no side effects;
 * `read` does the work. When the lines turn out not to be such a table, `table` is null and
 * `next` says how far it looked, so that the same lines are not read again from every start.
 */
export interface TableShape {
  name: string;
  triggers: number;
  detect(lines: readonly SourceLine[], at: number): boolean;
  read(lines: readonly SourceLine[], at: number): Read;
}
