// One path from any raw table to the official forms: find which form(s) the table is (by the
// forms' own signature words), cut it where a 第二十条 run holds several sub-tables, and place
// each part with the reader for its kind of raw table (grid.ts for grids, flow.ts for flows).

import { labelKey } from '../../forms/match.js';
import { FORMS_BY_SIGNATURE, itemOfRow, proactiveFormOf } from '../../forms/index.js';
import type { Form, TableKind } from '../../forms/types.js';
import { anchorOfText, captionItemOf } from '../anchors.js';
import type { Cell, RawTable } from '../types.js';
import { isValueToken } from '../../lexical/values.js';
import { placeFlow } from './flow/index.js';
import { placeGridBlock, visible, type GridBlock } from './grid/index.js';
import type { PlacedTable } from './types.js';

export interface Placement {
  /** The official tables the raw table holds (several for a 第二十条 run). */
  placed: PlacedTable[];
  /** What the table looked like when nothing could be placed: a kind means it names an official table but does not fit. */
  kind: TableKind;
}

/** Rows read to tell a table's form: the signature words stand in its header or first rows. */
const SIGNATURE_ROWS = 40;

/** The kind of form a grid is, from its first rows' words. */
function formOfGrid(raw: RawTable): Form | null {
  const text = labelKey(
    raw.rows
      .slice(0, SIGNATURE_ROWS)
      .map((r) => visible(r).map((c) => c.text).join('|'))
      .join('\n'),
  );
  for (const form of FORMS_BY_SIGNATURE) if (form.signature.test(text)) return form;
  return null;
}

/** The 第二十条 item of a row that is a caption (one distinct text across the row), or null. */
function captionOf(row: readonly Cell[]): { text: string; item: string; line: number } | null {
  const texts = new Set<string>();
  for (const c of row) if (c.text !== '') texts.add(c.text);
  if (texts.size !== 1) return null;
  const text = [...texts][0]!;
  const item = captionItemOf(text);
  return item ? { text, item, line: row.find((c) => c.text !== '')!.line } : null;
}

const isItemHeader = (row: readonly Cell[]): boolean => /^信息内容/.test(labelKey(visible(row)[0]?.text ?? ''));

/** Cut a 第二十条 grid into its sub-tables: at every caption row, or at every 信息内容 header where there are no captions. */
function proactiveBlocks(raw: RawTable): Array<GridBlock & { item: string }> {
  const blocks: Array<GridBlock & { item: string }> = [];
  const captions = raw.rows.map(captionOf);
  if (captions.some((c) => c !== null)) {
    for (let i = 0; i < raw.rows.length; i++) {
      const cap = captions[i];
      if (!cap) continue;
      let end = i + 1;
      while (end < raw.rows.length && !captions[end]) end++;
      blocks.push({ rows: raw.rows.slice(i + 1, end), format: raw.format, caption: cap.text, captionLine: cap.line, item: cap.item });
      i = end - 1;
    }
    return blocks;
  }
  for (let i = 0; i < raw.rows.length; i++) {
    if (!isItemHeader(raw.rows[i]!)) continue;
    let end = i + 1;
    while (end < raw.rows.length && !isItemHeader(raw.rows[end]!)) end++;
    const first = labelKey(visible(raw.rows[i + 1] ?? [])[0]?.text ?? '');
    const item = itemOfRow(first);
    if (item) blocks.push({ rows: raw.rows.slice(i, end), format: raw.format, caption: `第二十条第（${item}）项`, captionLine: raw.rows[i]![0]!.line, item });
    i = end - 1;
  }
  return blocks;
}

/** How many values the first row with values holds. */
function firstRowValues(rows: readonly Cell[][]): number {
  for (const r of rows) {
    const n = r.filter((c) => !c.copy && isValueToken(c.text)).length;
    if (n > 0) return n;
  }
  return 0;
}

function placeGrid(raw: RawTable): Placement {
  const form = formOfGrid(raw);
  if (!form) return { placed: [], kind: 'other' };
  if (form.kind !== 'proactive') {
    // A form's title printed as a row of the table (`政府信息公开情况统计表`) is its caption.
    const title = form.caption ? labelKey(form.caption) : null;
    const captionCell = title ? raw.rows.slice(0, 3).flat().find((c) => c.text !== '' && labelKey(c.text).includes(title)) : undefined;
    const t = placeGridBlock(form, { rows: raw.rows, format: raw.format, caption: captionCell?.text ?? null, captionLine: raw.line });
    return { placed: t ? [t] : [], kind: form.kind };
  }
  const placed: PlacedTable[] = [];
  for (const block of proactiveBlocks(raw)) {
    const headerText = block.rows
      .slice(0, 3)
      .map((r) => visible(r).map((c) => c.text).join('|'))
      .join('\n');
    const f = proactiveFormOf(block.item, labelKey(headerText), firstRowValues(block.rows));
    const t = f ? placeGridBlock(f, block) : null;
    if (t) placed.push(t);
  }
  return { placed, kind: 'proactive' };
}

function placeFlowTable(raw: RawTable): Placement {
  const first = raw.rows[0]!.map((c) => c.text).join(' ');
  const anchor = anchorOfText(first);
  if (!anchor) return { placed: [], kind: 'other' };
  let form: Form | null = null;
  let caption: string | null = null;
  if (anchor.kind === 'caption') {
    caption = raw.rows[0]!.map((c) => c.text).join('');
    const header = raw.rows
      .slice(1, 12)
      .flat()
      .map((c) => c.text)
      .join('');
    form = proactiveFormOf(anchor.item, labelKey(header), firstRowValues(raw.rows.slice(1)));
  } else form = anchor.form;
  const t = form ? placeFlow(form, raw, caption) : null;
  return { placed: t ? [t] : [], kind: form?.kind ?? 'other' };
}

/** Place a raw table onto the official forms. */
export function placeTable(raw: RawTable): Placement {
  return raw.flow ? placeFlowTable(raw) : placeGrid(raw);
}
