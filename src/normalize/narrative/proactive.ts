// 主动公开 in prose: the year's total of published items, and the normative documents.
//
// Normative documents go to `proactive.normativeDocuments` whatever the year: the extractor does not
// know the report's layout, the sentence means the same in 2013 and in 2023, and that group is the
// only one with 现行有效 (inForce) and 废止 (repealed), so one report's figures stay together.
// 制发/印发/出台 → issued (the 2021 form's 本年制发件数, the 2019 form's 本年新制作数量), 现行有效 →
// inForce, 废止 → repealed. The pre-2019 form's 制发规范性文件总数 (`normativeDocsIssued`) is read
// from tables only. 主动公开规范性文件N件 is not read: the 2019 form's 本年新公开数量 and the
// pre-2019 form's 主动公开规范性文件数 differ, and a sentence does not say which it means.

import { NUM, SUM_WORD, pattern, type MatchContext, type Rule, type Verdict } from './rule.js';

/** Channels through which a report publishes; a count on one of them is a part of the total. */
const CHANNELS: readonly RegExp[] = [
  /网站|门户|政府网/,
  /微信|公众号/,
  /微博/,
  /客户端|APP|app|移动端/,
  /政府公报/,
  /报刊|报纸|电视|广播|(?<!新)媒体/,
  /公开栏|公示栏|显示屏|电子屏/,
  /其他渠道|其他方式|新媒体|头条|抖音/,
];
/** 通过…网站 (or 在, 依托, 利用) before the count: a count on that channel. */
const VIA = /通过|依托|利用|在/;

/**
 * `通过门户网站主动公开信息300条` is the total when the channels it names (one, or several listed
 * together: `通过门户网站、公开栏等渠道`) are all the paragraph names; it is kept as a fallback (used
 * when no plain total is stated) and dropped when the paragraph names another channel, whose count
 * it would leave out.
 */
function channelCount(m: MatchContext): Verdict {
  if (!VIA.test(m.clausePrefix)) return 'figure';
  const own = CHANNELS.filter((c) => c.test(m.clausePrefix));
  if (own.length === 0) return 'figure';
  const named = channelsNamed(m.paragraph);
  return CHANNELS.some((c, i) => !own.includes(c) && named[i]) ? 'reject' : 'fallback';
}

/** The channels a paragraph names, by index in CHANNELS; kept for the last paragraph asked, whose matches come one after another. */
let lastParagraph: string | null = null;
let lastNamed: boolean[] = [];
function channelsNamed(paragraph: string): boolean[] {
  if (paragraph !== lastParagraph) {
    lastParagraph = paragraph;
    lastNamed = CHANNELS.map((c) => c.test(paragraph));
  }
  return lastNamed;
}

const DOCS = '(?:行政)?规范性文件';
const ISSUE = '(?:制发|印发|出台|制定)(?:了)?';
/** A bare `现行有效15件` speaks of normative documents only in a sentence that names no 规章. */
const aboutNormativeDocuments = (s: string): boolean => s.includes('规范性文件') && !s.includes('规章');
/** A bare count ends its clause: `废止2件,` and not `废止2件规章`. */
const CLAUSE_END = '(?=$|[,;:(]|其中)';

export const PROACTIVE_RULES: Rule[] = [
  // 主动公开政府信息共计810条 · 主动公开信息2073条 · 主动公开政府信息总数为56条 · 主动公开各类政府信息10407条
  {
    path: 'proactive.published',
    hint: '主动公开',
    re: pattern(`主动公开(?:各类|各项)?(?:政府)?信息(?:总数|总量|数量|数)?${SUM_WORD}(?:为|达到?)?${NUM}(?:条|件)`),
    total: true,
    check: channelCount,
  },
  // 全年共主动公开56条政府信息
  { path: 'proactive.published', hint: '主动公开', re: pattern(`主动公开(?:了)?${NUM}(?:条|件)(?:各类)?(?:政府)?信息`), total: true, check: channelCount },

  // 制发规范性文件3件 · 印发行政规范性文件共12件 · 制发了3件规范性文件
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${DOCS}${SUM_WORD}${NUM}件`) },
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${NUM}件${DOCS}`) },
  // 规范性文件方面，全年制发5件
  { path: 'proactive.normativeDocuments.issued', hint: '规范性文件', re: pattern(`${ISSUE}${NUM}件${CLAUSE_END}`), about: aboutNormativeDocuments },
  // 现行有效规范性文件46件 · 规范性文件现行有效46件 · 制发规范性文件3件，废止1件，现行有效46件
  { path: 'proactive.normativeDocuments.inForce', hint: '现行有效', re: pattern(`现行有效(?:的)?${DOCS}${SUM_WORD}${NUM}件`) },
  { path: 'proactive.normativeDocuments.inForce', hint: '现行有效', re: pattern(`现行有效(?:的)?${SUM_WORD}${NUM}件${CLAUSE_END}`), about: aboutNormativeDocuments },
  // 废止规范性文件2件 · …，废止2件
  { path: 'proactive.normativeDocuments.repealed', hint: '废止', re: pattern(`废止(?:了)?${DOCS}${SUM_WORD}${NUM}件`) },
  { path: 'proactive.normativeDocuments.repealed', hint: '废止', re: pattern(`废止(?:了)?${NUM}件${CLAUSE_END}`), about: aboutNormativeDocuments },
];
