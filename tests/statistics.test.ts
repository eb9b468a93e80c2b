import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { cellValue } from '../src/lexical/values.js';
import { splitLines } from '../src/parse/lines.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';
import { SEEDS, fixture, parseFixture } from './helpers.js';
import type { ReportRecord } from '../src/schema.js';

/** An Applicants object from the seven official columns. */
const A = (naturalPerson: number, commercial: number, research: number, socialWelfare: number, legalService: number, otherOrg: number, total: number) => ({
  naturalPerson, commercial, research, socialWelfare, legalService, otherOrg, total,
});
const Z = A(0, 0, 0, 0, 0, 0, 0);
const O = (upheld: number, corrected: number, other: number, pending: number, total: number) => ({ upheld, corrected, other, pending, total });

describe('seed 001 (2019 layout): every number at its canonical path', () => {
  it('statistics', async () => {
    const r = await parseFixture(SEEDS.s001);
    expect(r.report.layout).toBe('2019');
    expect(r.statistics).toEqual({
      proactive: {
        published: 2073,
        regulations: { issued: 0, published: 0, publishedTotal: 0 },
        normativeDocuments: { issued: 2, published: 2, publishedTotal: 2 },
        licensing: { itemsLastYear: 0, itemsChange: 0, decisions: 0 },
        otherServices: { itemsLastYear: 19, itemsChange: 0, decisions: 883 },
        penalties: { itemsLastYear: 101, itemsChange: 2, decisions: 103 },
        enforcement: { itemsLastYear: 0, itemsChange: 0, decisions: 0 },
        fees: { itemsLastYear: 10, itemsChange: 0 },
        procurement: { items: 10, amountWan: 1480.8758 },
      },
      requests: {
        received: A(9, 2, 0, 0, 0, 0, 11),
        carriedOver: Z,
        outcomes: {
          granted: A(4, 2, 0, 0, 0, 0, 6),
          partiallyGranted: A(1, 0, 0, 0, 0, 0, 1),
          denied: {
            stateSecret: Z, prohibitedByLaw: Z, endangersSafety: Z, thirdPartyRights: Z,
            internalAffairs: A(1, 0, 0, 0, 0, 0, 1), processInformation: Z, enforcementFiles: Z, administrativeInquiry: Z,
          },
          unavailable: { notHeld: A(2, 0, 0, 0, 0, 0, 2), requiresCreation: Z, unclearAfterAmendment: Z },
          notProcessed: { petitionComplaint: Z, duplicate: Z, publicationRequest: Z, excessiveRepeated: Z, confirmationRequest: Z },
          other: { total: Z },
          total: A(8, 2, 0, 0, 0, 0, 10),
        },
        carriedForward: A(1, 0, 0, 0, 0, 0, 1),
      },
      appeals: { review: O(0, 0, 0, 0, 0), litigationDirect: O(2, 0, 1, 0, 3), litigationAfterReview: O(0, 0, 0, 0, 0) },
    });
  });

  it('provenance: the line of every value (22 第二十条, 23 × 7 requests, 15 appeals, 1 from prose)', async () => {
    const r = await parseFixture(SEEDS.s001);
    // Row → line of its first value; a row's values stand on consecutive lines (one cell per line).
    const firstLine: Record<string, number> = {
      'proactive.regulations': 27, 'proactive.normativeDocuments': 32, 'proactive.licensing': 44, 'proactive.otherServices': 49,
      'proactive.penalties': 61, 'proactive.enforcement': 66, 'proactive.fees': 77, 'proactive.procurement': 87,
      'requests.received': 114, 'requests.carriedOver': 123, 'requests.outcomes.granted': 133, 'requests.outcomes.partiallyGranted': 143,
      'requests.outcomes.denied.stateSecret': 154, 'requests.outcomes.denied.prohibitedByLaw': 165, 'requests.outcomes.denied.endangersSafety': 176,
      'requests.outcomes.denied.thirdPartyRights': 187, 'requests.outcomes.denied.internalAffairs': 198, 'requests.outcomes.denied.processInformation': 209,
      'requests.outcomes.denied.enforcementFiles': 220, 'requests.outcomes.denied.administrativeInquiry': 231,
      'requests.outcomes.unavailable.notHeld': 242, 'requests.outcomes.unavailable.requiresCreation': 253, 'requests.outcomes.unavailable.unclearAfterAmendment': 264,
      'requests.outcomes.notProcessed.petitionComplaint': 275, 'requests.outcomes.notProcessed.duplicate': 286, 'requests.outcomes.notProcessed.publicationRequest': 297,
      'requests.outcomes.notProcessed.excessiveRepeated': 308, 'requests.outcomes.notProcessed.confirmationRequest': 319,
      'requests.outcomes.other.total': 329, 'requests.outcomes.total': 339, 'requests.carriedForward': 348,
    };
    const columns: Record<string, string[]> = {
      proactive: [],
      requests: ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'],
    };
    const expected: Record<string, number> = {};
    for (const [row, line] of Object.entries(firstLine)) {
      const keys = row.startsWith('requests')
        ? columns.requests!
        : Object.keys((r.statistics.proactive as Record<string, object>)[row.split('.')[1]!]!);
      keys.forEach((k, i) => (expected[`${row}.${k}`] = line + i));
    }
    ['review', 'litigationDirect', 'litigationAfterReview'].forEach((g, gi) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((k, i) => (expected[`appeals.${g}.${k}`] = 399 + gi * 5 + i)),
    );
    expected['proactive.published'] = 9;
    expect(Object.keys(expected)).toHaveLength(22 + 161 + 15 + 1);
    expect(Object.fromEntries(Object.entries(r.provenance).map(([k, v]) => [k, v.line]))).toEqual(expected);
    expect(r.provenance['requests.received.total']).toEqual({ table: 't6', row: 3, col: 9, line: 120, raw: '11' });
    expect(r.provenance['proactive.procurement.amountWan']).toEqual({ table: 't5', row: 2, col: 2, line: 88, raw: '1480.8758万元' });
    expect(r.provenance['proactive.published']).toEqual({ line: 9, raw: '主动公开信息2073条', method: 'narrative' });
  });

  it('passes requests.balance in every column (11 + 0 = 10 + 1) and every other check', async () => {
    const r = await parseFixture(SEEDS.s001);
    const balance = r.checks.find((c) => c.rule === 'requests.balance' && c.column === 'total')!;
    expect(balance).toMatchObject({ status: 'pass', expected: 11, actual: 11 });
    expect(r.checks.filter((c) => c.rule === 'requests.balance')).toHaveLength(7);
    expect(r.checks.filter((c) => c.rule === 'requests.rowTotal')).toHaveLength(23);
    expect(r.checks.filter((c) => c.rule === 'requests.outcomesTotal')).toHaveLength(7);
    expect(r.checks.filter((c) => c.rule === 'appeals.total')).toHaveLength(3);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });
});

