// 主动公开 in prose: the year's total of published items, and the normative documents.
//
// Normative documents go to `proactive.normativeDocuments` whatever the year: the extractor does not
// know the report's layout, the sentence means the same in 2013 and in 2023, and that group is the
// only one with 现行有效 (inForce) and 废止 (repealed), so one report's figures stay together.
// 制发/印发/出台 → issued (the 2021 form's 本年制发件数, the 2019 form's 本年新制作数量), 现行有效 →
// inForce, 废止 → repealed. The pre-2019 form's 制发规范性文件总数 (`normativeDocsIssued`) is read
// from tables only. 主动公开规范性文件N件 is not read: the 2019 form's 本年新公开数量 and the
// pre-2019 form's 主动公开规范性文件数 differ, and a sentence does not say which it means.

import { ALL_CHANNELS, channelCount, onWebsite } from './channels.js';
import { CATEGORY } from './sentence.js';
import { HEDGE_AFTER, HEDGE_BEFORE, NUM, SUM_WORD, pattern, type MatchContext, type Rule, type Verdict } from './rule.js';

/** A clause in general words is no 主动公开 in a sentence about requests (`决定公开政府信息3件`). */
const notAboutRequests = (sentence: string): boolean => !sentence.includes('申请');

/** A sum word in the clause: 共, 共计, 合计, 总计, 累计, 总共. */
const SUMMED = /共|合计|总计|累计/;
/** A breakdown right after the count: `…公开信息92条,其中…` (w229, w075), `…258条。其中:` (w281). */
const BROKEN_DOWN = /^[,:。]?(?:其中|包括|包含)/;
/**
 * Under a heading, a count in general words is the total only when the text presents it as one: a
 * sum word (`共公开信息314条`: g034, g014, g024, w082, h069) or a breakdown after it (w229, w075);
 * `全年在云南省政府采购网公开信息7条` is one venue's count. And a breakdown that names the disclosure
 * items themselves (`发布各类信息8632条,其中,发布政府信息公开信息共399条`: g009) shows that the count
 * is of something wider.
 */
function presentedAsTotal(m: MatchContext): Verdict {
  if (!SUMMED.test(m.clausePrefix + m.text) && !BROKEN_DOWN.test(m.after) && !ALL_CHANNELS.test(m.clausePrefix)) return 'reject';
  return websiteCount(m);
}
/** A clause of a breakdown that names the disclosure items themselves. */
const DISCLOSURE_ITEMS = /政府信息公开信息|主动公开/;
/**
 * `网站发布政务信息1123条,其中法定主动公开176条` (w314): the 主动公开 proper is a part, so the count
 * before it is of something wider. A category's clause (`其他应主动公开政府信息856条` in the
 * breakdown of `共公布政府信息2599条`: issue 21) names a kind of the items, not them.
 */
function disclosureItemsInBreakdown(sentence: string): boolean {
  const at = sentence.indexOf('其中');
  if (at < 0) return false;
  return sentence
    .slice(at)
    .split(/[,、;()]/)
    .some((clause) => DISCLOSURE_ITEMS.test(clause) && !CATEGORY.test(clause));
}
function websiteCount(m: MatchContext): Verdict {
  if (disclosureItemsInBreakdown(m.sentence)) return 'reject';
  return onWebsite(m);
}

/** What a report publishes, counted: (各类)(政府|政务)信息. */
const ITEMS = '(?:各类|各项|相关)?(?:政府|政务)?信息';
/**
 * Or its documents (文件, 公文): the total where a report counts nothing else (g031, h063, w091),
 * one level below its information (`主动公开政府信息10311条,发布主动公开文件12件`: w318).
 */
const DOCUMENTS = '(?:各类|各项|相关)?(?:政府|政务)?(?:文件|公文)';
/** A list of kinds ended by 等各类 (`通知、公告等各类文件327件`: g033). */
const KINDS = '(?:[^,;:。()\\d]{1,14}?等(?=各类))?';
/** A list of kinds ended by 等 before 政府信息 (`公开政务要闻、政府文件、…、便民服务等政府信息共计4891条`: h022). */
const KINDS_OF_INFO = '(?:[^,;:。()\\d]{1,24}?等(?=各类|各项|政府|政务))?';
/** What the count is of, in brackets: `主动公开政府信息(公文平台发文)113条` (h032). */
const GLOSS = '(?:\\([^()\\d]{1,16}\\))?';
/** Between the items and the count: `数量为`, `共计`, `的有`, `数共有`. */
const TO_COUNT = `(?:的)?(?:总数|总量|数量|数)?(?:的)?${GLOSS}${SUM_WORD}(?:有|为|达到?)?`;
const MEASURE = '(?:条|件|份|篇)';
/** 主动 before its verb, the venue between (`主动在门户网站公开`: g044). */
const PROACTIVELY = '主动(?:在[^,;:。\\d]{1,16}?)?(?:公开|发布|公布)(?:了|的)?';
/**
 * Publication in general words: not 依申请公开, 予以公开, 部分公开, 同意公开, 不公开, nor the noun of
 * 政务公开, 财务公开, 信息公开 (`发布财务公开信息14条` counts one kind: w095).
 */
const PUBLISH = '(?<![请以分予意不务息])(?:公开|公布)(?:了)?';
/** What a heading on 主动公开 lets a clause say instead (`共发送9条信息`, `共公开信息314条`, `信息更新信息2235条`). */
const RELEASE = '(?:(?<![请以分予意不务息])(?:公开|公布)|发布|发送|推送|刊发|编发|更新|上传)(?:了)?';

