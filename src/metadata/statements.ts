// What the body and the page say about the report where the title does not: the sentence that
// introduces it (`现将我局2022年度政府信息公开工作报告如下`, `现公布X市人民政府2017年政府信息公开工作
// 年度报告`), the subject of the first sentence on the year's work (`2023年，XX街道办事处认真贯彻…`),
// and the fields of the page (`发布机构：XX局`). Patterns read the fold; names are cut from the text
// as written. A pronoun (`我局`) is not a name.

import { HEAD_CHARS, type MetaText } from './text.js';
import { DISCLOSURE_WORD, agencyOfTitle, isAgencyName, yearOfTitle } from './title.js';

export interface Named {
  agency: string | null;
  year: number | null;
}


/** `现将…报告`, `现公布…报告`, `现予公布《…年报》`: the report named as a title names it. */
const OPENING = /现(?:将|予以?公布|予以?发布|公布|发布|向社会公布)["“《]?([^,;。:《》“”"\n]{2,50}?(?:报告|年报))/g;

/** The sentence that introduces the report, as `{ agency, year }`, or null. */
export function opening(t: MetaText): Named | null {
  for (const m of t.fold.slice(0, HEAD_CHARS).matchAll(OPENING)) {
    const phrase = m[1]!;
    if (!DISCLOSURE_WORD.test(phrase)) continue;
    const start = m.index + m[0].length - phrase.length;
    const written = t.text.slice(start, start + phrase.length);
    return { agency: agencyOfTitle(written), year: yearOfTitle(written) };
  }
  return null;
}

/** What follows the subject of a sentence on the year's work: its verb or an adverb before it. */
const PREDICATE = [
  '认真', '坚持', '深入', '全面', '严格', '按照', '围绕', '积极', '始终', '紧紧', '紧扣', '紧密', '扎实', '持续',
  '进一步', '高度', '不断', '聚焦', '切实', '贯彻', '落实', '大力', '着力', '继续', '根据', '依据', '立足', '结合',
  '统筹', '加强', '强化', '坚决', '牢固', '对标', '对照', '遵循', '秉持', '着眼', '依法', '主动', '精心', '狠抓',
  '健全', '完善', '推进', '推动', '深化', '优化', '注重', '重视', '以', '在', '把', '将', '按', '共',
].join('|');
/** `2023年，` (or `2023年度，`, `2023年以来，`) at the start of a paragraph. */
const YEAR_OPENING = /^((?:19|20)\d{2}) ?年度?(?:以来|全年)?, ?/;
/** The subject that follows: the shortest run of characters before a predicate. */
const SUBJECT = new RegExp(`^[\\u3400-\\u9fff()]{2,30}?(?=${PREDICATE})`);
/** How much of a paragraph's start the year and the subject may take. */
const SUBJECT_WINDOW = 64;

/** The first paragraph that opens with the year and a comma: its year, and its subject if a name. */
export function subject(t: MetaText): Named | null {
  for (const p of t.paragraphs) {
    if (p.start >= HEAD_CHARS) break;
    const f = t.fold.slice(p.start, Math.min(p.end, p.start + SUBJECT_WINDOW));
    const y = YEAR_OPENING.exec(f);
    if (!y) continue;
    const m = SUBJECT.exec(f.slice(y[0].length));
    const name = m ? t.text.slice(p.start + y[0].length, p.start + y[0].length + m[0].length) : null;
    return { agency: name !== null && isAgencyName(name) ? name : null, year: Number(y[1]) };
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
    const value = m[2]!;
    const stop = value.search(NEXT_FIELD);
    const length = stop > 0 ? stop : value.length;
    const start = m.index + m[0].length - value.length;
    const name = t.text.slice(start, start + length);
    if (isAgencyName(name)) best = { rank, name };
  }
  return best?.name ?? null;
}