describe('seed 002 (pre-2019 form): the 59 statistics rows', () => {
  it('statistics and the line of each', async () => {
    const r = await parseFixture(SEEDS.s002);
    expect(r.report.layout).toBe('pre2019');
    const T = { total: 0 };
    expect(r.statistics).toEqual({
      proactive: { published: 78, normativeDocsPublished: 0, normativeDocsIssued: 0, channels: { gazette: 0, website: 0, weibo: 0, wechat: 50, other: 28 } },
      responses: { total: 1, hotTopics: 1, pressConferences: 0, pressConferencesByLeaders: 0, onlineInterviews: 0, onlineInterviewsByLeaders: 0, interpretations: 0, socialMedia: 0, other: 0 },
      requests: {
        received: T,
        receivedVia: { inPerson: 0, fax: 0, online: 0, letter: 0 },
        completed: { total: 0, onTime: 0, extended: 0 },
        outcomes: {
          total: T, alreadyPublic: T, granted: T, partiallyGranted: T,
          denied: { total: T, stateSecret: T, commercialSecret: T, privacy: T, endangersSafety: T, notGovernmentInformation: T, prohibitedByLaw: T },
          notThisAgency: T, notExist: T, amendmentNotified: T, otherChannel: T,
        },
      },
      appeals: { review: { total: 0, upheld: 0, corrected: 0, other: 0 }, litigation: { total: 0, upheld: 0, corrected: 0, other: 0 } },
      complaints: 0,
      feesCollectedWan: 0,
      staffing: { dedicatedUnits: 0, readingPoints: 0, staff: 1, fullTime: 0, partTime: 1, budgetWan: 0 },
      meetings: { meetings: 2, trainingSessions: 0, trainees: 0 },
    });
    const lines = Object.values(r.provenance).map((p) => p.line);
    expect(lines).toHaveLength(59);
    // Every row of the form from line 21 to 84 but the six group rows 24, 32, 40, 74, 81 and 20.
    expect(new Set(lines)).toEqual(new Set(Array.from({ length: 64 }, (_, i) => 21 + i).filter((n) => ![24, 32, 40, 74, 81].includes(n))));
    expect(r.provenance['staffing.staff']).toEqual({ table: 't1', row: 58, col: 2, line: 77, raw: '1' });
  });

  it('runs the pre-2019 checks and never checks a group row', async () => {
    const r = await parseFixture(SEEDS.s002);
    expect(r.checks.map((c) => [c.rule, c.status])).toEqual([
      ['pre2019.receivedVia', 'pass'],
      ['pre2019.completed', 'pass'],
      ['pre2019.answers', 'pass'],
      ['pre2019.denied', 'pass'],
      ['pre2019.review', 'pass'],
      ['pre2019.litigation', 'pass'],
      ['pre2019.staff', 'pass'],
      ['report.year', 'skip'],
      ['prose.table', 'pass'], // 2018年我委主动公开政府信息78条 = the form's 78
    ]);
    expect(r.checks.find((c) => c.rule === 'pre2019.staff')).toMatchObject({ expected: 1, actual: 1 });
  });
});

