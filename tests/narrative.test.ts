// Figures stated in prose (src/normalize/narrative.ts and ./narrative/): every wording of the
// fixtures in fixtures/patterns at its path, value and line; the sentences that must give nothing;
// `raw` quoted from its line. (That time grows linearly with hostile prose is in
// tests/linear.test.ts, a slow suite.)

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractProse } from '../src/normalize/narrative.js';
import { APPEAL_RULES } from '../src/normalize/narrative/appeals.js';
import { FEE_RULES } from '../src/normalize/narrative/fees.js';
import { PROACTIVE_RULES } from '../src/normalize/narrative/proactive.js';
import { REQUEST_RULES } from '../src/normalize/narrative/requests.js';
import { AMOUNT, NUM } from '../src/normalize/narrative/rule.js';
import { splitLines } from '../src/parse/lines.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';
import { joinParagraphs } from '../src/parse/paragraphs.js';
import type { SourceLine } from '../src/parse/lines.js';
import { insideTables, readTables } from '../src/tables/index.js';
import { SEEDS, fixture, parseFixture } from './helpers.js';

/** Lines inside the report's tables, as the pipeline sees them. */
const inTables = (lines: readonly SourceLine[]): ((no: number) => boolean) => insideTables(readTables(lines).spans, lines.length);

/** path → [value, line] of every figure a report states. */
type Figures = Record<string, [number, number]>;

const PATTERNS: Record<string, Figures> = {
  'shuili2012.txt': {
    'proactive.published': [156, 11], // 全年共主动公开156条政府信息 (not: 历年累计主动公开政府信息1,850条)
    'requests.received.total': [3, 15], // 收到依申请公开件3件
    'requests.outcomes.granted.total': [2, 15], // 其中，予以公开2件 (the sentence after the one about requests)
    'requests.outcomes.unavailable.total.total': [1, 15], // 无法提供1件
    feesCollectedWan: [0, 19], // 无信息公开收费
    'appeals.review.total': [0, 23], // 未发生因政府信息公开引起的行政复议、行政诉讼
    'appeals.litigation.total': [0, 23],
  },
  'jiaotong2014.traditional.txt': {
    'proactive.published': [56, 11], // 全年主動公開政府信息56條
    'requests.received.total': [4, 15], // 全年共受理政府信息公開申請4件
    'requests.outcomes.granted.total': [3, 15], // 予以公開3件
    'requests.outcomes.unavailable.total.total': [1, 15], // 無法提供1件
    feesCollectedWan: [0, 19], // 辦理政府信息公開申請未收取任何費用
    'appeals.review.total': [0, 23], // 未發生因政府信息公開申請引起的行政復議和行政訴訟 (not: no requests)
    'appeals.litigation.total': [0, 23],
  },
  'linye2015.txt': {
    'proactive.published': [248, 11], // 主动公开政府信息总数为248条 (not: 上年主动公开政府信息203条)
    'requests.received.total': [12, 15], // 共受理政府信息公开申请12件
    'requests.carriedOver.total': [1, 15], // 上年结转申请1件
    'requests.outcomes.granted.total': [7, 15],
    'requests.outcomes.partiallyGranted.total': [2, 15],
    'requests.outcomes.denied.total.total': [1, 15],
    'requests.outcomes.unavailable.total.total': [1, 15],
    'requests.outcomes.notProcessed.total.total': [1, 15],
    'requests.carriedForward.total': [1, 15], // 结转下年度继续办理1件
    feesCollectedWan: [0.012, 19], // 收取检索、复制、邮寄费用共计120元
    'appeals.review.total': [1, 23], // 行政复议案1件
    'appeals.litigation.total': [0, 23], // 无行政诉讼
  },
  'zhen2016.txt': {
    // not: 历年累计…3,210条, 印发公文120件，其中主动公开80件…不予公开34件, 1000条以上, 行政许可申请1,236件
    'proactive.published': [128, 11],
    'requests.received.total': [0, 17], // 未收到政府信息公开申请
    feesCollectedWan: [0, 21], // 收费及减免情况：无
    'appeals.review.total': [0, 25], // not: 近三年来共发生行政复议3件
    'appeals.litigation.total': [0, 25],
  },
  'minzheng2018.txt': {
    'proactive.published': [326, 13], // 主动公开政府信息共计 326 条
    'requests.received.total': [6, 17], // 共收到政府信息公开申请 6 件
    'requests.carriedOver.total': [2, 17], // 上年结转 2 件
    'requests.outcomes.granted.total': [4, 17], // 同意公开 4 件 (not the 同意公开 of 不同意公开)
    'requests.outcomes.partiallyGranted.total': [1, 17], // 同意部分公开 1 件
    'requests.outcomes.denied.total.total': [1, 17], // 不同意公开 1 件
    'requests.carriedForward.total': [2, 17],
    feesCollectedWan: [0, 21], // 未收取任何费用
    'appeals.review.total': [1, 25], // 提起行政复议 1 件
    'appeals.litigation.total': [0, 25], // 未发生行政诉讼
  },
  'jiaoyu2022.txt': {
    'proactive.published': [412, 9], // 通过区政府门户网站主动公开信息412条: the only channel named
    'proactive.normativeDocuments.issued': [3, 9], // 制发规范性文件3件
    'proactive.normativeDocuments.repealed': [1, 9], // 废止1件
    'proactive.normativeDocuments.inForce': [27, 9], // 现行有效27件
    'requests.received.total': [5, 11], // 政府信息公开申请方面，全年共受理5件 (not: 电话咨询…35件, 行政许可申请1,236件)
    feesCollectedWan: [0, 13],
    'appeals.review.total': [0, 15], // 行政复议0件
    'appeals.litigation.total': [0, 15],
  },
};

