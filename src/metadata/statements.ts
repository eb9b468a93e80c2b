// What the body and the page say about the report where the title does not: the sentence that
// introduces it (`现将我局2022年度政府信息公开工作报告如下`, `现公布X市人民政府2017年政府信息公开工作
// 年度报告`), the subject of the first sentence on the year's work (`2023年，XX街道办事处认真贯彻…`),
// and the fields of the page (`发布机构：XX局`). Patterns read the fold; names are cut from the text
// as written. A pronoun (`我局`) is not a name.

import { HEAD_CHARS, lineEnd, lineOf, type MetaText } from './text.js';
import type { Named } from './subject.js';
import { DISCLOSURE_WORD, agencyOfTitle, isAgencyName, yearOfTitle } from './title.js';

/**
 * The report named as a title names it: `现将…报告`, `现公布…报告`, `现予公布《…年报》`, `现特向社会公布…`
 * (h034), `现公开我局2020年度…报告` (w272); and the sentence that says who made it: `编制了清江浦区人民政府
 * 2021年度…报告` (h029), `特编制某某办公室2023年…报告` (w317), `编写沙洋县2017年度…报告` (g012),
 * `由某某委员会编制的2010年度…报告` (g004, g005), `编制完成《鄯善县2022年…报告》` (w111).
 */
const OPENING =
  /(?:现特?(?:将|予以?公布|予以?发布|公布|发布|公开|向社会公布|向社会公开)|特向社会公布|编制(?:了|完成|的)?|编写(?:了)?)["“《]?([^,;。:《》“”"\n]{2,50}?(?:报告|年报))/g;
/**
 * The year's disclosure work named with whose it is: `结合自贡市商务局2022年政府信息公开工作实际` (h002),
 * `汇报我镇2023年政府信息公开工作` (w188), `对我乡2019年度政府信息公开工作`, `总结全市2015年…` (w102).
 */
const WORK = /(?:结合|汇报|总结|对)([^,;。:《》“”"\n]{1,20}?((?:19|20)\d{2})年度?的?(?:政府)?信息公开工作)/g;

/** Is `at` inside a document's name (`《…关于编制2022年度政府信息公开工作年度报告的通知》`)? */
function quoted(fold: string, at: number): boolean {
  return fold.lastIndexOf('《', at) > fold.lastIndexOf('》', at);
}

/** The sentence that introduces the report, as `{ agency, year }`, or null. */
export function opening(t: MetaText): Named | null {
  const head = t.fold.slice(0, HEAD_CHARS);
  for (const m of head.matchAll(OPENING)) {
    const phrase = m[1]!;
    if (!DISCLOSURE_WORD.test(phrase) || quoted(head, m.index)) continue;
    const start = m.index + m[0].length - phrase.length;
    const written = t.text.slice(start, start + phrase.length);
    return { agency: agencyOfTitle(written), year: yearOfTitle(written), line: lineOf(t, start) };
  }
  for (const m of head.matchAll(WORK)) {
    if (quoted(head, m.index)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    return { agency: agencyOfTitle(t.text.slice(start, start + m[1]!.length)), year: Number(m[2]), line: lineOf(t, start) };
  }
  return null;
}

/** A page's fields that name the publisher, most specific first. */
const FIELD_NAMES = ['发布机构', '发布单位', '发文机关', '发文单位', '公开主体', '信息来源', '来源'];
const FIELD = new RegExp(`(${FIELD_NAMES.join('|')}) {0,4}[:|│] {0,4}[|│]? {0,4}([\\u3400-\\u9fff()]{2,40})`, 'g');
/** The next field of the block, glued on when the spaces between Chinese words were removed. */
const NEXT_FIELD = /生成日期|发布日期|发布时间|成文日期|印发日期|索引号|文号|主题分类|公开方式|公开范围|公开时限|有效性|时间|日期|浏览|点击|字号|关键词|分类|名称|标题|作者|编辑|来源|发布机构/;

/** The publisher a page's field names (`发布机构：某某市水务局 生成日期：…`), or null. */
export function publisherField(t: MetaText): string | null {
  let best: { rank: number; name: string } | null = null;
  for (const m of t.fold.slice(0, HEAD_CHARS).matchAll(FIELD)) {
    const rank = FIELD_NAMES.indexOf(m[1]!);
    if (best && best.rank <= rank) continue;
    const start = m.index + m[0].length - m[2]!.length;
    const value = m[2]!.slice(0, lineEnd(t, start) - start);
    const stop = value.search(NEXT_FIELD);
    const length = stop > 0 ? stop : value.length;
    const name = t.text.slice(start, start + length);
    if (isAgencyName(name)) best = { rank, name };
  }
  return best?.name ?? null;
}