describe('figures stated in prose', () => {
  it('000: 810 items published, no requests, no fees, no reviews or lawsuits', async () => {
    const r = await parseFixture(SEEDS.s000);
    expect(r.statistics).toEqual({
      proactive: { published: 810 },
      requests: { received: { total: 0 } },
      feesCollectedWan: 0,
      appeals: { review: { total: 0 }, litigation: { total: 0 } },
    });
    expect(r.provenance['proactive.published']).toEqual({ line: 63, raw: '主动公开政府信息共计 810 条', method: 'narrative' });
    expect(r.provenance['requests.received.total']).toMatchObject({ line: 67, method: 'narrative' });
    expect(r.provenance['feesCollectedWan']).toMatchObject({ line: 71, method: 'narrative' });
    expect(r.provenance['appeals.review.total']).toMatchObject({ line: 75, method: 'narrative' });
  });

  it('004: 56 items published, no requests, no fees, no reviews or lawsuits', async () => {
    const r = await parseFixture(SEEDS.s004);
    expect(r.statistics).toEqual({
      proactive: { published: 56 },
      requests: { received: { total: 0 } },
      feesCollectedWan: 0,
      appeals: { review: { total: 0 }, litigation: { total: 0 } },
    });
    expect(Object.fromEntries(Object.entries(r.provenance).map(([k, v]) => [k, v.line]))).toEqual({
      'proactive.published': 17,
      'requests.received.total': 23,
      feesCollectedWan: 25,
      'appeals.review.total': 27,
      'appeals.litigation.total': 27,
    });
  });

  it('003: its document counts (制发公文364件，其中：主动公开187件) are not taken for a proactive figure', async () => {
    const r = await parseFixture(SEEDS.s003);
    expect(r.statistics.proactive).toBeUndefined();
    expect(r.statistics).toEqual({ requests: { received: { total: 0 } } });
    expect(r.provenance['requests.received.total']).toMatchObject({ line: 62, method: 'narrative' });
  });

  it('an estimate (5500余条) is not a figure; a fee in 元 is converted to 万元', async () => {
    const r = await parseFixture('fixtures/corpus/huaian2024.pdftotext-layout.txt');
    expect(r.statistics.proactive?.published).toBeUndefined();
    expect(r.statistics.feesCollectedWan).toBe(0.394);
    expect(r.provenance['feesCollectedWan']).toMatchObject({ line: 241, method: 'narrative' });
  });

  it('a table value wins over prose, and a disagreement is a warning', () => {
    const text = readFileSync(fixture(SEEDS.s002), 'utf8').replace('2018年我委主动公开政府信息78条', '2018年我委主动公开政府信息80条');
    const r = parseText(text);
    expect(r.statistics.proactive?.published).toBe(78);
    expect(r.warnings).toEqual([
      { code: 'PROSE_TABLE_MISMATCH', message: expect.stringContaining('the text says 80 (line 9), the table 78 (line 21)'), line: 9 },
    ]);
  });
});

