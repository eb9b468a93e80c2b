// HTML tables left in the text: pandoc writes a table it cannot draw as a grid as raw HTML,
// and scraped pages keep their markup.
//   <td colspan="3" rowspan="3">（本列数据的勾稽关系为：…）</td>
// Cells are laid out with their row and column spans, a spanning cell repeated in every position
// it covers; text is stripped of tags, with `<br>` and `<p>` pieces joined.

import { cleanText, LINE } from '../../parse/lines.js';
import type { Cell, RawTable, TableShape } from '../types.js';

/** Limits that keep a broken or hostile table from exploding the grid. */
const MAX_SPAN = 200;
const MAX_CELLS = 100_000;

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ensp: ' ', emsp: ' ', middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function cellText(html: string): string {
  return cleanText(decodeEntities(html.replace(/<[^>]{0,2000}>/g, '')).replace(/\s+/g, (ws) => (ws.includes('\n') ? '' : ' ')));
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d{1,4})`, 'i').exec(tag);
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
    while (end < lines.length && !/<\/table>/i.test(lines[end]!.raw)) end++;
    if (end >= lines.length) return { table: null, next: lines.length };
    // Offsets of line starts, to give every cell the line its tag opens on.
    const text = lines
      .slice(at, end + 1)
      .map((l) => l.raw)
      .join('\n');
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const lineAt = (offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lines[at + lo]!.no;
    };

    const grid: Cell[][] = [];
    const rowRe = /<tr[\s>][\s\S]*?(?=<tr[\s>]|<\/table>)/gi;
    const cellRe = /<(td|th)(\s[^>]*)?>([\s\S]*?)(?=<\/t[dh]>|<t[dh][\s>]|<\/tr>|$)/gi;
    let r = 0;
    let cells = 0;
    for (const rowMatch of text.matchAll(rowRe)) {
      grid[r] ??= [];
      let c = 0;
      for (const cm of rowMatch[0].matchAll(cellRe)) {
        while (grid[r]![c]) c++;
        const tag = cm[2] ?? '';
        const colspan = attr(tag, 'colspan');
        const rowspan = attr(tag, 'rowspan');
        const cell: Cell = { text: cellText(cm[3] ?? ''), line: lineAt(rowMatch.index + cm.index) };
        for (let dr = 0; dr < rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) {
            if (++cells > MAX_CELLS) return { table: null, next: end + 1 };
            grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : { ...cell, copy: true };
          }
        }
        c += colspan;
      }
      r++;
    }
    const rows = grid.slice(0, r).filter((row) => row.length > 0);
    if (rows.length === 0) return { table: null, next: end + 1 };
    const width = Math.max(...rows.map((row) => row.length));
    const rect = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { text: '', line: row.find(Boolean)?.line ?? lines[at]!.no }));
    const table: RawTable = { format: 'html', line: lines[at]!.no, endLine: lines[end]!.no, rows: rect };
    return { table, next: end + 1 };
  },
};
