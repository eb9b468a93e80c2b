// Column names that Stata (at most 32 characters, letters, digits and `_`), R and pandas all
// accept, and the codebook that maps each to its canonical path and its label in Chinese. A short
// name is made of the short forms of the path's segments joined by `_`; the tests check that
// every name fits and that no two are alike.

/** Each segment of a statistics path: its short form and its label (as the forms print it). */
const SEGMENTS: Record<string, readonly [string, string]> = {
  proactive: ['pro', '主动公开'],
  published: ['pub', '公开数量'],
  channels: ['chan', '公开渠道'],
  gazette: ['gazette', '政府公报'],
  website: ['web', '政府网站'],
  weibo: ['weibo', '政务微博'],
  wechat: ['wechat', '政务微信'],
  other: ['oth', '其他'],
  normativeDocsPublished: ['normpub', '主动公开规范性文件数'],
  normativeDocsIssued: ['normiss', '制发规范性文件总数'],
  regulations: ['regs', '规章'],
  issued: ['iss', '本年制发（新制作）件数'],
  publishedTotal: ['pubtot', '对外公开总数量'],
  repealed: ['rep', '本年废止件数'],
  inForce: ['inforce', '现行有效件数'],
  normativeDocuments: ['norm', '行政规范性文件'],
  licensing: ['lic', '行政许可'],
  itemsLastYear: ['itemsly', '上一年项目数量'],
  itemsChange: ['itemschg', '本年增/减'],
  decisions: ['dec', '处理决定数量'],
  otherServices: ['othsvc', '其他对外管理服务事项'],
  penalties: ['pen', '行政处罚'],
  enforcement: ['enf', '行政强制'],
  fees: ['fees', '行政事业性收费'],
  amountWan: ['amtwan', '金额（万元）'],
  procurement: ['procure', '政府集中采购'],
  items: ['items', '项目数量'],
  responses: ['resp', '回应解读情况'],
  total: ['tot', '总计'],
  hotTopics: ['hot', '回应公众关注热点或重大舆情数'],
  pressConferences: ['press', '召开新闻发布会次数'],
  pressConferencesByLeaders: ['pressldr', '主要负责同志参加新闻发布会次数'],
  onlineInterviews: ['online', '政府网站在线访谈次数'],
  onlineInterviewsByLeaders: ['onlldr', '主要负责同志参加在线访谈次数'],
  interpretations: ['interp', '政策解读稿件发布数'],
  socialMedia: ['social', '微博微信回应事件数'],
  requests: ['req', '依申请公开'],
  received: ['recv', '本年新收申请数量'],
  naturalPerson: ['natp', '自然人'],
  commercial: ['comm', '商业企业'],
  research: ['research', '科研机构'],
  socialWelfare: ['welfare', '社会公益组织'],
  legalService: ['legal', '法律服务机构'],
  otherOrg: ['othorg', '法人或其他组织：其他'],
  orgSubtotal: ['orgsub', '法人或其他组织：小计'],
  receivedVia: ['via', '收到申请的方式'],
  inPerson: ['person', '当面申请'],
  fax: ['fax', '传真申请'],
  online: ['online', '网络申请'],
  letter: ['letter', '信函申请'],
  carriedOver: ['cover', '上年结转申请数量'],
  completed: ['done', '申请办结数'],
  onTime: ['ontime', '按时办结'],
  extended: ['ext', '延期办结'],
  outcomes: ['out', '本年度办理结果'],
  granted: ['grant', '予以公开'],
  partiallyGranted: ['partial', '部分公开'],
  denied: ['deny', '不予公开'],
  stateSecret: ['secret', '属于国家秘密'],
  prohibitedByLaw: ['bylaw', '其他法律行政法规禁止公开'],
  endangersSafety: ['safety', '危及“三安全一稳定”'],
  thirdPartyRights: ['third', '保护第三方合法权益'],
  internalAffairs: ['internal', '属于三类内部事务信息'],
  processInformation: ['process', '属于四类过程性信息'],
  enforcementFiles: ['enffile', '属于行政执法案卷'],
  administrativeInquiry: ['inquiry', '属于行政查询事项'],
  commercialSecret: ['commsec', '商业秘密'],
  privacy: ['privacy', '个人隐私'],
  notGovernmentInformation: ['notgov', '不是《条例》所指政府信息'],
  unavailable: ['unavail', '无法提供'],
  notHeld: ['notheld', '本机关不掌握相关政府信息'],
  requiresCreation: ['create', '没有现成信息需要另行制作'],
  unclearAfterAmendment: ['unclear', '补正后申请内容仍不明确'],
  notProcessed: ['nproc', '不予处理'],
  petitionComplaint: ['petition', '信访举报投诉类申请'],
  duplicate: ['dup', '重复申请'],
  publicationRequest: ['pubreq', '要求提供公开出版物'],
  excessiveRepeated: ['excess', '无正当理由大量反复申请'],
  confirmationRequest: ['confirm', '要求行政机关确认或重新出具已获取信息'],
  noAmendment: ['noamend', '申请人无正当理由逾期不补正'],
  unpaidFee: ['unpaid', '申请人逾期未缴纳信息处理费'],
  alreadyPublic: ['already', '属于已主动公开范围'],
  notThisAgency: ['notours', '不属于本行政机关公开'],
  notExist: ['notexist', '申请信息不存在'],
  amendmentNotified: ['amend', '告知作出更改补充'],
  otherChannel: ['othchan', '告知通过其他途径办理'],
  carriedForward: ['cfwd', '结转下年度继续办理'],
  appeals: ['app', '行政复议和行政诉讼'],
  review: ['review', '行政复议'],
  upheld: ['upheld', '结果维持'],
  corrected: ['corr', '结果纠正'],
  pending: ['pending', '尚未审结'],
  litigationDirect: ['litdir', '行政诉讼：未经复议直接起诉'],
  litigationAfterReview: ['litrev', '行政诉讼：复议后起诉'],
  litigation: ['lit', '行政诉讼'],
  complaints: ['complain', '举报投诉数量'],
  feesCollectedWan: ['feeswan', '依申请公开收取的费用（万元）'],
  staffing: ['staffing', '机构建设和保障经费'],
  dedicatedUnits: ['units', '政府信息公开工作专门机构数'],
  readingPoints: ['reading', '政府信息公开查阅点数'],
  staff: ['staff', '从事政府信息公开工作人员数'],
  fullTime: ['fulltime', '专职人员数'],
  partTime: ['parttime', '兼职人员数'],
  budgetWan: ['budget', '政府信息公开专项经费（万元）'],
  meetings: ['mtg', '会议和培训'],
  trainingSessions: ['training', '举办各类培训班数'],
  trainees: ['trainees', '接受培训人员数'],
};

