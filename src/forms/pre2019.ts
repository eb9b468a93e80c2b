// The national 《政府信息公开情况统计表》 of the 2014–2018 reports (formats.md §5.1): 统计指标 | 单位 |
// 统计数, 65 rows. Keys are full statistics paths; group rows (`——` as unit) have no key: their
// values are not totals (formats.md P10) and are not mapped, except 回应解读情况, which the contract
// maps to responses.total. `within` names the group a row belongs to where its key phrase occurs in
// several groups (被依法纠错数 under both 四、行政复议 and 五、行政诉讼). Rows stand in the printed order;
// where one label contains another's key phrase (新闻发布会 in 负责同志参加新闻发布会) the patterns
// exclude each other, so the order rows are tried in does not matter.

import type { CellPaths, Form, FormRow, Relation, StatisticsPaths } from './types.js';

const row = <K extends string>(key: K, label: string, unit: string, match: RegExp, within?: RegExp): FormRow & { key: K } => ({ key, labels: [label], unit, match, ...(within ? { within } : {}) });
const group = (label: string, match: RegExp, heads?: string): FormRow & { key: '' } => ({ key: '', labels: [label], unit: '——', match, group: true, ...(heads ? { heads } : {}) });
/** A total the form prints above its parts: its label also names the group of those parts (`heads`). */
const heading = <R extends FormRow>(r: R, heads: string): R => ({ ...r, heads });

const REVIEW = /行政复议/;
const LITIGATION = /行政诉讼/;

