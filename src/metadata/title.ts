// The report's title and the agency and year it names. A title is usually the first lines, often
// broken over two or three of them
//   区卫计局 2017 年政府信息公开工作      聊城市卫生健康委员会              某某市
//   年度报告                              2020年度政府信息公开工作报告      水务局2021年政府信息公开工作年度报
//                                                                           告
// and web pages glue it to what stands around it: a breadcrumb (`首页 > 年报 > 某局2021年…`), a
// column heading (`政务公开某某镇人民政府2023年…`), the first sentence of the body (`…年度报告根据
// 《条例》…`), the page's own fields (`…年度报告 来源：… 时间：…`). Every pattern reads the folded
// text (half-width, simplified: `…政府資訊公開工作年度報告` is a title); what is returned is cut
// from the text as written.

import { charCount } from '../lexical/chars.js';
import { matchHeading } from '../lexical/headings.js';
import { isDateLine } from '../lexical/dates.js';
import { readingForm } from '../lexical/fold.js';
import type { MetaLine } from './text.js';

export interface Title {
  text: string;
  line: number;
  endLine: number;
}

/** How many non-empty lines from the top may come before the title (web breadcrumbs, a 索引号 block). */
const TITLE_SEARCH_LINES = 15;
/** … before a title that names both agency and year (a web page's menu above it). */
const FULL_TITLE_SEARCH_LINES = 40;
const MAX_TITLE_CHARS = 60;
/** The longest rest of a line after the report word that still belongs to the title. */
const MAX_TAIL_CHARS = 8;
/** A title broken over more lines than this is not a title. */
const MAX_TITLE_LINES = 4;

const REPORT_WORD = /报告|汇报|年报/g;
export const DISCLOSURE_WORD = /(?:信息|资讯|政务)公开/;
/** `2017年`, or written out as formal documents do: `二〇一七年`. */
const YEAR_IN_TITLE = /((?:19|20)\d{2}|[一二][〇零○O][〇零○O一二三四五六七八九]{2})\s*年/;
/** What an agency's name ends with. */
const AGENCY_SUFFIX = /(?:省|市|区|县|州|旗|盟|局|委|委员会|政府|办公室|办公厅|厅|部|院|中心|办事处|街道|镇|乡|公司|所|站|会|处|署|队|馆|社|办|管委会|集团)$/;
/** Not a name: `我局`, `本机关`, a whole area (`全区`), a web site (`…门户网站`). */
const NOT_A_NAME = /^我|^本(?:局|委|厅|办|院|部|处|署|站|所|会|机关|单位|部门|中心|街道|镇|乡|区|县|市)|^(?:全|各)[省市区县镇乡]|(?:网站|门户|平台|频道|专栏)$/;
/** A place name alone on a line above the rest of the title: `某某市` / `水务局2021年…`. */
const PLACE_ONLY = /^[\u3400-\u9fff]{1,8}[省市区县州旗盟镇乡]$/;
/**
 * A web page's heading glued to the name that follows it (`政务公开某某镇人民政府`, `信息公开年报某某局`,
 * `某某市人民政府门户网站某某局`): an agency name does not contain these words, except the
 * disclosure words in the name of an office that does this work (`某某市政务公开办公室`).
 */
const PAGE_HEADING = /年报|报告|公告|动态|首页|正文|专栏|栏目|目录|指南|网站|门户|频道|(?:信息|资讯|政务)公开(?!办|领导|工作|中心|科|股|管理|服务)/g;

/** Web-page furniture: a breadcrumb trail (`首页 > 政务公开 > 年报`), 当前位置. */
const NAVIGATION = /[>»›]|当前位置|您现在的位置|您的位置/;
const NAVIGATION_MARK = /[>»›]|当前位置:?|您现在的位置:?|您的位置:?/g;
/** The label of a page's metadata block: `名　　称：XX局2019年…报告`, `标题：…`. */
const FIELD_LABEL = /^(?:名\s{0,4}称|标\s{0,4}题|文件名称|信息名称|题名)\s{0,4}:\s{0,4}/;
/** Punctuation of a sentence or a field: a title has none. */
const NOT_IN_TITLE = /[。;,，《!?:]/;
/** How the body starts, when its first sentence names the report (`本报告根据…`, `现将…`). */
const BODY_START = /^(?:本(?:年度)?报告|根据|依据|按照|现将|现公布|现予|特此|为了|经)/;

