// The arithmetic the official forms demand (canonical-model.md "Checks", formats.md §6), run on
// the canonical statistics. A check never changes a value: it records what was expected, what
// the report says, and whether they agree; `skip` when a value it needs is absent.

import type { Check } from '../schema.js';
import type { Layout } from '../metadata/report.js';
import type { StatisticsBuilder } from './collect.js';
import { joinPath } from './paths.js';

const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'orgSubtotal', 'total'];
const ORG_COLUMNS = ['commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];

/** Every Applicants row of the 2019/2021 requests table, by path. */
const REQUEST_ROWS = [
  'received',
  'carriedOver',
  'outcomes.granted',
  'outcomes.partiallyGranted',
  ...['total', 'stateSecret', 'prohibitedByLaw', 'endangersSafety', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeInquiry'].map((k) => `outcomes.denied.${k}`),
  ...['total', 'notHeld', 'requiresCreation', 'unclearAfterAmendment'].map((k) => `outcomes.unavailable.${k}`),
  ...['total', 'petitionComplaint', 'duplicate', 'publicationRequest', 'excessiveRepeated', 'confirmationRequest'].map((k) => `outcomes.notProcessed.${k}`),
  ...['total', 'noAmendment', 'unpaidFee', 'other'].map((k) => `outcomes.other.${k}`),
  'outcomes.total',
  'carriedForward',
].map((r) => `requests.${r}`);

const OUTCOME_LEAVES_FIXED = [
  'outcomes.granted',
  'outcomes.partiallyGranted',
  ...['stateSecret', 'prohibitedByLaw', 'endangersSafety', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeInquiry'].map((k) => `outcomes.denied.${k}`),
  ...['notHeld', 'requiresCreation', 'unclearAfterAmendment'].map((k) => `outcomes.unavailable.${k}`),
  ...['petitionComplaint', 'duplicate', 'publicationRequest', 'excessiveRepeated', 'confirmationRequest'].map((k) => `outcomes.notProcessed.${k}`),
].map((r) => `requests.${r}`);

class Checker {
  readonly checks: Check[] = [];
  constructor(private readonly stats: StatisticsBuilder) {}

  /** The sum of `paths`, or null when one is absent (then `missing` lists them all). */
  private sum(paths: readonly string[], missing: string[]): number | null {
    let value = 0;
    for (const p of paths) {
      const v = this.stats.get(p);
      if (v === undefined) missing.push(p);
      else value += v;
    }
    return missing.length > 0 ? null : round(value);
  }

  /** `left` (one path or a sum) must equal `right`. */
  equal(rule: string, left: readonly string[], right: readonly string[], extra: { column?: string; path?: string; what: string }): void {
    const missing: string[] = [];
    const l = this.sum(left, missing);
    const r = this.sum(right, missing);
    // Built field by field in the output's key order (rule, column, path, status, …).
    const check: Check = { rule } as Check;
    if (extra.column) check.column = extra.column;
    if (extra.path) check.path = extra.path;
    if (l === null || r === null) {
      check.status = 'skip';
      check.message = `${extra.what}: ${missing.length} value(s) absent (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`;
    } else {
      const pass = l === r;
      check.status = pass ? 'pass' : 'fail';
      check.expected = l;
      check.actual = r;
      check.message = `${extra.what}: ${l} ${pass ? '=' : '≠'} ${r}`;
    }
    this.checks.push(check);
  }

  present(path: string): boolean {
    return this.stats.get(path) !== undefined;
  }
}

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

function postReform(c: Checker): void {
  const columns = APPLICANT_COLUMNS.filter((col) => ['received', 'carriedOver', 'outcomes.total', 'carriedForward'].some((r) => c.present(joinPath(joinPath('requests', r), col))));
  // requests.balance: 第一项加第二项之和，等于第三项加第四项之和, per column.
  for (const col of columns) {
    c.equal('requests.balance', [joinPath('requests.received', col), joinPath('requests.carriedOver', col)], [joinPath('requests.outcomes.total', col), joinPath('requests.carriedForward', col)], {
      column: col,
      what: `${col}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
    });
  }
  for (const row of REQUEST_ROWS) {
    if (!APPLICANT_COLUMNS.some((col) => c.present(joinPath(row, col)))) continue;
    const orgs = c.present(joinPath(row, 'orgSubtotal')) ? [joinPath(row, 'orgSubtotal')] : ORG_COLUMNS.map((k) => joinPath(row, k));
    c.equal('requests.rowTotal', [joinPath(row, 'total')], [joinPath(row, 'naturalPerson'), ...orgs], { column: 'total', path: row, what: `${row}: 总计 = 自然人 + 法人或其他组织` });
    if (c.present(joinPath(row, 'orgSubtotal'))) {
      c.equal('requests.orgSubtotal', [joinPath(row, 'orgSubtotal')], ORG_COLUMNS.map((k) => joinPath(row, k)), { column: 'orgSubtotal', path: row, what: `${row}: 小计 = 五类法人或其他组织之和` });
    }
  }
  // requests.outcomesTotal: （七）总计 = the sum of every outcome row; （六） is one row (2019) or three (2021).
  const split = ['noAmendment', 'unpaidFee', 'other'].some((k) => APPLICANT_COLUMNS.some((col) => c.present(joinPath(joinPath('requests.outcomes.other', k), col))));
  const other = split ? ['noAmendment', 'unpaidFee', 'other'].map((k) => joinPath('requests.outcomes.other', k)) : ['requests.outcomes.other.total'];
  const leaves = [...OUTCOME_LEAVES_FIXED, ...other];
  for (const col of APPLICANT_COLUMNS.filter((k) => c.present(joinPath('requests.outcomes.total', k)))) {
    c.equal('requests.outcomesTotal', [joinPath('requests.outcomes.total', col)], leaves.map((l) => joinPath(l, col)), { column: col, what: `${col}: （七）总计 = 各项办理结果之和` });
  }
  for (const g of ['review', 'litigationDirect', 'litigationAfterReview']) {
    const group = joinPath('appeals', g);
    if (!['upheld', 'corrected', 'other', 'pending', 'total'].some((k) => c.present(joinPath(group, k)))) continue;
    c.equal('appeals.total', [joinPath(group, 'total')], ['upheld', 'corrected', 'other', 'pending'].map((k) => joinPath(group, k)), { path: group, what: `${g}: 总计 = 维持 + 纠正 + 其他 + 尚未审结` });
  }
}

function pre2019(c: Checker): void {
  const rules: Array<[string, string, string[], string]> = [
    ['pre2019.receivedVia', 'requests.received.total', ['inPerson', 'fax', 'online', 'letter'].map((k) => `requests.receivedVia.${k}`), '收到申请数 = 当面 + 传真 + 网络 + 信函'],
    ['pre2019.completed', 'requests.completed.total', ['requests.completed.onTime', 'requests.completed.extended'], '申请办结数 = 按时 + 延期'],
    [
      'pre2019.answers',
      'requests.outcomes.total.total',
      ['alreadyPublic', 'granted', 'partiallyGranted', 'denied.total', 'notThisAgency', 'notExist', 'amendmentNotified', 'otherChannel'].map((k) => `requests.outcomes.${k}.total`),
      '申请答复数 = 八类答复之和',
    ],
    [
      'pre2019.denied',
      'requests.outcomes.denied.total.total',
      ['stateSecret', 'commercialSecret', 'privacy', 'endangersSafety', 'notGovernmentInformation', 'prohibitedByLaw'].map((k) => `requests.outcomes.denied.${k}.total`),
      '不同意公开答复数 = 六类理由之和',
    ],
    ['pre2019.review', 'appeals.review.total', ['upheld', 'corrected', 'other'].map((k) => `appeals.review.${k}`), '行政复议数量 = 维持 + 纠错 + 其他'],
    ['pre2019.litigation', 'appeals.litigation.total', ['upheld', 'corrected', 'other'].map((k) => `appeals.litigation.${k}`), '行政诉讼数量 = 维持 + 纠错 + 其他'],
    ['pre2019.staff', 'staffing.staff', ['staffing.fullTime', 'staffing.partTime'], '工作人员数 = 专职 + 兼职'],
  ];
  for (const [rule, total, parts, what] of rules) {
    // A rule about a part of the form the report does not have is not run at all.
    if (![total, ...parts].some((p) => c.present(p))) continue;
    c.equal(rule, [total], parts, { path: total, what });
  }
}

/** Run the checks of a layout; `titleYear` and `periodYear` feed `report.year`. */
export function runChecks(stats: StatisticsBuilder, layout: Layout, titleYear: number | null, periodYear: number | null): Check[] {
  const c = new Checker(stats);
  if (layout === '2019' || layout === '2021') postReform(c);
  if (layout === 'pre2019') pre2019(c);
  if (titleYear === null || periodYear === null) {
    c.checks.push({ rule: 'report.year', status: 'skip', message: `the ${titleYear === null ? 'title' : 'statistics period'} gives no year` });
  } else {
    const pass = titleYear === periodYear;
    c.checks.push({ rule: 'report.year', status: pass ? 'pass' : 'fail', expected: titleYear, actual: periodYear, message: `title year ${titleYear} ${pass ? '=' : '≠'} period year ${periodYear}` });
  }
  return c.checks;
}
