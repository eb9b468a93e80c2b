// word/document.xml → the text every later stage reads: each paragraph of the body one line (its
// list number written out where Word generates it), each table row one line of HTML
// (`<tr><td rowspan="3">…</td>…</tr>`, the table's `<table>` and `</table>` on its first and last
// row), with `w:gridSpan` as colspan and `w:vMerge` as rowspan, so that the html table shape reads
// the table as Word draws it. The line of a value is then its paragraph or its row.

import type { LineOrigin } from './types.js';
import { walkXml, type XmlTag } from './docx-xml.js';
import type { Numbering, NumRef } from './docx-numbering.js';

/** The widest span a cell may claim, as the html shape caps it (a broken `gridSpan="9999"`). */
const MAX_SPAN = 200;

interface Paragraph {
  text: string;
  /** 1-based among all paragraphs of the document, in order (cells' too). */
  index: number;
  num: Partial<NumRef> | null;
  style: string | null;
}

interface TableCell {
  paragraphs: string[];
  /** The first paragraph's index, for the row's origin. */
  firstIndex: number;
  span: number;
  /** `w:vMerge`: 'restart' starts a merged column of cells, 'continue' goes on with the one above. */
  vMerge: 'restart' | 'continue' | null;
  /** `w:hMerge` (older writers' horizontal merge): 'continue' is part of the cell before it. */
  hMerge: 'restart' | 'continue' | null;
}

interface TableRow {
  cells: TableCell[];
  /** `w:gridBefore`: grid columns left empty before the first cell. */
  before: number;
}

interface Table {
  rows: TableRow[];
}

/** One cell of the HTML written for a table: where it starts, and how far it reaches. */
interface HtmlCell {
  text: string;
  colspan: number;
  rowspan: number;
}