/** Is `s` the name of an agency (as a title, a signature or a field prints it)? */
export function isAgencyName(s: string): boolean {
  const f = readingForm(s);
  // A second name in brackets after the first: `某某区市场监督管理局(知识产权局)`.
  const alias = ALIAS.exec(f);
  const name = alias && AGENCY_SUFFIX.test(alias[2]!) ? alias[1]! : f;
  return charCount(name) >= 2 && AGENCY_SUFFIX.test(name) && !NOT_A_NAME.test(name);
}

/** A name and a second name in brackets after it (the fold's half-width brackets). */
const ALIAS = /^(.+?)\(([^()]{2,20})\)$/;

function fieldLabelLength(fold: string): number {
  return FIELD_LABEL.exec(fold)?.[0].length ?? 0;
}

/** The longest step of a breadcrumb (`首页 > 政务公开 > 政府信息公开年报 >`). */
const MAX_CRUMB_CHARS = 20;

/**
 * Where a breadcrumb glued before the title ends (0 when there is none): marks from the line's
 * start, each after a short step; a `>` after a long stretch of text is the body's
 * (`…年度报告 发布日期：…《…<长江三角洲…纲要>…》`).
 */
function afterNavigation(fold: string): number {
  let end = 0;
  for (const m of fold.matchAll(NAVIGATION_MARK)) {
    if (charCount(fold.slice(end, m.index)) > MAX_CRUMB_CHARS) break;
    end = m.index + m[0].length;
  }
  while (end < fold.length && fold[end] === ' ') end++;
  return end;
}

/**
 * Where a page heading glued before the agency name ends, in `fold[from, to)` (the part before the
 * year or the disclosure words): after the last heading word that leaves a name behind it.
 */
function afterPageHeading(fold: string, from: number, to: number): number {
  let cut = from;
  for (const m of fold.slice(from, to).matchAll(PAGE_HEADING)) {
    const at = from + m.index + m[0].length;
    if (at < to && isAgencyName(fold.slice(at, to))) cut = at;
  }
  return cut;
}

/** A line that can be one piece of a title broken over lines. */
function titlePiece(l: MetaLine, fold: string): boolean {
  const f = fold.slice(fieldLabelLength(fold));
  return (
    f !== '' &&
    charCount(f) <= MAX_TITLE_CHARS &&
    !NOT_IN_TITLE.test(f) &&
    !NAVIGATION.test(f) &&
    !matchHeading(l.text) &&
    !isDateLine(l.text) &&
    f.search(REPORT_WORD) < 0
  );
}

/** The end of the first report word in `fold[from…]`, or -1. */
function reportWordEnd(fold: string, from: number): number {
  REPORT_WORD.lastIndex = from;
  const m = REPORT_WORD.exec(fold);
  return m ? m.index + m[0].length : -1;
}

interface Piece {
  line: MetaLine;
  from: number;
  to: number;
}

interface TitleEnd {
  from: number;
  end: number;
  /** The report word began on the line above (`…年度报` / `告`). */
  carried: boolean;
  /** The title starts after a breadcrumb, a field label or a page heading on this line. */
  cut: boolean;
  /** … after a breadcrumb: a bare title there is the breadcrumb's last step, not the report's. */
  trail: boolean;
}