/**
 * Segments whose name is also their group's (`meetings.meetings`): their own short form and label,
 * so that the column is not `mtg_mtg`, 会议和培训 / 会议和培训.
 */
const SEGMENTS_UNDER: Record<string, readonly [string, string]> = {
  'meetings.meetings': ['meetings', '召开政府信息公开工作会议或专题会议数'],
};

/** Labels of the columns that are not statistics (their names are short already). */
const META_LABELS: Record<string, string> = {
  path: '文件路径',
  bytes: '文件字节数',
  sha256: '文件SHA-256',
  encoding: '文件编码',
  lineEnding: '换行符',
  title: '报告标题',
  agency: '机关名称',
  agencyKey: '机关名称（匹配用）',
  year: '报告年度',
  periodStart: '统计期起',
  periodEnd: '统计期止',
  publishedOn: '发布日期',
  layout: '报告格式（pre2019/2019/2021）',
  phones: '联系电话',
  faxes: '传真',
  emails: '电子邮箱',
  address: '地址',
  postcode: '邮政编码',
  websites: '网址',
  error: '错误代码',
  errorMessage: '错误说明',
  failedCheckCount: '未通过的校验数',
  failedRules: '未通过的校验规则（每条一次，以“; ”分隔）',
  warningCount: '警告数',
  warningCodes: '警告代码（每种一次，以“; ”分隔）',
};

function segment(name: string, path: string, parent: string | undefined): readonly [string, string] {
  const s = (parent !== undefined ? SEGMENTS_UNDER[`${parent}.${name}`] : undefined) ?? SEGMENTS[name];
  if (!s) throw new Error(`codebook: no short form for "${name}" in ${path}`);
  return s;
}

/** A column's short name: the canonical name where it has no dot, else the segments' short forms. */
export function shortName(column: string): string {
  if (!column.includes('.') && column in META_LABELS) return column;
  return column
    .split('.')
    .map((s, i, all) => segment(s, column, all[i - 1])[0])
    .join('_');
}

/** A column's label in Chinese: the segments' labels from the outside in. */
export function labelOf(column: string): string {
  if (column in META_LABELS) return META_LABELS[column]!;
  return column
    .split('.')
    .map((s, i, all) => segment(s, column, all[i - 1])[1])
    .join(' / ');
}

/** The codebook's rows: short name, canonical name, label. */
export function codebookRows(columns: readonly string[]): string[][] {
  return [['short', 'canonical', 'label'], ...columns.map((c) => [shortName(c), c, labelOf(c)])];
}

/** Where the codebook of a CSV file goes: beside it, `NAME.codebook.csv`. */
export function codebookPathOf(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '') + '.codebook.csv';
}
