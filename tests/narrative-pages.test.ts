// The prose grammar on real pages (fixtures/pages/, copied unchanged; README there names each
// page's URL and what it shows): every figure a page's prose gives, with its line and the text it
// was read from. The values are the pages' hand labels (../shared/pages/labels, devset/web/labels).

import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.js';

/** path → [value, line, raw] of the figures read from a page's prose. */
type Figures = Record<string, [number, number, string]>;

const PAGES: Record<string, Figures> = {
  // topic.ts: a bare 无申请 under the heading on requests.
  g011: {
    'proactive.published': [568, 5, '主动公开信息568条'],
    'requests.received.total': [0, 7, '无申请'],
  },
  // topic.ts: 共公开信息314条,其中… under (一)主动公开情况 is its total.
  g034: {
    'proactive.published': [314, 5, '公开信息314条'],
    'requests.received.total': [0, 7, '新收政府信息公开申请数量0件'],
    'requests.carriedOver.total': [0, 7, '上年结转政府信息公开申请数量0件'],
  },
  // requests.ts: outcomes listed with 、 in the 2021 form's words.
  g041: {
    'proactive.published': [154, 4, '主动公开政府信息154条'],
    'requests.outcomes.granted.total': [8, 6, '同意公开答复数8件'],
    'requests.outcomes.denied.total.total': [1, 6, '不予公开答复数1件'],
    'requests.outcomes.unavailable.total.total': [27, 6, '无法提供的27件'],
    'requests.outcomes.notProcessed.total.total': [2, 6, '不予处理数2件'],
  },
  // requests.ts, fees.ts: one sentence denies requests and appeals, the next fees.
  g042: {
    'proactive.published': [15, 2, '主动公开政府信息15条'],
    'requests.received.total': [0, 2, '未有受理信息公开申请'],
    'appeals.review.total': [0, 2, '未有受理信息公开申请、行政复议'],
    feesCollectedWan: [0, 2, '未有收取或减免相关费用'],
  },
  // scope.ts: 全年累计 is the year's.
  h009: {
    'proactive.published': [165, 5, '主动公开政府信息 165 条'],
    'requests.received.total': [1, 7, '收到依申请公开申请 1 件'],
  },
  // channels.ts: the website's 主动公开 beside other channels' 发布.
  h038: { 'proactive.published': [10526, 5, '主动公开政府信息10526 条'] },
  // sentence.ts: 全年共制作政府信息236条,其中主动公开信息数为158条 (a wider total by disclosure class).
  h057: { 'proactive.published': [158, 10, '主动公开信息数为158条'] },
  w042: {
    'proactive.published': [794, 10, '主动公开信息共计794条'],
    'requests.received.total': [1, 12, '受理依申请公开1件'],
  },
  // requests.ts: outcomes in the sentence after the one on requests.
  w294: {
    'proactive.published': [2077, 6, '主动公开各类政府信息2077条'],
    'requests.received.total': [8, 8, '收到政府信息公开申请8件'],
    'requests.outcomes.granted.total': [3, 8, '予以公开3件'],
    'requests.outcomes.partiallyGranted.total': [2, 8, '部分公开2件'],
    'requests.outcomes.unavailable.total.total': [3, 8, '无法提供3件'],
  },
};

/** A statistic of the record by its dotted path. */
function at(statistics: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], statistics);
}

describe('prose figures of real pages', () => {
  for (const [page, figures] of Object.entries(PAGES)) {
    it(`${page}: ${Object.keys(figures).length} figures at their lines`, async () => {
      const r = await parseFixture(`fixtures/pages/${page}.txt`);
      const narrative = Object.fromEntries(
        Object.entries(r.provenance)
          .filter(([, p]) => p.method === 'narrative')
          .map(([path, p]) => [path, [at(r.statistics, path), p.line, p.raw]]),
      );
      expect(narrative).toEqual(figures);
    });
  }
});
