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

import { charCount } from '../../parse/chars.js';
import { cleanText, isBlank, LINE, type SourceLine } from '../../parse/lines.js';
import { anchorOf, isOutlineHeading, type Anchor } from '../anchors.js';
import type { Cell, RawTable, TableShape } from '../types.js';
import { isValueToken } from '../values.js';
import { isSeparatorRow } from './pipe.js';
import { charWidth } from './width.js';

/** The longest region a table may have, in lines (the requests table one cell a line: ~250). */
const MAX_REGION_LINES = 600;
/** A sentence: a table cell is never this long and finished with `。`. */
const MIN_PROSE_CHARS = 40;

function isProse(line: SourceLine): boolean {
  return line.text.includes('。') && charCount(line.text) >= MIN_PROSE_CHARS;
}

/** A unit written apart from its number (`251000 元`), or the year word of a header (`2017 年度`): it belongs to the number token. */
const UNIT = /^(?:万元|元|件|条|个|人次|人|次|项|年度?)$/;
const NUMBER = /^[+\-−]?\d[\d,.]*$/;

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
      if (prev && UNIT.test(text) && NUMBER.test(prev.text) && startX - prev.end! <= 1) {
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

/** Does a line end the region of a table that started with `anchor`? */
function endsRegion(line: SourceLine, anchor: Anchor, sawValues: boolean): boolean {
  if (isOutlineHeading(line.text) || isProse(line)) return true;
  // A table the text draws (a grid, HTML, pipe or tab-separated rows) is read by its own shape.
  if (line.flags & (LINE.TOP_BORDER | LINE.HTML_TABLE | LINE.TAB_INNER)) return true;
  if (line.flags & LINE.PIPE && line.raw.split('|').length > 3) return true;
  const other = anchorOf(line);
  if (!other) return false;
  // A caption ends any table; another table's header ends this one once it has numbers.
  if (other.kind === 'caption') return true;
  if (anchor.kind === 'form' && other.form === anchor.form) return sawValues && !other.row;
  return true;
}

/**
 * Table cells that hold paragraphs, one paragraph a line, as a page's text comes out of Python's
 * html2text (markdown, the usual tool of scraping scripts) or a browser (`innerText`, what a copy
 * from the page gives) for tables exported from Word: a lone separator between two cells, `|` in
 * markdown and a tab in a browser's text, blank lines between a cell's paragraphs, and a row ended
 * by a markdown line break and a line of two spaces (html2text) or by two blank lines or more (a
 * browser). A cell of one paragraph stays on the separator's line (`| 821| 35|  |  | 2| 1| 859`,
 * `⇥821⇥35⇥ ⇥ ⇥2⇥1⇥859`), where a blank piece is an empty cell.
 *   规章                   ← a cell
 *                          ← blank between a cell's paragraphs, and around each separator
 *   |                      ← the next cell begins
 *   0  ⏎  ⏎                ← the row's last cell, and the end of the row
 * Read into the rows one cell a line gives (each cell a row, its paragraphs joined; an empty cell
 * where two separators meet or one ends the row), which the placement reads as it reads
 * LibreOffice text. The mode is on from the anchor when a lone separator follows within a few
 * lines (the caption's own row comes first), and from the first lone `|` of a region otherwise.
 */
class SeparatedCells {
  /** The separator of the mode, once it is on. */
  private sep: '|' | '\t' | null = null;
  /** Text since the last separator or row end: a separator now ends a cell, not an empty one. */
  private filled = true;
  /** The last thing read was a separator: a row end now means the row's last cell was empty. */
  private afterSep = false;
  /** Blank lines in a row: two end a row of a browser's text. */
  private blanks = 0;

  constructor(
    private readonly rows: Cell[][],
    lines: readonly SourceLine[],
    at: number,
  ) {
    // (filled starts true: the anchor's own line is the first cell.)
    for (let i = at + 1; i < lines.length && i <= at + SEPARATOR_LOOKAHEAD && !this.sep; i++) this.sep = separatorOf(lines[i]!);
  }

  get on(): boolean {
    return this.sep !== null;
  }

  /** Take a line that is part of the mode's frame (a separator, a row end, a `---|---` rule) or a row of inline cells: true when taken. */
  take(line: SourceLine, previous: SourceLine): boolean {
    const sep = separatorOf(line);
    if (sep === '|' && !this.sep) this.sep = sep;
    if (sep !== null && sep === this.sep) {
      this.blanks = 0;
      this.separator(line.no);
      return true;
    }
    if (!this.sep) return false;
    // `  ` after a line ending in a markdown line break: the row ends.
    if (line.flags & LINE.FILLER && previous.raw.endsWith('  ')) {
      this.rowEnd(line.no);
      return true;
    }
    if (line.flags & LINE.DASH_RULE || isSeparatorRow(line.raw)) return true;
    if (line.raw.includes(this.sep)) {
      this.blanks = 0;
      const pieces = line.raw.split(this.sep);
      pieces.forEach((piece, k) => {
        if (k > 0) this.separator(line.no);
        const text = cleanText(piece);
        if (text !== '') this.cell(text, line.no);
        else if (k > 0 && piece !== '' && !(this.sep === '|' && k === pieces.length - 1)) {
          // A blank piece (a space, an NBSP) between separators is an empty cell; in markdown the
          // spaces after a line's last `|` only pad it (a cell of paragraphs follows, or the row ends).
          this.rows.push([{ text: '', line: line.no, empty: true }]);
          this.filled = true;
          this.afterSep = false;
        }
      });
      return true;
    }
    return false;
  }

  /** A blank line in the mode: the second of a run ends the row. */
  blank(no: number): void {
    if (++this.blanks === 2) this.rowEnd(no);
  }

  private rowEnd(no: number): void {
    if (this.afterSep) this.rows.push([{ text: '', line: no, empty: true }]);
    this.filled = false;
    this.afterSep = false;
  }

  private separator(no: number): void {
    if (!this.filled) this.rows.push([{ text: '', line: no, empty: true }]);
    this.filled = false;
    this.afterSep = true;
  }

  private cell(text: string, no: number): void {
    this.afterSep = false;
    const last = this.rows.at(-1)?.at(-1);
    if (this.filled && last && !last.empty && joinable(last.text, text)) last.text += text;
    else this.rows.push([{ text, line: no }]);
    this.filled = true;
  }

  /** A cell's next paragraph joins the cell (`商业` / `企业`); the first one starts it (false: the caller reads the line). */
  joins(line: SourceLine): boolean {
    if (!this.sep) return false;
    this.afterSep = false;
    this.blanks = 0;
    if (!this.filled) {
      this.filled = true;
      return false;
    }
    const cell = this.rows.at(-1)?.at(-1);
    // A number is a cell of its own: it never continues a label, nor a label a number (`总计` / `2`
    // where a row end was not seen).
    if (!cell || cell.empty || line.flags & LINE.VALUES || !joinable(cell.text, line.text)) return false;
    cell.text += line.text;
    return true;
  }
}

/**
 * May a cell's next paragraph join it? Not a number, nor digits at the joint or at the paragraph's
 * end (`…数量217` / `10000218`, `…机构` / `一、…数量21710000218`: digits run together with a label are a row
 * of their own, and a value keeps the one line it stands on).
 */
function joinable(cell: string, next: string): boolean {
  return !isValueToken(cell) && !isValueToken(next) && !/\d$/.test(cell) && !/^\d|\d$/.test(next);
}

/** Lines a cell takes in the separated variant (the cell, a blank, the separator, a blank): its regions are that much longer. */
const LINES_PER_SEPARATED_CELL = 4;
/** How far after an anchor the first lone separator may stand (a caption, a rule, a row end, a cell with blanks around). */
const SEPARATOR_LOOKAHEAD = 8;

/** A line that is a lone separator of cells: `|`, or one tab with nothing else but spaces (several are a row of empty cells). */
function separatorOf(l: SourceLine): '|' | '\t' | null {
  if (l.flags & LINE.PIPE) return l.raw.trim() === '|' ? '|' : null;
  return l.flags & LINE.BLANK && l.raw.indexOf('\t') >= 0 && l.raw.indexOf('\t') === l.raw.lastIndexOf('\t') ? '\t' : null;
}

export const flowShape: TableShape = {
  name: 'flow',
  triggers: LINE.ANCHOR_HINT,
  detect(lines, at) {
    return anchorOf(lines[at]!) !== null;
  },
  read(lines, at) {
    const anchor = anchorOf(lines[at]!)!;
    const rows: Cell[][] = [tokensOf(lines[at]!)];
    let sawValues = false;
    let aligned = false;
    let last = at;
    const pipes = new SeparatedCells(rows, lines, at);
    for (let i = at + 1; i < lines.length && i <= at + (pipes.on ? LINES_PER_SEPARATED_CELL : 1) * MAX_REGION_LINES; i++) {
      const line = lines[i]!;
      if (pipes.take(line, lines[i - 1]!)) {
        if (line.flags & LINE.DIGIT) sawValues = true;
        last = i;
        continue;
      }
      if (isBlank(line) && !(line.flags & LINE.FILLER)) {
        // A blank line is kept as an empty row (once per run): reading-order conversions separate
        // the blocks of a table by blank lines.
        if (pipes.on) pipes.blank(line.no);
        else if (rows.at(-1)!.length > 0) rows.push([]);
        continue;
      }
      if (endsRegion(line, anchor, sawValues)) break;
      if (pipes.on && line.flags & LINE.VALUES) sawValues = true;
      if (pipes.joins(line)) {
        last = i;
        continue;
      }
      const tokens = tokensOf(line);
      if (tokens.length === 0) continue;
      if (line.flags & LINE.VALUES || tokens.some((t) => NUMBER.test(t.text))) sawValues = true;
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
