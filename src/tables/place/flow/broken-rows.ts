// One cell a line, a row's values may be cut by the rest of its wrapped label: the pieces are
// joined back into one row.

import type { Form } from '../../../forms/types.js';
import type { Cell } from '../../types.js';
import type { Item } from './items.js';
import { mentions } from './mentions.js';

/**
 * One cell a line, a row's values may be cut by the rest of its wrapped label:
 *   5.要求行政机关确认或重新出具 / 0 / 已获取信息 / 0 0 0 0 0 0
 * A short run, a label that names no row, and a run that completes it to the form's width are
 * one row.
 */
export function joinBrokenRows(form: Form, items: Item[], aligned: boolean): Item[] {
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

