// Which row of the form each run of a flow's values is. The label read before a run names its
// row; a run without a usable label takes the next row in the form's order; a long run is several
// rows, a column block is read across (segments.ts). What the walk keeps as it goes is the state
// of a RowAssigner: the next row expected, the label read since the last run, the group it
// stands in, the layout's marks of the rows placed so far, and whether any label named a row.

import type { Diagnostic } from '../../../diagnostics.js';
import type { Form, FormRow } from '../../../forms/types.js';
import { isUnit } from '../../../lexical/values.js';
import type { Cell } from '../../types.js';
import { unmatched } from '../common.js';
import type { Item } from './items.js';
import { groupOf, mentions, textOf } from './mentions.js';
import { segmentsOfRun } from './segments.js';

/** A form row with the values a run gave it, in reading order (fewer than the columns where blanks were dropped). */
export interface Assigned {
  row: FormRow | null;
  label: string;
  unit?: Cell;
  values: Cell[];
  line: number;
  /** Values read but not placed (their columns are unknown): unknown, not blank. */
  withheld?: true;
}

/** What the unit column of the pre-2019 forms prints: a unit, or `——` on a group row. */
const isUnitCell = (text: string): boolean => isUnit(text) || text === '——' || text === '—';

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

export class RowAssigner {
  readonly placed: Assigned[] = [];
  readonly warnings: Diagnostic[] = [];
  /** A label named a row of the form (numbers under an anchor that none names are no table). */
  anyNamed = false;
  /** The last line a label or value of the table stands on. */
  endLine: number;
  /** The form row expected next (an index into form.rows). */
  private expected = 0;
  /** The label cells read since the last run. */
  private before: Cell[] = [];
  /** A run was placed: labels read before the first run also hold the header. */
  private seenRun = false;
  /** The top-level group the labels stand in (rows whose key phrase occurs in several groups). */
  private group = '';
  /** The layouts whose own rows were placed (（六） in one row or three). */
  private readonly marks = new Set<string>();

  constructor(
    private readonly form: Form,
    /** The values of a full row keep the form's row total: how a flat run's phase is found. */
    private readonly rowHolds: (values: readonly Cell[]) => boolean | null,
    private readonly n: number,
    private readonly aligned: boolean,
    start: number,
  ) {
    this.endLine = start;
  }

  /** The group the labels stand in after the last item. */
  get currentGroup(): string {
    return this.group;
  }

  take(item: Item): void {
    if (item.kind === 'label') {
      this.before = item.cells;
      this.group = groupOf(item.cells, this.group);
      return;
    }
    const { form } = this;
    let unit: Cell | undefined;
    let labelCells = this.before;
    if (form.labelColumns === 2 && labelCells.length > 1 && isUnitCell(labelCells.at(-1)!.text)) {
      unit = labelCells.at(-1);
      labelCells = labelCells.slice(0, -1);
    }
    const segments = segmentsOfRun(item.pieces, this.n, this.aligned, this.rowHolds);
    if (this.takeListed(labelCells, segments)) return this.afterRun();
    segments.forEach((segment, s) => {
      const own = s === 0 ? labelCells : [];
      const label = textOf(own);
      let named = -1;
      let from = 0;
      if (own.length > 0) {
        const hits = mentions(form, own, !this.seenRun, this.group).filter((m) => m.index >= this.expected && this.allowed(form.rows[m.index]!));
        if (hits.length > 0) {
          named = hits.at(-1)!.index;
          this.anyNamed = true;
          // Before the first row, the label read since the anchor holds the header too: the row's own label starts at its name.
          if (!this.seenRun) from = hits.at(-1)!.cell;
        }
      }
      // The form rows of the segment: a label names the first row of a line or flat segment,
      // and the last row of a column block (reading order puts the block's labels around it).
      const indexes = rowsFor(form, this.expected, named, segment.rows.length, segment.block, this.marks);
      segment.rows.forEach((values, k) => {
        const index = indexes[k] ?? -1;
        if (index < 0) {
          if (values.some((v) => !v.empty)) this.warnings.push(unmatched(label || values.map((v) => v.text).join(' '), values[0]!.line, form));
          return;
        }
        if (index !== named && this.seenRun && (label !== '' || segment.block)) {
          const why = segment.block ? 'a table read column by column' : `row "${label}"`;
          this.warnings.push({ code: 'TABLE_ROW_BY_POSITION', message: `${why}: values ${values.map((v) => v.text).join(' ')} placed as "${form.rows[index]!.labels.at(-1)}" by the form's row order`, line: values[0]!.line });
        }
        this.expected = index + 1;
        const row = form.rows[index]!;
        if (row.marks) this.marks.add(row.marks);
        const mine = k === 0 ? own.slice(from) : [];
        this.touch(mine);
        this.touch(values);
        this.placed.push({ row, label: textOf(mine) || row.labels.at(-1)!, ...(unit && k === 0 && s === 0 ? { unit } : {}), values, line: mine[0]?.line ?? values[0]!.line });
      });
    });
    this.afterRun();
  }

