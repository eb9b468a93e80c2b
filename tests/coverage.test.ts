// A report that yields nothing must not look clean (issue 24): STATISTICS_EMPTY when a text that
// looks like a report gave no figure at all, TABLES_MISSING when a 2019 or 2021 report lacks a
// table its layout prints. On real fixtures: a page whose line breaks were lost, downloads cut
// short, empty templates, a scraped page that lost two 第二十条 items, and the seeds, which are whole.

import { describe, expect, it } from 'vitest';
import { SEEDS, parseFixture } from './helpers.js';

const codes = (r: { warnings: Array<{ code: string }> }): string[] => r.warnings.map((w) => w.code);
const missingOf = (r: { warnings: Array<{ code: string; message: string; line: number | null }> }): string => {
  const found = r.warnings.filter((w) => w.code === 'TABLES_MISSING');
  expect(found).toHaveLength(1);
  expect(found[0]!.line).toBeNull();
  return found[0]!.message;
};

describe('TABLES_MISSING: a 2019 or 2021 report without a table its layout prints', () => {
  it('a 2020 report on one line (its line breaks lost): every one of the seven tables, layout by the year', async () => {
    const r = await parseFixture('fixtures/bad/one-line-page.txt');
    expect([r.report.year, r.report.layout, r.tables]).toEqual([2020, '2019', []]);
    expect(codes(r)).toEqual(['TABLES_MISSING']);
    const message = missingOf(r);
    expect(message).toMatch(/^the 2019 layout \(by the report's year\) prints 7 tables not read from this text: /);
    for (const item of ['一', '五', '六', '八', '九']) expect(message).toContain(`第二十条第（${item}）项`);
    expect(message).toContain('三、收到和处理政府信息公开申请情况 (requests)');
    expect(message).toContain('四、政府信息公开行政复议、行政诉讼情况 (appeals)');
    // What the prose still gives stays, with its line.
    expect(r.statistics).toEqual({ proactive: { published: 2073 } });
    expect(r.provenance['proactive.published']!.line).toBe(1);
  });

  it('a download cut inside the requests table: only the appeals table is missing', async () => {
    const r = await parseFixture('fixtures/bad/truncated-download.txt');
    expect(r.report.layout).toBe('2019');
    expect(missingOf(r)).toBe("the 2019 layout (by its tables' wording) prints a table not read from this text: 四、政府信息公开行政复议、行政诉讼情况 (appeals); their statistics are absent unless the prose states them");
    expect(r.statistics.requests?.received?.total).toBe(11);
  });

  it('a scraped page (BeautifulSoup get_text) that lost two 第二十条 items names those two', async () => {
    const r = await parseFixture('fixtures/shapes/sh2019.bs4-get-text.txt');
    const message = missingOf(r);
    expect(message).toContain('prints 2 tables not read from this text: 第二十条第（一）项; 第二十条第（九）项;');
  });

  it('a requests table kept as drawn (it did not fit the form) counts as not read', async () => {
    const r = await parseFixture('fixtures/converters/pingtan2024.libreoffice-doc.antiword.txt');
    expect(codes(r)).toEqual(['TABLE_NOT_OFFICIAL', 'TABLE_RAGGED', 'TABLES_MISSING']);
    expect(missingOf(r)).toContain('prints a table not read from this text: 三、收到和处理政府信息公开申请情况 (requests)');
  });

  it('never for a pre-2019 report, whose form not every agency printed, nor for a whole 2019 report', async () => {
    for (const seed of [SEEDS.s000, SEEDS.s002, SEEDS.s003, SEEDS.s004]) {
      const r = await parseFixture(seed);
      expect(r.report.layout, seed).toBe('pre2019');
      expect(codes(r), seed).not.toContain('TABLES_MISSING');
    }
    const whole = await parseFixture(SEEDS.s001);
    expect([whole.report.layout, whole.tables.length]).toEqual(['2019', 7]);
    expect(codes(whole)).toEqual([]);
  });
});

describe('STATISTICS_EMPTY: a text that looks like a report gave no figure at all', () => {
  it('a pre-2019 report cut before its first figure', async () => {
    const r = await parseFixture('fixtures/bad/cut-before-numbers.txt');
    expect([r.report.year, r.report.layout, r.statistics]).toEqual([2017, 'pre2019', {}]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'STATISTICS_EMPTY', line: null })]);
  });

  it('an empty 2021 template whose tables were all read: STATISTICS_EMPTY, and no table missing', async () => {
    const r = await parseFixture('fixtures/converters/template2021.pandoc-gfm.txt');
    expect([r.report.layout, r.statistics]).toEqual(['2021', {}]);
    expect(codes(r)).toContain('STATISTICS_EMPTY');
    expect(codes(r)).not.toContain('TABLES_MISSING');
  });

  it('an empty template whose converter lost two tables says both', async () => {
    const r = await parseFixture('fixtures/converters/template2021.docx2txt.txt');
    expect(codes(r).filter((c) => c === 'STATISTICS_EMPTY' || c === 'TABLES_MISSING')).toEqual(['TABLES_MISSING', 'STATISTICS_EMPTY']);
  });

  it('a prose-only report of 2013 that states its figures has statistics and neither warning', async () => {
    const r = await parseFixture(SEEDS.s004);
    expect(r.statistics.proactive?.published).toBe(56);
    expect(codes(r)).toEqual([]);
  });

  it('an error page is NOT_A_REPORT, not also STATISTICS_EMPTY', async () => {
    const r = await parseFixture('fixtures/bad/error-page.txt');
    expect(codes(r)).toEqual(['NOT_A_REPORT']);
  });
});
