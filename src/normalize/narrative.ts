// Figures stated in prose, for reports that give their numbers only in sentences (most before
// 2015; seeds 000, 003, 004) and for the 总体情况 of later ones. Conservative on purpose: a wrong
// number is worse than none, so when unsure the field stays absent.
//
// A small grammar of the report's sentences:
// - A clause has a subject, a count and a measure word. A rule (./narrative/, one module per
//   group: proactive, requests, appeals, fees) is the pattern of one subject: it names the fact it
//   reads (`主动公开政府信息N条`, `收到政府信息公开申请N件`); a bare count (`共受理12件`, `予以公开8件`)
//   is read only in a sentence about that fact, and a clause in general words (`共发布信息314条`) only
//   under a heading on it (narrative/topic.ts).
// - Where the clause stands makes the count a part or not (narrative/sentence.ts): after 其中, in
//   brackets after a total, a category's count (`…类信息N条`, `其他…N条`), or followed by 占…%.
// - The time it covers (narrative/scope.ts): 累计 and 历年 sum over years unless a time within the
//   year governs them; 上年, 去年, 同比 speak of another year.
// - A number must stand right before its measure word and not be hedged: `5500余条`, `约300条`,
//   `300条左右` are estimates. What stands in a count's place but is no count (`056`, `-5`, `56.5`,
//   `1e400`, `1 234`) is refused with a warning (narrative/numerals.ts); `五十六条` is read.
// - The readings of one path are chosen among (narrative/choose.ts): the plainest wins; where they
//   disagree, none is taken and PROSE_CONFLICT says so.
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
import { choose, type Reading } from './narrative/choose.js';
import { CN_NUMERAL_CHARS } from '../lexical/numerals.js';
import { readAmount, readCount } from './narrative/numerals.js';
import type { MatchContext, Rule } from './narrative/rule.js';
import { spanOf } from './narrative/scope.js';
import { CATEGORY, SentenceShape } from './narrative/sentence.js';
import { TopicTracker, type Topic } from './narrative/topic.js';
import type { Refusal } from '../lexical/values.js';

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
/** A character a count can start with (rule.ts NUM): digits, or a Chinese numeral. */
const NUMERAL_START = new RegExp(`[\\d${CN_NUMERAL_CHARS}]`);

// toSimplified's table takes a few hundred milliseconds to make, once per thread. Every report's
// prose goes through it, so it is made when this module loads (a worker's start-up), not inside
// the first report's time limit (--timeout-ms).
toSimplified('');

/**
 * Receives a figure seen but not taken: its number refused (no count, too large to be exact,
 * malformed grouping), or the text stating one fact with different numbers (PROSE_CONFLICT).
 */
export type ProseWarn = (code: Refusal | 'PROSE_CONFLICT', message: string, line: number) => void;

/** After a figure's unit: a hedge (`300条左右`). */
const ESTIMATE_AFTER = /^(?:左右|以上|上下|之多|多|余)/;
/** Around its number: `约300条`, `300余条` (rule.ts HEDGE_BEFORE, HEDGE_AFTER). */
const HEDGED_BEFORE = /(?:约|近|逾|超过|将近)$/;
const HEDGED_AFTER = /^[余多]/;
/** After a total: a share (`1,509条,占71%`), or the total it is part of (`发布信息514条,总计2401条`: h013). */
const PART_AFTER = /^,?(?:占|总计|合计|共计|总共|一共)/;
/** A sentence that counts documents (`共发文96件,其中主动公开文件0件`) classifies them: its parts are no 主动公开 of information. */
const DOCUMENT_COUNT = /(?:公文|发文|文件)\d/;

/** A clause that is nothing but 其中 before the fact it names. */
const CLASS_BREAKDOWN = /^[,:\s]*其中[,:]?$/;

/** How far around a match the guards look (they must not scan a whole hostile paragraph). */
const CLAUSE_REACH = 60;
/** What a rule's check sees after its match (MatchContext.after, across the sentence's end): enough for `。其中`, `案例`. */
const AFTER_REACH = 8;

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

interface Candidate extends Reading {
  paragraph: Paragraph;
  /** Offsets in the paragraph text: the match, and where its line is decided (the number, or the match start). */
  start: number;
  end: number;
  anchor: number;
}

/** A sentence being searched: its text, its offset in the paragraph, and what the rules ask of it. */
interface SentenceAt {
  text: string;
  from: number;
  topic: Topic | null;
  /** Made when a total rule first matches in it: most sentences never need it. */
  shape?: SentenceShape;
}

type Outcome = Candidate | 'part' | null;

/**
 * One match of a rule in a sentence: a candidate, `part` when a total rule found a part (choose.ts
 * uses it to veto wider totals), or null when it is no figure of this year.
 */
