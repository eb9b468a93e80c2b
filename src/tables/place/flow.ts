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
import { APPEALS_FORM, PROACTIVE_FORMS } from '../../forms/index.js';
import type { Form, FormColumn, FormRow } from '../../forms/types.js';
import type { Cell, RawTable } from '../types.js';
import { isUnit, isValueToken } from '../../lexical/values.js';
import { orderAppealPieces } from './appeals-order.js';
import { placeShortRows, type ShortRow } from './columns.js';
import { columnsOfHeader, greatest, least, rowTotalTest, unmatched, yuanColumns } from './common.js';
import { cutRunTogether, isRunTogether } from './run-together.js';
import type { PlacedRow, PlacedTable } from './types.js';

/** What the unit column of the pre-2019 forms prints: a unit, or `——` on a group row. */
const isUnitCell = (text: string): boolean => isUnit(text) || text === '——' || text === '—';

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

/**
 * The rows of a run of values, for a form `n` columns wide, in segments:
 *   line    aligned text: each line's values are one row (a longer line, several);
 *   flat    one value a piece, or pieces of no pattern: every n values are a row;
 *   block   n pieces of equal length k > 1: columns printed one after another (pdftotext in
 *           reading order), read across into k rows.
 */
interface Segment {
  rows: Cell[][];
  block: boolean;
}

function segmentsOfRun(pieces: Cell[][], n: number, aligned: boolean, rowHolds: (values: readonly Cell[]) => boolean | null): Segment[] {
  const chunk = (cells: Cell[]): Cell[][] => {
    const out: Cell[][] = [];
    // Reading order may have moved a row's first value elsewhere: where the rows cut from the
    // start break their own total and the rows cut one value later keep it, the first row is short.
    const phase = phaseOf(cells, n, rowHolds);
    if (phase > 0) out.push(cells.slice(0, phase));
    for (let i = phase; i < cells.length; i += n) out.push(cells.slice(i, i + n));
    return out;
  };
  if (aligned) return pieces.map((p) => ({ rows: chunk(p), block: false }));
  const out: Segment[] = [];
  let flat: Cell[] = [];
  const flush = (): void => {
    if (flat.length > 0) out.push({ rows: chunk(flat), block: false });
    flat = [];
  };
  for (let i = 0; i < pieces.length; ) {
    const k = pieces[i]!.length;
    const group = pieces.slice(i, i + n);
    if (n > 1 && k > 1 && group.length === n && group.every((p) => p.length === k)) {
      flush();
      const rows: Cell[][] = [];
      for (let r = 0; r < k; r++) rows.push(group.map((p) => p[r]!));
      out.push({ rows, block: true });
      i += n;
    } else if (k === n && n > 1) {
      flush();
      out.push({ rows: [pieces[i]!], block: false });
      i++;
    } else {
      flat.push(...pieces[i]!);
      i++;
    }
  }
  flush();
  return out;
}

/**
 * Where the rows of a flat run start: 0 unless the rows cut from the start fail the form's row
 * total while the rows cut from a later phase all keep it (at least two whole rows to judge by).
 */
function phaseOf(cells: readonly Cell[], n: number, rowHolds: (values: readonly Cell[]) => boolean | null): number {
  if (cells.length < 2 * n || cells.length % n === 0) return 0;
  const score = (phase: number): number => {
    let held = 0;
    for (let i = phase; i + n <= cells.length; i += n) {
      const h = rowHolds(cells.slice(i, i + n));
      if (h === false) return -1;
      if (h) held++;
    }
    return held;
  };
  if (score(0) >= 2) return 0;
  for (let phase = 1; phase < n; phase++) if (score(phase) >= 2) return phase;
  return 0;
}

interface Mention {
  /** The form row named. */
  index: number;
  /** Where the label stands in the item's folded text. */
  at: number;
  /** The first label cell of the name (an index into the item's cells). */
  cell: number;
}

/**
 * One cell a line, a row's values may be cut by the rest of its wrapped label:
 *   5.要求行政机关确认或重新出具 / 0 / 已获取信息 / 0 0 0 0 0 0
 * A short run, a label that names no row, and a run that completes it to the form's width are
 * one row.
 */
