// The official statistics tables (shared/spec/formats.md) as data: for every table, its header,
// the keys of its value columns and, for every data row, the official label cells and a pattern
// that recognises the row in real reports. Patterns run on folded text (fold() in chars.ts:
// half-width, no spaces, one kind of quote, `，` = `、`) and look for the row's key phrase, not
// the whole label, so that wrapped, abbreviated and renumbered labels still match.
//
// A new variant of a table is an edit here, not a new code path.

import type { TableKind } from '../classify.js';

export interface TemplateRow {
  /** Key of the row in the canonical model, relative to the table (e.g. `denied.stateSecret`). */
  key: string;
  /** The official label cells of the row, left to right (spanning labels repeated). */
  labels: string[];
  /** Recognises the row from its folded label text. */
  match: RegExp;
  /** A subtotal row that the official form does not print; matched only on a clean label. */
  optional?: boolean;
  /** The unit column of the pre-2019 form. */
  unit?: string;
}

export interface Template {
  id: string;
  kind: TableKind;
  /** 第二十条第（…）项 for the proactive sub-tables. */
  caption: string | null;
  /** Header rows of the rebuilt grid, as wide as the label columns plus the value columns. */
  header: string[][];
  /** Keys of the value columns, left to right. */
  columns: string[];
  rows: TemplateRow[];
}

// ---------------------------------------------------------------------------------------------
// 第二十条 proactive-disclosure sub-tables (2019 and 2021 formats)

function proactive(id: string, caption: string, heads: string[], columns: string[], rows: Array<[string, string, RegExp]>): Template {
  return {
    id,
    kind: 'proactive',
    caption,
    header: [['信息内容', ...heads]],
    columns,
    rows: rows.map(([key, label, match]) => ({ key, labels: [label], match })),
  };
}

const REGULATIONS: [string, string, RegExp] = ['regulations', '规章', /规章/];

export const PROACTIVE_TEMPLATES: readonly Template[] = [
  proactive('2019-item1', '第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['issued', 'published', 'publishedTotal'], [
    REGULATIONS,
    ['normativeDocuments', '规范性文件', /规范性文件/],
  ]),
  proactive('2021-item1', '第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], ['issued', 'repealed', 'inForce'], [
    REGULATIONS,
    ['normativeDocuments', '行政规范性文件', /规范性文件/],
  ]),
  proactive('2019-item5', '第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['itemsLastYear', 'itemsChange', 'decisions'], [
    ['licensing', '行政许可', /行政许可/],
    ['otherServices', '其他对外管理服务事项', /对外管理服务/],
  ]),
  proactive('2021-item5', '第二十条第（五）项', ['本年处理决定数量'], ['decisions'], [['licensing', '行政许可', /行政许可/]]),
  proactive('2019-item6', '第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['itemsLastYear', 'itemsChange', 'decisions'], [
    ['penalties', '行政处罚', /行政处罚/],
    ['enforcement', '行政强制', /行政强制/],
  ]),
  proactive('2021-item6', '第二十条第（六）项', ['本年处理决定数量'], ['decisions'], [
    ['penalties', '行政处罚', /行政处罚/],
    ['enforcement', '行政强制', /行政强制/],
  ]),
  proactive('2019-item8', '第二十条第（八）项', ['上一年项目数量', '本年增/减'], ['itemsLastYear', 'itemsChange'], [['fees', '行政事业性收费', /收费/]]),
  proactive('2021-item8', '第二十条第（八）项', ['本年收费金额（单位：万元）'], ['amountWan'], [['fees', '行政事业性收费', /收费/]]),
  proactive('2019-item9', '第二十条第（九）项', ['采购项目数量', '采购总金额'], ['items', 'amountWan'], [['procurement', '政府集中采购', /采购/]]),
];

/** Header words that only one format uses. */
export const PROACTIVE_2021_WORDS = /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/;
export const PROACTIVE_2019_WORDS = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|采购总金额/;

/** `第二十条第（一）项` in any bracket width and spacing; group 1 is the item numeral. */
export const CAPTION = /^第二十条第[(（]([一二三四五六七八九十]+)[)）]项/;

// ---------------------------------------------------------------------------------------------
// 收到和处理政府信息公开申请情况 (2019 and 2021 formats)

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const RESULTS = '三、本年度办理结果';
const L = (a: string, b?: string, c?: string): string[] => [a, b ?? a, c ?? b ?? a];

/** Applicant columns of the requests table, as the official form orders them. */
export const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
export const APPLICANT_LABELS: Record<string, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  socialWelfare: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  orgSubtotal: '小计',
  total: '总计',
};

