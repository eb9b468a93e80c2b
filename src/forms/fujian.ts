// Fujian's four-column statistics form of the pre-2019 reports (formats.md §5.4 item 5; corpus
// pingtan2017): 指标名称 | 计量单位 | <year>年度 | 历年累计. The year's column is the statistics;
// 历年累计 (cumulative since the start) stays in the table only. Rows that merge two national rows
// (信函、传真申请数, 接受行政诉讼、举报数) or have none (其他类型答复数) stay in the table only too.
// The canonical checks of a pre-2019 report are the national form's (forms/pre2019.ts).

import { PRE2019_COVERS } from './pre2019.js';
import type { CellPaths, Form, FormRow, StatisticsPaths } from './types.js';

const row = <K extends string>(key: K, label: string, unit: string, match: RegExp, within?: RegExp): FormRow & { key: K } => ({
  key,
  labels: [label],
  unit,
  match,
  ...(within ? { within } : {}),
  ...(key === '' ? { tableOnly: true } : {}),
});

const PUBLISHED = /主动公开/;
const RECEIVED = /依申请公开总数|申请总数/;
const ANSWERS = /答复总数/;

const ROWS = [
  row('proactive.published', '主动公开文件数', '条', /主动公开文件数/),
  row('proactive.channels.website', '其中：1、政府网站公开数', '条', /政府网站公开/, PUBLISHED),
  row('proactive.channels.gazette', '2、政府公报公开数', '条', /政府公报公开/, PUBLISHED),
  row('requests.received.total', '受理政府信息依申请公开总数', '条', /依申请公开总数|受理.{0,6}申请.{0,4}总数/),
  row('requests.receivedVia.inPerson', '其中：1、当面申请数', '条', /当面申请/, RECEIVED),
  row('requests.receivedVia.online', '2、网上申请数', '条', /网上申请|网络申请/, RECEIVED),
  row('', '3、信函、传真申请数', '条', /信函.{0,2}传真|传真.{0,2}信函/, RECEIVED),
  row('requests.outcomes.total.total', '对申请的答复总数', '条', /答复总数/),
  row('requests.outcomes.granted.total', '其中：1、同意公开答复数', '条', /(?<!不)同意公开答复/, ANSWERS),
  row('requests.outcomes.partiallyGranted.total', '2、同意部分公开答复数', '条', /同意部分公开/, ANSWERS),
  row('requests.outcomes.denied.total.total', '3、不予公开答复数', '条', /不予公开答复|不同意公开答复/, ANSWERS),
  row('', '4、其他类型答复数', '条', /其他类型答复/, ANSWERS),
  row('', '接受行政诉讼、举报数', '件', /诉讼.{0,2}举报/),
  row('appeals.review.total', '行政复议数', '件', /行政复议数/),
  row('appeals.litigation.total', '行政诉讼数', '件', /行政诉讼数/),
];

/** Every row the year's column maps (rows kept in the table only aside) is a statistics path (compile-time). */
export type FujianCellPaths = StatisticsPaths<CellPaths<'', Exclude<(typeof ROWS)[number]['key'], ''>, ''>>;

export const FUJIAN_FORM: Form = {
  id: 'pre2019-fujian',
  kind: 'pre2019',
  layout: 'pre2019',
  caption: null,
  regional: true,
  signature: /指标名称/,
  base: '',
  labelColumns: 2,
  corner: ['指标名称', '计量单位'],
  columns: [
    { key: '', label: '本年度', match: [/^(?:(?:19|20)\d{2}年度?|本年度?|本期)$/] },
    { key: 'cumulative', label: '历年累计', match: [/累计/], tableOnly: true },
  ],
  rows: ROWS,
  relations: [],
  covers: PRE2019_COVERS,
  anchor: { line: /^指标名称(?:计量单位)?/, hints: '指' },
};
