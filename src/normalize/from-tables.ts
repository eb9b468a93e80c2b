// Official tables (placed on their form) → canonical statistics. The form fixes which cell is
// which fact: a cell's path is the form's base, its row's key and its column's key.

import type { FormColumn, FormRow } from '../forms/types.js';
import { joinKey } from '../forms/types.js';
import type { Grid } from '../tables/place/build.js';
import type { PlacedTable } from '../tables/place/types.js';
import type { StatisticsPath } from '../statistics.js';
import type { StatisticsBuilder } from './collect.js';
import { joinPath } from './paths.js';
import { cellValue } from '../lexical/values.js';

/**
 * The canonical path of a cell (made once per form row and column): a statistics path, as each
 * form module asserts of its cells at compile time (forms/types.ts StatisticsPaths).
 */
export function cellPath(t: PlacedTable, row: FormRow, column: FormColumn): StatisticsPath {
  const base = joinKey(t.form.base, row.key);
  return (column.key === '' ? base : joinPath(base, column.key)) as StatisticsPath;
}

/** May a cell of this row and column hold money (万元) or a signed change? */
export function isMoney(row: FormRow, column: FormColumn): boolean {
  return column.money === true || row.unit === '万元';
}

export function collectTable(t: PlacedTable, grid: Grid, id: string, out: StatisticsBuilder): void {
  t.rows.forEach((p, i) => {
    const row = p.row;
    if (!row || row.tableOnly || row.group) return;
    const r = grid.rowIndex[i]!;
    t.columns.forEach((column, j) => {
      const cell = p.values[j];
      if (column.tableOnly || !cell) return;
      const path = cellPath(t, row, column);
      const money = isMoney(row, column);
      // 元 in the column header, or in the unit cell of the pre-2019 forms, makes plain numbers 元.
      const yuan = t.yuan.has(column.key) || p.unit?.text.trim() === '元';
      const parsed = cellValue(cell.text, money, yuan ? '元' : '万元');
      if (parsed.kind === 'absent') return;
      if (parsed.kind === 'invalid') {
        out.warn(parsed.code ?? 'VALUE_UNPARSED', `${path}: ${parsed.reason}; left absent`, cell.line);
        return;
      }
      if (parsed.note) out.warn('VALUE_UNIT', `${path}: ${parsed.note}`, cell.line);
      if (parsed.value < 0 && !column.signed) out.warn('VALUE_NEGATIVE', `${path} is negative (${cell.text})`, cell.line);
      if (!Number.isInteger(parsed.value) && !money) out.warn('VALUE_NOT_INTEGER', `${path} is not a whole number (${cell.text})`, cell.line);
      out.set(path, parsed.value, { table: id, row: r, col: grid.firstValue + j, line: cell.line, raw: cell.text });
    });
  });
}

/** ROW_EMPTY for every official row of a table that ends up with no value, stated or proved (formats.md D9). */
export function emptyRows(t: PlacedTable, out: StatisticsBuilder): void {
  for (const p of t.rows) {
    const row = p.row;
    if (!row || row.tableOnly || row.group) continue;
    const columns = t.columns.filter((c) => !c.tableOnly);
    if (columns.length === 0 || columns.some((c) => out.has(cellPath(t, row, c)))) continue;
    out.warn('ROW_EMPTY', `the row ${row.labels.at(-1) || p.label} states no value`, p.line);
  }
}