const REQUEST_ROWS: TemplateRow[] = [
  { key: 'received', labels: L('一、本年新收政府信息公开申请数量'), match: /本年新收/ },
  { key: 'carriedOver', labels: L('二、上年结转政府信息公开申请数量'), match: /上年结转/ },
  { key: 'outcomes.granted', labels: L(RESULTS, '（一）予以公开'), match: /予以公开/ },
  { key: 'outcomes.partiallyGranted', labels: L(RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), match: /部分公开/ },
  { key: 'outcomes.denied.total', labels: L(RESULTS, '（三）不予公开'), match: /^(?:\(三\))?不予公开(?:小计|合计)?$/, optional: true },
  { key: 'outcomes.denied.stateSecret', labels: L(RESULTS, '（三）不予公开', '1.属于国家秘密'), match: /国家秘密/ },
  { key: 'outcomes.denied.prohibitedByLaw', labels: L(RESULTS, '（三）不予公开', '2.其他法律行政法规禁止公开'), match: /法律行政法规禁止/ },
  { key: 'outcomes.denied.endangersSafety', labels: L(RESULTS, '（三）不予公开', '3.危及“三安全一稳定”'), match: /三安全一稳定/ },
  { key: 'outcomes.denied.thirdPartyRights', labels: L(RESULTS, '（三）不予公开', '4.保护第三方合法权益'), match: /第三方合法权益/ },
  { key: 'outcomes.denied.internalAffairs', labels: L(RESULTS, '（三）不予公开', '5.属于三类内部事务信息'), match: /内部事务/ },
  { key: 'outcomes.denied.processInformation', labels: L(RESULTS, '（三）不予公开', '6.属于四类过程性信息'), match: /过程性信息/ },
  { key: 'outcomes.denied.enforcementFiles', labels: L(RESULTS, '（三）不予公开', '7.属于行政执法案卷'), match: /行政执法案卷/ },
  { key: 'outcomes.denied.administrativeInquiry', labels: L(RESULTS, '（三）不予公开', '8.属于行政查询事项'), match: /行政查询/ },
  { key: 'outcomes.unavailable.total', labels: L(RESULTS, '（四）无法提供'), match: /^(?:\(四\))?无法提供(?:小计|合计)?$/, optional: true },
  { key: 'outcomes.unavailable.notHeld', labels: L(RESULTS, '（四）无法提供', '1.本机关不掌握相关政府信息'), match: /不掌握/ },
  { key: 'outcomes.unavailable.requiresCreation', labels: L(RESULTS, '（四）无法提供', '2.没有现成信息需要另行制作'), match: /另行制作/ },
  { key: 'outcomes.unavailable.unclearAfterAmendment', labels: L(RESULTS, '（四）无法提供', '3.补正后申请内容仍不明确'), match: /补正后/ },
  { key: 'outcomes.notProcessed.total', labels: L(RESULTS, '（五）不予处理'), match: /^(?:\(五\))?不予处理(?:小计|合计)?$/, optional: true },
  { key: 'outcomes.notProcessed.petitionComplaint', labels: L(RESULTS, '（五）不予处理', '1.信访举报投诉类申请'), match: /信访|举报投诉/ },
  { key: 'outcomes.notProcessed.duplicate', labels: L(RESULTS, '（五）不予处理', '2.重复申请'), match: /重复申请/ },
  { key: 'outcomes.notProcessed.publicationRequest', labels: L(RESULTS, '（五）不予处理', '3.要求提供公开出版物'), match: /公开出版物/ },
  { key: 'outcomes.notProcessed.excessiveRepeated', labels: L(RESULTS, '（五）不予处理', '4.无正当理由大量反复申请'), match: /大量反复/ },
  { key: 'outcomes.notProcessed.confirmationRequest', labels: L(RESULTS, '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'), match: /确认或重新出/ },
  {
    key: 'outcomes.other.noAmendment',
    labels: L(RESULTS, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    match: /逾期不补正/,
  },
  {
    key: 'outcomes.other.unpaidFee',
    labels: L(RESULTS, '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    match: /缴纳费用|收费通知/,
  },
  { key: 'outcomes.other.other', labels: L(RESULTS, '（六）其他处理', '3.其他'), match: /(?:^|[\d.、])其他$/ },
  // 2019: （六）其他处理 is one data row. In 2021 it is the group label of the three rows above.
  { key: 'outcomes.other.total', labels: L(RESULTS, '（六）其他处理'), match: /其他处理(?:小计|合计)?$/ },
  { key: 'outcomes.total', labels: L(RESULTS, '（七）总计'), match: /总计|合计/ },
  { key: 'carriedForward', labels: L('四、结转下年度继续办理'), match: /结转下年/ },
];

/** The requests table; its header is built for the columns a report actually has (see header.ts). */
export const REQUESTS_TEMPLATE: Template = {
  id: 'requests',
  kind: 'requests',
  caption: null,
  header: [],
  columns: APPLICANT_COLUMNS,
  rows: REQUEST_ROWS,
};

export const REQUESTS_NOTE = NOTE;
export const REQUESTS_ANCHOR = /本列数据的勾稽关系|^申请人情况$/;

// ---------------------------------------------------------------------------------------------
// 政府信息公开行政复议、行政诉讼情况 (2019 and 2021 formats): one data row of 15 numbers

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export const APPEALS_TEMPLATE: Template = {
  id: 'appeals',
  kind: 'appeals',
  caption: null,
  header: [
    [...Array<string>(5).fill('行政复议'), ...Array<string>(10).fill('行政诉讼')],
    [...OUTCOMES, ...Array<string>(5).fill('未经复议直接起诉'), ...Array<string>(5).fill('复议后起诉')],
    [...OUTCOMES, ...OUTCOMES, ...OUTCOMES],
  ],
  columns: [
    ...OUTCOME_KEYS.map((k) => `review.${k}`),
    ...OUTCOME_KEYS.map((k) => `litigationDirect.${k}`),
    ...OUTCOME_KEYS.map((k) => `litigationAfterReview.${k}`),
  ],
  rows: [{ key: 'appeals', labels: [], match: /.*/ }],
};

export const APPEALS_ANCHOR = /^行政复议(?:行政诉讼)?$/;
