// 主动公开 in prose: the year's total of published items.

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

export const PROACTIVE_RULES: Rule[] = [
  // 主动公开政府信息共计810条 · 主动公开信息2073条 · 主动公开政府信息总数为56条 · 主动公开各类政府信息10407条
  {
    path: 'proactive.published',
    hint: '主动公开',
    re: pattern(`主动公开(?:各类|各项)?(?:政府)?信息(?:总数|总量|数量)?${SUM_WORD}(?:为|达到?)?${NUM}(?:条|件)`),
    total: true,
    check: channelCount,
  },
  // 全年共主动公开56条政府信息
  { path: 'proactive.published', hint: '主动公开', re: pattern(`主动公开(?:了)?${NUM}(?:条|件)(?:各类)?(?:政府)?信息`), total: true, check: channelCount },
];
