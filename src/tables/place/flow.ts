// Placing a flow (tokens in reading order: aligned columns, one cell per line, `label n n n`
// rows) onto a form. Nothing marks where a row ends, so the form does: runs of values between
// labels are the rows' values, a run as long as the form is wide is one row, a longer run is
// several rows, and a block of equal runs separated by blank lines is a set of columns
// (`pdftotext` in reading order prints a table column by column). The label read before a run
// names its row; a run without a usable label takes the next row of the form's order.
//
//   一、本年新收政府信息公开申请数量   821  35     2  1  859     ← a row whose blank cells the
//                                                               conversion dropped (Lynx, Shanghai
//                                                               2019): columns.ts places them
// Rows with fewer values than columns are placed by columns.ts.

import type { Diagnostic } from '../../diagnostics.js';
import { labelKey, matchColumn, nextGroup } from '../../forms/match.js';
import { APPEALS_FORM } from '../../forms/index.js';
import type { Form, FormColumn, FormRow } from '../../forms/types.js';
import type { Cell, RawTable } from '../types.js';
import { isValueToken } from '../values.js';
import { orderAppealPieces } from './appeals-order.js';
import { placeShortRows, type ShortRow } from './columns.js';
import { columnsOfHeader, unmatched } from './common.js';
import type { PlacedRow, PlacedTable } from './types.js';

/** A unit printed in the unit column of the pre-2019 forms, or after a number. */
const UNIT = /^(?:条|件|个|人|人次|次|篇|项|万元|元|——|—)$/;

type Item = { kind: 'label'; cells: Cell[] } | { kind: 'run'; pieces: Cell[][] };

const DASH = /^[-—–－]{1,3}$/;

/**
 * The tokens of a flow as labels and runs of values; a piece of a run ends at a blank line (and
 * at a line end in aligned text). In a form with a unit column, a dash followed by a value on its
 * line is the unit `——` of a group row, not a value.
 */
function itemsOf(raw: RawTable, skipFirst: boolean, units: boolean): Item[] {
  const items: Item[] = [];
  const aligned = raw.format === 'aligned';
  let run: Cell[][] | null = null;
  let piece: Cell[] | null = null;
  raw.rows.forEach((row, r) => {
    if (skipFirst && r === 0) return;
    if (row.length === 0) {
      piece = null;
      return;
    }
    row.forEach((tok, t) => {
      const unit = units && DASH.test(tok.text) && row[t + 1] !== undefined && isValueToken(row[t + 1]!.text);
      if (!unit && (tok.empty || isValueToken(tok.text))) {
        if (!run) {
          run = [];
          items.push({ kind: 'run', pieces: run });
          piece = null;
        }
        if (!piece) {
          piece = [];
          run.push(piece);
        }
        piece.push(tok);
      } else {
        run = null;
        piece = null;
        const last = items.at(-1);
        if (last?.kind === 'label') last.cells.push(tok);
        else items.push({ kind: 'label', cells: [tok] });
      }
    });
    if (aligned) piece = null;
  });
  return items;
}

/** The rows of values a run holds, for a form `n` columns wide. */
function rowsOfRun(pieces: Cell[][], n: number, aligned: boolean): Cell[][] {
  const chunk = (cells: Cell[]): Cell[][] => {
    const out: Cell[][] = [];
    for (let i = 0; i < cells.length; i += n) out.push(cells.slice(i, i + n));
    return out;
  };
  if (aligned) return pieces.flatMap(chunk);
  const lengths = pieces.map((p) => p.length);
  if (pieces.length === 1 || lengths.every((l) => l === 1)) return chunk(pieces.flat());
  if (lengths.every((l) => l === n)) return pieces;
  // Columns printed one after another: n (or a multiple of n) runs of equal length k.
  const k = lengths[0]!;
  if (n > 1 && k > 1 && pieces.length % n === 0 && lengths.every((l) => l === k)) {
    const out: Cell[][] = [];
    for (let g = 0; g < pieces.length; g += n) {
      for (let i = 0; i < k; i++) out.push(pieces.slice(g, g + n).map((p) => p[i]!));
    }
    return out;
  }
  return chunk(pieces.flat());
}

interface Mention {
  index: number;
  at: number;
}

/**
 * The form rows a label item names, in the order they stand in the text. `group` is the
 * top-level group the label stands in, for rows whose key phrase occurs in several groups.
 */
