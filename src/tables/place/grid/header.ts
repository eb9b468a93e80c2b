// A grid's header: where its data rows start, and which grid positions hold which of the form's
// columns. The header cells above a position, top to bottom, are matched with the form's column
// labels (forms/match.ts matchColumn), so a cell keeps its column whatever spans, spacer columns
// or empty merged columns the drawing has.

import { labelKey, matchColumn, matchRow } from '../../../forms/match.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import { isNumberText, isValueText } from '../../../lexical/values.js';
import type { Cell } from '../../types.js';

/** The rows of a grid that belong to one form, under its caption. */
export interface GridBlock {
  rows: Cell[][];
  format: string;
  caption: string | null;
  captionLine: number;
}

/** A row's cells without the positions a spanning cell covers. */
export const visible = (row: readonly Cell[]): Cell[] => row.filter((c) => !c.copy);

function numbers(row: readonly Cell[]): number {
  let n = 0;
  for (const c of row) if (!c.copy && isNumberText(c.text)) n++;
  return n;
}

/** A header cell of the pre-2019 forms' unit column. */
const UNIT_HEADER = /^(?:计量)?单位$/;

/** Where the first data row of a block is: a row with a number, or whose label names a row of the form. */
export function firstDataRow(form: Form, rows: readonly Cell[][]): number {
  for (let i = 0; i < rows.length; i++) {
    const cells = visible(rows[i]!);
    if (numbers(cells) > 0) return i;
    const label = cells.find((c) => c.text !== '');
    // A header cell may also be a row label (`总计`): a row naming two columns is a header.
    const heads = cells.filter((c) => c.text !== '' && matchColumn(form, [labelKey(c.text)])).length;
    if (label && heads < 2 && !isValueText(label.text) && matchRow(form, label.text, label.text, '', false) && form.labelColumns > 0) return i;
  }
  return rows.length;
}

/** Which grid positions hold which form columns, read off the header. */
export interface HeaderLayout {
  /** For each form column in `columns`, the grid positions that hold it (a spanning header covers several). */
  positions: number[][];
  columns: FormColumn[];
  /** Positions left of this one hold the row's label. */
  labelEnd: number;
  /** The position of the pre-2019 forms' unit column, or −1. */
  unit: number;
  /** Money columns whose header gives the amount in 元. */
  yuan: Set<string>;
}

/** Map grid positions to form columns from the header rows; null when the header does not name enough of them. */
export function mapHeader(form: Form, header: readonly Cell[][], flattened: boolean): HeaderLayout | null {
  const width = Math.max(0, ...header.map((r) => r.length));
  const byColumn = new Map<FormColumn, number[]>();
  const yuan = new Set<string>();
  let unit = -1;
  for (let p = 0; p < width; p++) {
    const chain: string[] = [];
    let raw = '';
    for (const row of header) {
      const cell = row[p];
      if (!cell || cell.text === '') continue;
      const key = labelKey(cell.text);
      if (chain.at(-1) !== key) chain.push(key);
      raw += cell.text;
    }
    if (chain.length === 0) continue;
    // A header cell wrapped over two rows by the converter (antiword: `本年制发件` / `数`) is one label.
    if (chain.length > 1) chain.push(chain.join(''));
    if (UNIT_HEADER.test(chain.at(-1)!)) {
      if (unit < 0) unit = p;
      continue;
    }
    const column = matchColumn(form, chain);
    if (!column) continue;
    const list = byColumn.get(column) ?? [];
    list.push(p);
    byColumn.set(column, list);
    const said = labelKey(raw);
    if (said.includes('元') && !said.includes('万元')) yuan.add(column.key);
  }
  const columns = form.columns.filter((c) => byColumn.has(c));
  // One official column may go unnamed (a header cell cut or misprinted); two may not.
  const required = form.columns.filter((c) => !c.optional && !c.tableOnly).length;
  if (columns.filter((c) => !c.optional && !c.tableOnly).length < Math.max(1, required - 1)) return null;
  const positions = columns.map((c) => byColumn.get(c)!);
  if (flattened) {
    // Pandoc writes a spanning cell as the cell and empty cells after it, so a value may stand
    // right of its header: a column also takes the unnamed positions up to the next column.
    const named = new Set(positions.flat());
    positions.forEach((ps) => {
      for (let p = ps.at(-1)! + 1; p < width && !named.has(p); p++) ps.push(p);
    });
  }
  const labelEnd = Math.min(...positions.map((p) => p[0]!));
  return { positions, columns, labelEnd, unit, yuan };
}

/**
 * Numbers off the header's columns a data part may hold before the header is not trusted: a
 * spreadsheet export may lay out a merged header differently from the rows under it (one number
 * in ten off its column is a stray note or a wrapped label; more is another layout).
 */
const MAX_OFF_SHARE = 1 / 10;

/** Do the data rows put their numbers where the header puts the columns? If not, the rows are read from the right. */
export function fitsData(layout: HeaderLayout, rows: readonly Cell[][]): boolean {
  const at = new Set(layout.positions.flat());
  let off = 0;
  let on = 0;
  for (const row of rows) {
    row.forEach((c, p) => {
      if (c.copy || !isNumberText(c.text) || p < layout.labelEnd) return;
      if (at.has(p)) on++;
      else off++;
    });
  }
  return off <= on * MAX_OFF_SHARE;
}

/** Shapes whose rows always have one cell per grid column (the reader lays out spans). */
const LAID_OUT = new Set(['html', 'grid', 'simple']);
/** Share of rows of the commonest width that makes a pipe or tab-separated table a regular grid. */
const REGULAR_SHARE = 0.7;

/**
 * Are a block's cells in grid columns? Drawn grids and HTML always are; pipe and tab-separated
 * rows when nearly all have the same number of cells (a Word table copied as tab lines is not:
 * a spanning label stands only on its first row).
 */
export function isRegular(block: GridBlock): boolean {
  if (LAID_OUT.has(block.format)) return true;
  if (block.format === 'tab') return false;
  const counts = new Map<number, number>();
  for (const r of block.rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return Math.max(...counts.values()) >= REGULAR_SHARE * block.rows.length;
}
