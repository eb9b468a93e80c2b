// The year's work told sentence by sentence: `2023年，XX街道办事处认真贯彻…`. A report that has no
// title of its own (a page cut above it, a title the site kept apart) says its year and often its
// name at the start of a sentence of its opening part:
//   2020年，武汉经济技术开发区（汉南区）医疗保障局政府信息公开工作在…的领导下…      (g022)
//   2023年，在区委、区政府的统一部署下，区统计局紧紧围绕中心工作…                  (g043, h004)
//   1.主动公开政府信息情况。2020年，县农业农村局主动公开…                          (g029)
//   2019年度街道受理信息公开申请0件。                                            (w015, w181)
//   区卫健局高度重视政务信息公开工作…   (no year: taken only where it agrees with 我局; w272, w221)
// Patterns read the fold; names are cut from the text as written.

import { HEAD_CHARS, lineOf, type MetaText } from './text.js';
import { agrees, pronounsOf, withoutSpam } from './names.js';
import { isAgencyName } from './title.js';

export interface Named {
  agency: string | null;
  year: number | null;
  /** The line that states the year. */
  line: number | null;
}

/** What follows the subject of a sentence on the year's work: its verb or an adverb before it. */
const PREDICATE = [
  '认真', '坚持', '深入', '全面', '严格', '按照', '围绕', '积极', '始终', '紧紧', '紧扣', '紧密', '扎实', '持续',
  '进一步', '高度', '不断', '聚焦', '切实', '贯彻', '落实', '大力', '着力', '继续', '根据', '依据', '依照', '立足',
  '结合', '统筹', '加强', '强化', '坚决', '牢固', '对标', '对照', '遵循', '秉持', '着眼', '依法', '主动', '精心',
  '狠抓', '健全', '完善', '推进', '推动', '深化', '优化', '注重', '重视', '全年', '没有', '以', '在', '把', '将',
  '按', '共',
  // A denial of the year's events (`南薰乡未收取…`, g008; `自然资源局无依申请公开项目`, w276).
  '未(?:收到|发生|收取|接到|受理|有)', '无(?:依申请|申请|行政)',
  // The subject of the disclosure work itself (`商务局信息公开工作在…领导下`, h001, g022, h034).
  '(?:政府)?信息公开工作', '政务公开工作',
].join('|');
/** The subject: the shortest run of characters before a predicate. */
const SUBJECT = new RegExp(`^[\\u3400-\\u9fff()]{2,30}?(?=${PREDICATE})`);
/**
 * `2023年，` (or `2023年度，`, `2023年以来，`) at the start of a sentence; without the comma only as
 * `2019年度…` or before 我/本/共/全 (`2021年我局…`, `2022年共收到…`: g035, w294); never a date
 * (`2019年12月`).
 */
const YEAR_OPENING = /^((?:19|20)\d{2}) ?年(度)?(?:以来|全年)? ?(,)? ?/;
/**
 * A heading run into its first sentence, as a page's text run together gives it: `一、概述 2011年，…`
 * (w005); a numbered item and its label (`1.政府信息公开:2021年度,我局…`, w213; `1、主动公开政府信息的
 * 数量:2019年,我局…`, g016).
 */
const RUN_IN_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])[^,。;\d]{0,16}?(?=(?:19|20)\d{2} ?年)/;
const WITHOUT_COMMA = /^[我本共全]/;
/** A sentence that names a report (`2019年度政府信息公开工作年度报告`, a link to another year's) tells no year's work. */
const NAMES_A_REPORT = /^[^,。;]*(?:报告|年报)/;
/** An adverbial before the subject: `在区委、区政府的坚强领导下，`, `根据县政府的工作要求和部署，`. */
const ADVERBIAL = /^(?:在|根据|按照|依照|依据|围绕|随着)[^,。;]{1,40}, ?/;
/** At most this many adverbials stand between the year and the subject. */
const MAX_ADVERBIALS = 2;
/** How much of a sentence's start the year, the adverbials and the subject may take. */
const SUBJECT_WINDOW = 120;
/** Where a sentence ends inside a paragraph. */
const SENTENCE_END = /[。!?;]/g;
/**
 * The part on problems and plans, where the year's work has been told and next year's begins
 * (`五、存在的主要问题及改进情况…2025年，将重点…`, pingtan2024; `下一步，…`): no sentence from there on.
 */