export interface DocxBody {
  lines: string[];
  origins: LineOrigin[];
  /** Pictures in the body (`w:drawing`, `w:pict`): a document of pictures alone is a scan. */
  pictures: number;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function spanValue(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** A table's rows as HTML, one string a row: merged cells become spans. */
export function tableRows(table: Table): Array<{ html: string; index: number }> {
  // The cell that last covered each grid column, to extend when a cell below continues it.
  let open = new Map<number, HtmlCell>();
  const rows: Array<{ cells: HtmlCell[]; index: number }> = [];
  for (const row of table.rows) {
    const next = new Map<number, HtmlCell>();
    const cells: HtmlCell[] = [];
    let col = row.before;
    let index = 0;
    for (const cell of row.cells) {
      if (index === 0 && cell.firstIndex > 0) index = cell.firstIndex;
      const above = open.get(col);
      if (cell.vMerge === 'continue' && above) {
        above.rowspan++;
        next.set(col, above);
      } else if (cell.hMerge === 'continue' && cells.length > 0) {
        const before = cells[cells.length - 1]!;
        before.colspan += cell.span;
      } else {
        const html: HtmlCell = { text: cell.paragraphs.map(escapeHtml).join('<br>'), colspan: cell.span, rowspan: 1 };
        cells.push(html);
        next.set(col, html);
      }
      col += cell.span;
    }
    open = next;
    rows.push({ cells, index });
  }
  return rows.map(({ cells, index }) => ({
    html: `<tr>${cells.map((c) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${c.text}</td>`).join('')}</tr>`,
    index,
  }));
}

/** Elements whose whole content is left out: deleted or moved-away text, a property change's old values, the fallback copy of content. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPrChange', 'rPrChange', 'tcPrChange', 'trPrChange', 'tblPrChange', 'sectPrChange', 'sdtPr', 'mc:Fallback', 'instrText', 'delText']);

/** Read the body of word/document.xml. */
export function readBody(xml: string, numbering: Numbering): DocxBody {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let pictures = 0;
  let paragraphs = 0;
  const paragraphStack: Paragraph[] = [];
  const tableStack: Table[] = [];
  const cellStack: TableCell[] = [];
  let skipDepth = 0;
  let inText = false;
  let inPPr = 0;

  const emitLine = (text: string, index: number): void => {
    lines.push(text);
    origins.push({ index });
  };

  /** A paragraph's text with its list number, when it has one. */
  const finish = (p: Paragraph): string => {
    const ref = p.num?.numId !== undefined ? p.num : p.style !== null ? numbering.styleNum(p.style) : null;
    if (!ref || ref.numId === undefined || ref.numId === '0') return p.text;
    const label = numbering.label({ numId: ref.numId, ilvl: ref.ilvl ?? 0 });
    return label === '' ? p.text : label + p.text;
  };

  const currentRow = (): TableRow | undefined => {
    const rows = tableStack.at(-1)?.rows;
    return rows?.[rows.length - 1];
  };

  walkXml(xml, {
    open(tag: XmlTag) {
      const name = tag.name;
      if (skipDepth > 0 || SKIPPED.has(name)) {
        skipDepth++;
        return;
      }
      const p = paragraphStack.at(-1);
      switch (name) {
        case 'p':
          paragraphStack.push({ text: '', index: ++paragraphs, num: null, style: null });
          break;
        case 'pPr':
          inPPr++;
          break;
        case 'pStyle':
          if (p && inPPr > 0) p.style = tag.attr('val') ?? null;
          break;
        case 'numId':
          if (p && inPPr > 0) (p.num ??= {}).numId = tag.attr('val');
          break;
        case 'ilvl':
          if (p && inPPr > 0) (p.num ??= {}).ilvl = Number(tag.attr('val') ?? 0);
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
        case 'br':
        case 'cr':
          // Inside a run (not a tab stop in w:tabs): white space between pieces; a page break is nothing.
          if (p && inPPr === 0 && !(name === 'br' && tag.attr('type') === 'page')) p.text += ' ';
          break;
        case 'noBreakHyphen':
          if (p && inPPr === 0) p.text += '-';
          break;
        case 'drawing':
        case 'pict':
          pictures++;
          break;
        case 'tbl':
          tableStack.push({ rows: [] });
          break;
        case 'tr':
          tableStack.at(-1)?.rows.push({ cells: [], before: 0 });
          break;
        case 'gridBefore': {
          const row = currentRow();
          if (row && cellStack.length < tableStack.length) row.before = Math.min(Math.max(0, Math.trunc(Number(tag.attr('val')) || 0)), MAX_SPAN);
          break;
        }
        case 'tc': {
          const cell: TableCell = { paragraphs: [], firstIndex: 0, span: 1, vMerge: null, hMerge: null };
          currentRow()?.cells.push(cell);
          cellStack.push(cell);
          break;
        }
        case 'gridSpan':
          if (cellStack.length > 0) cellStack.at(-1)!.span = spanValue(tag.attr('val'));
          break;
        case 'vMerge':
          if (cellStack.length > 0) cellStack.at(-1)!.vMerge = tag.attr('val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          if (cellStack.length > 0) cellStack.at(-1)!.hMerge = tag.attr('val') === 'restart' ? 'restart' : 'continue';
          break;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'pPr':
          inPPr--;
          break;
        case 'p': {
          const p = paragraphStack.pop();
          if (!p) break;
          const text = finish(p);
          const cell = cellStack.at(-1);
          if (cell) {
            // A paragraph of a cell (or of a text box in one): a piece of the cell's text.
            if (cell.firstIndex === 0) cell.firstIndex = p.index;
            if (text.trim() !== '') cell.paragraphs.push(text.trim());
          } else {
            // A paragraph of a text box inside a paragraph comes out before the paragraph that holds it.
            emitLine(text, p.index);
          }
          break;
        }
        case 'tc':
          cellStack.pop();
          break;
        case 'tbl': {
          const table = tableStack.pop();
          if (!table) break;
          if (tableStack.length > 0) {
            // A table inside a cell: its cells' texts go into the outer cell, row by row.
            const outer = cellStack.at(-1);
            if (outer) for (const row of table.rows) outer.paragraphs.push(...row.cells.flatMap((c) => c.paragraphs));
            break;
          }
          // A row all of whose cells continue merged cells above stays, empty: the spans count it.
          const rows = tableRows(table);
          rows.forEach((row, i) => {
            emitLine(`${i === 0 ? '<table>' : ''}${row.html}${i === rows.length - 1 ? '</table>' : ''}`, row.index);
          });
          break;
        }
      }
    },
    text(text) {
      if (skipDepth > 0 || !inText) return;
      const p = paragraphStack.at(-1);
      if (p) p.text += text;
    },
  });
  return { lines, origins, pictures };
}
