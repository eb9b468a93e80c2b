// Figures stated in prose, for reports that give their numbers only in sentences (most before
// 2015; seeds 000, 003, 004) and for the 总体情况 of later ones. Conservative on purpose: a wrong
// number is worse than none, so when unsure the field stays absent.
//
// - A pattern names the fact it reads (`主动公开政府信息N条`, `收到政府信息公开申请N件`); a bare
//   count (`共受理12件`, `予以公开8件`) is read only in a sentence about that fact. The rules live
//   in ./narrative/, one module per group: proactive, requests, appeals, fees.
// - A number must stand right before its unit and not be hedged: `5500余条`, `约300条`, `300条左右`
//   are estimates, not figures.
// - A figure of other years is not this year's: 累计, 历年, 自2008年以来, 三年来 before it make a sum
//   over years, 上年/去年/同比 another year. A count after 其中 or followed by 占…% is a part.
// - When the text states one fact with two different numbers, neither is taken.
// - Sentences are matched in a half-width, simplified form of the text (`全年主動公開政府信息56條`),
//   which has the same length, so an offset found in it points at the report's own characters.
//
// Provenance: `line` is the line where the figure's number stands, `raw` the part of the match on
// that line. Given the decoded lines, `raw` is taken verbatim from the line, typesetting spaces and
// all (`主动公开政府信息共计 810 条`); without them, from the line as the paragraph holds it.

import { SPACE_RE } from '../lexical/chars.js';
import { readingForm } from '../lexical/fold.js';
import type { StatisticsPath } from '../statistics.js';
import type { Paragraph } from '../parse/paragraphs.js';
import { toSimplified } from '../lexical/simplified.js';
import { APPEAL_RULES } from './narrative/appeals.js';
import { FEE_RULES } from './narrative/fees.js';
import { PROACTIVE_RULES } from './narrative/proactive.js';
import { REQUEST_RULES } from './narrative/requests.js';
import type { MatchContext, Rule } from './narrative/rule.js';
import { parseNumeral, type Refusal } from '../lexical/values.js';

export interface ProseFigure {
  path: StatisticsPath;
  value: number;
  line: number;
  raw: string;
}

/** What extractProse needs of a decoded line: its text as decoded (`SourceLine.raw`). */
export interface RawLine {
  raw: string;
}

const RULES: readonly Rule[] = [...PROACTIVE_RULES, ...REQUEST_RULES, ...APPEAL_RULES, ...FEE_RULES];
/** The rules' distinct hints, and for each rule the index of its hint: a sentence is searched once per hint, not once per rule. */
const HINTS = [...new Set(RULES.map((r) => r.hint))];
const HINT_OF = RULES.map((r) => HINTS.indexOf(r.hint));
const DIGIT = /\d/;

// toSimplified's table takes a few hundred milliseconds to make, once per thread. Every report's
// prose goes through it, so it is made when this module loads (a worker's start-up), not inside
// the first report's time limit (--timeout-ms).
toSimplified('');

/** Receives a figure whose number is refused (too large to be exact, malformed grouping). */
export type ProseWarn = (code: Refusal, message: string, line: number) => void;

/** A sum over years (累计, 历年, 自2008年以来, 三年来), not 今年以来 or 一年来. */
const CUMULATIVE = /累计|历年|迄今|至今(?!年)|(?<!今年|本年|年初)以来|(?<!一)年来/;
/** Another year than the report's. */
const OTHER_YEAR = /上一?年|去年|前年|同比/;
/** After a figure's unit: a hedge (`300条左右`); one before it (`约300条`, `5500余条`) already keeps the patterns from matching. */
const ESTIMATE_AFTER = /^(?:左右|以上|上下|之多|多|余)/;
/** Before a total: the 其中 that makes it a part. */
const PART_BEFORE = /其中/;
const PART_AFTER = /^,?占/;

/** How far around a match the guards look (they must not scan a whole hostile paragraph). */
const CLAUSE_REACH = 60;
const PART_REACH = 30;

/** 。 ; ! ? — the text is half-width when sentences are cut. */
const isSentenceEnd = (c: number): boolean => c === 0x3002 || c === 0x3b || c === 0x21 || c === 0x3f;

/** [from, to) of each sentence of a text in matching form, without its end mark. */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSentenceEnd(text.charCodeAt(i))) continue;
    if (i > from) out.push([from, i]);
    from = i + 1;
  }
  return out;
}

/** Does a clause end at `i` of `s`? `,` between digits groups a number and ends nothing. */
function clauseMark(s: string, i: number): boolean {
  const c = s[i];
  if (c === ';' || c === ':') return true;
  return c === ',' && !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''));
}

/** The clause around [at, end) of a sentence, looking at most CLAUSE_REACH characters either way. */
function clauseAround(s: string, at: number, end: number): { start: number; end: number } {
  let a = at;
  while (a > 0 && at - a < CLAUSE_REACH && !clauseMark(s, a - 1)) a--;
  let b = end;
  while (b < s.length && b - end < CLAUSE_REACH && !clauseMark(s, b)) b++;
  return { start: a, end: b };
}

/** The sentence's first clause when it comes before `at`: a time that governs the whole sentence (`自2008年以来,`). */
function leadingClause(s: string, at: number): string {
  for (let i = 0; i < Math.min(at, CLAUSE_REACH); i++) if (clauseMark(s, i)) return s.slice(0, i);
  return '';
}

