// Placing a grid (rows that are the table's rows: pipe, tab, tsv, html, drawn grids, pandoc
// simple tables) onto a form. The header rows tell which grid column holds which form column:
// the header cells above a column, top to bottom, are matched with the form's column labels
// (forms/match.ts matchColumn), so a cell keeps its column whatever spans, spacer columns or
// empty merged columns the drawing has. Tables whose rows have different shapes (a Word table
// copied as tab lines, where a spanning label stands only on its first row) are read from the
// right: a row's last cells are its values.

import type { Diagnostic } from '../../diagnostics.js';
import { labelKey, matchColumn, matchRow, nextGroup } from '../../forms/match.js';
import type { Form, FormColumn, FormRow } from '../../forms/types.js';
import { charCount } from '../../lexical/chars.js';
import type { Cell } from '../types.js';
import { countOf, isNumberText, isValueText } from '../../lexical/values.js';
import { columnsOfHeader, greatest, least, rowTotalTest, unmatched, yuanColumns } from './common.js';
import { labelCutter } from './run-together.js';
import type { PlacedRow, PlacedTable } from './types.js';

const visible = (row: readonly Cell[]): Cell[] => row.filter((c) => !c.copy);
const numbers = (row: readonly Cell[]): number => {
  let n = 0;
  for (const c of row) if (!c.copy && isNumberText(c.text)) n++;
  return n;
};

/** The longest label piece a converter wraps onto a row of its own. */
const MAX_WRAPPED_LABEL = 6;
/** A header cell of the pre-2019 forms' unit column. */
const UNIT_HEADER = /^(?:计量)?单位$/;

export interface GridBlock {
  rows: Cell[][];
  format: string;
  caption: string | null;
  captionLine: number;
}

