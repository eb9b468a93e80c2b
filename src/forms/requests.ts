// 收到和处理政府信息公开申请情况 (formats.md §1.2, §2.2): the same form in the 2019 and 2021
// formats but for （六）其他处理, one data row in 2019 and a group of three rows in 2021.

import type { CellPaths, Form, FormColumn, FormRow, Ref, Relation, StatisticsPaths } from './types.js';

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const RESULTS = '三、本年度办理结果';
const APPLICANTS = '申请人情况';
const ORGS = '法人或其他组织';

/** The official label cells of a row under 三、本年度办理结果 (three label columns, spans repeated). */
const L = (a: string, b?: string, c?: string): string[] => [a, b ?? a, c ?? b ?? a];

/** An applicant column under 申请人情况 and its group header (自然人 and 总计 span both header rows). */
const applicant = <K extends string>(key: K, label: string, match: RegExp, group: string, extra: Partial<FormColumn> = {}): FormColumn & { key: K } => ({
  ...extra,
  key,
  label,
  match: [match],
  groups: [APPLICANTS, group],
});

/** 自然人, five 法人或其他组织 columns (and the 小计 some reports add), 总计. */
const COLUMNS = [
  applicant('naturalPerson', '自然人', /自然人/, '自然人'),
  applicant('commercial', '商业企业', /商业企业/, ORGS),
  applicant('research', '科研机构', /科研机构/, ORGS),
  applicant('socialWelfare', '社会公益组织', /公益组织/, ORGS),
  applicant('legalService', '法律服务机构', /法律服务/, ORGS),
  applicant('otherOrg', '其他', /^其他$/, ORGS),
  applicant('orgSubtotal', '小计', /小计/, ORGS, { optional: true }),
  applicant('total', '总计', /^(?:总计|合计)$/, '总计', { mayLead: true }),
];

