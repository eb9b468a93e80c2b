// HTML tables left in the text: pandoc writes a table it cannot draw as a grid as raw HTML,
// and scraped pages keep their markup.
//   <td colspan="3" rowspan="3">（本列数据的勾稽关系为：…）</td>
// The markup from the `<table` to the line that closes it is parsed by parse5 (an HTML parser,
// linear in its input however broken the markup: regular expressions over markup are not), and
// the first table's rows are laid out with their row and column spans, a spanning cell repeated in
// every position it covers. A cell's text is its text nodes with `<br>` and `<p>` pieces joined;
// its line is the one its start tag opens on (parse5's source locations).

import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { cleanText, LINE } from '../../parse/lines.js';
import { cellBudget } from '../budget.js';
import type { Cell, RawTable, TableShape } from '../types.js';

/** The widest span a cell may claim: `colspan="9999"` in a broken page is not a table that wide. */
const MAX_SPAN = 200;
/**
 * The most characters of markup a table may have. The largest HTML table of the corpus has 5 500;
 * parse5's tree with source locations takes about 64 bytes a character, so a table of many
 * megabytes (a page whose whole layout is one table, or rows pasted a thousand times) would take
 * more memory than a worker has.
 */
const MAX_HTML_CHARS = 500_000;

const CLOSE = /<\/table>/i;
const OPEN = /<table[\s>]/i;

const isElement = (n: T.Node): n is T.Element => 'tagName' in n;

/** The first element named `tag` in the tree under `root`, in document order. */
function firstElement(root: T.ParentNode, tag: string): T.Element | null {
  const stack: T.Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === tag) return n;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return null;
}

/** The table's rows, in order: in its head, bodies and foot, or right under it. */
function rowsOf(table: T.Element): T.Element[] {
  const rows: T.Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const r of child.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

/** Elements that start a line of their own: digits on either side of one are two numbers, not one. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th']);
/** Where a block element begins or ends, among a cell's texts. */
const BREAK = Symbol('break');

/**
 * All text under a cell, in document order (a loop, not recursion: markup may nest deep), and the
 * line (of the parsed markup, from 1) where it begins: a page printed with its markup indented puts
 * the text on a line of its own under the `<td>` (`<td>` / `3` / `</td>`), and a value's provenance
 * is the line it stands on; the cell's own line when it holds no text.
 */
function contentOf(cell: T.Element): { text: string; line: number } {
  const out: string[] = [];
  const stack: Array<T.Node | typeof BREAK> = [cell];
  let broken = false;
  let line = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === BREAK) broken = true;
    else if (n.nodeName === '#text') {
      const value = (n as T.TextNode).value;
      // `<p>1</p><p>0</p>` is 1 and 0, not 10 (a Word run split by <span> stays one number).
      if (broken && /\d\s*$/.test(out.at(-1) ?? '') && /^\s*\d/.test(value)) out.push(' ');
      out.push(value);
      const first = value.search(/\S/);
      if (first >= 0) {
        broken = false;
        const at = (n as T.TextNode).sourceCodeLocation?.startLine;
        if (line === 0 && at !== undefined) {
          line = at;
          for (let i = 0; i < first; i++) if (value.charCodeAt(i) === 10) line++;
        }
      }
    } else if (isElement(n)) {
      const block = n !== cell && BLOCK.has(n.tagName);
      if (block) stack.push(BREAK);
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
      if (block) stack.push(BREAK);
    }
  }
  // A line break in the markup is the converter's, not the cell's: the pieces around it are joined.
  const text = cleanText(out.join('').replace(/\s+/g, (ws) => (ws.includes('\n') ? '' : ' ')));
  return { text, line: line || (cell.sourceCodeLocation?.startLine ?? 1) };
}

function span(cell: T.Element, name: string): number {
  const value = cell.attrs.find((a) => a.name === name)?.value ?? '';
  const m = /^\s*(\d{1,4})/.exec(value);
  return m ? Math.min(MAX_SPAN, Math.max(1, Number(m[1]))) : 1;
}

export const htmlShape: TableShape = {
  name: 'html',
  triggers: LINE.HTML_TABLE,
  detect() {
    return true;
  },
  read(lines, at) {
    let end = at;
    while (end < lines.length && !CLOSE.test(lines[end]!.raw)) end++;
    if (end >= lines.length) return { table: null, next: lines.length };
    const line = lines[at]!.no;
    const endLine = lines[end]!.no;
    let chars = 0;
    for (let i = at; i <= end; i++) chars += lines[i]!.raw.length;
    if (chars > MAX_HTML_CHARS) return { table: { format: 'html', line, endLine, rows: [], tooLarge: `spans ${chars} characters, over the ${MAX_HTML_CHARS} an HTML table may have` }, next: end + 1 };
    const first = lines[at]!.raw;
    const pieces = [first.slice(Math.max(0, first.search(OPEN)))];
    for (let i = at + 1; i <= end; i++) pieces.push(lines[i]!.raw);
    const fragment = parseFragment(pieces.join('\n'), { sourceCodeLocationInfo: true });
    const tableElement = firstElement(fragment, 'table');
    if (!tableElement) return { table: null, next: end + 1 };

    // Spans can claim far more positions than the markup has characters: give up beyond the budget.
    const budget = cellBudget(chars);
    const tooLarge = (size: number): { table: RawTable; next: number } => ({
      table: { format: 'html', line, endLine, rows: [], tooLarge: `would hold over ${size} characters of cells` },
      next: end + 1,
    });
    const grid: Cell[][] = [];
    const tableRows = rowsOf(tableElement);
    let size = 0;
    for (let r = 0; r < tableRows.length; r++) {
      grid[r] ??= [];
      let c = 0;
      for (const td of tableRows[r]!.childNodes) {
        if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
        while (grid[r]![c]) c++;
        const colspan = span(td, 'colspan');
        const rowspan = span(td, 'rowspan');
        const content = contentOf(td);
        const cell: Cell = { text: content.text, line: lines[at + content.line - 1]!.no };
        size += (cell.text.length + 1) * colspan * rowspan;
        if (size > budget) return tooLarge(size);
        for (let dr = 0; dr < rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : { ...cell, copy: true };
        }
        c += colspan;
      }
    }
    const rows = grid.slice(0, tableRows.length).filter((row) => row.length > 0);
    if (rows.length === 0) return { table: null, next: end + 1 };
    let width = 0;
    for (const row of rows) width = Math.max(width, row.length);
    const rect = rows.map((row) => {
      const blankLine = row.find(Boolean)?.line ?? line;
      return Array.from({ length: width }, (_, i) => row[i] ?? { text: '', line: blankLine, padded: true });
    });
    return { table: { format: 'html', line, endLine, rows: rect }, next: end + 1 };
  },
};