const DOCS = '(?:行政)?规范性文件';
const ISSUE = '(?:制发|印发|出台|制定)(?:了)?';
/** A bare `现行有效15件` speaks of normative documents only in a sentence that names no 规章. */
const aboutNormativeDocuments = (s: string): boolean => s.includes('规范性文件') && !s.includes('规章');
/** The 2021 form's column words in prose: `行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件` (g038). */
const COUNT_WORD = '(?:件数)?';
/** A bare count ends its clause: `废止2件,` and not `废止2件规章`. */
const CLAUSE_END = '(?=$|[,;:(]|其中)';

export const PROACTIVE_RULES: Rule[] = [
  // Clauses that name the fact:
  // 主动公开政府信息共计810条 · 主动公开信息2073条 · 主动公开政府信息总数为56条 · 主动公开各类政府信息10407条 ·
  // 主动公开信息数量为46件 · 主动公开的信息数共有164条 · 主动公开政务信息4684条 · 主动在门户网站公开政府信息50条 ·
  // 主动发布各类信息314条; and one level below: 主动公开文件共349件 · 主动公开通知、公告等各类文件327件
  {
    path: 'proactive.published',
    hint: '主动',
    re: pattern(`${PROACTIVELY}${KINDS}${ITEMS}${TO_COUNT}${HEDGE_BEFORE}${NUM}${HEDGE_AFTER}${MEASURE}`),
    total: true,
    check: channelCount,
  },
  {
    path: 'proactive.published',
    hint: '主动',
    re: pattern(`${PROACTIVELY}${KINDS}${DOCUMENTS}${TO_COUNT}${NUM}${MEASURE}`),
    total: true,
    level: 1,
    check: channelCount,
  },
  // 全年共主动公开56条政府信息
  { path: 'proactive.published', hint: '主动', re: pattern(`${PROACTIVELY}${NUM}(?:条|件)${ITEMS}`), total: true, check: channelCount },
  // 政府信息主动公开171条 · 我镇信息主动公开292条 (g023, w054)
  { path: 'proactive.published', hint: '主动', re: pattern(`(?:政府|政务)?信息主动公开(?:了)?${SUM_WORD}${NUM}${MEASURE}`), total: true, check: channelCount },
  // In general words: 全年公开政府信息995845条 · 共计公开政府信息86条 · 共公布政府信息2599条 ·
  // 门户网站共公开各类信息2514条 (g010, w048, w031; the issue's 2599)
  {
    path: 'proactive.published',
    hint: '公',
    re: pattern(`${PUBLISH}${KINDS_OF_INFO}(?:各类|各项)?(?:(?<=各类|各项)|政府|政务)信息${TO_COUNT}${NUM}(?:条|件)`),
    total: true,
    level: 1,
    about: notAboutRequests,
    check: websiteCount,
  },
  // Under a heading on 主动公开: 共公开信息314条 · 共向社会发布信息40条 · 共发送9条信息 ·
  // 厅网站共发布政府信息35012条 (g034, g014, g024, w082, w229)
  {
    path: 'proactive.published',
    hint: '信息',
    re: pattern(`${RELEASE}(?:各类|各项)?(?:政府|政务)?信息${TO_COUNT}${NUM}(?:条|件)`),
    total: true,
    level: 2,
    topic: 'proactive',
    about: notAboutRequests,
    check: presentedAsTotal,
  },
  {
    path: 'proactive.published',
    hint: '信息',
    re: pattern(`${RELEASE}${SUM_WORD}${NUM}(?:条|件)(?:各类|各项)?(?:政府|政务)?信息`),
    total: true,
    level: 2,
    topic: 'proactive',
    about: notAboutRequests,
    check: presentedAsTotal,
  },

  // 本年度未制发规范性文件 · 未出台规范性文件和重要政策措施 (g039, w241)
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', zero: true, re: pattern(`(?:未|没有)${ISSUE}(?:任何)?${DOCS}`) },
  // 制发规范性文件3件 · 印发行政规范性文件共12件 · 制发了3件规范性文件
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${DOCS}${SUM_WORD}${NUM}件`) },
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${NUM}件${DOCS}`) },
  // 规范性文件方面，全年制发5件
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${COUNT_WORD}${NUM}件${CLAUSE_END}`), about: aboutNormativeDocuments },
  // 现行有效规范性文件46件 · 规范性文件现行有效46件 · 制发规范性文件3件，废止1件，现行有效46件
  { path: 'proactive.normativeDocuments.inForce', hint: '现行有效', re: pattern(`现行有效(?:的)?${DOCS}${SUM_WORD}${NUM}件`), stock: true },
  {
    path: 'proactive.normativeDocuments.inForce',
    hint: '现行有效',
    re: pattern(`现行有效(?:的)?${COUNT_WORD}${SUM_WORD}${NUM}件${CLAUSE_END}`),
    about: aboutNormativeDocuments,
    stock: true,
  },
  // 废止规范性文件2件 · …，废止2件
  { path: 'proactive.normativeDocuments.repealed', hint: '废止', re: pattern(`废止(?:了)?${DOCS}${SUM_WORD}${NUM}件`) },
  { path: 'proactive.normativeDocuments.repealed', hint: '废止', re: pattern(`废止(?:了)?${COUNT_WORD}${NUM}件${CLAUSE_END}`), about: aboutNormativeDocuments },
];
