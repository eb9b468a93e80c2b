// Rebuild an official table from a table whose rows the text drew (pipe, tab, grid): each row is
// read as label cells followed by value cells, the label is matched to the template, and the row
// is written again on the template's labels, values untouched and traced to their lines.

import { fold } from '../../parse/chars.js';
import type { TableKind } from '../classify.js';
import type { Cell, RawTable } from '../types.js';
import {
  dataRow,
  headerCells,
  labelText,
  matchRow,
  requestColumns,
  requestHeader,
  type Diagnostic,
  type LogicalRow,
  type OfficialTable,
} from './match.js';
import { PRE2019_TEMPLATE, type Pre2019Row } from './pre2019.js';
import {
  APPEALS_TEMPLATE,
  CAPTION,
  PROACTIVE_2019_WORDS,
  PROACTIVE_2021_WORDS,
  PROACTIVE_TEMPLATES,
  REQUESTS_TEMPLATE,
  type Template,
} from './templates.js';
import { isNumberText, isValueText } from './values.js';

/** The cells a reader sees: span copies dropped. */
const visible = (row: readonly Cell[]): Cell[] => row.filter((c) => !c.copy);
const numbers = (row: readonly Cell[]): number => row.filter((c) => isNumberText(c.text)).length;

/** Split a row into label cells and its last `n` value cells. */
function split(row: readonly Cell[], n: number): LogicalRow {
  const cells = visible(row);
  const values = cells.slice(Math.max(0, cells.length - n));
  const labels = cells.slice(0, Math.max(0, cells.length - n)).filter((c) => c.text !== '');
  // Dedupe labels repeated by a span that the text drew twice (tab tables have no copy flags).
  const distinct = labels.filter((c, i) => i === 0 || c.text !== labels[i - 1]!.text);
  return { labels: distinct, values };
}

function unplaced(label: string, line: number, what: string): Diagnostic {
  return { code: 'TABLE_ROW_UNMATCHED', message: `${what} row "${label}" matches no row of the official form`, line };
}

function rebuildRequests(raw: RawTable): OfficialTable | null {
  const first = raw.rows.findIndex((r) => numbers(visible(r)) >= 3);
  if (first < 0) return null;
  const headerText = raw.rows
    .slice(0, first)
    .map((r) => visible(r).map((c) => c.text).join('|'))
    .join('\n');
  const columns = requestColumns(headerText);
  const labelWidth = 3;
  const rows: Cell[][] = headerCells(requestHeader(columns), raw.line);
  const keys: Array<string | null> = rows.map(() => null);
  const warnings: Diagnostic[] = [];
  for (const r of raw.rows.slice(first)) {
    const logical = split(r, columns.length);
    // A row with a stray word in one value cell is still a data row (the cell is reported when
    // it is read); a row whose cells are mostly words is a note or a header.
    if (logical.values.length < columns.length || logical.values.filter((c) => isValueText(c.text)).length * 2 < columns.length) {
      // A note or a stray line inside the region: not a data row.
      if (logical.values.some((c) => isNumberText(c.text))) warnings.push(unplaced(labelText(visible(r)), r[0]!.line, 'requests table'));
      continue;
    }
    const last = logical.labels.at(-1)?.text ?? '';
    const row = matchRow(REQUESTS_TEMPLATE.rows, last, labelText(logical.labels), true);
    if (!row) warnings.push(unplaced(labelText(logical.labels), logical.labels[0]?.line ?? r[0]!.line, 'requests table'));
    rows.push(dataRow(row, logical, labelWidth));
    keys.push(row?.key ?? null);
  }
  return official('requests', REQUESTS_TEMPLATE, null, rows, keys, columns, raw, warnings);
}

function rebuildAppeals(raw: RawTable): OfficialTable | null {
  const want = APPEALS_TEMPLATE.columns.length;
  const data = raw.rows.find((r) => numbers(visible(r)) >= want - 3 && visible(r).length >= want);
  if (!data) return null;
  const logical = split(data, want);
  const rows = [...headerCells(APPEALS_TEMPLATE.header, raw.line), logical.values];
  const keys = [null, null, null, 'appeals'];
  return official('appeals', APPEALS_TEMPLATE, null, rows, keys, APPEALS_TEMPLATE.columns, raw, []);
}

/** The item (`（一）`…) of every 第二十条 template's caption, read once. */
const templateItems = new WeakMap<Template, string | undefined>();
function itemOf(t: Template): string | undefined {
  if (!templateItems.has(t)) templateItems.set(t, CAPTION.exec(fold(t.caption!))?.[1]);
  return templateItems.get(t);
}