/** The title's end on line `fold`, or null when no title ends there. */
function titleEnd(l: MetaLine, fold: string, above: string | undefined): TitleEnd | null {
  let from = afterNavigation(fold);
  const trail = from > 0;
  const label = fieldLabelLength(fold.slice(from));
  let cut = trail || label > 0;
  from += label;
  let end = reportWordEnd(fold, from);
  let carried = false;
  if (end < 0) {
    // The report word broken by the line end.
    const pair = (above?.at(-1) ?? '') + fold.slice(0, 1);
    if (from > 0 || !/^(?:报告|汇报|年报)$/.test(pair)) return null;
    end = 1;
    carried = true;
  }
  // A heading that is itself a report word (`政府信息公开年报某某局2021年…报告`): the title follows it.
  for (let i = 0; i < 2 && !carried; i++) {
    const next = reportWordEnd(fold, end);
    const between = next < 0 ? '' : fold.slice(end, next);
    if (next < 0 || charCount(between) > MAX_TITLE_CHARS || NOT_IN_TITLE.test(between)) break;
    if (!YEAR_IN_TITLE.test(between) && !DISCLOSURE_WORD.test(between)) break;
    from = end;
    end = next;
    cut = true;
  }
  // A short rest that is not the start of something else stays: `…年度报告格式模板`, `…报告（摘要）`.
  const rest = fold.slice(end);
  if (rest !== '' && charCount(rest) <= MAX_TAIL_CHARS && !NOT_IN_TITLE.test(rest) && !BODY_START.test(rest) && !matchHeading(l.text.slice(end))) end = fold.length;
  const head = fold.slice(from, end);
  const text = l.text.slice(from, end);
  if (NOT_IN_TITLE.test(head) || charCount(head) > MAX_TITLE_CHARS || BODY_START.test(head)) return null;
  if (matchHeading(text) || isDateLine(text)) return null;
  return { from, end, carried, cut, trail };
}

/** Does the title need the line above to be whole? */
function needs(title: string, above: string, carried: boolean): boolean {
  if (carried) return true;
  if (!DISCLOSURE_WORD.test(title) && DISCLOSURE_WORD.test(above + title)) return true;
  if (!YEAR_IN_TITLE.test(title) && YEAR_IN_TITLE.test(above)) return true;
  if (agencyOfTitle(title) === null && isAgencyName(above)) return true;
  return PLACE_ONLY.test(above) && !title.startsWith(above);
}

function assemble(pieces: Piece[]): Title {
  const folds = pieces.map((p) => readingForm(p.line.text.slice(p.from, p.to)));
  const whole = folds.join('');
  // Drop a page heading glued before the agency name.
  const year = YEAR_IN_TITLE.exec(whole);
  const nameEnd = year && year.index > 0 ? year.index : Math.max(0, whole.search(DISCLOSURE_WORD));
  let drop = afterPageHeading(whole, 0, nameEnd);
  const kept = pieces.filter((p, i) => {
    const len = folds[i]!.length;
    if (drop >= len) {
      drop -= len;
      return false;
    }
    p.from += drop;
    drop = 0;
    return true;
  });
  return {
    text: kept.map((p) => p.line.text.slice(p.from, p.to)).join(''),
    line: kept[0]!.line.no,
    endLine: kept[kept.length - 1]!.line.no,
  };
}

/**
 * The title among the first lines of prose: the first that names both year and agency, else the
 * first that names one of them (not a site's name over its column: `某某市人民政府` / `政府信息公开
 * 年报`, then the report's own title), else the first bare one (`政府信息公开工作年度报告`).
 */
