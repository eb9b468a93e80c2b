// A form whose one data row has no label of its own (the appeals table: fifteen numbers under
// 行政复议 and 行政诉讼): the first row of values is it.

import type { Form } from '../../../forms/types.js';
import { isValueText } from '../../../lexical/values.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { visible, type GridBlock } from './header.js';
import { finish, raggedWarnings, type ReadGrid } from './read-grid.js';

export function placeOneRow(form: Form, block: GridBlock, grid: ReadGrid): PlacedTable | null {
  const n = grid.columns.length;
  const start = grid.header.length;
  if (!grid.ctx.layout) {
    // No usable header layout (antiword runs its cells across line breaks): the values in reading
    // order, when there are exactly as many as columns.
    const values = block.rows.slice(start).flatMap((r) => r.filter((c) => !c.copy && isValueText(c.text) && c.text !== ''));
    if (values.length === n) return finish(form, block, grid, [{ row: form.rows[0]!, label: '', values, line: values[0]!.line }], []);
  }
  const warnings = grid.rows.flatMap((r) => r.diagnostics);
  const first = grid.rows.find((r) => r.kind === 'data' && visible(r.read.cells).every((c) => isValueText(c.text)));
  const rows: PlacedRow[] = first ? [{ row: form.rows[0]!, label: first.text, values: first.read.values, line: first.line }] : [];
  // A header that names its columns with no row under it (an empty template) is the form with its row blank.
  if (!first && grid.ctx.layout) rows.push({ row: form.rows[0]!, label: '', values: grid.columns.map(() => null), line: grid.header.at(-1)?.[0]?.line ?? block.captionLine });
  warnings.push(...raggedWarnings(grid));
  if (rows.length === 0) return null;
  return finish(form, block, grid, rows, warnings);
}
