// The official wording of every statistics path, from the forms' own labels: the row's labels and
// the column's group headers and label, as the form prints them (`一、本年新收政府信息公开申请数量 /
// 申请人情况 / 自然人`); of a group of paths, the labels its cells share (`三、本年度办理结果 /
// （三）不予公开`). Where the 2019 and 2021 forms word one cell differently, both, each with its
// layout. The codebook of a CSV, the audit pages' tooltips and the JSON Schema say what a field is
// with these.

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

/** wording → the layouts that print it. */
type Wordings = Map<string, Set<string>>;

interface Known {
  /** path → its wordings. */
  cells: Map<string, Wordings>;
  /** group path → its wordings. */
  groups: Map<string, Wordings>;
  /** A column key's last segment → its label (`naturalPerson` → 自然人, `pending` → 尚未审结). */
  columns: Map<string, string>;
}

let known: Known | null = null;

/** The layouts whose forms share one wording (requests, appeals: `layout: null`). */
const SHARED_LAYOUTS = ['2019', '2021'];

/** Note that `form` words `path` so. */
function add(into: Map<string, Wordings>, path: string, wording: string, form: Form): void {
  let byWording = into.get(path);
  if (!byWording) into.set(path, (byWording = new Map()));
  let layouts = byWording.get(wording);
  if (!layouts) byWording.set(wording, (layouts = new Set()));
  for (const layout of form.layout ? [form.layout] : SHARED_LAYOUTS) layouts.add(layout);
}

/** The cells a form prints: its rows (group rows aside) by its columns. */
function cellsOf(form: Form): Array<{ row: FormRow; column: FormColumn }> {
  const rows = form.rows.filter((row) => !row.group && !row.tableOnly && !(row.key === '' && form.base === ''));
  return rows.flatMap((row) => form.columns.filter((column) => !column.tableOnly).map((column) => ({ row, column })));
}

/** Every group of paths (`requests.outcomes.denied`) above `path`, the widest first. */
function groupsAbove(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The labels every sequence starts with. */
function commonStart(sequences: readonly (readonly string[])[]): string[] {
  const [first = [], ...rest] = sequences;
  let n = first.length;
  for (const s of rest) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

/**
 * A form's wording of each group of paths its cells stand in: the part heading the form stands in
 * (its base), the labels a row says it heads, else the labels all the group's cells share — the
 * row's labels where the group is a row or above one, and the column's group headers where the
 * group reaches into the column's key (`appeals.review` → 行政复议).
 */
function addGroups(groups: Map<string, Wordings>, form: Form): void {
  const headed = new Set<string>();
  if (form.part !== undefined && form.base !== '') {
    add(groups, form.base, form.part, form);
    headed.add(form.base);
  }
  for (const row of form.rows) {
    if (row.heads === undefined) continue;
    add(groups, row.heads, distinct(row.labels).join(' / '), form);
    headed.add(row.heads);
  }
  const shared = new Map<string, string[][]>();
  for (const { row, column } of cellsOf(form)) {
    const rowPath = joinKey(form.base, row.key);
    for (const group of groupsAbove(joinKey(rowPath, column.key))) {
      if (headed.has(group)) continue;
      const withinRow = group === rowPath || rowPath.startsWith(`${group}.`);
      const labels = distinct(withinRow ? row.labels : [...row.labels, ...(column.groups ?? [])]);
      shared.set(group, [...(shared.get(group) ?? []), labels]);
    }
  }
  for (const [group, sequences] of shared) {
    const start = commonStart(sequences);
    if (start.length > 0) add(groups, group, start.join(' / '), form);
  }
}

function knownLabels(): Known {
  if (known) return known;
  const cells: Known['cells'] = new Map();
  const groups: Known['groups'] = new Map();
  const columns: Known['columns'] = new Map();
  for (const form of FORMS) {
    if (form.regional) continue;
    for (const column of form.columns) {
      const last = column.key.split('.').at(-1)!;
      if (last !== '' && !column.tableOnly && !columns.has(last)) columns.set(last, column.label);
    }
    for (const { row, column } of cellsOf(form)) add(cells, joinKey(form.base, row.key, column.key), wordingOf(row, column), form);
    for (const { path, label } of form.unprinted ?? []) add(cells, path, label, form);
    addGroups(groups, form);
  }
  known = { cells, groups, columns };
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

/** The official wording of a group of statistics paths (`requests.outcomes.denied`), or null when no form names it. */
export function officialGroupLabel(path: string): string | null {
  const own = knownLabels().groups.get(path);
  return own ? wordingsOf(own) : null;
}

function wordingsOf(byWording: Wordings): string {
  if (byWording.size === 1) return [...byWording.keys()][0]!;
  return [...byWording].map(([wording, layouts]) => `${wording}（${[...layouts].join('、')}）`).join('；');
}
