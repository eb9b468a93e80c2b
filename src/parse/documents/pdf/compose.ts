// Pages → the document's text and each line's origin. A page is a column of blocks, top to
// bottom: lines of text, and tables. A table is written as HTML rows (`<table>`, one `<tr>` a line,
// `rowspan`/`colspan` as drawn), which the html table reader reads like a web page's table. A table
// that ends its page and one that starts the next, with the same left and right edges, are one
// table cut by the page break: written as one, with a header row the next page repeats left out.

import type { LineOrigin, Placed } from '../types.js';
import { cellAt, cutRun, type GridCell, type GridTable } from './cells.js';
import { furniture } from './furniture.js';
import { union, type Box, type Run } from './geometry.js';
import { groupLines, joinRuns, layoutOf, pageLines, type PageLine } from './lines.js';

export interface PageRead {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: readonly Run[];
  tables: readonly GridTable[];
}

/** Two tables on consecutive pages whose left and right edges are this close (page units) are one. */
const SAME_EDGE = 3;
/** Column sides of a table's parts this close are one column side. */
const SAME_SIDE = 2;

interface CellText extends GridCell {
  runs: Run[];
}

interface TablePart {
  page: number;
  table: GridTable;
  cells: CellText[];
}

type Block = { kind: 'line'; page: number; y: number; line: PageLine } | { kind: 'table'; page: number; y: number; parts: TablePart[] };

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const boxOf = (b: Box): readonly [number, number, number, number] => [round(b.x0), round(b.y0), round(b.x1 - b.x0), round(b.y1 - b.y0)];
const round = (n: number): number => Math.round(n * 10) / 10;

/** A cell's text: its lines top to bottom, joined as one (a word broken over two lines of Latin keeps a space). */
function cellText(runs: readonly Run[]): string {
  let text = '';
  for (const line of groupLines(runs)) {
    const t = joinRuns(line).trim();
    if (t === '') continue;
    if (text !== '' && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(t)) text += ' ';
    text += t;
  }
  return text;
}

/** A page's runs shared out: into the cells of its tables, and the rest. */
function assign(page: PageRead): { parts: TablePart[]; free: Run[] } {
  const parts: TablePart[] = page.tables.map((table) => ({ page: page.number, table, cells: table.cells.map((c) => ({ ...c, runs: [] })) }));
  const free: Run[] = [];
  for (const run of page.runs) {
    const cx = (run.x0 + run.x1) / 2;
    const cy = (run.y0 + run.y1) / 2;
    const k = parts.findIndex((p) => cx >= p.table.x0 && cx <= p.table.x1 && cy >= p.table.y0 && cy <= p.table.y1);
    if (k < 0) {
      free.push(run);
      continue;
    }
    const part = parts[k]!;
    for (const piece of cutRun(run, part.table.xs)) {
      const c = cellAt(part.table, (piece.x0 + piece.x1) / 2, cy);
      const i = c ? part.table.cells.indexOf(c) : -1;
      if (i >= 0) part.cells[i]!.runs.push(piece);
      else free.push(piece);
    }
  }
  return { parts: parts.filter((p) => p.cells.some((c) => c.runs.length > 0)), free };
}

/** The blocks of every page, in reading order, with furniture left out and cut tables joined. */
function blocksOf(pages: readonly PageRead[]): Block[] {
  const read = pages.map((p) => {
    const { parts, free } = assign(p);
    return { page: p, parts, lines: pageLines(free, layoutOf(free)) };
  });
  const drop = furniture(read.map((r) => ({ height: r.page.height, lines: r.lines })));
  const blocks: Block[] = [];
  read.forEach((r, n) => {
    // The columns are counted from the left edge of the page's own text, not of its margins' (a printed address).
    const kept = r.lines.filter((_, i) => !drop[n]!.has(i));
    const layout = layoutOf(kept.flatMap((l) => l.runs));
    const onPage: Block[] = [
      ...kept.map((line): Block => ({ kind: 'line', page: r.page.number, y: line.y0, line: { ...line, text: joinRuns(line.runs, layout) } })),
      ...r.parts.map((part): Block => ({ kind: 'table', page: r.page.number, y: part.table.y0, parts: [part] })),
    ].sort((a, b) => a.y - b.y);
    const first = onPage[0];
    const last = blocks[blocks.length - 1];
    if (first?.kind === 'table' && last?.kind === 'table' && continues(last.parts[last.parts.length - 1]!, first.parts[0]!)) {
      last.parts.push(first.parts[0]!);
      onPage.shift();
    }
    blocks.push(...onPage);
  });
  return blocks;
}

/** Does `next` (at the top of its page) continue `prev` (at the bottom of the page before)? */
function continues(prev: TablePart, next: TablePart): boolean {
  return next.page === prev.page + 1 && Math.abs(prev.table.x0 - next.table.x0) <= SAME_EDGE && Math.abs(prev.table.x1 - next.table.x1) <= SAME_EDGE;
}

