// Recognising a form's rows and columns in a report's own wording. Labels are compared in one
// folded form: half-width, simplified characters, no spaces, one kind of quote, `，` = `、`
// (formats.md §8), made once per label text.

import { labelKey } from '../lexical/fold.js';
import type { Form, FormColumn, FormRow } from './types.js';

export { labelKey };

/** A label's numbering and brackets, which vary between reports (`（一）`, `1.`, `一、`). */
const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、．]|\(\d{1,2}\))+/;

export function withoutNumbering(key: string): string {
  return key.replace(NUMBERING, '');
}

/**
 * The row of `form` a label names. `last` is the most specific label cell (a sub-row's label in a
 * grid), `all` every label cell joined; `group` the top-level group the row stands in (for rows
 * whose key phrase occurs in several groups). Optional subtotal rows need a clean label.
 */
export function matchRow(form: Form, last: string, all: string, group = '', clean = true): FormRow | null {
  const a = labelKey(last);
  const b = last === all ? a : labelKey(all);
  for (const key of a === b ? [a] : [a, b]) {
    for (const row of form.rows) {
      if (row.optional && (!clean || key !== a)) continue;
      if (row.within && !row.within.test(group) && !row.within.test(key)) continue;
      if (row.match.test(key)) return row;
    }
  }
  return truncatedRow(form, a, group);
}

/** Shortest cut label that may name a row by its beginning alone. */
const MIN_PREFIX = 4;

/** The leaf labels of a form, folded and without numbering (made once per form). */
const leafLabels = new WeakMap<Form, string[]>();

/**
 * A label cut short by a narrow cell (html2text, a fixed-width dump: `4.保护第三方合`): the one row
 * of the form whose official label begins with it. Never a row the cut label could begin with
 * more than one of.
 */
function truncatedRow(form: Form, key: string, group: string): FormRow | null {
  const stem = withoutNumbering(key).replace(/\uFFFD+$/, '');
  if (stem.length < MIN_PREFIX) return null;
  let labels = leafLabels.get(form);
  if (!labels) leafLabels.set(form, (labels = form.rows.map((r) => withoutNumbering(labelKey(r.labels.at(-1) ?? '')))));
  let hit: FormRow | null = null;
  for (let i = 0; i < form.rows.length; i++) {
    const row = form.rows[i]!;
    if (row.optional || !labels[i]!.startsWith(stem)) continue;
    if (row.within && !row.within.test(group)) continue;
    if (hit) return null;
    hit = row;
  }
  return hit;
}

/**
 * The column of `form` a header names: `chain` holds the folded header cells above one value
 * column, top to bottom; every pattern of the column must match one of them. The column whose
 * patterns match the lowest header cells wins (`结果维持` under `复议后起诉` is not `行政复议`'s).
 */
export function matchColumn(form: Form, chain: readonly string[]): FormColumn | null {
  let best: FormColumn | null = null;
  let bestScore = -1;
  for (const column of form.columns) {
    let score = 0;
    let ok = true;
    for (const re of column.match) {
      let at = -1;
      for (let i = chain.length - 1; i >= 0; i--) {
        if (re.test(chain[i]!)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        ok = false;
        break;
      }
      score += at + 1;
    }
    if (ok && score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best ?? truncatedColumn(form, chain.at(-1) ?? '');
}

/** A header cut short by a narrow cell (`上一年项目�`): the one column whose label begins with it. */
function truncatedColumn(form: Form, key: string): FormColumn | null {
  const stem = key.replace(/\uFFFD+$/, '');
  if (stem.length < 3 || stem === key) return null;
  const hits = form.columns.filter((c) => labelKey(c.label).startsWith(stem));
  return hits.length === 1 ? hits[0]! : null;
}

/** A label of a row under another: `其中：1、…`, `2.…`, `（一）…`, `（3）…`. */
const CHILD = /^(?:其中[:：]?)?(?:\d{1,2}[、.．]|\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\))/;

/**
 * The group a row stands in after a label: a label that is not numbered under another
 * (`四、行政复议数量`, Fujian's `受理政府信息依申请公开总数`) starts a group; a numbered one stays in it.
 * Rows whose key phrase occurs in several groups (`FormRow.within`) are told apart by it.
 */
export function nextGroup(key: string, group: string): string {
  return key === '' || CHILD.test(key) ? group : key;
}

/**
 * The value columns of a form as a report orders them, from the header's words alone: the
 * official columns, with an optional column (法人或其他组织 `小计`) where the header names it, a
 * table-only column (历年累计) where the header has it, and a column that may lead (总计) first
 * where the header names it before the form's first column.
 */
export function columnsOfHeader(form: Form, headerText: string): FormColumn[] {
  const h = labelKey(headerText);
  const columns = form.columns.filter((c) => (!c.optional && !c.tableOnly) || c.match.every((re) => re.test(h)));
  const lead = columns.findIndex((c) => c.mayLead);
  if (lead > 0) {
    const at = h.indexOf(labelKey(columns[lead]!.label));
    const first = h.indexOf(labelKey(columns[0]!.label));
    if (at >= 0 && first >= 0 && at < first) columns.unshift(...columns.splice(lead, 1));
  }
  return columns;
}