/** Statistics as dotted path → value. */
function flatten(o: object, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') out[prefix + k] = v;
    else Object.assign(out, flatten(v as object, `${prefix}${k}.`));
  }
  return out;
}

describe('each wording at its path, value and line (fixtures/patterns)', () => {
  for (const [file, figures] of Object.entries(PATTERNS)) {
    it(file, async () => {
      const r = await parseFixture(`fixtures/patterns/${file}`);
      expect(flatten(r.statistics)).toEqual(Object.fromEntries(Object.entries(figures).map(([path, [value]]) => [path, value])));
      expect(Object.fromEntries(Object.entries(r.provenance).map(([path, p]) => [path, [p.method, p.line]]))).toEqual(
        Object.fromEntries(Object.entries(figures).map(([path, [, line]]) => [path, ['narrative', line]])),
      );
    });
  }

  it('reads a traditional page in simplified patterns and quotes it as written', async () => {
    const r = await parseFixture('fixtures/patterns/jiaotong2014.traditional.txt');
    expect(r.provenance['proactive.published']!.raw).toBe('主動公開政府信息56條');
    expect(r.provenance['requests.outcomes.unavailable.total.total']!.raw).toBe('無法提供1件');
  });

  it('reads 資訊, the Taiwan word for 信息, as 信息 (huachuan2013)', async () => {
    const r = await parseFixture('fixtures/encodings/huachuan2013.traditional-utf8.txt');
    expect(r.statistics).toEqual({ proactive: { published: 56 }, requests: { received: { total: 0 } } });
    expect(r.provenance['proactive.published']).toEqual({ line: 8, raw: '主動公開政府資訊56條', method: 'narrative' });
  });
});

/** The figures extractProse finds in a text, as path → value. */
function prose(text: string): Record<string, number> {
  const lines = splitLines(text, ANCHOR_CHARS);
  return Object.fromEntries(extractProse(joinParagraphs(lines), lines).map((f) => [f.path, f.value]));
}

