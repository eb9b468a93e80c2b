// A form whose one data row has no label (the appeals table: fifteen numbers), in a flow: a
// reading-order conversion may break the row into pieces, put back by the groups' sums
// (appeals-order.ts); fewer numbers than columns are placed by the table's sums (short-rows.ts),
// or in order where the text ends inside the row (cut-row.ts).

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import type { Cell, RawTable } from '../../types.js';
import { greatest } from '../common.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { orderAppealPieces } from './appeals-order.js';
import type { Item } from './items.js';
import { textOf } from './mentions.js';
import { cutRow } from './cut-row.js';
import { byColumn } from './repairs.js';
import { placeShortRows } from './short-rows.js';

export function placeOneRowFlow(form: Form, raw: RawTable, items: Item[], columns: FormColumn[], caption: string | null, warnings: Diagnostic[]): PlacedTable | null {
  const runs = items.filter((i): i is Extract<Item, { kind: 'run' }> => i.kind === 'run');
  // The labels read before each piece tell which group it is (pieces after the first).
  const pieces: Array<{ values: Cell[]; before: string }> = [];
  let before = '';
  for (const item of items) {
    if (item.kind === 'label') before += textOf(item.cells);
    else {
      pieces.push({ values: item.pieces.flat().filter((c) => !c.empty), before });
      before = '';
    }
  }
  let values = runs.flatMap((r) => r.pieces.flat());
  if (pieces.length > 1) {
    const ordered = orderAppealPieces(pieces);
    if (ordered) values = ordered;
    else if (values.length === columns.length) {
      warnings.push({ code: 'TABLE_ORDER_UNCERTAIN', message: 'the appeals numbers came in pieces that do not add up; kept in reading order', line: values[0]?.line ?? raw.line });
    }
  }
  // One cell more than the row has, the first a lone pipe: the pipe that starts the row on a page
  // that starts every row with one (fixtures/shapes/hz2025.flat-pipe.txt), not an empty cell.
  if (values.length === columns.length + 1 && values[0]?.lone) values = values.slice(1);
  else if (raw.cut && values[0]?.lone && values.length <= columns.length) {
    // Cut short, the row cannot say whether its first lone pipe is a cell or the row's start: the
    // count that tells them apart is lost with its last cells.
    warnings.push({ code: 'TABLE_CUT', message: `the text ends inside the row after ${values.length} cells, the first a lone pipe on line ${values[0].line} that may start the row or be an empty cell; the row is left out`, line: values[0].line });
    return { form, format: raw.format, caption, columns, rows: [], line: raw.line, endLine: raw.line, headerLine: raw.line, yuan: new Set(), warnings };
  }
  if (values.length === 0) return null;
  const row: PlacedRow = { row: form.rows[0]!, label: '', values: Array<Cell | null>(columns.length).fill(null), line: values[0]!.line };
  if (values.length === columns.length) row.values = byColumn(values);
  else if (raw.cut && raw.drawn && values.length < columns.length) {
    // The text ends inside the row (cut-row.ts, the flow repair cutRow).
    const cut = cutRow(values, columns.length, '');
    row.values = cut.byColumn;
    row.cutAt = cut.cutAt;
    warnings.push(cut.warning);
  } else warnings.push(...placeShortRows(form, columns, [row], [{ placed: row, cells: values.filter((v) => !v.empty) }], raw.format === 'aligned'));
  return {
    form,
    format: raw.format,
    caption,
    columns,
    rows: [row],
    line: raw.line,
    endLine: greatest(values.map((v) => v.line)),
    headerLine: raw.line,
    yuan: new Set(),
    warnings,
  };
}
