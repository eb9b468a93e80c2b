// Shared pieces of rebuilding an official table: the logical row (a label and its value cells),
// choosing the template row a label belongs to, the requests table's column variant, and
// building the rebuilt grid.

import { fold } from '../../parse/chars.js';
import type { Cell } from '../types.js';
import type { TableKind } from '../classify.js';
import { APPLICANT_COLUMNS, APPLICANT_LABELS, REQUESTS_NOTE, type Template, type TemplateRow } from './templates.js';

export interface LogicalRow {
  /** Label cells (or fragments), left to right, without span copies and blanks. */
  labels: Cell[];
  values: Cell[];
}

export interface Diagnostic {
  code: string;
  message: string;
  line: number | null;
}

/** An official table rebuilt on its template: what the normalizer reads. */
export interface OfficialTable {
  kind: TableKind;
  template: Template;
  caption: string | null;
  /** Header rows then data rows, every row as wide as the header. */
  rows: Cell[][];
  /** For every row, the template key of a data row; null for header rows and unplaced rows. */
  keys: Array<string | null>;
  /** Keys of the value columns (the last `columns.length` cells of a data row). */
  columns: string[];
  line: number;
  endLine: number;
  warnings: Diagnostic[];
  /** Value columns whose header gives the money in 元 (`采购总金额（元）`): plain numbers there are 元. */
  yuanColumns?: string[];
}

/**
 * The template row a label belongs to. `last` is the most specific label cell (the sub-row label
 * in a grid), `all` every label cell joined. Optional subtotal rows are only considered when
 * `allowOptional` (a clean label from a real cell, not a fragment stream).
 */
export function matchRow(rows: readonly TemplateRow[], last: string, all: string, allowOptional: boolean): TemplateRow | null {
  const a = fold(last);
  const b = fold(all);
  for (const row of rows) {
    if (row.optional && !allowOptional) continue;
    if (row.match.test(a)) return row;
  }
  for (const row of rows) {
    if (row.optional) continue;
    if (row.match.test(b)) return row;
  }
  return null;
}

/**
 * The value columns of a requests table as the report orders them. The official form has
 * 自然人, five 法人或其他组织 columns and 总计; some reports add a 小计 column after the five,
 * and a few put 总计 first.
 */
export function requestColumns(headerText: string): string[] {
  const h = fold(headerText);
  const columns = [...APPLICANT_COLUMNS];
  if (/小计/.test(h)) columns.splice(columns.indexOf('total'), 0, 'orgSubtotal');
  const total = h.indexOf('总计');
  const person = h.indexOf('自然人');
  if (total >= 0 && person >= 0 && total < person) {
    columns.splice(columns.indexOf('total'), 1);
    columns.unshift('total');
  }
  return columns;
}

/** The three header rows of the rebuilt requests table for the given columns. */
export function requestHeader(columns: readonly string[]): string[][] {
  const note = [REQUESTS_NOTE, REQUESTS_NOTE, REQUESTS_NOTE];
  const groupOf = (c: string): string => (c === 'naturalPerson' || c === 'total' ? APPLICANT_LABELS[c]! : '法人或其他组织');
  return [
    [...note, ...columns.map(() => '申请人情况')],
    [...note, ...columns.map(groupOf)],
    [...note, ...columns.map((c) => APPLICANT_LABELS[c]!)],
  ];
}

/** Header cells anchored at a line. */
export function headerCells(header: readonly string[][], line: number): Cell[][] {
  return header.map((r) => r.map((text) => ({ text, line })));
}

/** A data row on the template's labels, padded to `labelWidth` label cells. */
export function dataRow(row: TemplateRow | null, logical: LogicalRow, labelWidth: number): Cell[] {
  const line = logical.labels[0]?.line ?? logical.values[0]?.line ?? 0;
  let labels: Cell[];
  if (row) labels = row.labels.map((text) => ({ text, line }));
  else labels = logical.labels.length > 0 ? logical.labels.map((c) => ({ ...c })) : [{ text: '', line }];
  while (labels.length < labelWidth) labels.push({ ...labels[labels.length - 1]! });
  return [...labels.slice(0, labelWidth), ...logical.values];
}

export function labelText(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('');
}
