// The shape of one official statistics form (shared/spec/formats.md) as data: what the parser
// needs to recognise a table of that form in any drawing, rebuild it on the form's own labels,
// map its cells onto the canonical statistics, and check the arithmetic the form demands.
//
// A form is a grid: value columns (`columns`) across, data rows (`rows`) down. A cell's canonical
// path is `base.row.column` with empty parts left out:
//   requests   base `requests`   row `outcomes.granted`   column `naturalPerson`
//   appeals    base `appeals`    row ``                   column `review.upheld`
//   pre2019    base ``           row `requests.received.total`   column ``
// Patterns run on folded text (parse/fold.ts: half-width, simplified, no spaces, one kind of quote,
// `，` = `、`) and look for a key phrase, not the whole label, so that wrapped, abbreviated and
// renumbered labels still match.

import type { Layout, TableKind } from '../schema.js';
import type { StatisticsPath } from '../statistics.js';

/** The kinds of table and the layouts are the record's (schema.ts), not a second list. */
export type { TableKind };
/** A layout a form belongs to: a record's layout but `unknown`. */
export type FormLayout = Exclude<Layout, 'unknown'>;

export interface FormColumn {
  /** Key of the column in the canonical model (`naturalPerson`, `issued`, `review.total`); `` for a form with one value column. */
  key: string;
  /** The official header label of the column. */
  label: string;
  /**
   * Recognises the column from its header text: every pattern must match one of the folded
   * header cells above the column, top to bottom (`行政复议` then `结果维持` for `review.upheld`).
   */
  match: readonly RegExp[];
  /** Header cells above `label` in the rebuilt grid (spanning group headers), top to bottom. */
  groups?: readonly string[];
  /** Money in 万元 (`本年收费金额`, `采购总金额`): decimals allowed, 元 converted. */
  money?: boolean;
  /** May be negative (`本年增/减`). */
  signed?: boolean;
  /** A column some reports add to the official form (法人或其他组织 `小计`). */
  optional?: boolean;
  /** Stays in the rebuilt table but is no statistic of the year (Fujian 历年累计). */
  tableOnly?: boolean;
  /** Some reports print this column first (总计 before 自然人): it leads where the header names it before the form's first column. */
  mayLead?: boolean;
}

export interface FormRow {
  /** Path of the row relative to the form's base (`` for the appeals table's one row). */
  key: string;
  /** The official label cells of the row, left to right (spanning labels repeated). */
  labels: readonly string[];
  /** Recognises the row from its folded label text. */
  match: RegExp;
  /** A subtotal row the official form does not print; recognised only on a clean label. */
  optional?: boolean;
  /** A group row of the pre-2019 form (`——` as unit): its value is no total and is never checked. */
  group?: boolean;
  /** A row with no canonical slot (it merges two national rows, or has none): kept in the table only. */
  tableOnly?: boolean;
  /** The unit column of the pre-2019 forms. */
  unit?: string;
  /** The group (a top-level label) the row must stand in, where its key phrase occurs in several. */
  within?: RegExp;
  /** A row only one layout has: its presence tells the layout (（六） in one row or three). */
  marks?: FormLayout;
  /**
   * The statistics group whose parts this row's label heads, where no path says so: a group row of
   * the pre-2019 form (`一、主动公开情况` heads `proactive`), or a total printed above its parts
   * (`（二）申请办结数` heads `requests.completed`). The wording of that group (forms/labels.ts).
   */
  heads?: string;
}

/** A cell of the form: a row key and a column key. */
export interface Ref {
  row: string;
  col: string;
}

/**
 * A linear relation between cells: Σ left = Σ right. In a `total` relation, `left` is one total
 * and `right` its parts; a blank total is never filled in from its parts, and the parts of a
 * printed total that equals the sum of the printed parts are proved to be 0 (canonical-model.md,
 * "Blank cells that the table proves to be zero").
 */
