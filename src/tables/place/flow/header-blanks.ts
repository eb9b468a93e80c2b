// Empty cells in a flow's header: a table written one cell a line with its empty cells kept
// (pipe-cells.ts: ` |`, a lone `|` before another) writes the header's too (the corner, the cell
// under 总计), where they would read as a row of blank values.

import type { Form } from '../../../forms/types.js';
import type { Item } from './items.js';
import { mentions } from './mentions.js';

const isBlankRun = (item: Item): boolean => item.kind === 'run' && item.pieces.every((p) => p.every((c) => c.empty === true));

/**
 * The items without the runs of empty cells that stand in the header: before the first run with
 * a value, after labels that name no row of the form. A run of empty cells after a row's label
 * is that row's blank cells and stays. The labels on both sides of a dropped run are one item again.
 */
export function dropHeaderBlanks(form: Form, items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let valued = false;
  for (const item of items) {
    if (item.kind === 'run' && !isBlankRun(item)) valued = true;
    const last = out.at(-1);
    if (!valued && isBlankRun(item) && !(last?.kind === 'label' && mentions(form, last.cells, true, '').length > 0)) continue;
    if (item.kind === 'label' && last?.kind === 'label') out[out.length - 1] = { kind: 'label', cells: [...last.cells, ...item.cells] };
    else out.push(item);
  }
  return out;
}