/** Choose the 2019 or 2021 form of a 第二十条 sub-table from its header words or its width. */
export function proactiveTemplate(captionText: string, headerText: string, valueCount: number): Template | null {
  const item = CAPTION.exec(fold(captionText))?.[1];
  if (!item) return null;
  const candidates = PROACTIVE_TEMPLATES.filter((t) => itemOf(t) === item);
  const h = fold(headerText);
  const by2021 = PROACTIVE_2021_WORDS.test(h);
  const by2019 = PROACTIVE_2019_WORDS.test(h);
  const pick = (prefix: string): Template | undefined => candidates.find((t) => t.id.startsWith(prefix));
  if (by2021 && !by2019) return pick('2021') ?? null;
  if (by2019 && !by2021) return pick('2019') ?? null;
  return candidates.find((t) => t.columns.length === valueCount) ?? candidates[0] ?? null;
}

/** A template's column heads, folded and without their bracketed notes: made once per template. */
const templateHeads = new WeakMap<Template, string[]>();
function headsOf(template: Template): string[] {
  let heads = templateHeads.get(template);
  if (!heads) templateHeads.set(template, (heads = template.header[0]!.slice(1).map((t) => fold(t).replace(/[(（].*$/, ''))));
  return heads;
}

/** Which template column a source header cell names: the longest template head it contains. */
function columnOf(template: Template, head: string): number {
  const h = fold(head);
  let best = -1;
  let bestLen = 0;
  headsOf(template).forEach((f, i) => {
    if (h.includes(f) && f.length > bestLen) {
      best = i;
      bestLen = f.length;
    }
  });
  return best;
}

/** The 第二十条 item a sub-table is about, from its first row label, for tables drawn without captions. */
const ITEM_OF_ROW: Array<[RegExp, string]> = [
  [/规章|规范性文件/, '一'],
  [/行政许可|对外管理服务/, '五'],
  [/行政处罚|行政强制/, '六'],
  [/收费/, '八'],
  [/采购/, '九'],
];

function rebuildProactive(raw: RawTable): OfficialTable[] {
  const out: OfficialTable[] = [];
  const captionAt = (r: Cell[]): string | null => {
    const texts = [...new Set(visible(r).map((c) => c.text).filter((t) => t !== ''))];
    return texts.length === 1 && CAPTION.test(fold(texts[0]!)) ? texts[0]! : null;
  };
  if (!raw.rows.some((r) => captionAt(r) !== null)) return rebuildUncaptioned(raw);
  let i = 0;
  while (i < raw.rows.length) {
    const caption = captionAt(raw.rows[i]!);
    if (!caption) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < raw.rows.length && !captionAt(raw.rows[end]!)) end++;
    const block = raw.rows.slice(i + 1, end);
    const built = rebuildProactiveBlock(caption, raw.rows[i]![0]!.line, block);
    if (built) out.push(built);
    i = end;
  }
  return out;
}

/**
 * 第二十条 tables drawn without their caption rows: each 信息内容 header row starts a sub-table,
 * whose item the first row label tells (规章 → （一）, 行政许可 → （五）, …).
 */
function rebuildUncaptioned(raw: RawTable): OfficialTable[] {
  const isHeader = (r: Cell[]): boolean => /^信息内容/.test(fold(visible(r)[0]?.text ?? ''));
  const out: OfficialTable[] = [];
  for (let i = 0; i < raw.rows.length; i++) {
    if (!isHeader(raw.rows[i]!)) continue;
    let end = i + 1;
    while (end < raw.rows.length && !isHeader(raw.rows[end]!)) end++;
    const firstLabel = fold(visible(raw.rows[i + 1] ?? [])[0]?.text ?? '');
    const item = ITEM_OF_ROW.find(([re]) => re.test(firstLabel))?.[1];
    if (item) {
      const built = rebuildProactiveBlock(`第二十条第（${item}）项`, raw.rows[i]![0]!.line, raw.rows.slice(i, end));
      if (built) out.push(built);
    }
    i = end - 1;
  }
  return out;
}

