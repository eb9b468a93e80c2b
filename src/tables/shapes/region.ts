// Where the region of a table read from its anchor ends (tables/anchors.ts): at the report's next
// outline heading, a sentence of prose, a table the text draws with delimiters of its own, or
// another table's anchor. Shared by the readers that have no delimiter to end them: the flow
// (flow.ts) and one cell a line ended by a pipe (pipe-cells.ts).

import { charCount } from '../../lexical/chars.js';
import { LINE, type SourceLine } from '../../parse/lines.js';
import { anchorOf, isOutlineHeading, type Anchor } from '../anchors.js';

/** The longest region a table may have, in lines (the requests table one cell a line: ~250). */
export const MAX_REGION_LINES = 600;
/** A sentence: a table cell is never this long and finished with `。`. */
const MIN_PROSE_CHARS = 40;

function isProse(line: SourceLine): boolean {
  return line.text.includes('。') && charCount(line.text) >= MIN_PROSE_CHARS;
}

/**
 * Does a line end the region of a table that started with `anchor`? `pipes`: the table is drawn
 * one cell a line with pipes (pipe-cells.ts), whose own lines (`|||`, `申请人情况 | ||||||`) are
 * no other table.
 */
export function endsRegion(line: SourceLine, anchor: Anchor, sawValues: boolean, pipes = false): boolean {
  if (isOutlineHeading(line.text) || isProse(line)) return true;
  // A table the text draws (a grid, HTML, pipe or tab-separated rows) is read by its own shape.
  if (line.flags & (LINE.TOP_BORDER | LINE.HTML_TABLE | LINE.TAB_INNER)) return true;
  if (!pipes && line.flags & LINE.PIPE && line.raw.split('|').length > 3) return true;
  const other = anchorOf(line);
  if (!other) return false;
  // A caption ends any table; another table's header ends this one once it has numbers.
  if (other.kind === 'caption') return true;
  if (anchor.kind === 'form' && other.form === anchor.form) return sawValues && !other.row;
  return true;
}
