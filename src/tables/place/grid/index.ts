// Placing a grid (rows that are the table's rows: pipe, tab, tsv, html, drawn grids, pandoc
// simple tables) onto a form: the header says which position holds which column (header.ts),
// each data row is read (read-row.ts) and mended by the repair rules (repairs.ts), and matched
// with a row of the form by its label; a form whose one row has no label (the appeals table)
// takes the first row of values (one-row.ts).

import type { Diagnostic } from '../../../diagnostics.js';
import { labelKey, matchRow, nextGroup } from '../../../forms/match.js';
import type { Form, FormRow } from '../../../forms/types.js';
import { charCount } from '../../../lexical/chars.js';
import { countOf } from '../../../lexical/values.js';
import { unmatched } from '../common.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { visible, type GridBlock } from './header.js';
import { placeOneRow } from './one-row.js';
import { finish, raggedWarnings, readGrid, type DataRow } from './read-grid.js';

export { visible, type GridBlock };

/** The longest label piece a converter wraps onto a row of its own (antiword: `行政规范性文` / `件`). */
const MAX_WRAPPED_LABEL = 6;

/**
 * A label wrapped onto a row of its own (antiword: `行政规范性文` / `件`) belongs to the row above:
 * a short label with no values that names no row of the form is joined to the previous row's,
 * which then names its row where it did not. Returns the group the joined label stands in, or
 * null when the row is no such piece.
 */
function joinWrappedLabel(form: Form, row: DataRow, prev: PlacedRow | undefined, groupBefore: string): string | null {
  if (!prev || row.filled.length > 0 || row.text === '' || charCount(row.text) > MAX_WRAPPED_LABEL) return null;
  const joined = prev.label + row.text;
  // The group is the whole label's (`受理政府信息依申请公开总` / `数`), not the fragment's.
  const group = nextGroup(labelKey(joined), groupBefore);
  if (!prev.row) {
    const match = matchRow(form, joined, joined, group, true);
    if (match) {
      prev.row = match;
      prev.label = joined;
    }
  }
  return group;
}

export function placeGridBlock(form: Form, block: GridBlock): PlacedTable | null {
  const grid = readGrid(form, block);
  if (form.labelColumns === 0) return placeOneRow(form, block, grid);
  const warnings: Diagnostic[] = [];
  const placed: PlacedRow[] = [];
  let group = '';
  for (const row of grid.rows) {
    warnings.push(...row.diagnostics);
    if (row.kind !== 'data') continue;
    const groupBefore = group;
    group = nextGroup(labelKey(row.text), group);
    const formRow: FormRow | null = row.text === '' ? null : matchRow(form, row.read.label.at(-1)?.text ?? '', row.text, group, true);
    if (!formRow) {
      const joined = joinWrappedLabel(form, row, placed.at(-1), groupBefore);
      if (joined !== null) {
        group = joined;
        continue;
      }
      if (row.text === '') {
        if (row.filled.some((v) => countOf(v.text) !== null)) warnings.push(unmatched(row.text, row.line, form));
        continue;
      }
    }
    placed.push({ row: formRow, label: row.text, ...(row.read.unit ? { unit: row.read.unit } : {}), values: row.read.values, line: row.line, ...(row.read.withheld ? { withheld: true as const } : {}) });
  }
  warnings.push(...raggedWarnings(grid));
  // Rows the form lacks are kept with their own label; those with numbers are reported.
  for (const p of placed) if (!p.row && p.values.some((v) => v && countOf(v.text) !== null)) warnings.push(unmatched(p.label, p.line, form));
  if (placed.length === 0 && !grid.ctx.layout) return null;
  if (placed.every((r) => r.row === null)) return null;
  return finish(form, block, grid, placed, warnings);
}

