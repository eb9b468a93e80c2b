// Placing a flow (tokens in reading order: aligned columns, one cell per line, `label n n n`
// rows) onto a form. Nothing marks where a row ends, so the form does: runs of values between
// labels are the rows' values, a run as long as the form is wide is one row, a longer run is
// several rows, and a block of equal runs separated by blank lines is a set of columns
// (`pdftotext` in reading order prints a table column by column). The label read before a run
// names its row; a run without a usable label takes the next row of the form's order (assign.ts).
//
//   一、本年新收政府信息公开申请数量   821  35     2  1  859     ← a row whose blank cells the
//                                                               conversion dropped (Lynx, Shanghai
//                                                               2019): the shortRows rule places them
//
// The stages: read the items (items.ts, broken-rows.ts), cut rows the page ran together
// (run-together.ts), refuse a region that holds another 第二十条 item's labels, assign the runs to
// rows, then the repair rules (repairs.ts). A form whose one row has no label: one-row.ts.

import type { Diagnostic } from '../../../diagnostics.js';
import { labelKey, matchColumn } from '../../../forms/match.js';
import { PROACTIVE_FORMS } from '../../../forms/index.js';
import type { Form, FormColumn } from '../../../forms/types.js';
import type { Cell, RawTable } from '../../types.js';
import { columnsOfHeader, least, rowTotalTest, yuanColumns } from '../common.js';
import { cutRunTogether, isRunTogether } from '../run-together.js';
import type { PlacedRow, PlacedTable } from '../types.js';
import { RowAssigner } from './assign.js';
import { joinBrokenRows } from './broken-rows.js';
import { dropHeaderBlanks } from './header-blanks.js';
import { itemsOf, type Item } from './items.js';
import { mentions, textOf } from './mentions.js';
import { placeOneRowFlow } from './one-row.js';
import { byColumn, FLOW_REPAIRS, type FlowDraft } from './repairs.js';

/** A rule on the raw flow before its items are read: what it changed, and what it says. */
export interface ReadRepair {
  name: string;
  fixture: string;
  apply(form: Form, raw: RawTable, first: readonly Item[]): { raw: RawTable; warnings: Diagnostic[] };
}

/** A rule on a flow's items as read, before broken rows are joined. */
export interface ItemRule {
  name: string;
  fixture: string;
  apply(form: Form, items: readonly Item[]): Item[];
}

export const ITEM_RULES: ItemRule[] = [
  {
    // Empty cells of a header written one cell a line (` |` for the corner and under 总计) are no
    // blank row.
    name: 'headerBlanks',
    fixture: 'fixtures/shapes/hz2025.flat-pipe.txt',
    apply: dropHeaderBlanks,
  },
];

export const READ_REPAIRS: ReadRepair[] = [
  {
    // Rows whose cells a page ran together (`get_text()`: `规章000`, `82135⍽⍽21859`) are cut first,
    // by the columns the header gives.
    name: 'runTogether',
    fixture: 'fixtures/shapes/sh2019.bs4-get-text.txt',
    apply: (form, raw, first) => cutRunTogether(form, raw, columnsOfHeader(form, textOf(headerOf(first)))),
  },
];

/** A rule that refuses a flow's values: where the text gives them in an order that cannot be trusted. */
export interface FlowGuard {
  name: string;
  fixture: string;
  /** The diagnostic that leaves the table's values out, or null. */
  refuses(form: Form, items: readonly Item[]): Diagnostic | null;
}

export const GUARDS: FlowGuard[] = [
  {
    // Text in a scrambled reading order (pdfminer's blocks) puts another item's header or rows in
    // this item's region: which of its numbers are this item's is unknown.
    name: 'foreignItemLabel',
    fixture: 'fixtures/shapes/szfgs2024.pdfminer.txt',
    refuses: (form, items) => {
      const foreign = foreignLabel(form, items);
      return foreign
        ? { code: 'TABLE_MISALIGNED', message: `${form.caption}: the text puts "${foreign.text}", a label of another 第二十条 item, among this item's cells; its values are left out`, line: foreign.line }
        : null;
    },
  },
];

