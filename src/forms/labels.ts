// The official wording of every statistics path, from the forms' own labels: the row's labels and
// the column's group headers and label, as the form prints them (`一、本年新收政府信息公开申请数量 /
// 申请人情况 / 自然人`). Where the 2019 and 2021 forms word one cell differently, both, each with
// its layout. The codebook of a CSV and the audit pages' tooltips say what a column is with these.

import { FORMS } from './index.js';
import type { Form, FormColumn, FormRow } from './types.js';
import { joinKey } from './types.js';

/** Distinct labels in order (a spanning label is repeated in a form's data). */
function distinct(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of labels) if (l !== '' && out.at(-1) !== l) out.push(l);
  return out;
}

/** A form with one value column (统计数) names its cells by their rows alone. */
const wordingOf = (row: FormRow, column: FormColumn): string =>
  distinct([...row.labels, ...(column.key === '' ? [] : [...(column.groups ?? []), column.label])]).join(' / ');

interface Known {
  /** path → wording → the layouts that print it. */
  cells: Map<string, Map<string, Set<string>>>;
  /** A column key's last segment → its label (`naturalPerson` → 自然人, `pending` → 尚未审结). */
  columns: Map<string, string>;
}

let known: Known | null = null;

/** The layouts whose forms share one wording (requests, appeals: `layout: null`). */
const SHARED_LAYOUTS = ['2019', '2021'];

function knownLabels(): Known {
  if (known) return known;
  const cells: Known['cells'] = new Map();
  const columns: Known['columns'] = new Map();
  const add = (form: Form, row: FormRow, column: FormColumn): void => {
    const path = joinKey(form.base, row.key, column.key);
    const wording = wordingOf(row, column);
    let byWording = cells.get(path);
    if (!byWording) cells.set(path, (byWording = new Map()));
    let layouts = byWording.get(wording);
    if (!layouts) byWording.set(wording, (layouts = new Set()));
    for (const layout of form.layout ? [form.layout] : SHARED_LAYOUTS) layouts.add(layout);
  };
  for (const form of FORMS) {
    if (form.regional) continue;
    for (const column of form.columns) {
      const last = column.key.split('.').at(-1)!;
      if (last !== '' && !column.tableOnly && !columns.has(last)) columns.set(last, column.label);
    }
    for (const row of form.rows) {
      if (row.group || row.tableOnly || (row.key === '' && form.base === '')) continue;
      for (const column of form.columns) if (!column.tableOnly) add(form, row, column);
    }
  }
  known = { cells, columns };
  return known;
}

/** The official wording of a statistics path, or null when no form has it nor its row. */
export function officialLabel(path: string): string | null {
  const { cells, columns } = knownLabels();
  const own = cells.get(path);
  if (own) return wordingsOf(own);
  // A cell no form prints (a pre-2019 answer kind by applicant, 尚未审结 of an undivided 行政诉讼): the
  // wording of its row (the row's total cell, without that column) and of its column.
  const cut = path.lastIndexOf('.');
  const row = cut < 0 ? undefined : cells.get(`${path.slice(0, cut)}.total`);
  const column = cut < 0 ? undefined : columns.get(path.slice(cut + 1));
  if (!row || column === undefined) return null;
  // The first form's wording of the row (the national form's, FORMS order).
  return `${[...row.keys()][0]!} / ${column}`;
}

function wordingsOf(byWording: Map<string, Set<string>>): string {
  if (byWording.size === 1) return [...byWording.keys()][0]!;
  return [...byWording].map(([wording, layouts]) => `${wording}（${[...layouts].join('、')}）`).join('；');
}
