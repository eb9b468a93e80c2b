// What a conversion does to a flow's rows once they are assigned to the form's rows, and how each
// is mended: named rules, tried in this order (markdown-it's rule lists are the model). Each
// names the fixture whose text needs it.

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import type { Cell } from '../../types.js';
import { greatest, least } from '../common.js';
import type { PlacedRow } from '../types.js';
import type { Assigned } from './assign.js';
import type { Item } from './items.js';
import { cutRow } from './cut-row.js';
import { groupOf, mentions } from './mentions.js';
import { placeShortRows, type ShortRow } from './short-rows.js';

/** A flow's rows as assigned, with what the rules need of the table. */
export interface FlowDraft {
  form: Form;
  format: string;
  columns: readonly FormColumn[];
  items: readonly Item[];
  /** The text ends inside the table and gives every cell, empty ones too (pipe cells): a short last row is a cut one. */
  cut: boolean;
  /** The form rows with their values in reading order; `byColumn` once each value's column is known; `withheld` when they cannot be placed. */
  rows: Array<Assigned & { byColumn?: Array<Cell | null>; cutAt?: number }>;
  /** Does a row of values (in the report's column order) keep the form's row total? */
  rowHolds: (values: readonly Cell[]) => boolean | null;
  warnings: Diagnostic[];
}

export interface FlowRepair {
  name: string;
  /** A fixture whose text needs the rule (the record of it changes without the rule). */
  fixture: string;
  applies(draft: FlowDraft): boolean;
  apply(draft: FlowDraft): void;
}

/**
 * Rows whose every cell is blank leave only their label in the text (Lynx and pdftotext drop
 * empty cells): a form row whose label the table shows, between the first and the last placed
 * row, is a row of blank cells — they are what implied zeros are proved for.
 */
function addBlankRows(draft: FlowDraft): void {
  const { form, rows } = draft;
  const have = new Set(rows.map((p) => p.row));
  const marks = new Set(rows.flatMap((p) => (p.row?.marks ? [p.row.marks] : [])));
  const first = least(rows.map((p) => form.rows.indexOf(p.row!)));
  const last = greatest(rows.map((p) => form.rows.indexOf(p.row!)));
  let group = '';
  let seenRun = false;
  const blank: Assigned[] = [];
  for (const item of draft.items) {
    if (item.kind === 'run') {
      seenRun = true;
      continue;
    }
    group = groupOf(item.cells, group);
    if (!seenRun) continue;
    for (const m of mentions(form, item.cells, false, group)) {
      const row = form.rows[m.index]!;
      if (row.optional || row.group || have.has(row) || m.index < first || m.index > last) continue;
      if (row.marks && marks.size > 0 && !marks.has(row.marks)) continue;
      have.add(row);
      blank.push({ row, label: row.labels.at(-1)!, values: [], line: item.cells[0]!.line });
    }
  }
  rows.push(...blank);
  rows.sort((a, b) => form.rows.indexOf(a.row!) - form.rows.indexOf(b.row!));
}

export const FLOW_REPAIRS: FlowRepair[] = [
  {
    name: 'blankRows',
    fixture: 'fixtures/converters/sh2019.lynx.txt',
    applies: () => true,
    apply: addBlankRows,
  },
  {
    // Text in reading order (one cell a line) says nothing of a value's column but its order: a
    // full row that breaks its own total was read in the wrong order (pdfminer's blocks), and
    // which of its values stand where is unknown.
    name: 'scrambledFullRow',
    fixture: 'fixtures/shapes/szfgs2024.pdfminer.txt',
    applies: (d) => d.format === 'cells',
    apply: (d) => {
      for (const p of d.rows) {
        if (p.values.length !== d.columns.length || d.rowHolds(p.values) !== false) continue;
        d.warnings.push({ code: 'TABLE_MISALIGNED', message: `row "${p.label}": ${p.values.map((v) => v.text || '—').join(' ')} do not keep the row's total in the order the text gives them; left out`, line: p.values[0]?.line ?? p.line });
        p.values = [];
        p.withheld = true;
      }
    },
  },
  {
    // A page cut short inside a table written cell by cell (cut-row.ts).
    name: 'cutRow',
    fixture: 'fixtures/pages/g022.txt',
    applies: (d) => d.cut,
    apply: (d) => {
      const last = lastRow(d.rows);
      if (!last || last.values.length === 0 || last.values.length >= d.columns.length) return;
      const cut = cutRow(last.values, d.columns.length, last.label);
      last.byColumn = cut.byColumn;
      last.cutAt = cut.cutAt;
      d.warnings.push(cut.warning);
    },
  },
  {
    // Rows whose blank cells the conversion dropped (Lynx, `pdftotext -layout`, Shanghai's 2019
    // tables leaving every zero blank): short-rows.ts places their values by the table's sums.
    name: 'shortRows',
    fixture: 'fixtures/converters/sh2019.lynx.txt',
    applies: (d) => d.rows.some((p) => p.values.length > 0 && p.values.length !== d.columns.length),
    apply: (d) => {
      const n = d.columns.length;
      const short: ShortRow[] = [];
      const placed = d.rows.map((p): PlacedRow => {
        // A row whose columns an earlier rule settled (cutRow) is known, as a full one is.
        const full = p.values.length === n || p.byColumn !== undefined;
        const row: PlacedRow = { row: p.row, label: p.label, values: p.byColumn ?? (full ? byColumn(p.values) : Array<Cell | null>(n).fill(null)), line: p.line };
        if (!full && p.values.length > 0) short.push({ placed: row, cells: p.values.filter((v) => !v.empty) });
        return row;
      });
      d.warnings.push(...placeShortRows(d.form, d.columns, placed, short, d.format === 'aligned'));
      d.rows.forEach((p, i) => {
        if (p.values.length === n || p.byColumn) return;
        p.byColumn = placed[i]!.values;
        if (placed[i]!.withheld) p.withheld = true;
      });
    },
  },
];

/** The row whose values stand last in the text. */
function lastRow(rows: FlowDraft['rows']): FlowDraft['rows'][number] | undefined {
  let best: FlowDraft['rows'][number] | undefined;
  for (const p of rows) if (p.values.length > 0 && (!best || p.values.at(-1)!.line > best.values.at(-1)!.line)) best = p;
  return best;
}

/** A full row's values by column: a cell that is empty or marked empty is blank. */
export function byColumn(values: readonly Cell[]): Array<Cell | null> {
  return values.map((v) => (v.empty || v.text === '' ? null : v));
}
