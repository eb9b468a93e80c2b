// Lines → paragraphs. Web and PDF conversions break sentences at the page width and sometimes
// put blank lines inside them (seed 003: `…安排专人负责政务公` / blank / blank / `开工作的日常事务…`).
// A line that does not end a sentence is joined with the next one, unless the next one starts
// something of its own (a heading, a date, a signature).
//
// Linear in the text: what the joining asks of a paragraph in progress (does it hold a `。`, does
// it start with 附件, is it a heading) is kept up to date as lines are added, never read again
// from the paragraph's start (a text of 2 MB without a `。` is one paragraph).

import { charCount, SENTENCE_END } from '../lexical/chars.js';
import type { SourceLine } from './lines.js';
import { HeadingOfGrowingText } from '../lexical/headings.js';
import { headingOf, isDate } from './line-kinds.js';

export interface Paragraph {
  line: number;
  endLine: number;
  text: string;
  /** Where each joined line starts in `text`, to tell the line of a match inside the paragraph. */
  starts: Array<{ offset: number; line: number }>;
}

/** The line of the character at `offset` in a paragraph's text (a binary search over its starts). */
export function lineAt(p: Paragraph, offset: number): number {
  let lo = 0;
  let hi = p.starts.length - 1;
  if (hi < 0 || p.starts[0]!.offset > offset) return p.line;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return p.starts[lo]!.line;
}

/** A line shorter than this that ends without punctuation is a label or title, not a wrapped sentence. */
const WRAP_MIN_CHARS = 20;
/** Characters after which a sentence obviously goes on. */
const OPEN_END = /[，,、《（(“‘\-—]$/;
/** Short standalone lines: a signature, an agency name under the text. */
const STANDALONE_MAX_CHARS = 20;
/** An attachment label: `附件1`, `附件：…`. */
const ATTACHMENT = /^附件/;
/** Enough of a paragraph's start to tell ATTACHMENT. */
const HEAD_CHARS = 2;

/** Where a paragraph stands, without its text. */
export type ParagraphLines = Omit<Paragraph, 'text'>;

/** A paragraph being joined, and what the joining asks of its text so far. */
class Open {
  readonly paragraph: Paragraph;
  /** The pieces of the text, when the caller wants it (null: only where the paragraph stands). */
  private readonly parts: string[] | null;
  private length: number;
  /** The text so far holds a `。`. */
  private stop: boolean;
  private head: string;
  private readonly heading: HeadingOfGrowingText;
  /** The last line joined: the paragraph's text ends with it. */
  last: string;

  constructor(line: SourceLine, keepText: boolean) {
    this.paragraph = { line: line.no, endLine: line.no, text: line.text, starts: [{ offset: 0, line: line.no }] };
    this.parts = keepText ? [line.text] : null;
    this.length = line.text.length;
    this.stop = line.text.includes('。');
    this.head = line.text.slice(0, HEAD_CHARS);
    this.heading = new HeadingOfGrowingText(line.text);
    this.last = line.text;
  }

  /** The paragraph starts with an attachment label. */
  get isAttachment(): boolean {
    return ATTACHMENT.test(this.head);
  }

  /** A heading without a sentence of its own. */
  get isBareHeading(): boolean {
    return !this.stop && this.heading.isHeading;
  }

  /** Join `line` on; two Latin letters or digits meeting get a space between them. */
  add(line: SourceLine): void {
    const piece = /[A-Za-z0-9]/.test(this.last.at(-1) ?? '') && /[A-Za-z0-9]/.test(line.text[0] ?? '') ? ` ${line.text}` : line.text;
    this.parts?.push(piece);
    this.length += piece.length;
    this.paragraph.starts.push({ offset: this.length - line.text.length, line: line.no });
    this.paragraph.endLine = line.no;
    this.stop ||= piece.includes('。');
    if (this.head.length < HEAD_CHARS) this.head = (this.head + piece).slice(0, HEAD_CHARS);
    this.heading.append(piece);
    this.last = line.text;
  }

  /** The paragraph with its text joined (or its first line's only, when its text was not kept). */
  close(): Paragraph {
    if (this.parts && this.parts.length > 1) this.paragraph.text = this.parts.join('');
    return this.paragraph;
  }
}

function continues(current: Open, next: SourceLine, after: SourceLine | undefined): boolean {
  const lastLine = current.last;
  if (SENTENCE_END.test(lastLine)) return false;
  if (!OPEN_END.test(lastLine) && charCount(lastLine) < WRAP_MIN_CHARS) return false;
  // An attachment label or a title line (`…年度报告`) stands alone.
  if (current.isAttachment || /(?:报告|汇报|報告|匯報)$/.test(lastLine)) return false;
  // A heading without a sentence of its own (`三、发布解读…情况`) is complete on its line; one
  // that carries its body (`(二) 健全工作制度,完善管理体系。一是…严`) may wrap like any paragraph.
  if (current.isBareHeading) return false;
  if (headingOf(next) || isDate(next)) return false;
  // `张店区卫计局` over `2018 年 2 月 1 日`: the signature block, not the end of a sentence.
  if (charCount(next.text) <= STANDALONE_MAX_CHARS && (!after || isDate(after))) return false;
  return true;
}

/**
 * Join lines into paragraphs. `excluded(no)` marks lines that belong to something else (a table
 * region): they end the paragraph in progress and are left out.
 */
export function joinParagraphs(lines: readonly SourceLine[], excluded: (no: number) => boolean = () => false): Paragraph[] {
  const out: Paragraph[] = [];
  join(lines, excluded, true, (p) => out.push(p));
  return out;
}

/**
 * The paragraphs joinParagraphs makes, one at a time and without their text (the metadata writes
 * the text its own way): nothing is kept for the whole report.
 */
export function forEachParagraph(lines: readonly SourceLine[], excluded: (no: number) => boolean, visit: (p: ParagraphLines) => void): void {
  join(lines, excluded, false, visit);
}

function join(lines: readonly SourceLine[], excluded: (no: number) => boolean, keepText: boolean, emit: (p: Paragraph) => void): void {
  let cur: Open | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (excluded(line.no)) {
      if (cur) emit(cur.close());
      cur = null;
      continue;
    }
    if (line.text === '') continue;
    if (cur && continues(cur, line, nextFilled(lines, i + 1, excluded))) {
      cur.add(line);
    } else {
      if (cur) emit(cur.close());
      cur = new Open(line, keepText);
    }
  }
  if (cur) emit(cur.close());
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
