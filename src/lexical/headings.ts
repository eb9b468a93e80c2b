// Numbered headings. A report nests its headings by the kind of number it uses, usually
//   一、  >  （一）/(一)  >  1、/1./1．  >  （1）/(1)  >  ①
// but it is the order in which a report uses the kinds that decides the nesting.

import { CN_DIGITS } from './chars.js';

export type HeadingKind = 'part' | 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'circled';

export interface Heading {
  kind: HeadingKind;
  /** The marker as printed, e.g. `（一）`, `1.`, `十一、`. */
  marker: string;
  /** Text after the marker, trimmed. */
  rest: string;
}

const SEP = '[、.．]';
/**
 * Each kind's marker, and the characters that may follow it before the heading's text: a marker
 * decides within its first 8 characters whether it matches (HeadingOfGrowingText counts on it).
 */
const PATTERNS: Array<[HeadingKind, RegExp, RegExp]> = [
  // 第一部分 总体情况    第二章 …   (parts above the 一、 headings)
  ['part', new RegExp(`^(第[${CN_DIGITS}]{1,3}(?:部分|章|篇))`), /[\s:：、]*/y],
  // 一、概述     十一、2017年，我局…     一 、总体情况     (a bare `一是` is an inline enumeration, not a heading)
  ['cn', new RegExp(`^([${CN_DIGITS}]{1,4}\\s?${SEP})`), /\s*/y],
  // （一）组织领导情况    (二) 健全工作制度    （一、     — closing bracket of either width
  ['paren-cn', new RegExp(`^([（(][${CN_DIGITS}]{1,4}[）)]${SEP}?)`), /\s*/y],
  // 1、主动公开…   1.属于…   1．   — but not `1.5万元` or `2017年`
  ['num', /^(\d{1,2}[、.．](?!\d))/, /\s*/y],
  // （1）  (1)
  ['paren-num', /^([（(]\d{1,2}[）)][、.．]?)/, /\s*/y],
  // ① … ⑳
  ['circled', /^([\u2460-\u2473])/, /\s*/y],
];
/** The longest stretch of text a marker pattern reads, lookahead included (`（十一）、` is 7). */
const MARKER_REACH = 8;

/** A marker at the start of `text` and where the text after it (and its separators) starts; null when none. */
function matchMarker(text: string): { kind: HeadingKind; marker: string; sep: RegExp; end: number } | null {
  for (const [kind, re, sep] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    sep.lastIndex = m[0].length;
    return { kind, marker: m[1]!, sep, end: m[0].length + sep.exec(text)![0].length };
  }
  return null;
}

/** Text after a marker that makes no heading: digits, spaces and list punctuation only (a cell, a list number). */
const NOT_A_TITLE = /^[\d\s.,，、]+$/;
/** A character that no NOT_A_TITLE text holds. */
const TITLE_CHAR = /[^\d\s.,，、]/;

/** Recognise a heading marker at the start of a cleaned line, or return null. */
export function matchHeading(text: string): Heading | null {
  const m = matchMarker(text);
  if (!m) return null;
  const rest = text.slice(m.end);
  // A marker alone on a line, or a marker followed by digits only, is a table cell or a list
  // number (`1.` `2.`), not a heading.
  if (rest === '' || NOT_A_TITLE.test(rest)) return null;
  return { kind: m.kind, marker: m.marker.replace(/\s+/g, ''), rest };
}

/** What a growing text is so far: see HeadingOfGrowingText. */
const enum Growth {
  /** Shorter than MARKER_REACH plus a margin: asked again in full. */
  Short,
  /** No marker, and none can come: the start is read. */
  None,
  /** A heading, and it stays one whatever is appended. */
  Heading,
  /** A marker and then only digits and list punctuation (`1、2018`): a title character makes it a heading. */
  Digits,
  /** A marker and then only its separators: what follows them decides. */
  Bare,
}

/**
 * Whether a text that only ever grows at its end (a paragraph being joined line by line) is a
 * heading, `matchHeading(text so far) !== null`, at a cost proportional to what is appended: the
 * text is not read again at every line.
 */
export class HeadingOfGrowingText {
  private state = Growth.Short;
  private text = '';
  private sep: RegExp | null = null;

  constructor(text: string) {
    this.append(text);
  }

  get isHeading(): boolean {
    return this.state === Growth.Heading;
  }

  append(piece: string): void {
    if (this.state === Growth.Short) {
      this.text += piece;
      this.settle();
    } else if (this.state === Growth.Digits) {
      if (TITLE_CHAR.test(piece)) this.state = Growth.Heading;
    } else if (this.state === Growth.Bare) {
      this.sep!.lastIndex = 0;
      const rest = piece.slice(this.sep!.exec(piece)![0].length);
      if (rest !== '') this.state = TITLE_CHAR.test(rest) ? Growth.Heading : Growth.Digits;
    }
  }

  private settle(): void {
    const m = matchMarker(this.text);
    const rest = m ? this.text.slice(m.end) : '';
    if (m && rest !== '') this.state = TITLE_CHAR.test(rest) ? Growth.Heading : Growth.Digits;
    // A marker's lookahead and its optional characters are settled only well inside the text.
    else if (this.text.length < 2 * MARKER_REACH) return;
    else if (m) {
      this.state = Growth.Bare;
      this.sep = m.sep;
    } else this.state = Growth.None;
    this.text = '';
  }
}

/**
 * Split a heading line into title and body: the title runs to the first `。` (or the whole line
 * when it is short and has no `。`).
 *   (一)加强领导,明确责任。一是明确责任分工。…   → title `加强领导,明确责任`, body `一是…`
 */
export function splitHeadingText(rest: string): { title: string; body: string } {
  const stop = rest.indexOf('。');
  if (stop >= 0) return { title: rest.slice(0, stop), body: rest.slice(stop + 1).trim() };
  return { title: rest, body: '' };
}