function mentions(form: Form, cells: readonly Cell[], header: boolean, group: string): Mention[] {
  // In the header, column words (`总计`, `其他`) are no row labels.
  const used = header ? cells.filter((c) => !matchColumn(form, [labelKey(c.text)])) : cells;
  const keys = used.map((c) => labelKey(c.text));
  const text = keys.join('');
  const out: Mention[] = [];
  const found = new Set<number>();
  // Each label cell alone first (a pattern anchored at its end, `其他处理$`, needs the cell's own
  // end), then the cells joined (a label the conversion broke over lines: `公开出版` / `物`).
  let offset = 0;
  for (const key of keys) {
    form.rows.forEach((row, index) => {
      if (found.has(index)) return;
      const at = matchAt(row, index, key, group);
      if (at < 0) return;
      found.add(index);
      out.push({ index, at: offset + at });
    });
    offset += key.length;
  }
  form.rows.forEach((row, index) => {
    if (found.has(index)) return;
    const at = matchAt(row, index, text, group);
    if (at >= 0) out.push({ index, at });
  });
  return out.sort((a, b) => a.at - b.at || b.index - a.index);
}

/** Where a form row's label stands in a folded text, or −1. */
function matchAt(row: FormRow, _index: number, text: string, group: string): number {
  if (row.within && !row.within.test(group) && !row.within.test(text)) return -1;
  const m = row.match.exec(text);
  if (!m) return -1;
  // An optional subtotal row only where its label stands alone.
  if (row.optional && text !== m[0]) return -1;
  return m.index;
}

/** The group after the label cells of an item (forms/match.ts nextGroup), line by line. */
function groupOf(cells: readonly Cell[], group: string): string {
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

/** The next row of the form's order at or after `from` that a run can fill without a label. */
function nextRow(form: Form, from: number): number {
  for (let i = from; i < form.rows.length; i++) {
    const row = form.rows[i]!;
    if (!row.optional && !row.group) return i;
  }
  return -1;
}

function textOf(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('');
}

export function placeFlow(form: Form, raw: RawTable, caption: string | null): PlacedTable | null {
  const items = itemsOf(raw, caption !== null, form.labelColumns === 2);
  const firstRun = items.findIndex((i) => i.kind === 'run');
  if (firstRun < 0) return null;
  const headerCells = items.slice(0, firstRun).flatMap((i) => (i.kind === 'label' ? i.cells : []));
  const columns: FormColumn[] = columnsOfHeader(form, textOf(headerCells));
  const n = columns.length;
  const warnings: Diagnostic[] = [];
  const aligned = raw.format === 'aligned';
  let endLine = raw.line;
  const touch = (cells: readonly Cell[]): void => {
    for (const c of cells) endLine = Math.max(endLine, c.line);
  };

  if (form === APPEALS_FORM) return placeAppeals(form, raw, items, columns, caption, warnings);

  const placed: Array<{ row: FormRow | null; label: string; unit?: Cell; values: Cell[]; line: number }> = [];
  let expected = 0;
  let before: Cell[] = [];
  let seenRun = false;
  let group = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'label') {
      before = item.cells;
      group = groupOf(item.cells, group);
      continue;
    }
    const rows = rowsOfRun(item.pieces, n, aligned);
    let unit: Cell | undefined;
    let labelCells = before;
    if (form.labelColumns === 2 && labelCells.length > 1 && UNIT.test(labelCells.at(-1)!.text)) {
      unit = labelCells.at(-1);
      labelCells = labelCells.slice(0, -1);
    }
    rows.forEach((values, k) => {
      let index = -1;
      const own = k === 0 ? labelCells : [];
      const label = textOf(own);
      if (own.length > 0) {
        const named = mentions(form, own, !seenRun, group).filter((m) => m.index >= expected);
        if (named.length > 0) index = named.at(-1)!.index;
      }
      if (index < 0) {
        index = nextRow(form, expected);
        if (index < 0) {
          if (values.some((v) => !v.empty)) warnings.push(unmatched(label || values.map((v) => v.text).join(' '), values[0]!.line, form));
          return;
        }
        if (label !== '' && seenRun) {
          warnings.push({ code: 'TABLE_ROW_BY_POSITION', message: `row "${label}" placed as "${form.rows[index]!.labels.at(-1)}" by the form's row order`, line: values[0]!.line });
        }
      }
      expected = index + 1;
      touch(own);
      touch(values);
      placed.push({ row: form.rows[index]!, label: label || form.rows[index]!.labels.at(-1)!, ...(unit && k === 0 ? { unit } : {}), values, line: own[0]?.line ?? values[0]!.line });
    });
    seenRun = true;
    before = [];
  }
  if (placed.length === 0) return null;
  addBlankRows(form, items, placed);
  // Labels after the last row that are pieces of the form's labels (reading-order conversions put
  // the last rows' labels after their numbers) belong to the table.
  const tail = items.at(-1);
  if (tail?.kind === 'label' && mentions(form, tail.cells, false, group).length > 0) touch(tail.cells);

  const short: ShortRow[] = [];
  const rows: PlacedRow[] = placed.map((p) => {
    const full = p.values.length === n || p.values.length === 0;
    const row: PlacedRow = { row: p.row, label: p.label, ...(p.unit ? { unit: p.unit } : {}), values: full ? p.values.map((v) => (v.empty || v.text === '' ? null : v)) : Array<Cell | null>(n).fill(null), line: p.line };
    if (!full) short.push({ placed: row, cells: p.values.filter((v) => !v.empty) });
    return row;
  });
  if (short.length > 0) warnings.push(...placeShortRows(form, columns, rows, short, aligned));
  return {
    form,
    format: raw.format,
    caption,
    columns,
    rows,
    line: raw.line,
    endLine,
    headerLine: headerCells[0]?.line ?? raw.line,
    yuan: new Set(/元/.test(textOf(headerCells).replace(/万元/g, '')) ? columns.filter((c) => c.money).map((c) => c.key) : []),
    warnings,
  };
}

