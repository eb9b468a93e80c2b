// Official tables (rebuilt on their form) → canonical statistics. The form fixes which cell is
// which fact, so this is a mapping of template row and column keys to statistics paths.

import type { OfficialTable } from '../tables/official/match.js';
import type { StatisticsBuilder } from './collect.js';
import { joinPath } from './paths.js';
import { parseValue } from './values.js';

/** Statistics paths whose values are money, in 万元. */
const MONEY = /(?:amountWan|feesCollectedWan|budgetWan)$/;
/** The only counts that may be negative: 本年增/减. */
const SIGNED = /itemsChange$/;

function pathOf(table: OfficialTable, rowKey: string, column: string): string {
  switch (table.kind) {
    case 'proactive':
    case 'requests':
      return joinPath(joinPath(table.kind, rowKey), column);
    case 'appeals':
      return joinPath('appeals', column);
    default:
      return rowKey; // the pre-2019 form's keys are full paths
  }
}

export function collectTable(table: OfficialTable, id: string, out: StatisticsBuilder): void {
  const width = table.rows[0]?.length ?? 0;
  const first = width - table.columns.length;
  table.rows.forEach((row, r) => {
    const key = table.keys[r];
    if (key === null || key === undefined) return;
    let stated = 0;
    table.columns.forEach((column, j) => {
      const cell = row[first + j];
      if (!cell) return;
      const path = pathOf(table, key, column);
      // 元 in the column header, or in the 单位 cell of the pre-2019 form, makes plain numbers 元.
      const yuan = table.yuanColumns?.includes(column) || (table.kind === 'pre2019' && row[1]?.text.trim() === '元');
      const parsed = parseValue(cell.text, MONEY.test(path), yuan ? '元' : '万元');
      if (parsed.kind === 'absent') return;
      if (parsed.kind === 'invalid') {
        out.warn('VALUE_UNPARSED', `${path}: ${parsed.reason}; left absent`, cell.line);
        return;
      }
      if (parsed.note) out.warn('VALUE_UNIT', `${path}: ${parsed.note}`, cell.line);
      if (parsed.value < 0 && !SIGNED.test(path)) out.warn('VALUE_NEGATIVE', `${path} is negative (${cell.text})`, cell.line);
      if (!Number.isInteger(parsed.value) && !MONEY.test(path)) out.warn('VALUE_NOT_INTEGER', `${path} is not a whole number (${cell.text})`, cell.line);
      out.set(path, parsed.value, { table: id, row: r, col: first + j, line: cell.line, raw: cell.text });
      stated++;
    });
    if (stated === 0) out.warn('ROW_EMPTY', `the row ${row[first - 1]?.text ?? key} states no value`, row[0]?.line ?? null);
  });
}
