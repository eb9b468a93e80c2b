// Which rows of a form a flow's label cells name, and where: a label the conversion broke over
// lines, interleaved with the labels beside it, or cut into pieces is still found.

import { labelKey, matchColumn, nextGroup } from '../../../forms/match.js';
import type { Form, FormRow } from '../../../forms/types.js';
import type { Cell } from '../../types.js';

export interface Mention {
  /** The form row named. */
  index: number;
  /** Where the label stands in the item's folded text. */
  at: number;
  /** The first label cell of the name (an index into the item's cells). */
  cell: number;
}

/**
 * The form rows a label item names, in the order they stand in the text. `group` is the
 * top-level group the label stands in, for rows whose key phrase occurs in several groups.
 */
export function mentions(form: Form, cells: readonly Cell[], header: boolean, group: string): Mention[] {
  // In the header, column words (`总计`, `其他`) are no row labels.
  const cellIndex: number[] = [];
  const used: Cell[] = [];
  cells.forEach((c, i) => {
    if (header && matchColumn(form, [labelKey(c.text)])) return;
    used.push(c);
    cellIndex.push(i);
  });
  const keys = used.map((c) => labelKey(c.text));
  const text = keys.join('');
  const out: Mention[] = [];
  const found = new Set<number>();
  // Each label cell alone first (a pattern anchored at its end, `其他处理$`, needs the cell's own
  // end), then the cells joined (a label the conversion broke over lines: `公开出版` / `物`).
  const starts: number[] = [];
  let offset = 0;
  for (const [k, key] of keys.entries()) {
    starts.push(offset);
    form.rows.forEach((row, index) => {
      if (found.has(index)) return;
      const at = matchAt(form, row, index, key, group);
      if (at < 0) return;
      found.add(index);
      out.push({ index, at: offset + at, cell: cellIndex[k]! });
    });
    offset += key.length;
  }
  // Aligned text interleaves the lines of a group label with those of the row labels beside it
  // (`4.保护第三方合法权` / `（三）` / `益`): the pieces that start at one column are one label.
  for (const [, members] of columnsOf(used)) {
    for (let m = 0; m + 1 < members.length; m++) {
      const [i, j] = [members[m]!, members[m + 1]!];
      if (used[j]!.line - used[i]!.line > MAX_LABEL_LINE_GAP) continue;
      const joined = keys[i]! + keys[j]!;
      form.rows.forEach((row, index) => {
        if (found.has(index) || matchAt(form, row, index, joined, group) < 0) return;
        found.add(index);
        out.push({ index, at: starts[j]!, cell: cellIndex[i]! });
      });
    }
  }
  form.rows.forEach((row, index) => {
    if (found.has(index)) return;
    const at = matchAt(form, row, index, text, group);
    if (at >= 0) out.push({ index, at, cell: cellIndex[cellAt(starts, at)]! });
  });
  return out.sort((a, b) => a.at - b.at || b.index - a.index);
}

/** The index of the key that holds offset `at` of the joined keys. */
function cellAt(starts: readonly number[], at: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
  return i;
}

/** Pieces of one label stand at most this many lines apart (a line of the neighbouring label between them). */
const MAX_LABEL_LINE_GAP = 2;
/** Pieces that start within this many display columns start at one column (a converter's centring moves them a little). */
const SAME_COLUMN_SLACK = 2;

/** Label cells grouped by the display column they start at (within SAME_COLUMN_SLACK), in order; cells without one are left out. */
function columnsOf(cells: readonly Cell[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  cells.forEach((c, i) => {
    if (c.x === undefined) return;
    let key = c.x;
    for (const k of groups.keys()) if (Math.abs(k - c.x) <= SAME_COLUMN_SLACK) key = k;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  return groups;
}

/**
 * Where each row of a form names itself in a folded label text, or −1, made once per text: the
 * same labels recur in every report, and a label item is asked about every row of its form.
 */
const positions = new WeakMap<Form, Map<string, Int32Array>>();
const MAX_POSITIONS = 5_000;

function rowPositions(form: Form, text: string): Int32Array {
  let byText = positions.get(form);
  if (!byText) positions.set(form, (byText = new Map()));
  let at = byText.get(text);
  if (at === undefined) {
    at = new Int32Array(form.rows.length).fill(-1);
    form.rows.forEach((row, index) => {
      const m = row.match.exec(text);
      // An optional subtotal row only where its label stands alone.
      if (m && !(row.optional && text !== m[0])) at![index] = m.index;
    });
    if (byText.size >= MAX_POSITIONS) byText.clear();
    byText.set(text, at);
  }
  return at;
}

/** Where a form row's label stands in a folded text, or −1. */
function matchAt(form: Form, row: FormRow, index: number, text: string, group: string): number {
  if (row.within && !row.within.test(group) && !row.within.test(text)) return -1;
  return rowPositions(form, text)[index]!;
}

/** The group after the label cells of an item (forms/match.ts nextGroup), line by line. */
export function groupOf(cells: readonly Cell[], group: string): string {
  let g = group;
  let line = -1;
  let text = '';
  for (const c of [...cells, null]) {
    if (c && c.line === line) {
      text += c.text;
      continue;
    }
    if (text !== '') g = nextGroup(labelKey(text), g);
    if (!c) break;
    line = c.line;
    text = c.text;
  }
  return g;
}

export function textOf(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('');
}