const PLANS = /^(?:[一二三四五六七八九十]{1,3}、|\(?[一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?[^。,]{0,12}(?:问题|改进|下一步|工作计划|工作打算|工作思路)/;
/** A plan for the year named: `2025年，将…`, `2025年，我局将…`. */
const FUTURE = /^[\u3400-\u9fff]{0,12}?(?:将(?!政府|信息|工作|各|本|我|其|所)|计划|拟|力争)/;

/** The sentence starts of the text's head, as offsets of the fold. */
function* sentenceStarts(t: MetaText): Generator<number> {
  // Searched in the head only (a search in the whole fold would run to the text's end from every
  // paragraph of a text without a `。`); the ends are found in one pass and walked with the paragraphs.
  const head = t.fold.slice(0, HEAD_CHARS);
  const ends = [...head.matchAll(SENTENCE_END)].map((m) => m.index);
  let e = 0;
  for (const p of t.paragraphs) {
    if (p.start >= HEAD_CHARS) return;
    yield p.start;
    const end = Math.min(p.end, HEAD_CHARS);
    while (e < ends.length && ends[e]! < p.start) e++;
    for (; e < ends.length && ends[e]! < end; e++) {
      let at = ends[e]! + 1;
      while (at < end && head[at] === ' ') at++;
      if (at < end) yield at;
    }
  }
}

interface Sentence {
  year: number | null;
  /** The subject as written, if a name. */
  name: string | null;
}

/**
 * Does an agency's name start the fold at `at`, as the subject of a predicate? A year without a comma
 * is a sentence's only where a name follows it (`2022年蜀山區教育體育局共…`, w020; `2020年县卫生健康委未…`,
 * `2023年大兴乡人民政府共主动…`, `4、2019年縣政府辦公室主動公開…`, w064), not a noun phrase
 * (`2019年政府信息公开工作…`, `2016年政務網站、微信…`).
 */
function namedSubject(t: MetaText, at: number): boolean {
  const m = SUBJECT.exec(t.fold.slice(at, at + SUBJECT_WINDOW));
  return m !== null && isAgencyName(withoutSpam(t.text.slice(at, at + m[0].length)));
}

/** The year a sentence opens with and its subject, or null when it opens with neither. */
function read(t: MetaText, sentence: number): Sentence | null {
  const at = sentence + (RUN_IN_HEADING.exec(t.fold.slice(sentence, sentence + SUBJECT_WINDOW))?.[0].length ?? 0);
  const f = t.fold.slice(at, at + SUBJECT_WINDOW);
  let from = 0;
  let year: number | null = null;
  const y = YEAR_OPENING.exec(f);
  if (y && (y[2] || y[3] || WITHOUT_COMMA.test(f.slice(y[0].length)) || namedSubject(t, at + y[0].length)) && !NAMES_A_REPORT.test(f) && !FUTURE.test(f.slice(y[0].length))) {
    year = Number(y[1]);
    from = y[0].length;
    for (let i = 0; i < MAX_ADVERBIALS; i++) {
      const a = ADVERBIAL.exec(f.slice(from));
      if (!a) break;
      from += a[0].length;
    }
  }
  const m = SUBJECT.exec(f.slice(from));
  const written = m ? withoutSpam(t.text.slice(at + from, at + from + m[0].length)) : null;
  const name = written !== null && isAgencyName(written) ? written : null;
  return year === null && name === null ? null : { year, name };
}

/**
 * The year of the first sentence that opens with one, and the agency: the subject of that sentence
 * if a name, else of a later one that opens with a year (where the report calls itself 我局, only a
 * name that agrees), else of a sentence without a year that agrees with how the report calls itself.
 */
export function subject(t: MetaText): Named | null {
  const pronouns = pronounsOf(t.fold.slice(0, HEAD_CHARS));
  let year: number | null = null;
  let line: number | null = null;
  let withoutYear: string | null = null;
  for (const at of sentenceStarts(t)) {
    if (PLANS.test(t.fold.slice(at, at + SUBJECT_WINDOW))) break;
    const s = read(t, at);
    if (!s) continue;
    if (s.year === null) {
      if (withoutYear === null && s.name !== null && agrees(s.name, pronouns)) withoutYear = s.name;
      continue;
    }
    const first = year === null;
    if (first) {
      year = s.year;
      line = lineOf(t, at);
    }
    if (s.name !== null && (first || pronouns.size === 0 || agrees(s.name, pronouns))) return { year, agency: s.name, line };
  }
  return year === null && withoutYear === null ? null : { year, agency: withoutYear, line };
}
