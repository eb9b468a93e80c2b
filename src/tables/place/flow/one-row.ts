// A form whose one data row has no label (the appeals table: fifteen numbers), in a flow: a
// reading-order conversion may break the row into pieces, put back by the groups' sums
// (appeals-order.ts); fewer numbers than columns are placed by the table's sums (short-rows.ts).

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import type { Cell, RawTable } from '../../types.js';
import { greatest } from '../common.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { orderAppealPieces } from './appeals-order.js';
import type { Item } from './items.js';
import { textOf } from './mentions.js';
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
  if (values.length === 0) return null;
  const row: PlacedRow = { row: form.rows[0]!, label: '', values: Array<Cell | null>(columns.length).fill(null), line: values[0]!.line };
  if (values.length === columns.length) row.values = byColumn(values);
  else warnings.push(...placeShortRows(form, columns, [row], [{ placed: row, cells: values.filter((v) => !v.empty) }], raw.format === 'aligned'));
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
