// A page cut short inside a table written cell by cell (pipe cells, every empty cell kept): the
// last row's cells are its first columns', in order; the columns after them are absent, not blank.

import type { Diagnostic } from '../../../diagnostics.js';
import type { Cell } from '../../types.js';

/** The values of a row the text's end cut after `values`, by column, and what the record says of it. */
export function cutRow(values: readonly Cell[], n: number, label: string): { byColumn: Array<Cell | null>; cutAt: number; warning: Diagnostic } {
  const last = values.at(-1)!;
  return {
    cutAt: values.length,
    byColumn: [...values.map((v) => (v.empty || v.text === '' ? null : v)), ...Array<Cell | null>(n - values.length).fill(null)],
    warning: { code: 'TABLE_CUT', message: `${label ? `row "${label}"` : 'the row'}: the text ends after ${values.length} of its ${n} cells (${last.text || 'empty'} on line ${last.line}); the rest are absent`, line: last.line },
  };
}