export interface Relation {
  /** The check's rule name (`requests.rowTotal`); SOFT relations use `soft`. */
  rule: string;
  kind: 'total' | 'balance' | 'atMost';
  left: readonly Ref[];
  right: readonly Ref[];
  /**
   * Run only when, for every group in `present`, at least one of its cells is stated, and none of
   * the cells in `absent` is (the form's variants: a 小计 column, （六） in one row or three).
   */
  when?: { present?: ReadonlyArray<readonly Ref[]>; absent?: readonly Ref[] };
  /** The check's `column` and `path` fields, and what the relation says, for its message. */
  column?: string;
  path?: string;
  what: string;
}

/** A relation between two consecutive years of one agency (the panel). */
export type CrossYear =
  | { rule: 'panel.carryOver'; kind: 'carry'; current: string; previous: string }
  | { rule: 'panel.inForce'; kind: 'stock'; stock: string; inflow: string; outflow: string };

export interface Form {
  id: string;
  kind: Exclude<TableKind, 'other'>;
  /** The layout whose wording this form is; null when the 2019 and 2021 forms share it. */
  layout: FormLayout | null;
  /** The caption the form is printed under (`第二十条第（一）项`), or null. */
  caption: string | null;
  /** The heading of the report's part the form's table stands in (`三、收到和处理政府信息公开申请情况`): the wording of the statistics group `base`. */
  part?: string;
  /** The 第二十条 item a proactive form is (`一`, `五` …): its caption's numeral. */
  item?: string;
  /** A province's own form (Fujian's 统计表): read like the national ones, but its wording is not the official label of a statistic. */
  regional?: true;
  /** Words (folded) that tell a table of this form among a report's tables. */
  signature: RegExp;
  /** Statistics path prefix of every cell. */
  base: string;
  /** How many label columns the rebuilt grid has. */
  labelColumns: number;
  /** Header rows of the rebuilt grid over the label columns (the value columns bring their own). */
  corner: readonly string[];
  columns: readonly FormColumn[];
  rows: readonly FormRow[];
  relations: readonly Relation[];
  crossYear?: readonly CrossYear[];
  /**
   * Where the text draws no table (one cell per line, aligned columns), the line that starts a table
   * of this form: `line`, its header's first line (folded); `row`, a body row that starts it when
   * the header is not in the text (it must carry its numbers); `hints`, characters, simplified and
   * traditional, one of which every such line holds: the line index (parse/lines.ts) flags lines by
   * them, so the patterns run on few lines. The 第二十条 items start at their caption instead.
   */
  anchor?: { line: RegExp; row?: RegExp; hints: string };
  /**
   * Totals a report states in its prose that the form splits into cells (行政诉讼N件 = 未经复议直接
   * 起诉 + 复议后起诉): the prose figure is checked against the cells' sum, and where it equals the
   * printed cells, a blank one among them is proved 0.
   */
  statedSums?: ReadonlyArray<{ path: StatisticsPath; parts: readonly Ref[] }>;
  /**
   * Statistics a table of this form states in full, by path prefix: where the table is there,
   * prose figures under these paths are not taken (a sentence restates the table, or a part of it).
   */
  covers?: readonly string[];
  /**
   * Statistics of the contract among this form's that the form prints no cell for, with the words
   * a column of them is labelled by (forms/labels.ts): what they count, in the form's own style.
   */
  unprinted?: ReadonlyArray<{ path: StatisticsPath; label: string }>;
}

/** `a.b` of two path parts as a type, an empty part left out (joinKey's type). */
export type JoinPath<A extends string, B extends string> = A extends '' ? B : B extends '' ? A : `${A}.${B}`;
/** The statistics paths of a form's cells: base × row keys × column keys. */
export type CellPaths<Base extends string, Row extends string, Col extends string> = JoinPath<JoinPath<Base, Row>, Col>;
/**
 * Compiles only when every path given is a statistics path of the contract: each form module
 * names its cells' paths with it, so that a wrong row or column key fails to compile.
 */
export type StatisticsPaths<T extends StatisticsPath> = T;

/** `a.b.c` from parts, empty parts left out. */
export function joinKey(...parts: string[]): string {
  let out = '';
  for (const p of parts) if (p !== '') out = out === '' ? p : `${out}.${p}`;
  return out;
}

/** The canonical statistics path of a cell of a form. */
export function pathOf(form: Form, ref: Ref): string {
  return joinKey(form.base, ref.row, ref.col);
}