function joinBrokenRows(form: Form, items: Item[], aligned: boolean): Item[] {
  if (aligned) return items;
  const n = form.columns.filter((c) => !c.optional && !c.tableOnly).length;
  const count = (x: Extract<Item, { kind: 'run' }>): number => x.pieces.reduce((k, p) => k + p.length, 0);
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const l = items[i + 1];
    const b = items[i + 2];
    if (a.kind === 'run' && l?.kind === 'label' && b?.kind === 'run' && count(a) < n && count(a) + count(b) >= n && mentions(form, l.cells, false, '').length === 0) {
      // Take what the short run lacks from the next run; the rest stays a run of its own.
      let need = n - count(a);
      const taken: Cell[][] = [];
      const rest: Cell[][] = [];
      for (const p of b.pieces) {
        if (need === 0) rest.push(p);
        else if (p.length <= need) {
          taken.push(p);
          need -= p.length;
        } else {
          taken.push(p.slice(0, need));
          rest.push(p.slice(need));
          need = 0;
        }
      }
      out.push({ kind: 'run', pieces: [...a.pieces, ...taken] }, l);
      items[i + 2] = { kind: 'run', pieces: rest };
      if (rest.length === 0) i += 2;
      else i += 1;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * The form rows a label item names, in the order they stand in the text. `group` is the
 * top-level group the label stands in, for rows whose key phrase occurs in several groups.
 */
function mentions(form: Form, cells: readonly Cell[], header: boolean, group: string): Mention[] {
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
      if (used[j]!.line - used[i]!.line > 2) continue;
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

/** Label cells grouped by the display column they start at (within two columns), in order; cells without one are left out. */
function columnsOf(cells: readonly Cell[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  cells.forEach((c, i) => {
    if (c.x === undefined) return;
    let key = c.x;
    for (const k of groups.keys()) if (Math.abs(k - c.x) <= 2) key = k;
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

/**
 * Can a run fill this row without a label naming it? Not a subtotal the form does not print, nor
 * a group row, nor a row of the other layout than the rows placed so far (（六）其他处理 in one row
 * after its three 2021 sub-rows).
 */
function fillable(form: Form, i: number, marks: ReadonlySet<string>): boolean {
  const row = form.rows[i]!;
  if (row.optional || row.group) return false;
  return !row.marks || marks.size === 0 || marks.has(row.marks);
}

/**
 * The form rows (indexes) of a segment of `count` rows, from `expected` on: starting at the named
 * row (or the next row in order), or, for a column block, ending at the named row when the rows
 * between allow it.
 */
function rowsFor(form: Form, expected: number, named: number, count: number, block: boolean, marks: ReadonlySet<string>): number[] {
  const forward = (from: number): number[] => {
    const out: number[] = [];
    for (let i = from; i < form.rows.length && out.length < count; i++) if (i === named || fillable(form, i, marks)) out.push(i);
    return out;
  };
  if (named < 0) return forward(expected);
  if (block && count > 1) {
    const back: number[] = [named];
    for (let i = named - 1; i >= expected && back.length < count; i--) if (fillable(form, i, marks)) back.unshift(i);
    if (back.length === count) return back;
  }
  return forward(named);
}

function textOf(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('');
}

/**
 * A label of another 第二十条 item in the region of this one (its column header or a row it has and
 * this one lacks), or null. Only for the items, whose regions end at the next item's caption.
 */
function foreignLabel(form: Form, items: readonly Item[]): Cell | null {
  if (!form.caption || !PROACTIVE_FORMS.includes(form)) return null;
  const others = PROACTIVE_FORMS.filter((f) => f.caption !== form.caption && f.layout === form.layout);
  for (const item of items) {
    if (item.kind !== 'label') continue;
    for (const c of item.cells) {
      const key = labelKey(c.text);
      if (key === '' || matchColumn(form, [key]) || form.rows.some((r) => r.match.test(key))) continue;
      if (others.some((o) => matchColumn(o, [key]) || o.rows.some((r) => r.match.test(key)))) return c;
    }
  }
  return null;
}

/** The label cells before the first run of values, or before the first label with digits glued to it (run-together.ts). */
function headerOf(items: readonly Item[]): Cell[] {
  const out: Cell[] = [];
  for (const item of items) {
    if (item.kind === 'run') break;
    for (const c of item.cells) {
      if (isRunTogether(c.text)) return out;
      out.push(c);
    }
  }
  return out;
}

export function placeFlow(form: Form, raw: RawTable, caption: string | null): PlacedTable | null {
  const read = (r: RawTable): Item[] => joinBrokenRows(form, itemsOf(r, caption !== null, form.labelColumns === 2), r.format === 'aligned');
  const first = read(raw);
  // Rows whose cells the page ran together are cut first, by the columns the header gives.
  const cut = cutRunTogether(form, raw, columnsOfHeader(form, textOf(headerOf(first))));
  const items = cut.raw === raw ? first : read(cut.raw);
  const firstRun = items.findIndex((i) => i.kind === 'run');
  if (firstRun < 0) return null;
  const headerCells = items.slice(0, firstRun).flatMap((i) => (i.kind === 'label' ? i.cells : []));
  const columns: FormColumn[] = columnsOfHeader(form, textOf(headerCells));
  const n = columns.length;
  const warnings: Diagnostic[] = [...cut.warnings];
  const aligned = raw.format === 'aligned';
  const rowHolds = rowTotalTest(form, columns);
  let endLine = raw.line;
  const touch = (cells: readonly Cell[]): void => {
    for (const c of cells) endLine = Math.max(endLine, c.line);
  };

  if (form === APPEALS_FORM) return placeAppeals(form, raw, items, columns, caption, warnings);
  const foreign = foreignLabel(form, items);
  if (foreign) {
    // Text in a scrambled reading order (pdfminer's blocks) puts another item's header or rows in
    // this item's region: which of its numbers are this item's is unknown.
    warnings.push({ code: 'TABLE_MISALIGNED', message: `${form.caption}: the text puts "${foreign.text}", a label of another 第二十条 item, among this item's cells; its values are left out`, line: foreign.line });
    return { form, format: raw.format, caption: caption ?? form.caption, columns, rows: [], line: raw.line, endLine: raw.line, headerLine: raw.line, yuan: new Set(), warnings };
  }

  const placed: Array<{ row: FormRow | null; label: string; unit?: Cell; values: Cell[]; line: number }> = [];
  let expected = 0;
  let before: Cell[] = [];
  let seenRun = false;
  let group = '';
  const marks = new Set<string>();
  let anyNamed = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'label') {
      before = item.cells;
      group = groupOf(item.cells, group);
      continue;
    }
    let unit: Cell | undefined;
    let labelCells = before;
    if (form.labelColumns === 2 && labelCells.length > 1 && isUnitCell(labelCells.at(-1)!.text)) {
      unit = labelCells.at(-1);
      labelCells = labelCells.slice(0, -1);
    }
    segmentsOfRun(item.pieces, n, aligned, rowHolds).forEach((segment, s) => {
      const own = s === 0 ? labelCells : [];
      const label = textOf(own);
      let named = -1;
      let from = 0;
      if (own.length > 0) {
        const hits = mentions(form, own, !seenRun, group).filter((m) => m.index >= expected && (!form.rows[m.index]!.marks || marks.size === 0 || marks.has(form.rows[m.index]!.marks!)));
        if (hits.length > 0) {
          named = hits.at(-1)!.index;
          anyNamed = true;
          // Before the first row, the label read since the anchor holds the header too: the row's own label starts at its name.
          if (!seenRun) from = hits.at(-1)!.cell;
        }
      }
      // The form rows of the segment: a label names the first row of a line or flat segment,
      // and the last row of a column block (reading order puts the block's labels around it).
      const indexes = rowsFor(form, expected, named, segment.rows.length, segment.block, marks);
      segment.rows.forEach((values, k) => {
        const index = indexes[k] ?? -1;
        if (index < 0) {
          if (values.some((v) => !v.empty)) warnings.push(unmatched(label || values.map((v) => v.text).join(' '), values[0]!.line, form));
          return;
        }
        if (index !== named && seenRun && (label !== '' || segment.block)) {
          const why = segment.block ? 'a table read column by column' : `row "${label}"`;
          warnings.push({ code: 'TABLE_ROW_BY_POSITION', message: `${why}: values ${values.map((v) => v.text).join(' ')} placed as "${form.rows[index]!.labels.at(-1)}" by the form's row order`, line: values[0]!.line });
        }
        expected = index + 1;
        if (form.rows[index]!.marks) marks.add(form.rows[index]!.marks!);
        const mine = k === 0 ? own.slice(from) : [];
        touch(mine);
        touch(values);
        placed.push({ row: form.rows[index]!, label: textOf(mine) || form.rows[index]!.labels.at(-1)!, ...(unit && k === 0 && s === 0 ? { unit } : {}), values, line: mine[0]?.line ?? values[0]!.line });
      });
    });
    seenRun = true;
    before = [];
  }
  if (placed.length === 0) return null;
  // Numbers under an anchor that no label names and that do not fill one row (`申请人情况` / `1`)
  // are no table: placing them would invent a form around a stray figure.
  if (!anyNamed && placed.reduce((sum, p) => sum + p.values.length, 0) < n) return null;
  addBlankRows(form, items, placed);
  // Labels after the last row that are pieces of the form's labels (reading-order conversions put
  // the last rows' labels after their numbers) belong to the table.
  const tail = items.at(-1);
  if (tail?.kind === 'label' && mentions(form, tail.cells, false, group).length > 0) touch(tail.cells);

  const short: ShortRow[] = [];
  const rows: PlacedRow[] = placed.map((p) => {
    // Text in reading order (one cell a line) says nothing of a value's column but its order: a
    // full row that breaks its own total was read in the wrong order (pdfminer's blocks), and
    // which of its values stand where is unknown.
    if (raw.format === 'cells' && p.values.length === n && rowHolds(p.values) === false) {
      warnings.push({ code: 'TABLE_MISALIGNED', message: `row "${p.label}": ${p.values.map((v) => v.text || '—').join(' ')} do not keep the row's total in the order the text gives them; left out`, line: p.values[0]?.line ?? p.line });
      p.values = [];
    }
    const full = p.values.length === n;
    const row: PlacedRow = { row: p.row, label: p.label, ...(p.unit ? { unit: p.unit } : {}), values: full ? p.values.map((v) => (v.empty || v.text === '' ? null : v)) : Array<Cell | null>(n).fill(null), line: p.line };
    if (!full && p.values.length > 0) short.push({ placed: row, cells: p.values.filter((v) => !v.empty) });
    return row;
  });
  if (short.length > 0) warnings.push(...placeShortRows(form, columns, rows, short, aligned));
  return {
    form,
    format: raw.format,
    caption: caption ?? formTitle(form, headerCells),
    columns,
    rows,
    line: caption !== null ? raw.line : startLine(form, headerCells, rows, raw.line),
    endLine,
    headerLine: headerCells[0]?.line ?? raw.line,
    yuan: yuanColumns(columns, textOf(headerCells)),
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
  const marks = new Set(placed.flatMap((p) => (p.row?.marks ? [p.row.marks] : [])));
  const first = least(placed.map((p) => form.rows.indexOf(p.row!)));
  const last = greatest(placed.map((p) => form.rows.indexOf(p.row!)));
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
      if (row.marks && marks.size > 0 && !marks.has(row.marks)) continue;
      have.add(row);
      blank.push({ row, label: row.labels.at(-1)!, values: [], line: item.cells[0]!.line });
    }
  }
  placed.push(...blank);
  placed.sort((a, b) => form.rows.indexOf(a.row!) - form.rows.indexOf(b.row!));
}

/** The form's title where the flow starts with it (`政府信息公开情况统计表`). */
function formTitle(form: Form, header: readonly Cell[]): string | null {
  if (!form.caption) return null;
  const title = labelKey(form.caption);
  return header.find((c) => labelKey(c.text).includes(title))?.text ?? null;
}

/**
 * Where the table starts: its header (a corner or column label of the form), or its first row.
 * Lines between a title anchor and the header (`（2018年度）`, `填报单位：…`) are not the table's.
 */
function startLine(form: Form, header: readonly Cell[], rows: readonly PlacedRow[], fallback: number): number {
  const words = [...form.corner, ...form.columns.flatMap((c) => [c.label, ...(c.groups ?? [])])].map(labelKey);
  const head = header.find((c) => {
    const k = labelKey(c.text);
    return k.length > 1 && words.some((w) => w.startsWith(k) || k.startsWith(w));
  });
  const first = least(rows.map((r) => r.line));
  return Math.min(head?.line ?? first, first, Number.isFinite(first) ? first : fallback) || fallback;
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
    endLine: greatest(lines),
    headerLine: raw.line,
    yuan: new Set(),
    warnings,
  };
}