/**
 * Rows whose every cell is blank leave only their label in the text (Lynx and pdftotext drop
 * empty cells): a form row whose label the table shows, between the first and the last placed
 * row, is a row of blank cells — they are what implied zeros are proved for.
 */
function addBlankRows(form: Form, items: readonly Item[], placed: Array<{ row: FormRow | null; label: string; values: Cell[]; line: number }>): void {
  const have = new Set(placed.map((p) => p.row));
  const first = Math.min(...placed.map((p) => form.rows.indexOf(p.row!)));
  const last = Math.max(...placed.map((p) => form.rows.indexOf(p.row!)));
  let group = '';
  let seenRun = false;
  const blank: typeof placed = [];
  for (const item of items) {
    if (item.kind === 'run') {
      seenRun = true;
      continue;
    }
    group = groupOf(item.cells, group);
    if (!seenRun) continue;
    for (const m of mentions(form, item.cells, false, group)) {
      const row = form.rows[m.index]!;
      if (row.optional || row.group || have.has(row) || m.index < first || m.index > last) continue;
      have.add(row);
      blank.push({ row, label: row.labels.at(-1)!, values: [], line: item.cells[0]!.line });
    }
  }
  placed.push(...blank);
  placed.sort((a, b) => form.rows.indexOf(a.row!) - form.rows.indexOf(b.row!));
}

/** The appeals table: one row of fifteen numbers, which a reading-order conversion may break into pieces. */
function placeAppeals(form: Form, raw: RawTable, items: Item[], columns: FormColumn[], caption: string | null, warnings: Diagnostic[]): PlacedTable | null {
  const runs = items.filter((i): i is Extract<Item, { kind: 'run' }> => i.kind === 'run');
  // The labels read before each piece tell which group it is (pieces after the first).
  const pieces: Array<{ values: Cell[]; before: string }> = [];
  let before = '';
  for (const item of items) {
    if (item.kind === 'label') before += textOf(item.cells);
    else {
      pieces.push({ values: item.pieces.flat().filter((c) => !c.empty), before });
      before = '';
    }
  }
  let values = runs.flatMap((r) => r.pieces.flat());
  if (pieces.length > 1) {
    const ordered = orderAppealPieces(pieces);
    if (ordered) values = ordered;
    else if (values.length === columns.length) {
      warnings.push({ code: 'TABLE_ORDER_UNCERTAIN', message: 'the appeals numbers came in pieces that do not add up; kept in reading order', line: values[0]?.line ?? raw.line });
    }
  }
  if (values.length === 0) return null;
  const row: PlacedRow = { row: form.rows[0]!, label: '', values: Array<Cell | null>(columns.length).fill(null), line: values[0]!.line };
  if (values.length === columns.length) row.values = values.map((v) => (v.empty || v.text === '' ? null : v));
  else warnings.push(...placeShortRows(form, columns, [row], [{ placed: row, cells: values.filter((v) => !v.empty) }], raw.format === 'aligned'));
  const lines = values.map((v) => v.line);
  return {
    form,
    format: raw.format,
    caption,
    columns,
    rows: [row],
    line: raw.line,
    endLine: Math.max(...lines),
    headerLine: raw.line,
    yuan: new Set(),
    warnings,
  };
}
