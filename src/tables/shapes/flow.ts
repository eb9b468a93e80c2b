// Official tables drawn without any delimiter: columns aligned with spaces (`pdftotext -layout`,
// `w3m -dump` without borders, Lynx), one cell per line (LibreOffice and docx2txt text, `mutool`,
// `pdftotext` in reading order), or `label n n n n n n n` rows (`pdftotext -raw`). Nothing marks
// where a row ends, so this reader only collects the tokens of the table's region, with the line
// and display column of each, from the anchor line (tables/anchors.ts) to the end of the region;
// the placement (place/flow.ts) reads the rows through the form.
//
//   一、本年新收政府信息公开申请数量        3001   53   0   0   61   4   3119
//   三、                                                                          ← a vertical
//   本       2.其他法律行政法规禁止公开    30     1   0   0    0   0     31          group label

import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import { anchorOf } from '../anchors.js';
import { isNumeric, isUnit } from '../../lexical/values.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { LINES_PER_SEPARATED_CELL, SeparatedCells } from './separated-cells.js';
import { charWidth } from './width.js';
import { isPipeCells, readPipeCells } from './pipe-cells.js';
import { endsRegion, MAX_REGION_LINES } from './region.js';

/** The year word of a header (`2017 年度`): like a unit written apart (`251000 元`), it belongs to the number before it. */
const YEAR_WORD = /^年度?$/;

/** The tokens of a line with their display columns; a line of spaces only is one empty cell. */
export function tokensOf(line: SourceLine): Cell[] {
  if (line.flags & LINE.FILLER) return [{ text: '', line: line.no, empty: true }];
  const out: Cell[] = [];
  const raw = line.raw;
  let x = 0;
  let start = -1;
  let startX = 0;
  // The run of white space since the last token: how many NBSPs, and whether it was NBSPs only.
  let nbsp = 0;
  let onlyNbsp = true;
  const flush = (i: number): void => {
    if (start < 0) return;
    const text = cleanText(raw.slice(start, i));
    if (text !== '') {
      const prev = out.at(-1);
      if (prev && (isUnit(text) || YEAR_WORD.test(text)) && isNumeric(prev.text) && startX - prev.end! <= 1) {
        prev.text += text;
        prev.end = x;
      } else out.push({ text, line: line.no, x: startX, end: x, ...(prev && nbspRun(nbsp, onlyNbsp)) });
      nbsp = 0;
      onlyNbsp = true;
    }
    start = -1;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x0c;
    if (space) {
      flush(i);
      if (c === 0xa0) nbsp++;
      else onlyNbsp = false;
    } else if (start < 0) {
      start = i;
      startX = x;
    }
    x += c === 9 ? 8 - (x % 8) : c >= 0xd800 && c <= 0xdbff ? 0 : charWidth(c);
  }
  flush(raw.length);
  const last = out.at(-1);
  if (last && nbsp > 0 && onlyNbsp) last.nbspAfter = nbsp;
  return out;
}

/** A run of white space of NBSPs only, as the `nbspBefore` of the token after it. */
function nbspRun(nbsp: number, only: boolean): { nbspBefore: number } | undefined {
  return nbsp > 0 && only ? { nbspBefore: nbsp } : undefined;
}

export const flowShape: TableShape = {
  name: 'flow',
  triggers: LINE.ANCHOR_HINT,
  detect(lines, at) {
    return anchorOf(lines[at]!) !== null;
  },
  read(lines, at) {
    const anchor = anchorOf(lines[at]!)!;
    if (isPipeCells(lines, at)) {
      const cells = readPipeCells(lines, at, anchor);
      if (!cells.sawValues && cells.rows.length < 3) return { table: null, next: at + 1 };
      const drawn = [lines[cells.first]!.no, lines[cells.last]!.no] as const;
      const table: RawTable = { format: 'pipe', line: lines[at]!.no, endLine: drawn[1], rows: cells.rows, flow: true, drawn, ...(cells.cut ? { cut: true } : {}) };
      return { table, next: cells.last + 1 };
    }
    const rows: Cell[][] = [tokensOf(lines[at]!)];
    let sawValues = false;
    let aligned = false;
    let last = at;
    const separated = new SeparatedCells(rows, lines, at);
    for (let i = at + 1; i < lines.length && i <= at + (separated.on ? LINES_PER_SEPARATED_CELL : 1) * MAX_REGION_LINES; i++) {
      const line = lines[i]!;
      if (separated.take(line, lines[i - 1]!)) {
        if (line.flags & LINE.DIGIT) sawValues = true;
        last = i;
        continue;
      }
      if (isBlank(line) && !(line.flags & LINE.FILLER)) {
        // A blank line is kept as an empty row (once per run): reading-order conversions separate
        // the blocks of a table by blank lines.
        if (separated.on) separated.blank(line.no);
        else if (rows.at(-1)!.length > 0) rows.push([]);
        continue;
      }
      if (endsRegion(line, anchor, sawValues)) break;
      if (separated.on && line.flags & LINE.VALUES) sawValues = true;
      if (separated.joins(line)) {
        last = i;
        continue;
      }
      const tokens = tokensOf(line);
      if (tokens.length === 0) continue;
      if (line.flags & LINE.VALUES || tokens.some((t) => isNumeric(t.text))) sawValues = true;
      if (!aligned && tokens.length > 1 && /\S {2,}\S/.test(line.raw.trim())) aligned = true;
      rows.push(tokens);
      last = i;
    }
    while (rows.at(-1)!.length === 0) rows.pop();
    if (!sawValues && rows.length < 3) return { table: null, next: at + 1 };
    const table: RawTable = { format: aligned ? 'aligned' : 'cells', line: lines[at]!.no, endLine: lines[last]!.no, rows, flow: true };
    return { table, next: last + 1 };
  },
};
