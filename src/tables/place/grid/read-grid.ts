// A grid read as its header says: the header rows, the value columns of the form as the report
// has them (header.ts), and every data row read (read-row.ts) and mended by the repair rules
// (repairs.ts), each with what the placement needs of it; and the placed table made of it.

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import { isNumberText, isValueText } from '../../../lexical/values.js';
import type { Cell } from '../../types.js';
import { columnsOfHeader, greatest, least, unmatched, yuanColumns } from '../common.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { firstDataRow, fitsData, isRegular, mapHeader, visible, type GridBlock } from './header.js';
import { readByHeader, readFromRight, type RowRead } from './read-row.js';
import { gridContext, repairRow, type GridContext } from './repairs.js';

/** A data row, read and mended, with what the placement needs of it. */
export interface DataRow {
  /** `empty`: nothing in it; `note`: words where the numbers should be (a note or a repeated header inside the table). */
  kind: 'data' | 'empty' | 'note';
  read: RowRead;
  /** What the repairs and the reading had to say of the row, in order. */
  diagnostics: Diagnostic[];
  /** The label cells' text joined. */
  text: string;
  /** The value cells that are not blank. */
  filled: Cell[];
  line: number;
}

/** The grid as the header reads it: its header rows, its value columns, the data rows read and mended. */
export interface ReadGrid {
  header: Cell[][];
  headerText: string;
  columns: FormColumn[];
  ctx: GridContext;
  rows: DataRow[];
  /** Rows the reader padded at their end that hold values (TABLE_RAGGED). */
  padded: Array<{ label: string; line: number }>;
}

/** Header, columns and every data row read and mended. */
export function readGrid(form: Form, block: GridBlock): ReadGrid {
  const start = firstDataRow(form, block.rows);
  const header = block.rows.slice(0, start);
  const headerText = header.map((r) => visible(r).map((c) => c.text).join('|')).join('\n');
  const flattened = !block.rows.some((r) => r.some((c) => c.copy));
  const mapped = isRegular(block) ? mapHeader(form, header, flattened && block.format !== 'tsv') : null;
  const layout = mapped && fitsData(mapped, block.rows.slice(start)) ? mapped : null;
  const columns = layout?.columns ?? columnsOfHeader(form, headerText);
  const ctx = gridContext(form, block, columns, layout);
  const padded: ReadGrid['padded'] = [];
  const rows = block.rows.slice(start).map((cells): DataRow => {
    const diagnostics: Diagnostic[] = [];
    const read = repairRow(layout ? readByHeader(cells, layout) : readFromRight(cells, form, columns), ctx, diagnostics);
    const text = read.label.map((c) => c.text).join('');
    const filled = read.values.filter((v): v is Cell => v !== null);
    const line = read.label[0]?.line ?? filled[0]?.line ?? cells[0]?.line ?? block.captionLine;
    // A row the markup left short was padded at its end by the reader: its values stand in the
    // columns they came first in, which a missing cell in the middle would have shifted.
    if (cells.some((c) => c.padded) && filled.some((v) => v.text !== '')) padded.push({ label: text, line: read.label[0]?.line ?? filled[0]!.line });
    let kind: DataRow['kind'] = 'data';
    if (text === '' && filled.length === 0) kind = 'empty';
    else if (filled.length > 0 && filled.filter((v) => isValueText(v.text)).length * 2 < filled.length) {
      kind = 'note';
      if (filled.some((v) => isNumberText(v.text))) diagnostics.push(unmatched(text || filled.map((v) => v.text).join(' '), cells[0]?.line ?? null, form));
    }
    return { kind, read, diagnostics, text, filled, line };
  });
  return { header, headerText, columns, ctx, rows, padded };
}

/** One TABLE_RAGGED for the rows the reader padded, naming the first. */
export function raggedWarnings(grid: ReadGrid): Diagnostic[] {
  if (grid.padded.length === 0) return [];
  const first = grid.padded[0]!;
  const more = grid.padded.length > 1 ? ` and ${grid.padded.length - 1} more row(s)` : '';
  return [{ code: 'TABLE_RAGGED', message: `row "${first.label}"${more}: fewer cells than the table, padded at the end; a cell missing before the values would put them under the wrong columns`, line: first.line }];
}

export function finish(form: Form, block: GridBlock, grid: ReadGrid, rows: PlacedRow[], warnings: Diagnostic[]): PlacedTable {
  const lines = block.rows.flat().map((c) => c.line);
  return {
    form,
    format: block.format,
    caption: block.caption,
    columns: grid.columns,
    rows,
    line: least(lines, block.captionLine),
    endLine: greatest(lines),
    headerLine: grid.header[0]?.[0]?.line ?? block.captionLine,
    yuan: grid.ctx.layout?.yuan ?? yuanColumns(grid.columns, grid.headerText),
    warnings,
  };
}
