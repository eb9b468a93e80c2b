// The one shape every table extractor returns, whatever the text drew: rows of cells, each cell
// knowing the line it came from, so that the normalizer can give every number its provenance.

import type { SourceLine } from '../parse/lines.js';
import type { OfficialTable } from './official/match.js';

export interface Cell {
  /** Cell text with wrapped lines joined back. */
  text: string;
  /** 1-based line of the cell's first character. */
  line: number;
  /** A position covered by a spanning cell whose text stands at another position. */
  copy?: boolean;
}

export interface RawTable {
  /** How the text drew the table: `pipe`, `tab`, … */
  format: string;
  line: number;
  endLine: number;
  rows: Cell[][];
  /** Set by extractors that can only read a table through the official form (aligned, cells). */
  official?: OfficialTable[];
}

/**
 * One table shape. `detect` is cheap and has no side effects: may a table of this shape start
 * at line index `at`? `extract` does the work and returns the table with the index of the first
 * line after it; when the lines turn out not to be such a table, `table` is null and `next` says
 * how far it looked, so that the same lines are not read again from every start (which would
 * make a long run of near-table lines quadratic).
 */
export interface Extracted {
  table: RawTable | null;
  next: number;
}

export interface TableFormat {
  name: string;
  detect(lines: readonly SourceLine[], at: number): boolean;
  extract(lines: readonly SourceLine[], at: number): Extracted;
}