const HZ = {
  proactive: {
    regulations: { issued: 3, repealed: 5, inForce: 74 },
    normativeDocuments: { issued: 564, repealed: 984, inForce: 4185 },
    licensing: { decisions: 11398889 },
    penalties: { decisions: 6937489 },
    enforcement: { decisions: 166105 },
    fees: { amountWan: 316441 },
  },
  requests: {
    received: A(13612, 252, 0, 45, 128, 32, 14069),
    carriedOver: A(535, 6, 0, 1, 18, 0, 560),
    outcomes: {
      granted: A(5345, 129, 0, 41, 19, 14, 5548),
      partiallyGranted: A(2120, 39, 0, 1, 6, 2, 2168),
      denied: {
        stateSecret: A(13, 0, 0, 0, 0, 0, 13), prohibitedByLaw: A(30, 0, 0, 0, 0, 0, 30), endangersSafety: A(11, 0, 0, 0, 0, 0, 11),
        thirdPartyRights: A(49, 2, 0, 0, 0, 0, 51), internalAffairs: A(103, 1, 0, 0, 0, 0, 104), processInformation: A(84, 1, 0, 0, 0, 0, 85),
        enforcementFiles: A(282, 4, 0, 0, 0, 0, 286), administrativeInquiry: A(147, 0, 0, 0, 1, 2, 150),
      },
      unavailable: { notHeld: A(3075, 50, 0, 0, 89, 8, 3222), requiresCreation: A(177, 3, 0, 0, 0, 0, 180), unclearAfterAmendment: A(19, 0, 0, 0, 0, 0, 19) },
      notProcessed: {
        petitionComplaint: A(199, 1, 0, 0, 3, 0, 203), duplicate: A(147, 1, 0, 0, 0, 0, 148), publicationRequest: Z,
        excessiveRepeated: A(100, 1, 0, 0, 0, 0, 101), confirmationRequest: A(5, 0, 0, 0, 0, 0, 5),
      },
      other: { noAmendment: A(315, 3, 0, 0, 0, 0, 318), unpaidFee: A(202, 0, 0, 1, 0, 0, 203), other: A(941, 17, 0, 1, 3, 3, 965) },
      total: A(13364, 252, 0, 44, 121, 29, 13810),
    },
    carriedForward: A(783, 6, 0, 2, 25, 3, 819),
  },
  appeals: { review: O(376, 97, 196, 121, 790), litigationDirect: O(16, 1, 12, 27, 56), litigationAfterReview: O(74, 1, 30, 51, 156) },
  feesCollectedWan: 0.04,
};

