// A generator of the ways real pages write a table one cell a line with pipes (issue 21; the
// pages of fixtures/pages/ and ../shared/pages show each variant): from a known table (a golden
// record's grid, its spanning cells repeated), the cells as the page's <td>s in order, each
// written in one of the variants the pages mix:
//   a cell's pipe on its line (`规章 |`, `规章|`), on the next line alone (`上一年项目数量` / `|`)
//     or starting the next cell (`| 本年增/减`);
//   a header or row label wrapped over two lines (`本年` / `制发件数 |`), never a table's first cell;
//   an empty cell as a cell of spaces (` |`, NBSP, U+3000) or, before a value, as a lone `|`;
//   a lone `|` starting every row, or none;
//   a spanning cell's columns as pipes after it (`第二十条第（一）项 | |||`, or `|||` on the next
//     line), or every row padded to the table's width at its end (`|||`, `0 | ||`), or neither;
//   half- or full-width brackets and colons in labels; the caption with or without its second 第,
//     with its item in brackets or not, or written (一)第二十条;
//   blank lines anywhere between lines.
// A lone pipe of one column's padding on its own line before a value would be an empty cell to
// any reader; the pages write one pipe of padding on the cell's line, and so does the generator.

import fc from 'fast-check';
import { isValueText } from '../src/lexical/values.js';

/** A <td> of the known table: where it stands in the grid, and how many columns it spans. */
export interface Td {
  text: string;
  row: number;
  col: number;
  colspan: number;
  label: boolean;
}

export interface KnownTable {
  kind: string;
  width: number;
  /** The <td>s that start in each row (a cell spanning rows is written in its first). */
  rows: Td[][];
}

/** The <td>s of a grid whose spanning label cells are repeated in every position they cover. Values never span. */
export function tdsOf(kind: string, grid: readonly string[][]): KnownTable {
  const width = grid[0]!.length;
  const covered = grid.map((r) => r.map(() => false));
  const rows: Td[][] = grid.map((r, ri) => {
    const tds: Td[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[ri]![c]) continue;
      const text = r[c]!;
      const label = !isValueText(text);
      let colspan = 1;
      while (label && c + colspan < width && r[c + colspan] === text) colspan++;
      let rowspan = 1;
      while (label && ri + rowspan < grid.length && grid[ri + rowspan]!.slice(c, c + colspan).every((t) => t === text)) rowspan++;
      for (let y = ri; y < ri + rowspan; y++) for (let x = c; x < c + colspan; x++) covered[y]![x] = true;
      tds.push({ text, row: ri, col: c, colspan, label });
    }
    return tds;
  });
  return { kind, width, rows };
}

/** A value cell as written, and where its pipe ends (a text cut before that offset has lost the cell). */
export interface Written {
  table: number;
  td: Td;
  end: number;
}

export interface Page {
  text: string;
  /** Where the first table starts. */
  start: number;
  cells: Written[];
  /** Every row starts with a lone pipe. */
  rowStart: boolean;
}

export const HEADINGS: Record<string, string> = {
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};

/** The ways a page prints a 第二十条 caption, item `n`. */
const CAPTIONS = [(n: string) => `第二十条第（${n}）项`, (n: string) => `第二十条第(${n})项`, (n: string) => `第二十条(${n})项`, (n: string) => `第二十条（${n}）项`, (n: string) => `第二十条第${n}项`, (n: string) => `（${n}）第二十条`];

const halfWidth = (s: string): string => s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');

/** A label split in two where neither piece could be read as a number or glue digits to the joint. */
function splitPoint(text: string, at: number): number | null {
  if (text.length < 4) return null;
  const k = 2 + (at % (text.length - 3));
  const [a, b] = [text.slice(0, k), text.slice(k)];
  if (/\d$/.test(a) || /^\d/.test(b) || isValueText(a) || isValueText(b) || /^[\s.、)）]/.test(b)) return null;
  return k;
}

/** A page writing `tables` one cell a line, each cell and each line in a variant drawn from `g`. */
export function writePage(tables: readonly KnownTable[], g: fc.GeneratorValue): Page {
  const rowStart = g(fc.boolean);
  const spans = g(() => fc.constantFrom('copies', 'pad', 'none'));
  let s = '某某局政府信息公开工作年度报告\n';
  const cells: Written[] = [];
  const newline = (): void => {
    s += '\n';
    const blanks = g(() => fc.constantFrom(0, 0, 0, 0, 0, 1, 2));
    s += '\n'.repeat(blanks);
  };
  let start = -1;
  let heading = '';
  tables.forEach((table, ti) => {
    if (HEADINGS[table.kind] !== heading) {
      heading = HEADINGS[table.kind]!;
      s += heading;
      newline();
    }
    if (start < 0) start = s.length;
    table.rows.forEach((tds) => {
      if (rowStart) {
        s += '|';
        newline();
      }
      // A pipe that starts the next cell's line (`| 本年增/减`) instead of standing alone.
      let leadPipe = false;
      tds.forEach((td, k) => {
        const next = tds[k + 1];
        const lastOfRow = k === tds.length - 1;
        const copies = spans === 'copies' ? td.colspan - 1 : 0;
        let text = td.text;
        const item = td.label ? /^第二十条第（([一二三四五六七八九十]+)）项$/.exec(text) : null;
        if (item) text = g(() => fc.constantFrom(...CAPTIONS))(item[1]!);
        else if (td.label && g(fc.boolean)) text = halfWidth(text);
        const lead = leadPipe ? '| ' : '';
        leadPipe = false;
        if (text === '') {
          // A lone pipe is an empty cell only where a value or another empty cell follows in the row.
          const lone = next !== undefined && !next.label;
          s += lead + g(() => fc.constantFrom(' |', '\u00a0|', '\u3000 |', ...(lone ? ['|', '|'] : [])));
          cells.push({ table: ti, td, end: s.length });
        } else {
          // A table's first cell (its caption, 行政复议, the requests table's note) is a line of its own:
          // the pages cut a caption short (`第二十条第(`) but never wrap it.
          const anchor = td.row === 0 && td.col === 0;
          const wrap = td.label && !anchor ? splitPoint(text, g(() => fc.nat(50))) : null;
          if (wrap !== null && g(fc.boolean)) {
            s += lead + text.slice(0, wrap);
            newline();
            s += text.slice(wrap);
          } else s += lead + text;
          const canLead = !lastOfRow && next!.text !== '' && copies === 0;
          const style = g(() => fc.constantFrom('same', 'same', 'tight', 'next', ...(canLead ? ['lead'] : [])));
          if (style === 'lead') {
            newline();
            leadPipe = true;
            cells.push({ table: ti, td, end: s.length + 1 });
            return;
          }
          if (style === 'next') newline();
          s += style === 'same' ? ' |' : '|';
          cells.push({ table: ti, td, end: s.length });
        }
        if (copies > 0) {
          // One pipe of a span stays on the cell's line: alone on a line before a value it would be an empty cell.
          if (copies > 1 && g(fc.boolean)) newline();
          else s += ' ';
          s += '|'.repeat(copies);
        }
        if (lastOfRow && spans === 'pad' && table.width > tds.length) {
          const pad = table.width - tds.length;
          // After an empty cell the padding takes a line of its own: ` | ||` is pipes and spaces
          // only, which the reader takes for padding alone.
          if (td.text === '' || ((pad > 1 || !rowStart) && g(fc.boolean))) newline();
          else s += ' ';
          s += '|'.repeat(pad);
        }
        newline();
      });
    });
  });
  return { text: s, start, cells, rowStart };
}