describe('wordings, one sentence at a time', () => {
  const cases: Array<[string, Record<string, number>]> = [
    ['今年以来，共主动公开政府信息120条。', { 'proactive.published': 120 }],
    ['一年来，主动公开政府信息共计98条。', { 'proactive.published': 98 }],
    ['全年主动公开政府信息1,204条。', { 'proactive.published': 1204 }],
    ['全年共收到8份政府信息公开申请。', { 'requests.received.total': 8 }],
    ['本年新收政府信息公开申请15件。', { 'requests.received.total': 15 }],
    ['本年度共受理政府信息公开申请9件，其中8件予以公开，1件部分公开。', { 'requests.received.total': 9, 'requests.outcomes.granted.total': 8, 'requests.outcomes.partiallyGranted.total': 1 }],
    ['收到政府信息公开申请3件，不予以公开1件，不予处理2件。', { 'requests.received.total': 3, 'requests.outcomes.denied.total.total': 1, 'requests.outcomes.notProcessed.total.total': 2 }],
    ['收到政府信息公开申请4件，3件已答复，1件结转至下一年度办理。', { 'requests.received.total': 4, 'requests.carriedForward.total': 1 }],
    ['印发行政规范性文件共12件。规范性文件现行有效46件。', { 'proactive.normativeDocuments.issued': 12, 'proactive.normativeDocuments.inForce': 46 }],
    ['本年度发生2起行政诉讼，均在审理中。', { 'appeals.litigation.total': 2 }],
    ['行政复议3件，无行政诉讼。', { 'appeals.review.total': 3, 'appeals.litigation.total': 0 }],
    ['因政府信息公开申请提起行政复议、行政诉讼的情况：无。', { 'appeals.review.total': 0, 'appeals.litigation.total': 0 }],
    ['全年收取政府信息公开信息处理费共计1.5万元。', { feesCollectedWan: 1.5 }],
    ['依申请提供政府信息，不收取信息处理费。', { feesCollectedWan: 0 }],
    // A plain total wins over a count on one channel; one channel alone is the total.
    ['全年主动公开政府信息350条，通过门户网站主动公开信息300条。', { 'proactive.published': 350 }],
    ['通过门户网站主动公开信息300条。', { 'proactive.published': 300 }],
    // The website's 主动公开 is the year's even when other channels publish in other words (`发布信息`):
    // the labels of w042 and h038 (devset/web, ../shared/pages) take it so.
    ['通过门户网站主动公开信息300条。在微信公众号发布动态信息50条。', { 'proactive.published': 300 }],
    ['主动公开政府信息数为456条。', { 'proactive.published': 456 }],
    ['全年接受政府信息公开申请12件。', { 'requests.received.total': 12 }],
    ['2012年我局没有收取任何政府信息公开费用。', { feesCollectedWan: 0 }],
    ['全年未收取信息检索、复制、邮寄等费用。', { feesCollectedWan: 0 }],
    ['本年度未发生政府信息公开收费及减免情况。', { feesCollectedWan: 0 }],
    // Under the heading on requests, what was not asked for may stand before 申请 (h032, w229).
    ['三、依申请公开情况\n本年度未收到查看主动公开以外信息的申请。', { 'requests.received.total': 0 }],
    ['(二)依申请公开情况\n2023年，未收到公众申请要求公开其他方面政府信息。', { 'requests.received.total': 0 }],
    ['三、依申请公开情况\n未收到行政复议申请。', { 'appeals.review.total': 0 }],
    ['我区2021年收到依法处理依申请公开共6件，给予非机关告知书文件6件。', { 'requests.received.total': 6 }],
    // A year in the clause is no amount (h056, h025).
    ['2013年度没有关于信息公开的收费及减免情况。', { feesCollectedWan: 0 }],
  ];
  for (const [text, expected] of cases) it(text, () => expect(prose(text)).toEqual(expected));

  // extractProse searches a sentence without digits with the zero rules only: that is right only
  // while every other rule's number group starts with a digit (NUM or AMOUNT of rule.ts).
  it('every rule that reads a number needs a digit for it', () => {
    const rules = [...PROACTIVE_RULES, ...REQUEST_RULES, ...APPEAL_RULES, ...FEE_RULES];
    const numbered = rules.filter((r) => !r.zero);
    expect(numbered.length).toBeGreaterThan(20);
    for (const r of numbered) expect(r.re.source.includes(NUM) || r.re.source.includes(AMOUNT), r.path).toBe(true);
    // And a zero rule still reads its sentence when it has no digit at all.
    expect(prose('本年度未收到政府信息公开申请。')).toEqual({ 'requests.received.total': 0 });
  });
});

