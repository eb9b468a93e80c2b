// The channels through which a report publishes (its website, WeChat, Weibo, bulletin boards …):
// a count on some of them is a part of the year's 主动公开, a count on all of them (or on none
// named) is the whole. Pages state the website's 主动公开 as their total (g003, h068, g019, w042 of
// the pages), while counts of several channels each are parts (g040, g046, w330) and a count of
// the self-media alone (`官方微博、微信两个自媒体共发布信息2458条`: w239) is one of them.

import type { MatchContext, Verdict } from './rule.js';

export const CHANNELS: readonly RegExp[] = [
  /网站|门户|政府网/,
  /微信|公众号/,
  /微博/,
  /客户端|APP|app|移动端/,
  /政府公报/,
  /报刊|报纸|电视|广播|(?<!新)媒体/,
  /公开栏|公示栏|显示屏|电子屏/,
  /其他渠道|其他方式|新媒体|头条|抖音/,
];
/** The website (bit 0 of a channel set), where a report's 主动公开 stands. */
const WEBSITE = 1;
/** Several channels named as all of them (`通过网站、报纸、微信等多种途径`): the whole, not a channel. */
export const ALL_CHANNELS = /等(?:多种|各种|多个)?(?:渠道|途径|平台|方式|载体)/;

/** The channels a text names, as a set of bits (bit i: CHANNELS[i]). */
function channelsOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < CHANNELS.length; i++) if (CHANNELS[i]!.test(text)) bits |= 1 << i;
  return bits;
}

/**
 * The channels a count is on, from the subject before it (`通过门户网站主动公开信息754条`,
 * `部门网站主动公开政府信息226条`): the whole when it names none, all (`…等多种渠道`), or the
 * website with others (`厅门户网站、微信、微博发布政府信息共有3343条`: g038); the website; or
 * other channels (`爱清水APP主动公开信息102条`: w149), never the whole.
 */
export function channelCount(m: MatchContext): Verdict {
  const bits = channelsOf(m.clausePrefix);
  if (bits === 0 || ALL_CHANNELS.test(m.clausePrefix) || (bits & WEBSITE && bits !== WEBSITE)) return 'figure';
  return { channel: bits === WEBSITE ? 'website' : 'other' };
}

/**
 * A count in general words (rule level 1 or 2) is the whole when it names no channel, or the
 * website's when no other channel is counted in its paragraph (outside a breakdown, where the
 * channels are parts of a total stated before them: g049): `政府网站公开信息数71条,政务微信公开数…`
 * (h032), `乡政府门户网站发布信息25条,…;政府大厅电子显示屏发布32条` (g046). Another channel's count
 * alone is one of the parts.
 */
export function onWebsite(m: MatchContext): Verdict {
  const v = channelCount(m);
  if (typeof v !== 'object') return v;
  return v.channel === 'website' && !otherChannelCounted(m.paragraph) ? v : 'reject';
}

/** Another channel than the website, with a count after it in its clause. */
const OTHER_CHANNEL_COUNTED = new RegExp(`(?:${CHANNELS.slice(1).map((c) => c.source).join('|')})[^,;:。]{0,20}?\\d`);

/** Kept for the last paragraph asked, whose matches come one after another (a paragraph is read once). */
let lastParagraph: string | null = null;
let lastCounted = false;
function otherChannelCounted(paragraph: string): boolean {
  if (paragraph !== lastParagraph) {
    lastParagraph = paragraph;
    lastCounted = paragraph.split(/[。;]/).some((sentence) => {
      const breakdown = sentence.indexOf('其中');
      return OTHER_CHANNEL_COUNTED.test(breakdown < 0 ? sentence : sentence.slice(0, breakdown));
    });
  }
  return lastCounted;
}