/** Where the first data row of a block is: a row with a number, or whose label names a row of the form. */
function firstDataRow(form: Form, rows: readonly Cell[][]): number {
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

interface Layout {
  /** For each form column in `columns`, the grid positions that hold it (a spanning header covers several). */
  positions: number[][];
  columns: FormColumn[];
  labelEnd: number;
  unit: number;
  yuan: Set<string>;
}

/** Map grid positions to form columns from the header rows; null when the header does not name enough of them. */
function mapHeader(form: Form, header: readonly Cell[][], flattened: boolean): Layout | null {
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
  const required = form.columns.filter((c) => !c.optional && !c.tableOnly).length;
  if (columns.filter((c) => !c.optional && !c.tableOnly).length < Math.max(1, required - 1)) return null;
  // Columns must stand left to right in distinct positions; the labels stand left of them all.
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
 * Do the data rows put their numbers where the header puts the columns? A spreadsheet export
 * may lay out a merged header differently from the rows under it: then the rows are read from
 * the right instead.
 */
function fitsData(layout: Layout, rows: readonly Cell[][]): boolean {
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
  return off <= on / 10;
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

/** Label cells of a row: distinct texts left to right (span copies of a group label count once). */
function labelCells(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) if (c.text !== '' && out.at(-1)?.text !== c.text) out.push(c);
  return out;
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
function isRegular(block: GridBlock): boolean {
  if (LAID_OUT.has(block.format)) return true;
  if (block.format === 'tab') return false;
  const counts = new Map<number, number>();
  for (const r of block.rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return Math.max(...counts.values()) >= REGULAR_SHARE * block.rows.length;
}

/**
 * html2text cuts a long label inside a character and pours the rest into the cells on its right:
 * `3处理的�` is the value 3 and the rest of the label. In a table so damaged (it holds U+FFFD), a
 * value cell keeps its leading number, and a cell of label text alone is blank.
 */
function salvage(cell: Cell | null): Cell | null {
  if (!cell || isValueText(cell.text)) return cell;
  const m = /^([+\-]?\d[\d,]*(?:\.\d+)?)(?=[\u3400-\u9fff\uFFFD])/.exec(cell.text);
  return m ? { ...cell, text: m[1]! } : null;
}

/**
 * A row's values in order after its label cells (the leading cells of words), n of them, blanks as
 * null; null when the row has no value there or more than n cells after the label that are not blank.
 */
function afterLabel(row: readonly Cell[], n: number): { label: Cell[]; values: Array<Cell | null> } | null {
  const cells = visible(row);
  let k = 0;
  while (k < cells.length && cells[k]!.text !== '' && !isValueText(cells[k]!.text)) k++;
  const rest = cells.slice(k);
  if (k === 0 || rest.slice(n).some((c) => c.text !== '') || !rest.some((c) => isValueText(c.text) && c.text !== '')) return null;
  const values: Array<Cell | null> = rest.slice(0, n).map((c) => (c.text === '' ? null : c));
  while (values.length < n) values.push(null);
  return { label: labelCells(cells.slice(0, k)), values };
}

export function placeGridBlock(form: Form, block: GridBlock): PlacedTable | null {
  const start = firstDataRow(form, block.rows);
  const header = block.rows.slice(0, start);
  const headerText = header.map((r) => visible(r).map((c) => c.text).join('|')).join('\n');
  const flattened = !block.rows.some((r) => r.some((c) => c.copy));
  const mapped = isRegular(block) ? mapHeader(form, header, flattened && block.format !== 'tsv') : null;
  const layout = mapped && fitsData(mapped, block.rows.slice(start)) ? mapped : null;
  const columns = layout?.columns ?? columnsOfHeader(form, headerText);
  const warnings: Diagnostic[] = [];
  const placed: PlacedRow[] = [];
  let group = '';
  const n = columns.length;
  const damaged = block.rows.some((r) => r.some((c) => c.text.includes('\uFFFD')));
  const holdsLoosely = rowTotalTest(form, columns, true);
  const cutLabel = labelCutter(form, columns);
  const padded: Array<{ label: string; line: number }> = [];
  if (form.labelColumns === 0 && !layout) {
    // A one-row table without a usable header layout (antiword runs its cells across line
    // breaks): its values in reading order, when there are exactly as many as columns.
    const values = block.rows.slice(start).flatMap((r) => r.filter((c) => !c.copy && isValueText(c.text) && c.text !== ''));
    if (values.length === n) {
      return finish(form, block, header, columns, [{ row: form.rows[0]!, label: '', values, line: values[0]!.line }], new Set(), warnings);
    }
  }
  for (const row of block.rows.slice(start)) {
    let label: Cell[];
    let values: Array<Cell | null>;
    let unit: Cell | undefined;
    if (layout) {
      label = labelCells(row.slice(0, layout.labelEnd).filter((_, p) => p !== layout.unit));
      values = layout.positions.map((ps) => valueAt(row, ps));
      if (layout.unit >= 0 && row[layout.unit]) unit = row[layout.unit];
    } else {
      // Read from the right: the last n visible cells are the values.
      const cells = visible(row);
      if (form.labelColumns === 2 && cells.length >= n + 2) unit = cells[cells.length - n - 1];
      // A short row's leading words are its label, not values (`规章000` alone on its row).
      let labelCount = Math.max(0, cells.length - n - (unit ? 1 : 0));
      if (cells.length <= n) while (labelCount < cells.length && labelCount < form.labelColumns && !isValueText(cells[labelCount]!.text)) labelCount++;
      label = labelCells(cells.slice(0, labelCount));
      values = cells.slice(Math.max(labelCount + (unit ? 1 : 0), cells.length - n)).map((c) => (c.text === '' ? null : c));
      while (values.length < n) values.unshift(null);
    }
    if (damaged) values = values.map(salvage);
    // A table whose merged cells a converter dropped (node-html-markdown) puts a row's values right
    // after its own label cells, wherever the header's columns are and whatever empty cells pad the
    // row's end: where the header's positions (or the row's last cells) break the row total and the
    // values in order after the label keep it, they are the row.
    if (holdsLoosely(values) !== true) {
      const inOrder = afterLabel(row, n);
      if (inOrder && holdsLoosely(inOrder.values) === true) {
        ({ label, values } = inOrder);
        warnings.push({
          code: 'TABLE_PLACEMENT_INFERRED',
          message: `row "${label.map((c) => c.text).join('')}": its cells break the row total where the header puts them, and keep it in order after the label (merged cells dropped); placed in that order`,
          line: values.find((v) => v !== null)?.line ?? row[0]?.line ?? null,
        });
      }
    }
    if (values.every((v) => v === null) && label.length > 0) {
      const split = cutLabel(label.at(-1)!);
      if (split) {
        label = [...label.slice(0, -1), split.label];
        values = split.values;
      }
    }
    const text = label.map((c) => c.text).join('');
    const filled = values.filter((v) => v !== null);
    // A row the markup left short was padded at its end by the reader: its values stand in the
    // columns they came first in, which a missing cell in the middle would have shifted.
    if (row.some((c) => c.padded) && filled.some((v) => v!.text !== '')) padded.push({ label: text, line: label[0]?.line ?? filled[0]!.line });
    if (text === '' && filled.length === 0) continue;
    // A note or a repeated header inside the table: words where the numbers should be.
    if (filled.length > 0 && filled.filter((v) => isValueText(v!.text)).length * 2 < filled.length) {
      if (filled.some((v) => isNumberText(v!.text))) warnings.push(unmatched(text || filled.map((v) => v!.text).join(' '), row[0]?.line ?? null, form));
      continue;
    }
    const line = label[0]?.line ?? filled[0]?.line ?? row[0]?.line ?? block.captionLine;
    const groupBefore = group;
    group = nextGroup(labelKey(text), group);
    let formRow: FormRow | null;
    if (form.labelColumns === 0) {
      // The appeals table's one data row has no label: the first row of values is it (empty in a template).
      if (placed.length > 0 || !visible(row).every((c) => isValueText(c.text))) continue;
      formRow = form.rows[0]!;
    }
    else {
      const last = label.at(-1)?.text ?? '';
      formRow = text === '' ? null : matchRow(form, last, text, group, true);
    }
    if (!formRow && filled.length === 0 && text !== '' && form.labelColumns > 0) {
      // A label wrapped onto a row of its own (antiword: `行政规范性文` / `件`): it belongs to the row above.
      const prev = placed.at(-1);
      if (prev && charCount(text) <= MAX_WRAPPED_LABEL) {
        const joined = prev.label + text;
        // The group is the whole label's (`受理政府信息依申请公开总` / `数`), not the fragment's.
        group = nextGroup(labelKey(joined), groupBefore);
        if (!prev.row) {
          const row = matchRow(form, joined, joined, group, true);
          if (row) {
            prev.row = row;
            prev.label = joined;
          }
        }
        continue;
      }
    }
    if (!formRow && text === '') {
      if (filled.some((v) => countOf(v!.text) !== null)) warnings.push(unmatched(text, line, form));
      continue;
    }
    placed.push({ row: formRow, label: text, ...(unit ? { unit } : {}), values, line });
  }
  // A one-row table whose header names its columns but that has no row under it (an empty
  // template) is the form with its row blank.
  if (form.labelColumns === 0 && layout && placed.length === 0) {
    placed.push({ row: form.rows[0]!, label: '', values: columns.map(() => null), line: header.at(-1)?.[0]?.line ?? block.captionLine });
  }
  if (padded.length > 0) {
    const first = padded[0]!;
    const more = padded.length > 1 ? ` and ${padded.length - 1} more row(s)` : '';
    warnings.push({ code: 'TABLE_RAGGED', message: `row "${first.label}"${more}: fewer cells than the table, padded at the end; a cell missing before the values would put them under the wrong columns`, line: first.line });
  }
  // Rows the form lacks are kept with their own label; those with numbers are reported.
  for (const p of placed) if (!p.row && p.values.some((v) => v && countOf(v.text) !== null)) warnings.push(unmatched(p.label, p.line, form));
  if (placed.length === 0 && !layout) return null;
  if (placed.every((r) => r.row === null)) return null;
  return finish(form, block, header, columns, placed, layout?.yuan ?? yuanColumns(columns, headerText), warnings);
}

function finish(form: Form, block: GridBlock, header: readonly Cell[][], columns: readonly FormColumn[], rows: PlacedRow[], yuan: Set<string>, warnings: Diagnostic[]): PlacedTable {
  const lines = block.rows.flat().map((c) => c.line);
  return {
    form,
    format: block.format,
    caption: block.caption,
    columns,
    rows,
    line: least(lines, block.captionLine),
    endLine: greatest(lines),
    headerLine: header[0]?.[0]?.line ?? block.captionLine,
    yuan,
    warnings,
  };
}

export { numbers, visible };
