// What a prose rule is, and the pieces of pattern the rule groups share. Patterns are written for
// the matching form of a sentence: half-width (`，` → `,`, `：` → `:`, `；` → `;`) and simplified.
//
// A rule is one clause of the report's grammar: a subject (主动公开…信息, 收到…申请, 予以公开,
// 行政复议), a count in NUM's place and its measure word. What the clause's place in its sentence
// makes of the count (a part of a breakdown, an aside in brackets, a sum over years) is decided
// for every rule alike (sentence.ts, scope.ts), and so is the choice among the readings of one
// path (choose.ts).
//
// Every pattern runs in linear time: no unbounded quantifier anywhere, windows are `{0,N}` over a
// class that stops at punctuation, and no two quantified parts can match the same text.

import type { StatisticsPath } from '../../statistics.js';
import { CN_NUMERAL_CHARS } from '../../lexical/numerals.js';
import type { Topic } from './topic.js';

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
  /**
   * A total: a figure in a breakdown (after 其中, inside brackets, a category's count) or followed
   * by 占…% is a part of something, not it.
   */
  total?: true;
  /**
   * How plainly the clause names its fact (choose.ts takes the plainest reading there is):
   * 0 names it (主动公开…信息), 1 says it in general words (公开政府信息), 2 only under a heading
   * on the fact (`(一)主动公开情况` over `门户网站共发布信息314条`). Default 0.
   */
  level?: Level;
  /**
   * A count of what stands at a date (现行有效: the documents in force), not of what happened in
   * the year: a sum over years (`2024年以来现行有效…0件`) is still this year's stock.
   */
  stock?: true;
  /** Read only under a heading (or a `…情况:` lead) on this fact. */
  topic?: Topic;
  /** The sentence must speak of this (`previous` is the sentence before, in the same paragraph; `topic` the heading's). */
  about?: (sentence: string, previous: string, topic: Topic | null) => boolean;
  /** A last look at one match: keep it, keep it as the count of one channel, or drop it. */
  check?: (m: MatchContext) => Verdict;
}

export type Level = 0 | 1 | 2;

/** `channel`: the count of the website's publication, or of other channels (channels.ts): a part unless the website's is the only one counted. */
export type Verdict = 'figure' | 'reject' | { channel: Channel };
export type Channel = 'website' | 'other';

export interface MatchContext {
  /** The paragraph, the sentence and the clause holding the match, in matching form. */
  paragraph: string;
  sentence: string;
  clause: string;
  /** The sentence before the match back to the clause start, and the matched text. */
  clausePrefix: string;
  text: string;
  /** A few characters of the paragraph after the match (the next sentence's start too). */
  after: string;
  /** The fact the heading over the sentence is about. */
  topic: Topic | null;
}

/** A pattern of a rule: compiled once with the flags the engine needs. */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'gd');
}

/**
 * What stands in a count's place: digits, possibly grouped by commas (`1,234`; long enough for a
 * number far too large), and also what only looks like a count — a sign (`-5`), decimals (`56.5`),
 * an exponent (`1e400`), digits set apart by spaces (`1 234`) — so that numerals.ts refuses it
 * with a warning instead of the pattern reading a piece of it; or a Chinese numeral (`五十六`) not
 * hedged (`数十`, `近百`, `上百`, `十余`). Never the tail of a longer number or word (a comma after a
 * digit groups; one after a word is the `，` of the text).
 */
const NOT_A_TAIL = '(?<![\\d.A-Za-z+\\-−])(?<!\\d,)';
const DIGITS = '[+\\-−]?\\d[\\d,.]{0,48}(?:[eE][+\\-]?\\d{1,4})?(?: \\d{3}){0,6}';
const HEDGE = '数几近约逾上成好多';
const WORDS = `(?<![${CN_NUMERAL_CHARS}第${HEDGE}])[${CN_NUMERAL_CHARS}]{1,12}`;
export const NUM = `${NOT_A_TAIL}(${DIGITS}|${WORDS})`;
/** An amount, possibly with decimals (`1480.8758`). */
export const AMOUNT = `${NOT_A_TAIL}([+\\-−]?\\d[\\d,]{0,48}(?:\\.\\d{1,8})?)`;
/**
 * A hedge around a count (`约300条`, `300余条`): a total rule lets it match so that the engine
 * knows the text states the fact only roughly, takes no figure and lets no vaguer wording stand in.
 */
export const HEDGE_BEFORE = '(?:约|近|逾|超过|将近|大约)?';
export const HEDGE_AFTER = '(?:余|多)?';
/** The units in which a report counts requests and cases. */
export const UNIT = '(?:件|份|个|条|起|宗|项|次)';
/** `共`, `共计` … between a noun and its number. */
export const SUM_WORD = '(?:共计|共|合计|总计)?';
/** Negation before or after what did not happen; not the 无 of 无法, 无论, 无锡. */
export const NEGATION = '(?:未|没有|无(?![法论须需偿锡为关]))';

/** A clause that also counts something (a number with its unit). */
export const HAS_COUNT = /\d(?:件|起|宗|个|次|条)/;
