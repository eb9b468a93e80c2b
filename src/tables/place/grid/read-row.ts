// One data row of a grid as the header says to read it: its label cells, one value cell (or
// null: blank) per column of the form as the report has them, and the unit cell of the pre-2019
// forms. Without a header layout (a Word table copied as tab lines, whose spanning labels stand
// only on their first row) a row is read from the right: its last cells are its values.

import type { Form, FormColumn } from '../../../forms/types.js';
import { isValueText } from '../../../lexical/values.js';
import type { Cell } from '../../types.js';
import { visible, type HeaderLayout } from './header.js';

export interface RowRead {
  /** The row as the reader gave it. */
  cells: readonly Cell[];
  label: Cell[];
  values: Array<Cell | null>;
  unit?: Cell;
  /** The values were read but cannot be placed (a repair refused them): unknown, not blank. */
  withheld?: true;
}

/** Label cells of a row: distinct texts left to right (span copies of a group label count once). */
export function labelCells(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) if (c.text !== '' && out.at(-1)?.text !== c.text) out.push(c);
  return out;
}

/** The value cell of a row for one column: the first position that holds a filled cell of its own. */
function valueAt(row: readonly Cell[], positions: readonly number[]): Cell | null {
  let copy: Cell | null = null;
  for (const p of positions) {
    const c = row[p];
    if (!c) continue;
    if (!c.copy) {
      if (c.text !== '') return c;
      continue;
    }
    copy ??= c;
  }
  // Only span copies: a value cell spanning from the left (a merged number), or nothing.
  return copy && copy.text !== '' && isValueText(copy.text) ? copy : null;
}

export function readByHeader(row: readonly Cell[], layout: HeaderLayout): RowRead {
  return {
    cells: row,
    label: labelCells(row.slice(0, layout.labelEnd).filter((_, p) => p !== layout.unit)),
    values: layout.positions.map((ps) => valueAt(row, ps)),
    ...(layout.unit >= 0 && row[layout.unit] ? { unit: row[layout.unit] } : {}),
  };
}

export function readFromRight(row: readonly Cell[], form: Form, columns: readonly FormColumn[]): RowRead {
  const n = columns.length;
  const cells = visible(row);
  const unit = form.labelColumns === 2 && cells.length >= n + 2 ? cells[cells.length - n - 1] : undefined;
  // A short row's leading words are its label, not values (`规章000` alone on its row).
  let labelCount = Math.max(0, cells.length - n - (unit ? 1 : 0));
  if (cells.length <= n) while (labelCount < cells.length && labelCount < form.labelColumns && !isValueText(cells[labelCount]!.text)) labelCount++;
  const values: Array<Cell | null> = cells.slice(Math.max(labelCount + (unit ? 1 : 0), cells.length - n)).map((c) => (c.text === '' ? null : c));
  while (values.length < n) values.unshift(null);
  return { cells: row, label: labelCells(cells.slice(0, labelCount)), values, ...(unit ? { unit } : {}) };
}
