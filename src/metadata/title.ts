// The report's title: usually the first lines, sometimes over two lines
//   区卫计局 2017 年政府信息公开工作          聊城市卫生健康委员会
//   年度报告                                  2020年度政府信息公开工作报告
// and the agency name it carries.

import { charCount } from '../parse/chars.js';
import type { SourceLine } from '../parse/lines.js';
import { matchHeading } from '../sections/headings.js';
import { isDateLine } from './dates.js';

export interface Title {
  text: string;
  line: number;
  endLine: number;
}

/** How many non-empty lines from the top may come before the title (web breadcrumbs, a 索引号 block). */
const TITLE_SEARCH_LINES = 15;
const MAX_TITLE_LINE_CHARS = 60;

// Simplified and traditional forms: reports from Hong Kong-style sites and Big5 archives exist.
const REPORT_WORD = /报告|汇报|年报|報告|匯報|彙報|年報/;
const REPORT_END = /(?:报告|汇报|報告|匯報|彙報)$/;
const DISCLOSURE_WORD = /信息公开|政务公开|資訊公開|信息公開|政務公開/;
/** What an agency's name ends with. */
export const AGENCY_SUFFIX = /(?:省|市|区|县|州|旗|盟|局|委|委员会|委員會|政府|办公室|辦公室|办公厅|辦公廳|厅|廳|部|院|中心|办事处|辦事處|街道|镇|鎮|乡|鄉|公司|所|站|会|會|处|處|署|队|隊|馆|館|社|办|辦|管委会|管委會|集团|集團)$/;

/** Web-page furniture above a report: a breadcrumb trail (`首页 > 政务公开 > 年报`), 当前位置. */
const NAVIGATION = /[>＞»›]|当前位置|您现在的位置/;
/** The label of a page's metadata block: `名　　称：XX局2019年…报告`, `标题：…`. */
const FIELD_LABEL = /^(?:名称|标题|文件名称|信息名称|题名)[:：]\s*/;

function titleish(text: string): boolean {
  return (
    text !== '' &&
    charCount(text) <= MAX_TITLE_LINE_CHARS &&
    !/[。；;]$/.test(text) &&
    !NAVIGATION.test(text) &&
    !matchHeading(text) &&
    !isDateLine(text)
  );
}

export function findTitle(lines: readonly SourceLine[], excluded: (no: number) => boolean): Title | null {
  const top = lines.filter((l) => l.text !== '' && !excluded(l.no)).slice(0, TITLE_SEARCH_LINES);
  for (let i = 0; i < top.length; i++) {
    const cur = top[i]!;
    if (!titleish(cur.text)) continue;
    const next = top[i + 1];
    const prev = top[i - 1];
    let first = cur;
    let last = cur;
    if (REPORT_WORD.test(cur.text)) {
      // An agency name alone on the line above: `聊城市卫生健康委员会` / `2020年度…报告`.
      if (prev && titleish(prev.text) && AGENCY_SUFFIX.test(prev.text) && !REPORT_WORD.test(prev.text)) first = prev;
    } else if (DISCLOSURE_WORD.test(cur.text) && next && titleish(next.text) && REPORT_END.test(next.text)) {
      // The title wrapped: `…政府信息公开工作` / `年度报告`.
      last = next;
    } else continue;
    const text = top
      .slice(top.indexOf(first), top.indexOf(last) + 1)
      .map((l) => l.text.replace(FIELD_LABEL, ''))
      .join('');
    return { text, line: first.no, endLine: last.no };
  }
  return null;
}

/** `2017年`, or written out as formal documents do: `二〇一七年`. */
const YEAR_IN_TITLE = /((?:19|20)\d{2}|[一二][〇零○O][〇零○O一二三四五六七八九]{2})\s*年/;
const CN_YEAR_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The statistics year a title names: `…2017年政府信息公开…` → 2017, `二〇一九年` → 2019. */
export function yearOfTitle(title: string): number | null {
  const m = YEAR_IN_TITLE.exec(title);
  if (!m) return null;
  const y = m[1]!;
  return /^\d+$/.test(y) ? Number(y) : [...y].reduce((n, ch) => n * 10 + CN_YEAR_DIGIT[ch]!, 0);
}

/**
 * The agency a title names: the text before the year (`区卫计局2017年…` → `区卫计局`), or, when
 * the year comes first or not at all, the text before the disclosure words.
 */
export function agencyOfTitle(title: string): string | null {
  const y = YEAR_IN_TITLE.exec(title);
  // `某某局关于2019年政府信息公开工作年度报告`: the agency is what stands before 关于.
  const before = y ? title.slice(0, y.index).replace(/关于$/, '') : '';
  if (before && AGENCY_SUFFIX.test(before)) return before;
  const after = y ? title.slice(y.index + y[0].length).replace(/^度/, '') : title;
  const cut = after.search(/(?:关于|關於)?(?:政府信息公开|政务公开|信息公开|政府資訊公開|資訊公開|政府信息公開|政務公開)/);
  const name = cut > 0 ? after.slice(0, cut) : '';
  return name && AGENCY_SUFFIX.test(name) ? name : null;
}
