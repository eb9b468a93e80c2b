// What placing a raw table onto an official form gives: the form's rows and columns, each value
// cell traced to its line, ready to be rebuilt as a grid (build.ts) and mapped onto the canonical
// statistics (normalize/).

import type { Diagnostic } from '../../diagnostics.js';
import type { Form, FormColumn, FormRow } from '../../forms/types.js';
import type { Cell } from '../types.js';

export interface PlacedRow {
  /** The form's row; null for a row the form lacks (kept with its own label). */
  row: FormRow | null;
  /** The label as printed (joined cells), for rows the form lacks and for messages. */
  label: string;
  /** The unit cell as printed (pre-2019 forms). */
  unit?: Cell;
  /** One entry per placed column: the value cell, or null where the cell is blank. */
  values: Array<Cell | null>;
  line: number;
  /**
   * The row's values were read but could not be placed (TABLE_MISALIGNED): its cells are unknown,
   * not blank, and no sum may prove them zero.
   */
  withheld?: true;
  /**
   * The text ends inside the row (a page cut short): its cells from this column on are not in the
   * text, unknown and not blank, and no sum may prove them zero.
   */
  cutAt?: number;
}

export interface PlacedTable {
  form: Form;
  /** How the text drew the table (`pipe`, `grid`, `aligned` …). */
  format: string;
  caption: string | null;
  /** The value columns, left to right, as the report has them. */
  columns: readonly FormColumn[];
  rows: PlacedRow[];
  line: number;
  endLine: number;
  /** The line of the header, for the rebuilt header cells. */
  headerLine: number;
  /** Keys of columns whose header gives the money in 元 (`采购总金额（元）`): plain numbers there are 元. */
  yuan: ReadonlySet<string>;
  warnings: Diagnostic[];
}
