// What a converter does to a grid's rows, and how each row is mended: named rules, tried in this
// order on every data row after it is read (markdown-it's rule lists are the model). Each names
// the fixture whose text needs it; a rule that applies and mends says so with a diagnostic where
// the mending is an inference.

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import { isNumberText, isValueText } from '../../../lexical/values.js';
import type { Cell } from '../../types.js';
import { rowTotalTest } from '../common.js';
import { labelCutter } from '../run-together.js';
import type { HeaderLayout } from './header.js';
import { labelCells, type RowRead } from './read-row.js';
import { visible } from './header.js';

/** What the rules know of the table the row stands in. */
export interface GridContext {
  form: Form;
  columns: readonly FormColumn[];
  layout: HeaderLayout | null;
  /** The table holds U+FFFD: a converter cut its labels inside a character. */
  damaged: boolean;
  /** The row total with blanks as 0 (Shanghai leaves its zeros blank): true, false, or null when it cannot tell. */
  holdsLoosely: (values: ReadonlyArray<Cell | null>) => boolean | null;
  /** The cutter of a label with its row's digits glued on (run-together.ts), one search budget per table. */
  cutLabel: (label: Cell) => { label: Cell; values: Cell[] } | null;
}

export function gridContext(form: Form, block: { rows: readonly Cell[][] }, columns: readonly FormColumn[], layout: HeaderLayout | null): GridContext {
  return {
    form,
    columns,
    layout,
    damaged: block.rows.some((r) => r.some((c) => c.text.includes('\uFFFD'))),
    holdsLoosely: rowTotalTest(form, columns, true),
    cutLabel: labelCutter(form, columns),
  };
}

export interface RowRepair {
  name: string;
  /** A fixture whose text needs the rule (the record of it changes without the rule). */
  fixture: string;
  applies(row: RowRead, ctx: GridContext): boolean;
  /** The mended row, or null when the rule finds nothing to mend after all. */
  apply(row: RowRead, ctx: GridContext): { row: RowRead; diagnostic?: Diagnostic } | null;
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

/** Is a number read as one of the row's label cells (a row whose merged label cells were dropped)? */
function numberInLabel(row: RowRead): boolean {
  return row.label.some((c) => isNumberText(c.text));
}

export const ROW_REPAIRS: RowRepair[] = [
  {
    name: 'damagedCells',
    fixture: 'fixtures/converters/sh2019.html2text.txt',
    applies: (_row, ctx) => ctx.damaged,
    apply: (row) => ({ row: { ...row, values: row.values.map(salvage) } }),
  },
  {
    // A table whose merged cells a converter dropped (node-html-markdown) puts a row's values right
    // after its own label cells, wherever the header's columns are and whatever empty cells pad the
    // row's end: `| 6.属于四类过程性信息 | 3 | 1 |` under a header whose 自然人 stands third. Two
    // signs tell such a row: the header's positions (or the row's last cells) break the row total
    // and the values in order after the label keep it; or a number is read as a label cell (where
    // the header or the row's width puts the label). Then the values in order after the label are the row — unless they break the row
    // total too, when the row's values are left out.
    name: 'mergedCellsDropped',
    fixture: 'fixtures/shapes/sh2019.node-html-markdown.txt',
    applies: (row, ctx) => ctx.holdsLoosely(row.values) !== true || numberInLabel(row),
    apply: (row, ctx) => {
      const shifted = numberInLabel(row);
      const inOrder = afterLabel(row.cells, ctx.columns.length);
      const holds = inOrder ? ctx.holdsLoosely(inOrder.values) : false;
      const name = (label: readonly Cell[]): string => label.map((c) => c.text).join('');
      if (inOrder && holds === true) {
        return {
          row: { ...row, ...inOrder },
          diagnostic: {
            code: 'TABLE_PLACEMENT_INFERRED',
            message: `row "${name(inOrder.label)}": its cells break the row total where the header puts them, and keep it in order after the label (merged cells dropped); placed in that order`,
            line: inOrder.values.find((v) => v !== null)?.line ?? row.cells[0]?.line ?? null,
          },
        };
      }
      if (!shifted) return null;
      if (inOrder && holds === null) {
        return {
          row: { ...row, ...inOrder },
          diagnostic: {
            code: 'TABLE_PLACEMENT_INFERRED',
            message: `row "${name(inOrder.label)}": a number stands where the row's label should be (merged cells dropped); its values placed in order after the label, which its blank total cannot confirm`,
            line: inOrder.values.find((v) => v !== null)?.line ?? row.cells[0]?.line ?? null,
          },
        };
      }
      return {
        row: { ...row, values: row.values.map(() => null), withheld: true },
        diagnostic: {
          code: 'TABLE_MISALIGNED',
          message: `row "${name(row.label)}": a number stands where the row's label should be, and its values break the row total in order after the label; left out`,
          line: row.cells[0]?.line ?? null,
        },
      };
    },
  },
  {
    // A page flattened into a table glues a row's digits to its label and leaves its value cells empty (`规章000`).
    name: 'digitsGluedToLabel',
    fixture: 'fixtures/patterns/tables-glued-pipe.txt',
    applies: (row) => row.values.every((v) => v === null) && row.label.length > 0,
    apply: (row, ctx) => {
      const split = ctx.cutLabel(row.label.at(-1)!);
      return split ? { row: { ...row, label: [...row.label.slice(0, -1), split.label], values: split.values } } : null;
    },
  },
];

/** A row read and mended by every rule that applies, in order; the diagnostics the rules gave. */
export function repairRow(row: RowRead, ctx: GridContext, diagnostics: Diagnostic[]): RowRead {
  let out = row;
  for (const rule of ROW_REPAIRS) {
    if (!rule.applies(out, ctx)) continue;
    const done = rule.apply(out, ctx);
    if (!done) continue;
    out = done.row;
    if (done.diagnostic) diagnostics.push(done.diagnostic);
  }
  return out;
}
