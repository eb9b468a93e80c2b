// Numbered headings. A report nests its headings by the kind of number it uses, usually
//   一、  >  （一）/(一)  >  1、/1./1．  >  （1）/(1)  >  ①
// but it is the order in which a report uses the kinds that decides the nesting.

import { CN_DIGITS } from '../parse/chars.js';

export type HeadingKind = 'part' | 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'circled';

export interface Heading {
  kind: HeadingKind;
  /** The marker as printed, e.g. `（一）`, `1.`, `十一、`. */
  marker: string;
  /** Text after the marker, trimmed. */
  rest: string;
}

const SEP = '[、.．]';
const PATTERNS: Array<[HeadingKind, RegExp]> = [
  // 第一部分 总体情况    第二章 …   (parts above the 一、 headings)
  ['part', new RegExp(`^(第[${CN_DIGITS}]{1,3}(?:部分|章|篇))[\\s:：、]*`)],
  // 一、概述     十一、2017年，我局…     一 、总体情况     (a bare `一是` is an inline enumeration, not a heading)
  ['cn', new RegExp(`^([${CN_DIGITS}]{1,4}\\s?${SEP})\\s*`)],
  // （一）组织领导情况    (二) 健全工作制度    （一、     — closing bracket of either width
  ['paren-cn', new RegExp(`^([（(][${CN_DIGITS}]{1,4}[）)]${SEP}?)\\s*`)],
  // 1、主动公开…   1.属于…   1．   — but not `1.5万元` or `2017年`
  ['num', /^(\d{1,2}[、.．](?!\d))\s*/],
  // （1）  (1)
  ['paren-num', /^([（(]\d{1,2}[）)][、.．]?)\s*/],
  // ① … ⑳
  ['circled', /^([\u2460-\u2473])\s*/],
];

/** Recognise a heading marker at the start of a cleaned line, or return null. */
export function matchHeading(text: string): Heading | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    // A marker alone on a line, or a marker followed by digits only, is a table cell or a list
    // number (`1.` `2.`), not a heading.
    if (rest === '' || /^[\d\s.,，、]+$/.test(rest)) return null;
    return { kind, marker: m[1]!.replace(/\s+/g, ''), rest };
  }
  return null;
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