interface Candidate {
  path: StatisticsPath;
  value: number;
  /** The number is refused (values.ts parseNumeral): no figure for the path, and a warning. */
  refused?: { code: Refusal; reason: string };
  fallback: boolean;
  paragraph: Paragraph;
  /** Offsets in the paragraph text: the match, and where its line is decided (the number, or the match start). */
  start: number;
  end: number;
  anchor: number;
}

/** One match of a rule in a sentence (`from` is the sentence's offset in the paragraph), if it is a figure. */
function candidate(rule: Rule, m: RegExpMatchArray, sentence: string, from: number, paragraph: string, p: Paragraph): Candidate | null {
  const at = m.index!;
  const end = at + m[0].length;
  const numAt = rule.zero ? at : m.indices![1]![0];
  const clause = clauseAround(sentence, at, end);
  const clausePrefix = sentence.slice(clause.start, at);
  if (OTHER_YEAR.test(clausePrefix)) return null;
  if (!rule.zero) {
    if (CUMULATIVE.test(clausePrefix) || CUMULATIVE.test(leadingClause(sentence, clause.start))) return null;
    if (ESTIMATE_AFTER.test(sentence.slice(end, end + 2))) return null;
  }
  if (rule.total && (PART_BEFORE.test(sentence.slice(Math.max(0, at - PART_REACH), at)) || PART_AFTER.test(sentence.slice(end, end + 2)))) return null;
  const context: MatchContext = { paragraph, sentence, clause: sentence.slice(clause.start, clause.end), clausePrefix, text: m[0] };
  const verdict = rule.check ? rule.check(context) : 'figure';
  if (verdict === 'reject') return null;
  // The one number parser of the project: 元 → 万元 exactly, on the decimal string.
  const n = rule.zero ? { ok: true as const, value: 0 } : parseNumeral(m[1]!, rule.money && m[2] === '元' ? 4 : 0);
  const where = { paragraph: p, start: from + at, end: from + end, anchor: from + numAt };
  if (!n.ok) return { path: rule.path, value: NaN, refused: { code: n.code, reason: n.reason }, fallback: false, ...where };
  return { path: rule.path, value: n.value, fallback: verdict === 'fallback', ...where };
}

/**
 * Figures stated in the paragraphs' prose. `lines` (the decoded lines, indexed by line number - 1)
 * lets `raw` be quoted verbatim from the line; without them it comes from the paragraph text.
 */
export function extractProse(paragraphs: readonly Paragraph[], lines?: readonly RawLine[], warn: ProseWarn = () => {}): ProseFigure[] {
  const found = new Map<StatisticsPath, Candidate[]>();
  for (const p of paragraphs) {
    const text = readingForm(p.text);
    let previous = '';
    for (const [from, to] of sentences(text)) {
      const sentence = text.slice(from, to);
      const present = HINTS.map((h) => sentence.includes(h));
      // Every rule but a zero one captures digits (rule.ts NUM, AMOUNT): a sentence without any is searched by the zero rules only.
      const digits = DIGIT.test(sentence);
      for (let r = 0; r < RULES.length; r++) {
        const rule = RULES[r]!;
        if (!present[HINT_OF[r]!] || (!rule.zero && !digits) || (rule.about && !rule.about(sentence, previous))) continue;
        for (const m of sentence.matchAll(rule.re)) {
          const c = candidate(rule, m, sentence, from, text, p);
          if (!c) continue;
          const list = found.get(c.path);
          if (list) list.push(c);
          else found.set(c.path, [c]);
        }
      }
      previous = sentence;
    }
  }
  const out: ProseFigure[] = [];
  for (const [path, all] of found) {
    // A number refused stays out, and no weaker wording of the same fact may fill its place.
    const refused = all.find((c) => c.refused);
    if (refused) {
      const { line, raw } = provenance(refused, lines);
      warn(refused.refused!.code, `${path}: ${refused.refused!.reason} (${raw}); left absent`, line);
      continue;
    }
    const figures = all.filter((c) => !c.fallback);
    const pool = figures.length > 0 ? figures : all;
    const first = pool[0]!;
    // The text disagrees with itself (two totals, a figure and a denial): no figure.
    if (pool.some((c) => c.value !== first.value)) continue;
    out.push({ path, value: first.value, ...provenance(first, lines) });
  }
  return out;
}

/** The line of a candidate's number and the part of the match on that line. */
function provenance(c: Candidate, lines: readonly RawLine[] | undefined): { line: number; raw: string } {
  const { starts, text } = c.paragraph;
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]!.offset <= c.anchor) i++;
  const lineFrom = starts[i]!.offset;
  const lineTo = i + 1 < starts.length ? starts[i + 1]!.offset : text.length;
  const line = starts[i]!.line;
  const piece = text.slice(Math.max(c.start, lineFrom), Math.min(c.end, lineTo)).trim();
  const source = lines?.[line - 1]?.raw;
  return { line, raw: source === undefined ? piece : verbatim(piece, source) };
}

const SPACES = new RegExp(SPACE_RE.source, 'g');

/**
 * The stretch of a decoded line that reads as `piece` once its spaces are dropped
 * (`共计 810 条` for `共计810条`); `piece` itself when the line does not hold it so (debris inside).
 */
function verbatim(piece: string, line: string): string {
  if (piece === '' || line.includes(piece)) return piece;
  const want = piece.replace(SPACES, '');
  for (let i = line.indexOf(want[0]!); i >= 0; i = line.indexOf(want[0]!, i + 1)) {
    let j = i;
    let k = 0;
    while (k < want.length && j < line.length) {
      if (line[j] === want[k]) k++;
      else if (!SPACE_RE.test(line[j]!)) break;
      j++;
    }
    if (k === want.length) return line.slice(i, j);
  }
  return piece;
}