function rebuildProactiveBlock(caption: string, captionLine: number, block: Cell[][]): OfficialTable | null {
  const headerIndex = block.findIndex((r) => numbers(visible(r)) === 0 && visible(r).some((c) => c.text !== ''));
  if (headerIndex < 0) return null;
  const header = visible(block[headerIndex]!);
  const headerText = header.map((c) => c.text).join('|');
  // Every row with a label is kept, blank values and all (an empty row is data: nothing stated).
  const dataRows = block.slice(headerIndex + 1).filter((r) => (visible(r)[0]?.text ?? '') !== '');
  const valueCount = header.slice(1).filter((c) => c.text !== '').length;
  const template = proactiveTemplate(caption, headerText, valueCount);
  if (!template) return null;
  // Where each template column's value stands in a source row.
  const positions = template.columns.map(() => -1);
  const yuanColumns: string[] = [];
  header.forEach((c, i) => {
    if (i === 0 || c.text === '') return;
    const col = columnOf(template, c.text);
    if (col >= 0 && positions[col] === -1) {
      positions[col] = i;
      if (/元/.test(c.text) && !/万元/.test(c.text)) yuanColumns.push(template.columns[col]!);
    }
  });
  const rows: Cell[][] = [[{ text: caption, line: captionLine }, ...template.columns.map(() => ({ text: caption, line: captionLine }))]];
  rows.push(...headerCells(template.header, header[0]?.line ?? captionLine));
  const keys: Array<string | null> = [null, null];
  const warnings: Diagnostic[] = [];
  for (const r of dataRows) {
    const cells = visible(r);
    const label = cells[0]!;
    const values = positions.map((p) => (p >= 0 && cells[p] ? { ...cells[p]! } : { text: '', line: label.line }));
    const row = matchRow(template.rows, label.text, label.text, false);
    if (!row) warnings.push(unplaced(label.text, label.line, `${caption}`));
    rows.push(dataRow(row, { labels: [label], values }, 1));
    keys.push(row?.key ?? null);
  }
  const line = captionLine;
  const endLine = Math.max(line, ...rows.flat().map((c) => c.line));
  return { kind: 'proactive', template, caption, rows, keys, columns: template.columns, line, endLine, warnings, ...(yuanColumns.length > 0 ? { yuanColumns } : {}) };
}

function rebuildPre2019(raw: RawTable): OfficialTable | null {
  const headerIndex = raw.rows.findIndex((r) => /统计指标/.test(fold(labelText(visible(r)))));
  if (headerIndex < 0) return null;
  const captionRow = raw.rows.slice(0, headerIndex).find((r) => /统计表/.test(labelText(visible(r))));
  const caption = captionRow ? visible(captionRow).find((c) => c.text !== '')!.text : null;
  const rows: Cell[][] = headerCells(PRE2019_TEMPLATE.header, raw.rows[headerIndex]![0]!.line);
  const keys: Array<string | null> = [null];
  const warnings: Diagnostic[] = [];
  let topGroup = '';
  for (const r of raw.rows.slice(headerIndex + 1)) {
    const cells = visible(r);
    const label = cells[0]!;
    const value = cells.length >= 3 ? cells[cells.length - 1]! : { text: '', line: label.line };
    const unit = cells.length >= 3 ? cells[1]! : { text: '', line: label.line };
    const f = fold(label.text);
    if (/^[一二三四五六七八九十]+、/.test(f)) topGroup = f;
    const row = (PRE2019_TEMPLATE.rows as Pre2019Row[]).find((t) => t.match.test(f) && (!t.within || t.within.test(topGroup))) ?? null;
    if (!row && isNumberText(value.text)) warnings.push(unplaced(label.text, label.line, 'statistics form'));
    const labelCell = row ? { text: row.labels[0]!, line: label.line } : label;
    rows.push([labelCell, unit, value]);
    keys.push(row && row.key !== '' ? row.key : null);
  }
  return official('pre2019', PRE2019_TEMPLATE, caption, rows, keys, PRE2019_TEMPLATE.columns, raw, warnings);
}

function official(
  kind: TableKind,
  template: Template,
  caption: string | null,
  rows: Cell[][],
  keys: Array<string | null>,
  columns: string[],
  raw: RawTable,
  warnings: Diagnostic[],
): OfficialTable {
  return { kind, template, caption, rows, keys, columns, line: raw.line, endLine: raw.endLine, warnings };
}

/** Rebuild a drawn table of a known kind; null when it does not fit the official form. */
export function rebuildRows(raw: RawTable, kind: TableKind): OfficialTable[] | null {
  switch (kind) {
    case 'requests': {
      const t = rebuildRequests(raw);
      return t ? [t] : null;
    }
    case 'appeals': {
      const t = rebuildAppeals(raw);
      return t ? [t] : null;
    }
    case 'proactive': {
      const ts = rebuildProactive(raw);
      return ts.length > 0 ? ts : null;
    }
    case 'pre2019': {
      const t = rebuildPre2019(raw);
      return t ? [t] : null;
    }
    default:
      return null;
  }
}
