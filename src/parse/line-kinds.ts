// What a line of the index is beyond its flags (parse/lines.ts), asked by several stages: is it a
// heading, and which; is it a date and nothing else. Each is worked out at most once per line, on
// the first stage that asks (paragraph joining asks of every line; tables, titles and signatures
// of a few), and kept with the line.

import { isDateLine } from '../lexical/dates.js';
import { matchHeading, type Heading } from '../lexical/headings.js';
import type { SourceLine } from './lines.js';

const headings = new WeakMap<SourceLine, Heading | null>();
const dates = new WeakMap<SourceLine, boolean>();

/** The heading a line is (`一、总体情况`, `（二）…`), or null. */
export function headingOf(line: SourceLine): Heading | null {
  let h = headings.get(line);
  if (h === undefined) headings.set(line, (h = matchHeading(line.text)));
  return h;
}

/** Is the line a date and nothing else (`2018 年 2 月 1 日`, `（2021年1月28日）`)? */
export function isDate(line: SourceLine): boolean {
  let d = dates.get(line);
  if (d === undefined) dates.set(line, (d = isDateLine(line.text)));
  return d;
}
