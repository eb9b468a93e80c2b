// The text as the metadata reads it. Sentences that a PDF or a narrow web page broke over lines
// are joined again (`…统计期限自 2023 年 1 月 1 日` / `- 2 -` / `起至 2023 年 12 月 31 日止。`), the
// paragraphs and the table lines make one string, built once per report, and a folded copy of it
// (half-width, simplified: `電話：` reads as `电话:`) has the same length, so that what a pattern
// finds in the fold is cut from the text as written.

import { readingForm } from '../lexical/fold.js';
import { cleanText, type SourceLine } from '../parse/lines.js';
import { forEachParagraph, type ParagraphLines } from '../parse/paragraphs.js';

/**
 * How far into the text the page's fields and the report's preamble (its title block, the sentence
 * that introduces it, the first sentence on the year's work) are looked for.
 */
export const HEAD_CHARS = 3000;

export interface MetaLine {
  no: number;
  text: string;
}

export interface Span {
  /** Line of the first character. */
  line: number;
  start: number;
  end: number;
}

export interface MetaText {
  /** Non-empty lines of prose, in order: the title and the signature are read line by line. */
  prose: MetaLine[];
  /** Paragraphs and table lines, one per `\n`-separated line; lines of a paragraph joined without a gap. */
  text: string;
  /** `text` in its reading form (lexical/fold.ts): half-width, simplified, the same length. */
  fold: string;
  /** The paragraphs of prose, as ranges of `text`. */
  paragraphs: Span[];
}

/**
 * A row of a tab-separated table that holds one quoted cell and nothing else is a line of text
 * that a spreadsheet export put in a cell (LibreOffice Calc: `"2019年…年度报告"` and 23 tabs).
 */
const LONE_CELL = /^"((?:[^"\t]|"")*)"\t*$/;

function loneCell(raw: string): string | null {
  if (raw.charCodeAt(0) !== 34 || !raw.includes('\t')) return null;
  const m = LONE_CELL.exec(raw);
  return m ? cleanText(m[1]!.replace(/""/g, '"')) : null;
}

/** A line that starts with a field label: `邮  编：`, `电话：`, `发布机构：`. */
const FIELD_START = /^[\u3400-\u9fff][\u3400-\u9fff \t?]{0,7}[:：]/;

/**
 * The metadata's view of a report's lines (`lines[i]` is line `i + 1`, as splitLines gives them).
 * `joined`: the paragraphs the pipeline already joined over the same lines and table regions; they
 * are used as they are unless a spreadsheet export's lone cells turn table lines into prose.
 */
export function readText(lines: readonly SourceLine[], inTable: (no: number) => boolean, joined?: readonly ParagraphLines[]): MetaText {
  let view: SourceLine[] | null = null;
  const cells = new Set<number>();
  for (const l of lines) {
    if (!inTable(l.no)) continue;
    const text = loneCell(l.raw);
    if (text === null) continue;
    view ??= lines.slice();
    view[l.no - 1] = { ...l, text };
    cells.add(l.no);
  }
  const source: readonly SourceLine[] = view ?? lines;
  const table = (no: number): boolean => inTable(no) && !cells.has(no);

  const parts: string[] = [];
  const paragraphs: Span[] = [];
  let offset = 0;
  const put = (piece: string): void => {
    parts.push(piece);
    offset += piece.length;
  };
  // Table lines and paragraphs in the order of their first lines (a paragraph never runs over a
  // table line).
  let next = 0;
  const tableLinesBefore = (no: number): void => {
    for (; next < source.length && source[next]!.no < no; next++) {
      const l = source[next]!;
      if (l.text === '' || !table(l.no)) continue;
      put(l.text);
      put('\n');
    }
  };
  const visit = (p: ParagraphLines): void => {
    tableLinesBefore(p.line);
    // The span in progress as two numbers, and each span written as one literal: spans are kept
    // for the whole metadata stage, one per paragraph (objects made by spreading took 260 bytes each).
    let spanLine = p.line;
    let spanStart = offset;
    for (const s of p.starts) {
      const text = source[s.line - 1]!.text;
      if (s.line !== p.line && FIELD_START.test(text)) {
        // A field of a contact block is not the rest of the line above (`地址：…7楼` / `邮  编：…`).
        paragraphs.push({ line: spanLine, start: spanStart, end: offset });
        put('\n');
        spanLine = s.line;
        spanStart = offset;
      }
      put(text);
    }
    paragraphs.push({ line: spanLine, start: spanStart, end: offset });
    put('\n');
  };
  if (joined && view === null) joined.forEach(visit);
  else forEachParagraph(source, table, visit);
  tableLinesBefore(Infinity);
  const text = parts.join('');
  const prose = source.filter((l) => l.text !== '' && !table(l.no));
  return { prose, text, fold: readingForm(text), paragraphs };
}