/** The column sides of all parts of a table, near ones taken as one. */
function sidesOf(parts: readonly TablePart[]): number[] {
  const all = parts.flatMap((p) => p.table.xs).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of all) if (out.length === 0 || x - out[out.length - 1]! > SAME_SIDE) out.push(x);
  return out;
}

function nearest(sides: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < sides.length; i++) if (Math.abs(sides[i]! - x) < Math.abs(sides[best]! - x)) best = i;
  return best;
}

interface PlacedCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  page: number;
  runs: Run[];
}

/** A table's cells on one grid over all its parts, rows numbered on. */
function gridOf(parts: readonly TablePart[]): { cells: PlacedCell[]; rows: number; cols: number; pageOfRow: number[] } {
  const sides = sidesOf(parts);
  const cells: PlacedCell[] = [];
  const pageOfRow: number[] = [];
  let offset = 0;
  let header: string | null = null;
  parts.forEach((part, k) => {
    const placed = part.cells.map((c) => {
      const col = nearest(sides, c.x0);
      return { row: c.row, col, rowspan: c.rowspan, colspan: Math.max(1, nearest(sides, c.x1) - col), text: cellText(c.runs), page: part.page, runs: c.runs };
    });
    const rowCount = part.table.ys.length - 1;
    // A header row the page repeats (Word's "repeat as header row") is the first part's, once.
    const firstRow = placed.filter((c) => c.row === 0).map((c) => c.text).join('\u0001');
    let skip = 0;
    if (k === 0) header = firstRow;
    else if (firstRow === header && rowCount > 1 && placed.every((c) => c.row !== 0 || c.rowspan === 1)) skip = 1;
    for (const c of placed) if (c.row >= skip) cells.push({ ...c, row: c.row - skip + offset });
    for (let r = skip; r < rowCount; r++) pageOfRow.push(part.page);
    offset += rowCount - skip;
  });
  return { cells, rows: offset, cols: sides.length - 1, pageOfRow };
}

interface Out {
  lines: string[];
  origins: LineOrigin[];
  perPage: Map<number, number>;
}

function emit(out: Out, text: string, page: number, pieces?: Placed[]): void {
  const index = (out.perPage.get(page) ?? 0) + 1;
  out.perPage.set(page, index);
  out.lines.push(text);
  out.origins.push({ page, index, ...(pieces && pieces.length > 0 ? { pieces } : {}) });
}

function emitTable(out: Out, parts: readonly TablePart[]): void {
  const { cells, rows, cols, pageOfRow } = gridOf(parts);
  const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const startsAt = new Map<string, PlacedCell>();
  for (const c of cells) {
    // Two boxes drawn at one place (a border drawn twice, a hair apart) are one cell, with all their text.
    const k = `${c.row}:${c.col}`;
    const there = startsAt.get(k);
    if (there) startsAt.set(k, { ...there, runs: [...there.runs, ...c.runs], text: there.text === '' ? c.text : c.text === '' ? there.text : `${there.text} ${c.text}` });
    else startsAt.set(k, c);
  }
  emit(out, '<table>', parts[0]!.page);
  for (let r = 0; r < rows; r++) {
    const tds: string[] = [];
    const pieces: Placed[] = [];
    for (let c = 0; c < cols; ) {
      if (taken[r]![c]) {
        c++;
        continue;
      }
      const cell = startsAt.get(`${r}:${c}`);
      if (!cell) {
        // A position no cell covers (a table with a ragged edge): an empty cell keeps the columns.
        tds.push('<td></td>');
        c++;
        continue;
      }
      const rowspan = Math.max(1, Math.min(cell.rowspan, rows - r));
      const colspan = Math.max(1, Math.min(cell.colspan, cols - c));
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken[r + dr]![c + dc] = true;
      const attrs = `${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
      tds.push(`<td${attrs}>${escapeHtml(cell.text)}</td>`);
      if (cell.text !== '') pieces.push({ text: cell.text, page: cell.page, box: boxOf(union(cell.runs)) });
      c += colspan;
    }
    emit(out, `<tr>${tds.join('')}</tr>`, pageOfRow[r] ?? parts[0]!.page, pieces);
  }
  emit(out, '</table>', parts[parts.length - 1]!.page);
}

/** The document's text (one line a line of the document, a table as HTML rows) and each line's origin. */
export function compose(pages: readonly PageRead[]): { text: string; origins: LineOrigin[] } {
  const out: Out = { lines: [], origins: [], perPage: new Map() };
  for (const block of blocksOf(pages)) {
    if (block.kind === 'table') emitTable(out, block.parts);
    else emit(out, block.line.text, block.page, block.line.runs.map((r) => ({ text: r.text, page: block.page, box: boxOf(r) })));
  }
  return { text: out.lines.join('\n') + (out.lines.length > 0 ? '\n' : ''), origins: out.origins };
}
