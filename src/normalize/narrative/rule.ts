// What a prose rule is, and the pieces of pattern the rule groups share. Patterns are written for
// the matching form of a sentence: half-width (`，` → `,`, `：` → `:`, `；` → `;`) and simplified.
//
// Every pattern runs in linear time: no unbounded quantifier anywhere, windows are `{0,N}` over a
// class that stops at punctuation, and no two quantified parts can match the same text.

import type { StatisticsPath } from '../../statistics.js';

export interface Rule {
  /** The statistic the rule reads (checked by the compiler against the contract). */
  path: StatisticsPath;
  /** Text the pattern cannot match without: sentences lacking it are not searched. */
  hint: string;
  /** Flags `gd`; group 1 is the number (unless `zero`), group 2 the unit of a `money` rule. */
  re: RegExp;
  /** The pattern states zero: no number in it. */
  zero?: true;
  /** Group 2 is `元` or `万元`; the value is recorded in 万元. */
  money?: true;
  /** A total: a figure introduced by 其中 or followed by 占…% is a part of something, not it. */
  total?: true;
  /** The sentence must speak of this (`previous` is the sentence before, in the same paragraph). */
  about?: (sentence: string, previous: string) => boolean;
  /** A last look at one match: keep it, keep it only if nothing better is found, or drop it. */
  check?: (m: MatchContext) => Verdict;
}

export type Verdict = 'figure' | 'fallback' | 'reject';

export interface MatchContext {
  /** The paragraph, the sentence and the clause holding the match, in matching form. */
  paragraph: string;
  sentence: string;
  clause: string;
  /** The sentence before the match back to the clause start, and the matched text. */
  clausePrefix: string;
  text: string;
}

/** A pattern of a rule: compiled once with the flags the engine needs. */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'gd');
}

/**
 * A count: digits, possibly grouped by commas (`1,234`; long enough for a number far too large, which
 * parseNumeral then refuses with a warning), not the tail of a longer number (a comma
 * after a digit groups; one after a word is the `，` of the text). Validation (grouping, size) is
 * parseNumeral's, in the engine.
 */
const NOT_A_TAIL = '(?<![\\d.])(?<!\\d,)';
export const NUM = `${NOT_A_TAIL}(\\d[\\d,]{0,48})`;
/** An amount, possibly with decimals (`1480.8758`). */
export const AMOUNT = `${NOT_A_TAIL}(\\d[\\d,]{0,48}(?:\\.\\d{1,8})?)`;
/** The units in which a report counts requests and cases. */
export const UNIT = '(?:件|份|个|条|起|宗)';
/** `共`, `共计` … between a noun and its number. */
export const SUM_WORD = '(?:共计|共|合计|总计)?';
/** Negation before or after what did not happen; not the 无 of 无法, 无论, 无锡. */
export const NEGATION = '(?:未|没有|无(?![法论须需偿锡为关]))';

/** A clause that also counts something (a number with its unit). */
export const HAS_COUNT = /\d(?:件|起|宗|个|次|条)/;