function candidate(rule: Rule, m: RegExpMatchArray, s: SentenceAt, paragraph: string, p: Paragraph): Outcome {
  const sentence = s.text;
  const at = m.index!;
  const end = at + m[0].length;
  const numAt = rule.zero ? at : m.indices![1]![0];
  const clause = clauseAround(sentence, at, end);
  const clausePrefix = sentence.slice(clause.start, at);
  const span = spanOf(clausePrefix, leadingClause(sentence, clause.start));
  if (span === 'other' || (!rule.zero && !rule.stock && span === 'years')) return null;
  if (!rule.zero && ESTIMATE_AFTER.test(sentence.slice(end, end + 2))) return null;
  if (!rule.zero && (HEDGED_BEFORE.test(sentence.slice(Math.max(0, numAt - 2), numAt)) || HEDGED_AFTER.test(sentence.slice(m.indices![1]![1], end)))) {
    // The text gives the fact only roughly: no figure, and no vaguer wording may stand in for it.
    return rule.total && (rule.level ?? 0) === 0 ? 'part' : null;
  }
  if (rule.total) {
    s.shape ??= new SentenceShape(sentence);
    const role = s.shape.roleAt(numAt);
    // `全年共制作政府信息236条,其中主动公开信息数为158条,依申请公开信息数54条` breaks a wider total down by
    // disclosure class: the clause that names the fact right after 其中 is its count (h057).
    const byClass = role === 'part' && (rule.level ?? 0) === 0 && CLASS_BREAKDOWN.test(clausePrefix) && !DOCUMENT_COUNT.test(sentence);
    if ((role !== 'main' && !byClass) || CATEGORY.test(clausePrefix) || PART_AFTER.test(sentence.slice(end, end + 2))) {
      // A part whose clause names the fact (not a category of it) tells that wider totals are not it.
      return (rule.level ?? 0) === 0 && !CATEGORY.test(clausePrefix) ? 'part' : null;
    }
  }
  const context: MatchContext = {
    paragraph,
    sentence,
    clause: sentence.slice(clause.start, clause.end),
    clausePrefix,
    text: m[0],
    after: paragraph.slice(s.from + end, s.from + end + AFTER_REACH),
    topic: s.topic,
  };
  const verdict = rule.check ? rule.check(context) : 'figure';
  if (verdict === 'reject') return null;
  // The one number reader of the project: 元 → 万元 exactly, on the decimal string.
  const n = rule.zero ? { ok: true as const, value: 0 } : rule.money ? readAmount(m[1]!, m[2] === '元' ? 4 : 0) : readCount(m[1]!);
  // One literal (spreading objects here costs seconds on a hostile text of 100 000 matches).
  return {
    path: rule.path,
    value: n.ok ? n.value : NaN,
    ...(n.ok ? {} : { refused: { code: n.code, reason: n.reason } }),
    level: rule.level ?? 0,
    channel: typeof verdict === 'object' ? verdict.channel : null,
    paragraph: p,
    start: s.from + at,
    end: s.from + end,
    anchor: s.from + numAt,
  };
}

/**
 * Figures stated in the paragraphs' prose. `lines` (the decoded lines, indexed by line number - 1)
 * lets `raw` be quoted verbatim from the line; without them it comes from the paragraph text.
 */
export function extractProse(paragraphs: readonly Paragraph[], lines?: readonly RawLine[], warn: ProseWarn = () => {}): ProseFigure[] {
  const found = new Map<StatisticsPath, Candidate[]>();
  const vetoed = new Set<StatisticsPath>();
  const topics = new TopicTracker();
  for (const p of paragraphs) {
    const text = readingForm(p.text);
    let previous = '';
    for (const [from, to] of sentences(text)) {
      const sentence = text.slice(from, to);
      const s: SentenceAt = { text: sentence, from, topic: topics.see(sentence) };
      const present = HINTS.map((h) => sentence.includes(h));
      // Every rule but a zero one captures a numeral (rule.ts NUM, AMOUNT): a sentence without any is searched by the zero rules only.
      const numerals = NUMERAL_START.test(sentence);
      for (let r = 0; r < RULES.length; r++) {
        const rule = RULES[r]!;
        if (!present[HINT_OF[r]!] || (!rule.zero && !numerals) || (rule.topic && rule.topic !== s.topic)) continue;
        if (rule.about && !rule.about(sentence, previous, s.topic)) continue;
        for (const m of sentence.matchAll(rule.re)) {
          const c = candidate(rule, m, s, text, p);
          if (c === 'part') vetoed.add(rule.path);
          if (!c || c === 'part') continue;
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
    const choice = choose(all, vetoed.has(path));
    if (choice.kind === 'figure') {
      out.push({ path, value: choice.reading.value, ...provenance(choice.reading, lines) });
    } else if (choice.kind === 'refused') {
      // A number refused stays out, and no other wording of the same fact may fill its place.
      const { line, raw } = provenance(choice.reading, lines);
      warn(choice.reading.refused!.code, `${path}: ${choice.reading.refused!.reason} (${raw}); left absent`, line);
    } else if (choice.kind === 'conflict') {
      // The text disagrees with itself (two totals, a figure and a denial): no figure.
      const [a, b] = choice.readings.map((c) => ({ value: c.value, ...provenance(c, lines) }));
      warn('PROSE_CONFLICT', `${path}: the text states ${a!.value} (line ${a!.line}: ${a!.raw}) and ${b!.value} (line ${b!.line}: ${b!.raw}); left absent`, a!.line);
    }
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