  private afterRun(): void {
    this.seenRun = true;
    this.before = [];
  }

  /**
   * Labels listed before their values (pdfminer and other reading-order text print a table's row
   * labels as one block, then its numbers: `行政处罚` / `行政强制` / `4119` / `195`): where the label
   * read before a run names two or more rows (no subtotal or group row) in the form's order and the
   * run holds exactly as many whole rows' values, those rows take them. With one column the order
   * is plain; with several, the text may run row by row or column by column (pdfminer prints
   * `0 0 0 5 0 5` for 规章 0 0 0 and 规范性文件 0 5 5), and only the form's row sums can tell: the
   * one reading under which every row keeps them is taken, and where neither or both do, the rows'
   * values are withheld. Returns whether the run was taken so.
   */
  private takeListed(labelCells: readonly Cell[], segments: ReadonlyArray<{ rows: Cell[][]; block: boolean }>): boolean {
    const { form, n } = this;
    if (labelCells.length < 2 || segments.some((s) => s.block)) return false;
    const hits = mentions(form, labelCells, !this.seenRun, this.group).filter((m) => m.index >= this.expected && fillable(form, m.index, this.marks));
    const byRow = segments.flatMap((s) => s.rows);
    // Every row whole: a run cut short (an excerpt's end, a dropped blank) is no list of rows.
    if (hits.length < 2 || hits.length !== byRow.length || byRow.some((r) => r.length !== n)) return false;
    for (let i = 1; i < hits.length; i++) if (hits[i]!.index <= hits[i - 1]!.index || hits[i]!.cell === hits[i - 1]!.cell) return false;
    const cells = byRow.flat();
    const byColumn = hits.map((_, r) => Array.from({ length: n }, (_, c) => cells[c * hits.length + r]!));
    const keeps = (rows: Cell[][]): boolean => rows.every((r) => this.rowHolds(r) === true);
    const rows = n === 1 ? byRow : keeps(byRow) && !keeps(byColumn) ? byRow : keeps(byColumn) && !keeps(byRow) ? byColumn : null;
    this.anyNamed = true;
    hits.forEach((m, k) => {
      const row = form.rows[m.index]!;
      const own = labelCells.filter((_, i) => i >= m.cell && (k + 1 === hits.length || i < hits[k + 1]!.cell));
      this.touch(own);
      this.touch(byRow[k]!);
      if (row.marks) this.marks.add(row.marks);
      this.expected = m.index + 1;
      const label = textOf(own) || row.labels.at(-1)!;
      if (rows) this.placed.push({ row, label, values: rows[k]!, line: own[0]?.line ?? byRow[k]![0]!.line });
      else this.placed.push({ row, label, values: [], line: own[0]?.line ?? byRow[k]![0]!.line, withheld: true });
    });
    if (!rows) {
      this.warnings.push({
        code: 'TABLE_MISALIGNED',
        message: `rows ${hits.map((m) => `"${form.rows[m.index]!.labels.at(-1)}"`).join(', ')}: their labels are listed before their values (${cells.map((c) => c.text).join(' ')}), which the text may give row by row or column by column and the table's sums do not tell; left out`,
        line: cells[0]!.line,
      });
    }
    return true;
  }

  /** A row of the layout of the rows placed so far, or of either. */
  private allowed(row: FormRow): boolean {
    return !row.marks || this.marks.size === 0 || this.marks.has(row.marks);
  }

  touch(cells: readonly Cell[]): void {
    for (const c of cells) this.endLine = Math.max(this.endLine, c.line);
  }
}