const HUAIAN = {
  proactive: {
    regulations: { issued: 1, repealed: 0, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: { decisions: 447228 },
    penalties: { decisions: 3985758 },
    enforcement: { decisions: 88283 },
    fees: { amountWan: 96171.6 },
  },
  requests: {
    received: A(3001, 53, 0, 0, 61, 4, 3119),
    carriedOver: A(34, 0, 0, 0, 0, 0, 34),
    outcomes: {
      granted: A(1288, 21, 0, 0, 50, 3, 1362),
      partiallyGranted: A(447, 7, 0, 0, 0, 0, 454),
      denied: {
        stateSecret: A(2, 0, 0, 0, 0, 0, 2), prohibitedByLaw: A(30, 1, 0, 0, 0, 0, 31), endangersSafety: A(5, 0, 0, 0, 0, 0, 5),
        thirdPartyRights: A(6, 0, 0, 0, 0, 0, 6), internalAffairs: A(7, 1, 0, 0, 0, 0, 8), processInformation: A(12, 0, 0, 0, 0, 0, 12),
        enforcementFiles: A(9, 0, 0, 0, 0, 0, 9), administrativeInquiry: A(105, 0, 0, 0, 0, 0, 105),
      },
      unavailable: { notHeld: A(746, 12, 0, 0, 10, 1, 769), requiresCreation: A(11, 0, 0, 0, 0, 0, 11), unclearAfterAmendment: A(1, 0, 0, 0, 0, 0, 1) },
      notProcessed: {
        petitionComplaint: A(56, 6, 0, 0, 0, 0, 62), duplicate: A(25, 0, 0, 0, 0, 0, 25), publicationRequest: Z,
        excessiveRepeated: Z, confirmationRequest: A(1, 0, 0, 0, 0, 0, 1),
      },
      other: { noAmendment: A(67, 3, 0, 0, 1, 0, 71), unpaidFee: A(6, 0, 0, 0, 0, 0, 6), other: A(108, 2, 0, 0, 0, 0, 110) },
      total: A(2932, 53, 0, 0, 61, 4, 3050),
    },
    carriedForward: A(103, 0, 0, 0, 0, 0, 103),
  },
  appeals: { review: O(72, 64, 178, 37, 351), litigationDirect: O(13, 4, 8, 1, 26), litigationAfterReview: O(12, 1, 1, 6, 20) },
  feesCollectedWan: 0.394,
};

function allPass(r: ReportRecord): void {
  expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  expect(r.checks.filter((c) => c.status === 'pass').length).toBeGreaterThanOrEqual(42);
}

describe('the corpus: every conversion gives the same 200 numbers and passes every check', () => {
  for (const f of ['hz2025.w3m-box', 'hz2025.w3m-ascii', 'hz2025.pandoc-grid', 'hz2025.w3m-plain', 'hz2025.pandoc-plain', 'hz2025.html']) {
    it(f, async () => {
      const r = await parseFixture(`fixtures/corpus/${f}.txt`.replace('.html.txt', '.html'));
      expect(r.statistics).toEqual(HZ);
      expect(r.report.layout).toBe('2021');
      expect(Object.values(r.provenance).filter((p) => p.table !== undefined)).toHaveLength(200);
      allPass(r);
    });
  }
  for (const f of ['huaian2024.pdftotext-layout', 'huaian2024.pdftotext-raw']) {
    it(f, async () => {
      const r = await parseFixture(`fixtures/corpus/${f}.txt`);
      expect(r.statistics).toEqual(HUAIAN);
      expect(r.report.layout).toBe('2021');
      expect(Object.values(r.provenance).filter((p) => p.table !== undefined)).toHaveLength(200);
      allPass(r);
      expect(r.checks.find((c) => c.rule === 'requests.balance' && c.column === 'total')).toMatchObject({ status: 'pass', expected: 3153, actual: 3153 });
    });
  }
});

describe('provenance invariant: every table number stands on its line', () => {
  const files = [...Object.values(SEEDS), 'fixtures/corpus/huaian2024.pdftotext-layout.txt', 'fixtures/corpus/huaian2024.pdftotext-raw.txt', 'fixtures/corpus/hz2025.w3m-box.txt', 'fixtures/corpus/hz2025.pandoc-grid.txt', 'fixtures/corpus/hz2025.w3m-plain.txt'];
  for (const f of files) {
    it(f, async () => {
      const r = await parseFixture(f);
      const lines = splitLines(readFileSync(fixture(f), 'utf8'), ANCHOR_CHARS);
      for (const [path, p] of Object.entries(r.provenance)) {
        const text = p.method === 'narrative' ? lines.slice(p.line - 1, p.line + 3).map((l) => l.text).join('') : lines[p.line - 1]!.raw;
        expect(text, `${path} at line ${p.line}`).toContain(p.method === 'narrative' ? p.raw.slice(0, 6) : p.raw);
      }
    });
  }
});

describe('values', () => {
  const cases: Array<[string, boolean, ReturnType<typeof cellValue>]> = [
    ['11', false, { kind: 'value', value: 11 }],
    ['+2', false, { kind: 'value', value: 2 }],
    ['-3', false, { kind: 'value', value: -3 }],
    ['１２３', false, { kind: 'value', value: 123 }],
    ['1,234', false, { kind: 'value', value: 1234 }],
    ['96171.6', true, { kind: 'value', value: 96171.6 }],
    ['1480.8758万元', true, { kind: 'value', value: 1480.8758 }],
    ['251000元', true, { kind: 'value', value: 25.1 }],
    ['5元', true, { kind: 'value', value: 0.0005 }],
    ['0', false, { kind: 'value', value: 0 }],
    ['—', false, { kind: 'value', value: 0 }],
    ['-', false, { kind: 'value', value: 0 }],
    ['/', false, { kind: 'value', value: 0 }],
    ['无', false, { kind: 'value', value: 0 }],
    ['', false, { kind: 'absent' }],
    ['  ', false, { kind: 'absent' }],
  ];
  for (const [text, money, expected] of cases) {
    it(`"${text}"${money ? ' (money)' : ''}`, () => expect(cellValue(text, money)).toEqual(expected));
  }
  it('rejects what is not a number, or too long to be exact', () => {
    expect(cellValue('见附件').kind).toBe('invalid');
    expect(cellValue('99999999999999999999').kind).toBe('invalid');
    expect(cellValue('1e309').kind).toBe('invalid');
  });
});

describe('money units from the column header', () => {
  it('a plain number under 采购总金额（元） is in 元 and becomes 万元; a cell with its own unit keeps it', () => {
    const base = readFileSync(fixture(SEEDS.s001), 'utf8').replace('\t采购总金额', '\t采购总金额（元）');
    expect(parseText(base.replace('\t1480.8758万元', '\t251000')).statistics.proactive?.procurement).toEqual({ items: 10, amountWan: 25.1 });
    expect(parseText(base).statistics.proactive?.procurement).toEqual({ items: 10, amountWan: 1480.8758 });
  });
});

describe('money units in the pre-2019 form', () => {
  it('a fee whose 单位 is 元 is converted to 万元', () => {
    const text = readFileSync(fixture(SEEDS.s002), 'utf8').replace('七、依申请公开信息收取的费用 | 万元 | 0 |', '七、依申请公开信息收取的费用 | 元 | 500 |');
    const r = parseText(text);
    expect(r.statistics.feesCollectedWan).toBe(0.05);
    expect(r.provenance['feesCollectedWan']).toEqual({ table: 't1', row: 54, col: 2, line: 73, raw: '500' });
  });
});

describe('blank cells that the table proves to be zero (Shanghai 2019, every zero left blank)', () => {
  const W3M = 'fixtures/converters/sh2019.w3m.txt';

  it('a printed row total equal to its printed parts makes the blank parts 0, with method implied and the row\'s line', async () => {
    const r = await parseFixture(W3M);
    // 一、本年新收: 821 | 35 |   |   | 2 | 1 | 859 — 821 + 35 + 2 + 1 = 859.
    expect(r.statistics.requests?.received).toEqual(A(821, 35, 0, 0, 2, 1, 859));
    expect(r.provenance['requests.received.research']).toMatchObject({ line: 199, raw: '', method: 'implied' });
    expect(r.provenance['requests.received.commercial']).toMatchObject({ line: 199, raw: '35' });
    // （七）总计 as the column sum: the blank 自然人 cells of the outcome rows are 0 (767 is the sum of the printed ones)…
    expect(r.statistics.requests?.outcomes?.denied?.prohibitedByLaw?.naturalPerson).toBe(0);
    // …but a blank total is never filled in by adding its parts: the outcome rows' 总计 stay absent.
    expect(r.statistics.requests?.outcomes?.granted).toEqual({ naturalPerson: 258, commercial: 12, research: 0, socialWelfare: 0, legalService: 1, otherOrg: 1 });
  });

  it('a total the prose states (诉讼9件) and the table splits proves the blank 复议后起诉 columns 0', async () => {
    const r = await parseFixture(W3M);
    expect(r.statistics.appeals).toEqual({ review: O(5, 0, 0, 2, 7), litigationDirect: O(8, 0, 0, 1, 9), litigationAfterReview: O(0, 0, 0, 0, 0) });
    expect(r.provenance['appeals.litigationAfterReview.total']).toMatchObject({ raw: '', method: 'implied', line: 264 });
    expect(r.checks.find((c) => c.rule === 'prose.table' && c.path === 'appeals.litigation.total')).toMatchObject({ status: 'pass', expected: 9, actual: 9 });
  });

  it('a prose total that does not equal the printed cells proves nothing', () => {
    const text = readFileSync(fixture(W3M), 'utf8').replace('行政复议7件，诉讼9件', '行政复议7件，诉讼10件');
    const r = parseText(text);
    expect(r.statistics.appeals?.litigationAfterReview).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).not.toContain('PROSE_TABLE_MISMATCH');
  });
});
