// A placed table written as the record's grid, on the form's own labels and header: whichever
// converter drew a report, its tables come out the same. The values are the text's own; their
// positions in the grid are what provenance points at.

import type { Form, FormColumn } from '../../forms/types.js';
import type { PlacedTable } from './types.js';

/** The header rows over the value columns: each column's group headers, then its label. */
function headerRows(form: Form, columns: readonly FormColumn[]): string[][] {
  const depth = Math.max(1, ...columns.map((c) => (c.groups?.length ?? 0) + 1));
  const corner = (j: number): string => form.corner[Math.min(j, form.corner.length - 1)] ?? '';
  const rows: string[][] = [];
  for (let d = 0; d < depth; d++) {
    const labels = Array.from({ length: form.labelColumns }, (_, j) => corner(j));
    rows.push([...labels, ...columns.map((c) => (c.groups && d < c.groups.length ? c.groups[d]! : c.label))]);
  }
  return rows;
}

export interface Grid {
  rows: string[][];
  /** Index in `rows` of each placed row (PlacedTable.rows), for provenance. */
  rowIndex: number[];
  /** Index of the first value column. */
  firstValue: number;
}

/** The rebuilt grid of a placed table. */
export function buildGrid(t: PlacedTable): Grid {
  const { form, columns } = t;
  const rows: string[][] = [];
  const width = form.labelColumns + columns.length;
  if (t.caption !== null && form.kind === 'proactive') rows.push(Array<string>(width).fill(form.caption ?? t.caption));
  rows.push(...headerRows(form, columns));
  const units = form.labelColumns === 2;
  const rowIndex: number[] = [];
  for (const p of t.rows) {
    let labels: string[];
    if (p.row) labels = units ? [p.row.labels[0]!, p.unit?.text ?? p.row.unit ?? ''] : [...p.row.labels];
    else labels = units ? [p.label, p.unit?.text ?? ''] : [p.label];
    while (labels.length < form.labelColumns) labels.push(labels.at(-1) ?? '');
    rowIndex.push(rows.length);
    rows.push([...labels.slice(0, form.labelColumns), ...p.values.map((v) => v?.text ?? '')]);
  }
  return { rows, rowIndex, firstValue: form.labelColumns };
}
