// Table cells between lone separators, for the flow reader (flow.ts): the text of a page whose
// table cells hold paragraphs, as Python's html2text and a browser write it. See SeparatedCells.

import { cleanText, LINE, type SourceLine } from '../../parse/lines.js';
import type { Cell } from '../types.js';
import { isValueToken } from '../../lexical/values.js';
import { isSeparatorRow } from './pipe.js';

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
export class SeparatedCells {
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
export const LINES_PER_SEPARATED_CELL = 4;
/** How far after an anchor the first lone separator may stand (a caption, a rule, a row end, a cell with blanks around). */
const SEPARATOR_LOOKAHEAD = 8;

/** A line that is a lone separator of cells: `|`, or one tab with nothing else but spaces (several are a row of empty cells). */
function separatorOf(l: SourceLine): '|' | '\t' | null {
  if (l.flags & LINE.PIPE) return l.raw.trim() === '|' ? '|' : null;
  return l.flags & LINE.BLANK && l.raw.indexOf('\t') >= 0 && l.raw.indexOf('\t') === l.raw.lastIndexOf('\t') ? '\t' : null;
}