describe('sentences that state no figure of this year', () => {
  const cases: Array<[string, string]> = [
    ['a cumulative count', '截至2016年底，历年累计主动公开政府信息3,210条。'],
    ['a count since a year long past', '自2008年以来，共主动公开政府信息5,000条。'],
    ['a count over several years', '三年来共发生行政复议3件，均已审结。'],
    ['an estimate (余)', '全年主动公开政府信息5500余条。'],
    ['an estimate (以上)', '全年主动公开政府信息300条以上。'],
    ['an estimate (左右)', '共收到政府信息公开申请20件左右。'],
    ['an estimate (近百)', '共受理政府信息公开申请近百件。'],
    ['an estimate (约)', '收到政府信息公开申请约10件。'],
    ['documents counted by disclosure class', '全年印发公文120件，其中主动公开80件，依申请公开6件，部分公开3件，不予公开31件。'],
    ['申请 of another kind', '窗口共受理行政许可申请1,236件。'],
    ['counted in a sentence about requests, but something else', '依申请公开相关的电话咨询，全年共受理35件。'],
    ['a request caused something else', '未发生因政府信息公开申请引起的信访事项。'],
    ['requests not answered in time are no requests not received', '对未按时答复的政府信息公开申请，逐件督促整改。'],
    ['another year', '上年主动公开政府信息203条。'],
    ['a part (其中 … 占)', '其中，各部门主动公开政府信息1,509条，占71%。'],
    ['two outcomes counted together', '在答复的政府信息公开申请中，予以公开及部分公开25件。'],
    ['two different totals', '全年主动公开政府信息120条。全年主动公开政府信息150条。'],
    ['two channels, each with a count', '通过门户网站主动公开信息300条，通过微信公众号主动公开信息50条。'],
    ['a denial about outcomes, not cases', '行政复议案件无一被纠错。'],
    ['fees of another kind', '本局公开的收费项目中，依法收取行政事业性费用共计120万元。'],
    ['no fee, for something else than disclosure', '为群众办理证照未收取任何费用。'],
    ['a denial beside an amount', '2013年未收取费用，减免3000元。'],
    ['a denial of 申请 under another heading', '一、主动公开情况\n本年度未收到查看主动公开以外信息的申请。'],
    ['no 申请人 complained', '三、依申请公开情况\n未收到申请人的投诉。'],
    ['malformed digit grouping', '全年主动公开政府信息12,34条。'],
    ['more digits than a count can have', '全年主动公开政府信息99999999999999999999条。'],
    ['documents in force among 规章', '制发规章2件，现行有效12件。'],
  ];
  for (const [why, text] of cases) it(`${why}: ${text}`, () => expect(prose(text)).toEqual({}));

  it('a figure and a denial of the same fact cancel out', () => {
    expect(prose('本年度未收到政府信息公开申请。\n\n全年共收到政府信息公开申请2件。')).toEqual({});
  });

  it('a request mentioned in a sentence about appeals gives the appeals only', () => {
    expect(prose('未发生因政府信息公开申请引起的行政复议。')).toEqual({ 'appeals.review.total': 0 });
  });
});

describe('raw is text of its line', () => {
  const files = [
    ...Object.keys(PATTERNS).map((f) => `fixtures/patterns/${f}`),
    SEEDS.s000,
    SEEDS.s003,
    SEEDS.s004,
    'fixtures/corpus/huaian2024.pdftotext-layout.txt',
    'fixtures/encodings/huachuan2013.traditional-utf8.txt',
  ];

  for (const f of files) {
    it(`${f}: verbatim on the decoded line, in the record too`, async () => {
      const lines = splitLines(readFileSync(fixture(f), 'utf8').replace(/\r\n?/g, '\n'), ANCHOR_CHARS);
      const found = extractProse(joinParagraphs(lines, inTables(lines)), lines);
      expect(found.length).toBeGreaterThan(0);
      for (const p of found) expect(lines[p.line - 1]!.raw, p.path).toContain(p.raw);
      const r = await parseFixture(f);
      for (const [path, p] of Object.entries(r.provenance)) if (p.method === 'narrative') expect(lines[p.line - 1]!.raw, path).toContain(p.raw);
    });
  }

  it('keeps the typesetting spaces of the line', () => {
    const raws = (f: string): Record<string, string> => {
      const lines = splitLines(readFileSync(fixture(f), 'utf8'), ANCHOR_CHARS);
      return Object.fromEntries(extractProse(joinParagraphs(lines, inTables(lines)), lines).map((p) => [p.path, p.raw]));
    };
    expect(raws(SEEDS.s000)['proactive.published']).toBe('主动公开政府信息共计 810 条');
    expect(raws('fixtures/patterns/minzheng2018.txt')).toMatchObject({
      'proactive.published': '主动公开政府信息共计 326 条',
      'requests.outcomes.partiallyGranted.total': '同意部分公开 1 件',
    });
    expect(raws('fixtures/corpus/huaian2024.pdftotext-layout.txt').feesCollectedWan).toBe('收取政府信息公开信息处理费 3940 元');
  });

  it('a figure whose sentence runs over two lines is placed on the line of its number', () => {
    const text = '一、主动公开情况\n本年度，县统计局通过门户网站、公开栏等渠道主动公开政府\n信息共计 77 条，涵盖统计公报和统计调查制度等内容。\n';
    const lines = splitLines(text, ANCHOR_CHARS);
    expect(extractProse(joinParagraphs(lines), lines)).toEqual([{ path: 'proactive.published', value: 77, line: 3, raw: '信息共计 77 条' }]);
  });
});