const ROWS = [
  group('一、主动公开情况', /主动公开情况$/, 'proactive'),
  row('proactive.published', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', /主动公开政府信息数/),
  row('proactive.normativeDocsPublished', '其中：主动公开规范性文件数', '条', /主动公开规范性文件数/),
  row('proactive.normativeDocsIssued', '制发规范性文件总数', '件', /制发规范性文件/),
  group('（二）通过不同渠道和方式公开政府信息的情况', /通过不同渠道和方式公开/, 'proactive.channels'),
  row('proactive.channels.gazette', '1.政府公报公开政府信息数', '条', /政府公报公开/),
  row('proactive.channels.website', '2.政府网站公开政府信息数', '条', /政府网站公开/),
  row('proactive.channels.weibo', '3.政务微博公开政府信息数', '条', /微博公开/),
  row('proactive.channels.wechat', '4.政务微信公开政府信息数', '条', /微信公开/),
  row('proactive.channels.other', '5.其他方式公开政府信息数', '条', /其他方式公开/),
  // The contract gives 回应解读情况 a slot (responses.total), so this one group row is mapped, as
  // printed; like every group row it is never checked against its children.
  heading(row('responses.total', '二、回应解读情况', '——', /^(?:二、)?回应解读情况$/), 'responses'),
  row('responses.hotTopics', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', /热点或重大舆情/),
  group('（二）通过不同渠道和方式回应解读的情况', /通过不同渠道和方式回应/),
  row('responses.pressConferences', '1.参加或举办新闻发布会总次数', '次', /^(?!.*负责同志).*新闻发布会/),
  row('responses.pressConferencesByLeaders', '其中：主要负责同志参加新闻发布会次数', '次', /负责同志参加新闻发布会/),
  row('responses.onlineInterviews', '2.政府网站在线访谈次数', '次', /^(?!.*负责同志).*在线访谈/),
  row('responses.onlineInterviewsByLeaders', '其中：主要负责同志参加政府网站在线访谈次数', '次', /负责同志参加政府网站在线访谈/),
  row('responses.interpretations', '3.政策解读稿件发布数', '篇', /政策解读稿件/),
  row('responses.socialMedia', '4.微博微信回应事件数', '次', /微博微信回应/),
  row('responses.other', '5.其他方式回应事件数', '次', /其他方式回应/),
  group('三、依申请公开情况', /依申请公开情况$/, 'requests'),
  heading(row('requests.received.total', '（一）收到申请数', '件', /收到申请数/), 'requests.receivedVia'),
  row('requests.receivedVia.inPerson', '1.当面申请数', '件', /当面申请/),
  row('requests.receivedVia.fax', '2.传真申请数', '件', /传真申请/),
  row('requests.receivedVia.online', '3.网络申请数', '件', /网络申请/),
  row('requests.receivedVia.letter', '4.信函申请数', '件', /信函申请/),
  heading(row('requests.completed.total', '（二）申请办结数', '件', /申请办结数/), 'requests.completed'),
  row('requests.completed.onTime', '1.按时办结数', '件', /按时办结/),
  row('requests.completed.extended', '2.延期办结数', '件', /延期办结/),
  heading(row('requests.outcomes.total.total', '（三）申请答复数', '件', /申请答复数/), 'requests.outcomes'),
  row('requests.outcomes.alreadyPublic.total', '1.属于已主动公开范围数', '件', /已主动公开范围/),
  row('requests.outcomes.granted.total', '2.同意公开答复数', '件', /(?<!不)同意公开答复/),
  row('requests.outcomes.partiallyGranted.total', '3.同意部分公开答复数', '件', /同意部分公开/),
  heading(row('requests.outcomes.denied.total.total', '4.不同意公开答复数', '件', /不同意公开/), 'requests.outcomes.denied'),
  row('requests.outcomes.denied.stateSecret.total', '其中：涉及国家秘密', '件', /国家秘密/),
  row('requests.outcomes.denied.commercialSecret.total', '涉及商业秘密', '件', /商业秘密/),
  row('requests.outcomes.denied.privacy.total', '涉及个人隐私', '件', /个人隐私/),
  row('requests.outcomes.denied.endangersSafety.total', '危及国家安全、公共安全、经济安全和社会稳定', '件', /危及国家安全/),
  row('requests.outcomes.denied.notGovernmentInformation.total', '不是《条例》所指政府信息', '件', /所指政府信息/),
  row('requests.outcomes.denied.prohibitedByLaw.total', '法律法规规定的其他情形', '件', /法律法规规定的其他情形/),
  row('requests.outcomes.notThisAgency.total', '5.不属于本行政机关公开数', '件', /不属于本行政机关/),
  row('requests.outcomes.notExist.total', '6.申请信息不存在数', '件', /信息不存在/),
  row('requests.outcomes.amendmentNotified.total', '7.告知作出更改补充数', '件', /更改补充/),
  row('requests.outcomes.otherChannel.total', '8.告知通过其他途径办理数', '件', /其他途径/),
  heading(row('appeals.review.total', '四、行政复议数量', '件', /行政复议数量/), 'appeals.review'),
  row('appeals.review.upheld', '（一）维持具体行政行为数', '件', /维持具体行政行为/, REVIEW),
  row('appeals.review.corrected', '（二）被依法纠错数', '件', /依法纠错/, REVIEW),
  row('appeals.review.other', '（三）其他情形数', '件', /其他情形数/, REVIEW),
  heading(row('appeals.litigation.total', '五、行政诉讼数量', '件', /行政诉讼数量/), 'appeals.litigation'),
  row('appeals.litigation.upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件', /维持具体行政行为|驳回原告/, LITIGATION),
  row('appeals.litigation.corrected', '（二）被依法纠错数', '件', /依法纠错/, LITIGATION),
  row('appeals.litigation.other', '（三）其他情形数', '件', /其他情形数/, LITIGATION),
  row('complaints', '六、举报投诉数量', '件', /举报投诉数量/),
  row('feesCollectedWan', '七、依申请公开信息收取的费用', '万元', /收取的费用/),
  group('八、机构建设和保障经费情况', /机构建设和保障经费情况$/, 'staffing'),
  row('staffing.dedicatedUnits', '（一）政府信息公开工作专门机构数', '个', /专门机构/),
  row('staffing.readingPoints', '（二）设置政府信息公开查阅点数', '个', /查阅点/),
  row('staffing.staff', '（三）从事政府信息公开工作人员数', '人', /^(?!.*(?:专职|兼职)).*工作人员数/),
  row('staffing.fullTime', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', /专职人员/),
  row('staffing.partTime', '2.兼职人员数', '人', /兼职人员/),
  row('staffing.budgetWan', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', /专项经费/),
  group('九、政府信息公开会议和培训情况', /会议和培训情况$/, 'meetings'),
  row('meetings.meetings', '（一）召开政府信息公开工作会议或专题会议数', '次', /工作会议|专题会议/),
  row('meetings.trainingSessions', '（二）举办各类培训班数', '次', /培训班/),
  row('meetings.trainees', '（三）接受培训人员数', '人次', /接受培训/),
];

/** Every row of the form (group rows aside) is a statistics path (compile-time). */
export type Pre2019CellPaths = StatisticsPaths<CellPaths<'', Exclude<(typeof ROWS)[number]['key'], ''>, ''>>;

const cell = (row: string) => ({ row, col: '' });
const sum = (rule: string, total: string, parts: string[], what: string): Relation => ({
  rule,
  kind: 'total',
  left: [cell(total)],
  right: parts.map(cell),
  path: total,
  what,
});
const atMost = (small: string, large: string | string[], what: string): Relation => ({
  rule: 'soft',
  kind: 'atMost',
  left: [cell(small)],
  right: (Array.isArray(large) ? large : [large]).map(cell),
  what,
});

const RELATIONS: Relation[] = [
  sum('pre2019.receivedVia', 'requests.received.total', ['inPerson', 'fax', 'online', 'letter'].map((k) => `requests.receivedVia.${k}`), '收到申请数 = 当面 + 传真 + 网络 + 信函'),
  sum('pre2019.completed', 'requests.completed.total', ['requests.completed.onTime', 'requests.completed.extended'], '申请办结数 = 按时 + 延期'),
  sum(
    'pre2019.answers',
    'requests.outcomes.total.total',
    ['alreadyPublic', 'granted', 'partiallyGranted', 'denied.total', 'notThisAgency', 'notExist', 'amendmentNotified', 'otherChannel'].map((k) => `requests.outcomes.${k}.total`),
    '申请答复数 = 八类答复之和',
  ),
  sum(
    'pre2019.denied',
    'requests.outcomes.denied.total.total',
    ['stateSecret', 'commercialSecret', 'privacy', 'endangersSafety', 'notGovernmentInformation', 'prohibitedByLaw'].map((k) => `requests.outcomes.denied.${k}.total`),
    '不同意公开答复数 = 六类理由之和',
  ),
  sum('pre2019.review', 'appeals.review.total', ['upheld', 'corrected', 'other'].map((k) => `appeals.review.${k}`), '行政复议数量 = 维持 + 纠错 + 其他'),
  sum('pre2019.litigation', 'appeals.litigation.total', ['upheld', 'corrected', 'other'].map((k) => `appeals.litigation.${k}`), '行政诉讼数量 = 维持 + 纠错 + 其他'),
  sum('pre2019.staff', 'staffing.staff', ['staffing.fullTime', 'staffing.partTime'], '工作人员数 = 专职 + 兼职'),
  // SOFT (formats.md P8, P7): plausibility only, a warning when broken.
  atMost('proactive.normativeDocsPublished', 'proactive.published', '主动公开规范性文件数 ≤ 主动公开政府信息数 (P8)'),
  atMost('responses.pressConferencesByLeaders', 'responses.pressConferences', '主要负责同志参加新闻发布会次数 ≤ 新闻发布会总次数 (P8)'),
  atMost('responses.onlineInterviewsByLeaders', 'responses.onlineInterviews', '主要负责同志参加在线访谈次数 ≤ 在线访谈次数 (P8)'),
  // An item published through several channels counts once in 主动公开政府信息数, so the channels add up to at least that number.
  atMost('proactive.published', ['gazette', 'website', 'weibo', 'wechat', 'other'].map((k) => `proactive.channels.${k}`), '通过不同渠道公开之和 ≥ 主动公开政府信息数 (P7)'),
];

/** A pre-2019 统计表 states the year's requests, appeals and published total: prose restating them is not read. */
export const PRE2019_COVERS: readonly string[] = ['requests', 'appeals', 'proactive.published'];

export const PRE2019_FORM: Form = {
  id: 'pre2019',
  kind: 'pre2019',
  layout: 'pre2019',
  caption: '政府信息公开情况统计表',
  signature: /统计指标|政府信息公开情况统计表/,
  base: '',
  labelColumns: 2,
  corner: ['统计指标', '单位'],
  columns: [{ key: '', label: '统计数', match: [/统计数|数量|本年/] }],
  rows: ROWS,
  relations: RELATIONS,
  covers: PRE2019_COVERS,
  // The contract keeps a slot beside the four channels the form prints (canonical-model.md: receivedVia).
  // The form prints no such row, and the label says so: a codebook must not suggest an official row.
  unprinted: [{ path: 'requests.receivedVia.other', label: '其他方式申请数（统计表无此行）' }],
  anchor: { line: /^统计指标(?:单位)?(?:统计数)?$|政府信息公开情况统计表/, hints: '统統' },
};