export function findTitle(prose: readonly MetaLine[]): Title | null {
  const top = prose.slice(0, FULL_TITLE_SEARCH_LINES);
  const folds = top.map((l) => readingForm(l.text));
  let best: { title: Title; score: number } | null = null;
  for (let e = 0; e < top.length; e++) {
    const end = titleEnd(top[e]!, folds[e]!, folds[e - 1]);
    if (!end) continue;
    const pieces: Piece[] = [{ line: top[e]!, from: end.from, to: end.end }];
    let title = folds[e]!.slice(end.from, end.end);
    for (let j = e - 1; j >= 0 && e - j < MAX_TITLE_LINES && !end.cut; j--) {
      if (!titlePiece(top[j]!, folds[j]!)) break;
      const label = fieldLabelLength(folds[j]!);
      const above = folds[j]!.slice(label);
      if (!needs(title, above, end.carried && j === e - 1)) break;
      pieces.unshift({ line: top[j]!, from: label, to: top[j]!.text.length });
      title = above + title;
      if (label > 0) break;
    }
    const found = assemble(pieces);
    const score = (yearOfTitle(found.text) === null ? 0 : 1) + (agencyOfTitle(found.text) === null ? 0 : 1);
    if (score === 2) return found;
    if (e >= TITLE_SEARCH_LINES) continue;
    if ((score > 0 || !end.trail) && (!best || score > best.score)) best = { title: found, score };
  }
  return best?.title ?? null;
}

const CN_YEAR_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The statistics year a title names: `…2017年政府信息公开…` → 2017, `二〇一九年` → 2019. */
export function yearOfTitle(title: string): number | null {
  const m = YEAR_IN_TITLE.exec(readingForm(title));
  if (!m) return null;
  const y = m[1]!;
  return /^\d+$/.test(y) ? Number(y) : [...y].reduce((n, ch) => n * 10 + CN_YEAR_DIGIT[ch]!, 0);
}

/** The disclosure words after a name; 政府 only as part of 政府信息公开. */
const AFTER_NAME = /(政府(?=信息|资讯))?(?:信息|资讯|政务)公开/;
/** `某某局关于2019年…`, `关于某某局2019年…`, `某某市人民政府办公室关于印发某某市2021年…`. */
const ABOUT = /关于(?:印发|公布|发布|转发)?/;

/** Where the agency stands in `fold[from, to)`: after a glued page heading, on either side of 关于. */
function nameIn(fold: string, from: number, to: number): [number, number] | null {
  const start = afterPageHeading(fold, from, to);
  const about = ABOUT.exec(fold.slice(start, to));
  const spans: Array<[number, number]> = about
    ? [
        [start + about.index + about[0].length, to],
        [start, start + about.index],
      ]
    : [[start, to]];
  return spans.map(([a, b]) => trimmed(fold, a, b)).find(([a, b]) => isAgencyName(fold.slice(a, b))) ?? null;
}

/** `fold[a, b)` without the brackets or the colon a page puts around a name (`【某某局】2023年…`, `某某局：2023年…`). */
function trimmed(fold: string, a: number, b: number): [number, number] {
  while (a < b && '【[〔 '.includes(fold[a]!)) a++;
  while (b > a && '】]〕: '.includes(fold[b - 1]!)) b--;
  return [a, b];
}

/**
 * The agency a title names: the text before the year (`区卫计局2017年…` → `区卫计局`), or, when
 * the year comes first or not at all, the text before the disclosure words; never a pronoun
 * (`我局2022年度…`) and never a page heading glued before the name.
 */
export function agencyOfTitle(title: string): string | null {
  const f = readingForm(title);
  const y = YEAR_IN_TITLE.exec(f);
  const before = y && y.index > 0 ? nameIn(f, 0, y.index) : null;
  if (before) return title.slice(...before);
  // The disclosure words before the year: `某某局政府信息公开工作2023年度报告`.
  const early = y && y.index > 0 ? AFTER_NAME.exec(f.slice(0, y.index)) : null;
  const beforeWords = early && early.index > 0 ? nameIn(f, 0, early.index) : null;
  if (beforeWords) return title.slice(...beforeWords);
  let from = y ? y.index + y[0].length : 0;
  if (f[from] === '度') from++;
  const m = AFTER_NAME.exec(f.slice(from));
  if (!m || m.index === 0) return null;
  // `2019年上海市人民政府办公厅政府信息公开…`, but `某市人民政府信息公开…`: 政府 may belong to the name.
  const ends = m[1] ? [from + m.index, from + m.index + 2] : [from + m.index];
  for (const end of ends) {
    const name = nameIn(f, from, end);
    if (name) return title.slice(...name);
  }
  return null;
}
