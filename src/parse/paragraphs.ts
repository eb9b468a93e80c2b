// Lines → paragraphs. Web and PDF conversions break sentences at the page width and sometimes
// put blank lines inside them (seed 003: `…安排专人负责政务公` / blank / blank / `开工作的日常事务…`).
// A line that does not end a sentence is joined with the next one, unless the next one starts
// something of its own (a heading, a date, a signature).

import { charCount, SENTENCE_END } from './chars.js';
import type { SourceLine } from './lines.js';
import { matchHeading } from '../sections/headings.js';
import { isDateLine } from '../metadata/dates.js';

export interface Paragraph {
  line: number;
  endLine: number;
  text: string;
  /** Where each joined line starts in `text`, to tell the line of a match inside the paragraph. */
  starts: Array<{ offset: number; line: number }>;
}

/** The line of the character at `offset` in a paragraph's text. */
export function lineAt(p: Paragraph, offset: number): number {
  let line = p.line;
  for (const s of p.starts) if (s.offset <= offset) line = s.line;
  return line;
}

/** A line shorter than this that ends without punctuation is a label or title, not a wrapped sentence. */
const WRAP_MIN_CHARS = 20;
/** Characters after which a sentence obviously goes on. */
const OPEN_END = /[，,、《（(“‘\-—]$/;
/** Short standalone lines: a signature, an agency name under the text. */
const STANDALONE_MAX_CHARS = 20;

function continues(current: Paragraph, lastLine: string, next: SourceLine, after: SourceLine | undefined): boolean {
  if (SENTENCE_END.test(lastLine)) return false;
  if (!OPEN_END.test(lastLine) && charCount(lastLine) < WRAP_MIN_CHARS) return false;
  // An attachment label or a title line (`…年度报告`) stands alone.
  if (/^附件/.test(current.text) || /(?:报告|汇报|報告|匯報)$/.test(lastLine)) return false;
  // A heading without a sentence of its own (`三、发布解读…情况`) is complete on its line; one
  // that carries its body (`(二) 健全工作制度,完善管理体系。一是…严`) may wrap like any paragraph.
  if (!current.text.includes('。') && matchHeading(current.text)) return false;
  if (matchHeading(next.text) || isDateLine(next.text)) return false;
  // `张店区卫计局` over `2018 年 2 月 1 日`: the signature block, not the end of a sentence.
  if (charCount(next.text) <= STANDALONE_MAX_CHARS && (!after || isDateLine(after.text))) return false;
  return true;
}

function glue(a: string, b: string): string {
  const last = a.at(-1) ?? '';
  const first = b[0] ?? '';
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) ? `${a} ${b}` : a + b;
}

/**
 * Join lines into paragraphs. `excluded(no)` marks lines that belong to something else (a table
 * region): they end the paragraph in progress and are left out.
 */
export function joinParagraphs(lines: readonly SourceLine[], excluded: (no: number) => boolean = () => false): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let lastText = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (excluded(line.no)) {
      cur = null;
      continue;
    }
    if (line.text === '') continue;
    if (cur && continues(cur, lastText, line, nextFilled(lines, i + 1, excluded))) {
      const joined = glue(cur.text, line.text);
      cur.starts.push({ offset: joined.length - line.text.length, line: line.no });
      cur.text = joined;
      cur.endLine = line.no;
    } else {
      cur = { line: line.no, endLine: line.no, text: line.text, starts: [{ offset: 0, line: line.no }] };
      out.push(cur);
    }
    lastText = line.text;
  }
  return out;
}

/** The next non-blank line that is not excluded, if the text has one before an excluded line. */
function nextFilled(lines: readonly SourceLine[], from: number, excluded: (no: number) => boolean): SourceLine | undefined {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (excluded(l.no)) return undefined;
    if (l.text !== '') return l;
  }
  return undefined;
}
