// Plausibility relations (formats.md: SOFT). They hold in most reports but not by definition,
// so a break is a warning about the report, never a failed check.

import type { StatisticsBuilder } from './collect.js';
import { joinPath } from './paths.js';

/** [smaller, larger, what]: the first should not exceed the second. */
const AT_MOST: Array<[string, string, string]> = [
  ['proactive.regulations.published', 'proactive.regulations.publishedTotal', '规章 本年新公开数量 ≤ 对外公开总数量 (G1)'],
  ['proactive.normativeDocuments.published', 'proactive.normativeDocuments.publishedTotal', '规范性文件 本年新公开数量 ≤ 对外公开总数量 (G1)'],
  ['proactive.normativeDocsPublished', 'proactive.published', '主动公开规范性文件数 ≤ 主动公开政府信息数 (P8)'],
  ['responses.pressConferencesByLeaders', 'responses.pressConferences', '主要负责同志参加新闻发布会次数 ≤ 新闻发布会总次数 (P8)'],
  ['responses.onlineInterviewsByLeaders', 'responses.onlineInterviews', '主要负责同志参加在线访谈次数 ≤ 在线访谈次数 (P8)'],
];

export function softWarnings(stats: StatisticsBuilder): void {
  for (const [small, large, what] of AT_MOST) {
    const a = stats.get(small);
    const b = stats.get(large);
    if (a !== undefined && b !== undefined && a > b) {
      stats.warn('SOFT_RELATION', `${what}: ${a} > ${b}`, stats.provenance[small]!.line);
    }
  }
  // P7: an item published through several channels counts once in 主动公开政府信息数, so the
  // channels add up to at least that number.
  const channels = ['gazette', 'website', 'weibo', 'wechat', 'other'].map((k) => stats.get(joinPath('proactive.channels', k)));
  const published = stats.get('proactive.published');
  if (published !== undefined && channels.every((c) => c !== undefined)) {
    const sum = channels.reduce((s, c) => s! + c!, 0)!;
    if (sum < published) stats.warn('SOFT_RELATION', `通过不同渠道公开之和 ≥ 主动公开政府信息数 (P7): ${sum} < ${published}`, stats.provenance['proactive.published']!.line);
  }
}