export const APPLICANT_KEYS = COLUMNS.map((c) => c.key);
const ORG_KEYS = ['commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];

const r = <K extends string>(key: K, labels: string[], match: RegExp, extra: Partial<FormRow> = {}): FormRow & { key: K } => ({ ...extra, key, labels, match });

const ROWS = [
  r('received', L('一、本年新收政府信息公开申请数量'), /本年新收/),
  r('carriedOver', L('二、上年结转政府信息公开申请数量'), /上年结转/),
  r('outcomes.granted', L(RESULTS, '（一）予以公开'), /予以公开/),
  r('outcomes.partiallyGranted', L(RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), /部分公开/),
  r('outcomes.denied.total', L(RESULTS, '（三）不予公开'), /^(?:\(三\))?不予公开(?:小计|合计)?$/, { optional: true }),
  r('outcomes.denied.stateSecret', L(RESULTS, '（三）不予公开', '1.属于国家秘密'), /国家秘密/),
  r('outcomes.denied.prohibitedByLaw', L(RESULTS, '（三）不予公开', '2.其他法律行政法规禁止公开'), /法律行政法规禁止|行政法规禁止|法律行政.{0,2}止公开/),
  r('outcomes.denied.endangersSafety', L(RESULTS, '（三）不予公开', '3.危及“三安全一稳定”'), /三安全一稳定/),
  r('outcomes.denied.thirdPartyRights', L(RESULTS, '（三）不予公开', '4.保护第三方合法权益'), /第三方合法权益/),
  r('outcomes.denied.internalAffairs', L(RESULTS, '（三）不予公开', '5.属于三类内部事务信息'), /内部事务/),
  r('outcomes.denied.processInformation', L(RESULTS, '（三）不予公开', '6.属于四类过程性信息'), /过程性信息/),
  r('outcomes.denied.enforcementFiles', L(RESULTS, '（三）不予公开', '7.属于行政执法案卷'), /行政执法案卷/),
  r('outcomes.denied.administrativeInquiry', L(RESULTS, '（三）不予公开', '8.属于行政查询事项'), /行政查询/),
  r('outcomes.unavailable.total', L(RESULTS, '（四）无法提供'), /^(?:\(四\))?无法提供(?:小计|合计)?$/, { optional: true }),
  r('outcomes.unavailable.notHeld', L(RESULTS, '（四）无法提供', '1.本机关不掌握相关政府信息'), /不掌握/),
  r('outcomes.unavailable.requiresCreation', L(RESULTS, '（四）无法提供', '2.没有现成信息需要另行制作'), /另行制作/),
  r('outcomes.unavailable.unclearAfterAmendment', L(RESULTS, '（四）无法提供', '3.补正后申请内容仍不明确'), /补正后/),
  r('outcomes.notProcessed.total', L(RESULTS, '（五）不予处理'), /^(?:\(五\))?不予处理(?:小计|合计)?$/, { optional: true }),
  r('outcomes.notProcessed.petitionComplaint', L(RESULTS, '（五）不予处理', '1.信访举报投诉类申请'), /信访|举报投诉/),
  r('outcomes.notProcessed.duplicate', L(RESULTS, '（五）不予处理', '2.重复申请'), /重复申请/),
  r('outcomes.notProcessed.publicationRequest', L(RESULTS, '（五）不予处理', '3.要求提供公开出版物'), /公开出版物/),
  r('outcomes.notProcessed.excessiveRepeated', L(RESULTS, '（五）不予处理', '4.无正当理由大量反复申请'), /大量反[复覆]/),
  r('outcomes.notProcessed.confirmationRequest', L(RESULTS, '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'), /确认或重新出/),
  r('outcomes.other.noAmendment', L(RESULTS, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), /逾期不补正/, { marks: '2021' }),
  r('outcomes.other.unpaidFee', L(RESULTS, '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'), /缴纳费用|收费通知/, { marks: '2021' }),
  r('outcomes.other.other', L(RESULTS, '（六）其他处理', '3.其他'), /(?:^|[\d.、])其他$/, { marks: '2021' }),
  // 2019: （六）其他处理 is one data row. In 2021 it is the group label of the three rows above.
  r('outcomes.other.total', L(RESULTS, '（六）其他处理'), /其他处理(?:小计|合计)?$/, { marks: '2019' }),
  r('outcomes.total', L(RESULTS, '（七）总计'), /总计|合计/),
  r('carriedForward', L('四、结转下年度继续办理'), /结转下年/),
];

/** Every cell of the form is a statistics path (compile-time). */
export type RequestsCellPaths = StatisticsPaths<CellPaths<'requests', (typeof ROWS)[number]['key'], (typeof COLUMNS)[number]['key']>>;

const at = (row: string, col: string): Ref => ({ row, col });
const OTHER_SPLIT = ['outcomes.other.noAmendment', 'outcomes.other.unpaidFee', 'outcomes.other.other'];
const OUTCOME_LEAVES = ROWS.filter((x) => x.key.startsWith('outcomes.') && !x.optional && x.key !== 'outcomes.total' && !x.marks).map((x) => x.key);
const VALUE_ROWS = ROWS.map((x) => x.key);

function relations(): Relation[] {
  const out: Relation[] = [];
  const cols = APPLICANT_KEYS;
  // R1, the form's own note: 第一项加第二项之和，等于第三项加第四项之和 — per column.
  for (const c of cols) {
    out.push({
      rule: 'requests.balance',
      kind: 'balance',
      left: [at('received', c), at('carriedOver', c)],
      right: [at('outcomes.total', c), at('carriedForward', c)],
      column: c,
      what: `${c}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
    });
  }
  // R2 and R4: in every row, 总计 = 自然人 + 法人或其他组织 (five columns, or their 小计).
  for (const row of VALUE_ROWS) {
    const path = `requests.${row}`;
    const what = `${path}: 总计 = 自然人 + 法人或其他组织`;
    const subtotal = at(row, 'orgSubtotal');
    out.push({ rule: 'requests.rowTotal', kind: 'total', left: [at(row, 'total')], right: [at(row, 'naturalPerson'), ...ORG_KEYS.map((k) => at(row, k))], when: { absent: [subtotal] }, column: 'total', path, what });
    out.push({ rule: 'requests.rowTotal', kind: 'total', left: [at(row, 'total')], right: [at(row, 'naturalPerson'), subtotal], when: { present: [[subtotal]] }, column: 'total', path, what });
    out.push({ rule: 'requests.orgSubtotal', kind: 'total', left: [subtotal], right: ORG_KEYS.map((k) => at(row, k)), when: { present: [[subtotal]] }, column: 'orgSubtotal', path, what: `${path}: 小计 = 五类法人或其他组织之和` });
  }
  // R3: （七）总计 = every outcome row, per column; （六） is one row (2019) or three (2021).
  for (const c of cols) {
    const total = at('outcomes.total', c);
    const split = OTHER_SPLIT.map((k) => at(k, c));
    const what = `${c}: （七）总计 = 各项办理结果之和`;
    const leaves = OUTCOME_LEAVES.map((k) => at(k, c));
    out.push({ rule: 'requests.outcomesTotal', kind: 'total', left: [total], right: [...leaves, at('outcomes.other.total', c)], when: { present: [[total]], absent: split }, column: c, what });
    out.push({ rule: 'requests.outcomesTotal', kind: 'total', left: [total], right: [...leaves, ...split], when: { present: [[total], split] }, column: c, what });
  }
  return out;
}

export const REQUESTS_FORM: Form = {
  id: 'requests',
  kind: 'requests',
  layout: null,
  caption: null,
  part: '三、收到和处理政府信息公开申请情况',
  signature: /申请人情况|勾稽关系|本年新收|本年度办理结果|结转下年度继续办理/,
  base: 'requests',
  labelColumns: 3,
  corner: [NOTE],
  columns: COLUMNS,
  rows: ROWS,
  relations: relations(),
  covers: ['requests.'],
  crossYear: [{ rule: 'panel.carryOver', kind: 'carry', current: 'carriedOver', previous: 'carriedForward' }],
  anchor: {
    line: /本列数据的勾稽关系|^申请人情况$|^申请人情况(?:自然人|法人)/,
    // `四、结转下年度继续办理 0 0 0 0 0 0 0`
    row: /^(?:一、)?本年新收政府信息公开申请数量|^(?:二、)?上年结转政府信息公开申请数量|^(?:四、)?结转下年度继续办理/,
    hints: '本申上结結',
  },
};
