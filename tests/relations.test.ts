// The one evaluator of the forms' relations (src/forms/relations.ts), on the numbers of real
// reports: huaian2024's requests table (pdftotext -layout of the published PDF) and seed 001's
// 2019 form.

import { describe, expect, it } from 'vitest';
import { APPEALS_FORM, REQUESTS_FORM } from '../src/forms/index.js';
import { applies, evaluate, relationsOfRow, rowSums, statisticsLookup, sumHolds } from '../src/forms/relations.js';
import type { Ref, Relation } from '../src/forms/types.js';
import { statisticAt } from '../src/statistics.js';
import { parseFixture } from './helpers.js';

const HUAIAN = 'fixtures/corpus/huaian2024.pdftotext-layout.txt';
/** huaian2024, 一、本年新收: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计. */
const RECEIVED = [3001, 53, 0, 0, 61, 4, 3119];
const KEYS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];

const rowTotal = (withSubtotal: boolean): Relation =>
  REQUESTS_FORM.relations.find((r) => r.rule === 'requests.rowTotal' && r.left[0]!.row === 'received' && (r.when?.present !== undefined) === withSubtotal)!;
const lookupOf = (values: Record<string, number | null>) => (ref: Ref) => (ref.col in values ? values[ref.col] : undefined);
const received = Object.fromEntries(KEYS.map((k, i) => [k, RECEIVED[i]!]));

describe('evaluate: one reading of a relation for placement, checks, implied zeros and soft checks', () => {
  it('holds on huaian2024 本年新收: 3119 = 3001 + 53 + 0 + 0 + 61 + 4', () => {
    const e = evaluate(rowTotal(false), lookupOf(received));
    expect(e).toMatchObject({ left: 3119, right: 3119, holds: true, exact: true, broken: false, stated: 7, open: [], absent: [] });
  });

  it('a blank part is open: the sum may still hold (not broken), exact with the blank as 0', () => {
    const e = evaluate(rowTotal(false), lookupOf({ ...received, research: null }));
    expect(e.holds).toBeNull();
    expect(e.open.map((r) => r.col)).toEqual(['research']);
    expect(e).toMatchObject({ exact: true, broken: false });
  });

  it('parts above a complete total are broken whatever the blanks hold; a blank total never is', () => {
    expect(evaluate(rowTotal(false), lookupOf({ ...received, total: 3000, research: null })).broken).toBe(true);
    expect(evaluate(rowTotal(false), lookupOf({ ...received, total: null })).broken).toBe(false);
  });

  it('a cell the table does not print is absent, not open', () => {
    const { otherOrg: _, ...withoutOther } = received;
    const e = evaluate(rowTotal(false), lookupOf(withoutOther));
    expect(e.absent.map((r) => r.col)).toEqual(['otherOrg']);
    expect(e.open).toEqual([]);
  });
});

describe('applies: the form variants by `when`', () => {
  it('a table with a 小计 column gets the subtotal sums, one without gets the five-column sum', () => {
    const stated = (cols: string[]) => (ref: Ref) => cols.includes(ref.col);
    expect(applies(rowTotal(false), stated(KEYS))).toBe(true);
    expect(applies(rowTotal(true), stated(KEYS))).toBe(false);
    expect(applies(rowTotal(false), stated([...KEYS, 'orgSubtotal']))).toBe(false);
    expect(applies(rowTotal(true), stated([...KEYS, 'orgSubtotal']))).toBe(true);
  });
});

describe('rowSums: a row total compiled to the report’s column order', () => {
  it('总计 first where the report puts it first, and the sum kept by huaian2024’s row', () => {
    const order = ['total', ...KEYS.slice(0, -1)];
    const [sum] = rowSums(REQUESTS_FORM, order);
    expect(sum).toEqual({ total: 0, parts: [1, 2, 3, 4, 5, 6] });
    expect(sumHolds(sum!, [3119, ...RECEIVED.slice(0, -1)])).toBe(true);
    expect(sumHolds(sum!, [3118, ...RECEIVED.slice(0, -1)])).toBe(false);
  });

  it('with a 小计 column: total = 自然人 + 小计 first, then 小计 = the five', () => {
    const order = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'orgSubtotal', 'total'];
    expect(rowSums(REQUESTS_FORM, order)).toEqual([
      { total: 7, parts: [0, 6] },
      { total: 6, parts: [1, 2, 3, 4, 5] },
    ]);
  });

  it('the appeals row holds its three group totals: 行政复议, 未经复议直接起诉, 复议后起诉', () => {
    const keys = APPEALS_FORM.columns.map((c) => c.key);
    expect(rowSums(APPEALS_FORM, keys).map((s) => keys[s.total])).toEqual(['review.total', 'litigationDirect.total', 'litigationAfterReview.total']);
  });
});

describe('relationsOfRow and statisticsLookup', () => {
  it('a requests row is in its row total, its column balance and the outcomes total', () => {
    const rules = new Set(relationsOfRow(REQUESTS_FORM, 'carriedForward').map((r) => r.rule));
    expect(rules).toEqual(new Set(['requests.balance', 'requests.rowTotal', 'requests.orgSubtotal']));
  });

  it('reads a record’s statistics by path: huaian2024’s balance holds for 总计', async () => {
    const r = await parseFixture(HUAIAN);
    const value = statisticsLookup(REQUESTS_FORM, (p) => statisticAt(r.statistics, p));
    const balance = REQUESTS_FORM.relations.find((x) => x.rule === 'requests.balance' && x.column === 'total')!;
    // 本年新收 3119 + 上年结转 34 = （七）总计 3050 + 结转下年度 103.
    expect(evaluate(balance, value)).toMatchObject({ left: 3119 + 34, right: 3050 + 103, holds: true });
  });
});
