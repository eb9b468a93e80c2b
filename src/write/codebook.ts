// Column names that Stata (at most 32 characters, letters, digits and `_`), R and pandas all
// accept, and the codebook that maps each to its canonical path and its label in Chinese (the
// forms' own wording of the cell: forms/labels.ts). A short
// name is made of the short forms of the path's segments joined by `_`; the tests check that
// every name fits and that no two are alike.

import { officialLabel } from '../forms/labels.js';

/** Each segment of a statistics path: its short form (a column's short name joins them with `_`). */
const SEGMENTS: Record<string, string> = {
  proactive: 'pro',
  published: 'pub',
  channels: 'chan',
  gazette: 'gazette',
  website: 'web',
  weibo: 'weibo',
  wechat: 'wechat',
  other: 'oth',
  normativeDocsPublished: 'normpub',
  normativeDocsIssued: 'normiss',
  regulations: 'regs',
  issued: 'iss',
  publishedTotal: 'pubtot',
  repealed: 'rep',
  inForce: 'inforce',
  normativeDocuments: 'norm',
  licensing: 'lic',
  itemsLastYear: 'itemsly',
  itemsChange: 'itemschg',
  decisions: 'dec',
  otherServices: 'othsvc',
  penalties: 'pen',
  enforcement: 'enf',
  fees: 'fees',
  amountWan: 'amtwan',
  procurement: 'procure',
  items: 'items',
  responses: 'resp',
  total: 'tot',
  hotTopics: 'hot',
  pressConferences: 'press',
  pressConferencesByLeaders: 'pressldr',
  onlineInterviews: 'online',
  onlineInterviewsByLeaders: 'onlldr',
  interpretations: 'interp',
  socialMedia: 'social',
  requests: 'req',
  received: 'recv',
  naturalPerson: 'natp',
  commercial: 'comm',
  research: 'research',
  socialWelfare: 'welfare',
  legalService: 'legal',
  otherOrg: 'othorg',
  orgSubtotal: 'orgsub',
  receivedVia: 'via',
  inPerson: 'person',
  fax: 'fax',
  online: 'online',
  letter: 'letter',
  carriedOver: 'cover',
  completed: 'done',
  onTime: 'ontime',
  extended: 'ext',
  outcomes: 'out',
  granted: 'grant',
  partiallyGranted: 'partial',
  denied: 'deny',
  stateSecret: 'secret',
  prohibitedByLaw: 'bylaw',
  endangersSafety: 'safety',
  thirdPartyRights: 'third',
  internalAffairs: 'internal',
  processInformation: 'process',
  enforcementFiles: 'enffile',
  administrativeInquiry: 'inquiry',
  commercialSecret: 'commsec',
  privacy: 'privacy',
  notGovernmentInformation: 'notgov',
  unavailable: 'unavail',
  notHeld: 'notheld',
  requiresCreation: 'create',
  unclearAfterAmendment: 'unclear',
  notProcessed: 'nproc',
  petitionComplaint: 'petition',
  duplicate: 'dup',
  publicationRequest: 'pubreq',
  excessiveRepeated: 'excess',
  confirmationRequest: 'confirm',
  noAmendment: 'noamend',
  unpaidFee: 'unpaid',
  alreadyPublic: 'already',
  notThisAgency: 'notours',
  notExist: 'notexist',
  amendmentNotified: 'amend',
  otherChannel: 'othchan',
  carriedForward: 'cfwd',
  appeals: 'app',
  review: 'review',
  upheld: 'upheld',
  corrected: 'corr',
  pending: 'pending',
  litigationDirect: 'litdir',
  litigationAfterReview: 'litrev',
  litigation: 'lit',
  complaints: 'complain',
  feesCollectedWan: 'feeswan',
  staffing: 'staffing',
  dedicatedUnits: 'units',
  readingPoints: 'reading',
  staff: 'staff',
  fullTime: 'fulltime',
  partTime: 'parttime',
  budgetWan: 'budget',
  meetings: 'mtg',
  trainingSessions: 'training',
  trainees: 'trainees',
};

/** Segments whose name is also their group's (`meetings.meetings`): their own short form, not `mtg_mtg`. */
const SEGMENTS_UNDER: Record<string, string> = {
  'meetings.meetings': 'meetings',
};

/** Labels of the columns that are not statistics (their names are short already). */
const META_LABELS: Record<string, string> = {
  path: '文件路径',
  bytes: '文件字节数',
  sha256: '文件SHA-256',
  encoding: '文件编码',
  lineEnding: '换行符',
  format: '文件格式（text/html/pdf/docx…）',
  reader: '读取方式',
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

function segment(name: string, path: string, parent: string | undefined): string {
  const s = (parent !== undefined ? SEGMENTS_UNDER[`${parent}.${name}`] : undefined) ?? SEGMENTS[name];
  if (!s) throw new Error(`codebook: no short form for "${name}" in ${path}`);
  return s;
}

/** A column's short name: the canonical name where it has no dot, else the segments' short forms. */
export function shortName(column: string): string {
  if (!column.includes('.') && column in META_LABELS) return column;
  return column
    .split('.')
    .map((s, i, all) => segment(s, column, all[i - 1]))
    .join('_');
}

/** A column's label in Chinese: a statistic's is the forms' wording of its cell (forms/labels.ts), else its path. */
export function labelOf(column: string): string {
  return META_LABELS[column] ?? officialLabel(column) ?? column;
}

/** The codebook's rows: short name, canonical name, label. */
export function codebookRows(columns: readonly string[]): string[][] {
  return [['short', 'canonical', 'label'], ...columns.map((c) => [shortName(c), c, labelOf(c)])];
}

/** Where the codebook of a CSV file goes: beside it, `NAME.codebook.csv`. */
export function codebookPathOf(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '') + '.codebook.csv';
}
