// A flow (tokens in reading order) as the placement reads it: label items and runs of values. A
// piece of a run ends at a blank line (and at a line end in aligned text).

import { isValueToken } from '../../../lexical/values.js';
import type { Cell, RawTable } from '../../types.js';

export type Item = { kind: 'label'; cells: Cell[] } | { kind: 'run'; pieces: Cell[][] };

const DASH = /^[-—–－]{1,3}$/;

/**
 * The tokens of a flow as labels and runs of values; a piece of a run ends at a blank line (and
 * at a line end in aligned text). In a form with a unit column, a dash followed by a value on its
 * line is the unit `——` of a group row, not a value.
 */
export function itemsOf(raw: RawTable, skipFirst: boolean, units: boolean): Item[] {
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

