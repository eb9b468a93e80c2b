// 政府信息公开行政复议、行政诉讼情况 (formats.md §1.3, §2.3): one data row of 15 numbers, the same in
// the 2019 and 2021 formats — 行政复议, 未经复议直接起诉 and 复议后起诉, each 结果维持, 结果纠正, 其他结果,
// 尚未审结 and 总计 (A1: 总计 = the other four, per group).

import type { CellPaths, Form, FormColumn, Relation, StatisticsPaths } from './types.js';

const OUTCOMES = [
  ['upheld', '结果维持', /维持/],
  ['corrected', '结果纠正', /纠正/],
  ['other', '其他结果', /其他/],
  ['pending', '尚未审结', /尚未审结|未审结/],
  ['total', '总计', /总计|合计/],
] as const;

const GROUPS = [
  ['review', ['行政复议'], /行政复议/],
  ['litigationDirect', ['行政诉讼', '未经复议直接起诉'], /未经复议|直接起诉/],
  ['litigationAfterReview', ['行政诉讼', '复议后起诉'], /复议后起诉/],
] as const;

/** Every cell of the one row (group × outcome) is a statistics path (compile-time). */
export type AppealsCellPaths = StatisticsPaths<CellPaths<'appeals', '', `${(typeof GROUPS)[number][0]}.${(typeof OUTCOMES)[number][0]}`>>;

const COLUMNS: FormColumn[] = GROUPS.flatMap(([group, heads, groupMatch]) =>
  OUTCOMES.map(([key, label, match]): FormColumn => ({ key: `${group}.${key}`, label, match: [groupMatch, match], groups: heads })),
);

const RELATIONS: Relation[] = GROUPS.map(([group]) => ({
  rule: 'appeals.total',
  kind: 'total',
  left: [{ row: '', col: `${group}.total` }],
  right: ['upheld', 'corrected', 'other', 'pending'].map((k) => ({ row: '', col: `${group}.${k}` })),
  path: `appeals.${group}`,
  what: `${group}: 总计 = 维持 + 纠正 + 其他 + 尚未审结`,
}));

export const APPEALS_FORM: Form = {
  id: 'appeals',
  kind: 'appeals',
  layout: null,
  caption: null,
  part: '四、政府信息公开行政复议、行政诉讼情况',
  signature: /未经复议|复议后起诉|行政复议.{0,60}行政诉讼/,
  base: 'appeals',
  labelColumns: 0,
  corner: [],
  columns: COLUMNS,
  // The one data row has no label of its own.
  rows: [{ key: '', labels: [], match: /^/ }],
  relations: RELATIONS,
  covers: ['appeals.'],
  statedSums: [
    {
      path: 'appeals.litigation.total',
      parts: [
        { row: '', col: 'litigationDirect.total' },
        { row: '', col: 'litigationAfterReview.total' },
      ],
    },
  ],
  anchor: { line: /^行政复议(?:行政诉讼)?$|^行政复议行政诉讼/, hints: '行' },
};