/**
 * A label of another 第二十条 item in the region of this one (its column header or a row it has and
 * this one lacks), or null. Only for the items, whose regions end at the next item's caption.
 */
function foreignLabel(form: Form, items: readonly Item[]): Cell | null {
  if (!form.item) return null;
  const others = PROACTIVE_FORMS.filter((f) => f.item !== form.item && f.layout === form.layout);
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
  const read = (r: RawTable): Item[] => joinBrokenRows(form, ITEM_RULES.reduce((items, rule) => rule.apply(form, items), itemsOf(r, caption !== null, form.labelColumns === 2)), r.format === 'aligned');
  const first = read(raw);
  const warnings: Diagnostic[] = [];
  let repaired = raw;
  for (const rule of READ_REPAIRS) {
    const done = rule.apply(form, repaired, first);
    repaired = done.raw;
    warnings.push(...done.warnings);
  }
  const items = repaired === raw ? first : read(repaired);
  const firstRun = items.findIndex((i) => i.kind === 'run');
  if (firstRun < 0) return null;
  const headerCells = items.slice(0, firstRun).flatMap((i) => (i.kind === 'label' ? i.cells : []));
  const columns: FormColumn[] = columnsOfHeader(form, textOf(headerCells));
  const n = columns.length;
  const rowHolds = rowTotalTest(form, columns);

  if (form.labelColumns === 0) return placeOneRowFlow(form, raw, items, columns, caption, warnings);
  for (const guard of GUARDS) {
    const refusal = guard.refuses(form, items);
    if (!refusal) continue;
    warnings.push(refusal);
    return { form, format: raw.format, caption: caption ?? form.caption, columns, rows: [], line: raw.line, endLine: raw.line, headerLine: raw.line, yuan: new Set(), warnings };
  }

  const assigner = new RowAssigner(form, rowHolds, n, raw.format === 'aligned', raw.line);
  for (const item of items) assigner.take(item);
  warnings.push(...assigner.warnings);
  const assigned = assigner.placed;
  if (assigned.length === 0) return null;
  // Numbers under an anchor that no label names and that do not fill one row (`申请人情况` / `1`)
  // are no table: placing them would invent a form around a stray figure.
  if (!assigner.anyNamed && assigned.reduce((sum, p) => sum + p.values.length, 0) < n) return null;
  const draft: FlowDraft = { form, format: raw.format, cut: raw.cut === true && raw.drawn !== undefined, columns, items, rows: assigned, rowHolds, warnings };
  for (const rule of FLOW_REPAIRS) if (rule.applies(draft)) rule.apply(draft);
  // Labels after the last row that are pieces of the form's labels (reading-order conversions put
  // the last rows' labels after their numbers) belong to the table.
  const tail = items.at(-1);
  if (tail?.kind === 'label' && mentions(form, tail.cells, false, assigner.currentGroup).length > 0) assigner.touch(tail.cells);

  const rows: PlacedRow[] = draft.rows.map((p) => ({
    row: p.row,
    label: p.label,
    ...(p.unit ? { unit: p.unit } : {}),
    values: p.byColumn ?? (p.values.length === n ? byColumn(p.values) : Array<Cell | null>(n).fill(null)),
    line: p.line,
    ...(p.withheld ? { withheld: true as const } : {}),
    ...(p.cutAt !== undefined ? { cutAt: p.cutAt } : {}),
  }));
  return {
    form,
    format: raw.format,
    caption: caption ?? formTitle(form, headerCells),
    columns,
    rows,
    line: caption !== null ? raw.line : startLine(form, headerCells, rows, raw.line),
    endLine: assigner.endLine,
    headerLine: headerCells[0]?.line ?? raw.line,
    yuan: yuanColumns(columns, textOf(headerCells)),
    warnings,
  };
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
