// 依申请公开 in prose: requests received, their outcomes, and the carry-over between years.
//
// A count is a request count only where the sentence says so: `共受理政府信息公开申请12件` names
// its object; a bare `共受理12件` or `予以公开8件` is read only in a sentence about information
// requests (or in a `其中…` sentence right after one). `依申请公开5件` in a list of documents by
// disclosure class (seed 003: `制发公文364件,其中:主动公开187件,依申请公开5件`) is not a request.

import { HAS_COUNT, HEDGE_AFTER, HEDGE_BEFORE, NUM, SUM_WORD, UNIT, pattern, type MatchContext, type Rule } from './rule.js';
import type { Topic } from './topic.js';

/** Words that make a sentence one about information requests. */
const REQUEST_TOPIC = /政府信息公开申请|信息公开申请|依申请(?!\d)|申请公开|申请人|申请件/;
/** A sentence that counts documents (`制发公文364件`) classifies them; it holds no request outcomes. */
const DOCUMENT_COUNT = /(?:公文|发文|文件)\d/;
/**
 * A sentence about requests: it says so, the one before it in its paragraph does (`共收到政府信息公开
 * 申请8件,申请人均为自然人。予以公开3件,…`: w294; `12件申请均为自然人申请,其中予以公开2件`: h037),
 * or the heading over it is on requests; never one that counts documents by disclosure class.
 */
function aboutRequests(sentence: string, previous: string, topic: Topic | null): boolean {
  if (DOCUMENT_COUNT.test(sentence)) return false;
  if (REQUEST_TOPIC.test(sentence) || topic === 'requests') return true;
  return REQUEST_TOPIC.test(previous) && !DOCUMENT_COUNT.test(previous);
}

/**
 * What a request is called as the object of 收到/受理: 政府信息公开申请, 依申请公开(件, 事项, 信件,
 * 政府信息), 政府信息依申请公开(办理)事项, 申请公开件, 公开政府信息的申请, 申请政府信息公开事项,
 * 依法申请公开事项, 依申公开事项 (c003, g027, g038, g040, g045, g049, h012, h031, h041, h067 of the
 * pages: the wordings real pages use, each on two or more).
 */
const REQUEST =
  '(?:政府信息公开申请|信息公开申请|(?:政府)?依申请公开(?:政府信息)?(?:申请|事项|信件|件)?|依申请信息公开|政府信息依申请公开(?:办理)?(?:事项)?' +
  '|申请公开(?:政府信息)?(?:件)?|公开政府信息(?:的)?申请|申请政府信息公开(?:事项)?|依法申请公开(?:事项)?|依申公开事项)';
const RECEIVE = '(?:收到|受理|接到|接收|接受|新收|新接收)(?:和(?:办理|处理))?(?:了)?';
/** Between 收到 and its object: who applied. */
const APPLICANTS = '(?:各类|群众|公民、法人(?:和|或)其他组织(?:提出)?的?)?';
/** Between 收到 and its object: `收到依法处理依申请公开共6件` (g031; w091 denies so). */
const HANDLED = '(?:依法处理的?)?';
/** Other things a sentence about requests may count: `依申请公开方面,窗口共受理咨询35件`. */
const OTHER_OBJECT = /行政许可|审批|信访|来信|来访|投诉|咨询|举报|建议|提案|复议|诉讼|热线|事项|业务/;
/** A bare count ends its clause: `受理12件,` and not `受理12件咨询`. */
const CLAUSE_END = '(?=$|[,;:(]|其中)';

const bareCount = (m: MatchContext): 'figure' | 'reject' => (OTHER_OBJECT.test(m.text) ? 'reject' : 'figure');
/**
 * `未按时答复的政府信息公开申请` is no statement that none came in (`未收到依法处理依申请公开件` is: w091); nor is `未发生因…申请引起的…`,
 * nor a clause about appeals or fees.
 */
const noneReceived = (m: MatchContext): 'figure' | 'reject' =>
  /(?:答复|办理|处理)的|按时|逾期|超期|因/.test(m.text) || /收费|费用|引起|导致|引发/.test(m.clause) || APPEALS_AFTER.test(m.clause.slice(m.clause.indexOf(m.text) + m.text.length)) || HAS_COUNT.test(m.clause)
    || NOT_REQUESTS_AFTER.test(m.after)
    ? 'reject'
    : 'figure';
/** `未产生依申请公开政府信息案例` speaks of cases, not requests (w239). */
const NOT_REQUESTS_AFTER = /^(?:的)?(?:政府信息)?(?:案例|案件|纠纷|争议|投诉|举报)/;
/**
 * `未发生政府信息公开申请行政复议` denies appeals, the 申请 its verb; `未有受理信息公开申请、行政复议、诉讼…`
 * denies requests and appeals together (g042).
 */
const APPEALS_AFTER = /^(?:的)?(?:提起|引起的?)?(?:行政)?(?:复议|诉讼)/;

/**
 * An outcome word, not joined to another (`予以公开及部分公开258件`, `予以公开、部分公开25件` count
 * both together); a 、 after a count only separates the items of a list (`同意公开答复数8件、…、无法提供的
 * 27件`: g041, h046).
 */
const outcome = (words: string): string => `(?<![及和与或])(?<!(?<![件条项])、)(?:${words})(?![及和与、或])(?:的有|的|答复数|答复|数|有)?(?:共)?`;
const GRANTED = '(?<!不)(?:予以公开|同意公开|全部公开)';
const PARTIAL = '(?:同意|予以)?部分公开';
const DENIED = '不予(?:以)?公开|不同意公开';
/** The number first, at the head of its clause: `其中8件予以公开`. */
// `(?=\\d)` first: the engine tries every position, and fails most at once instead of looking behind each.
const LEADING = `(?=\\d)(?<=^|[,:;]|其中)${NUM}件(?:申请)?`;

const NEXT_YEAR = '(?:至|到)?下一?年度?';

export const REQUEST_RULES: Rule[] = [
  // 共收到政府信息公开申请12件 · 收到依申请公开件12件 · 本年新收政府信息公开申请12件 · 受理政府信息公开申请 859 件
  // 新收政府信息公开申请数量317件 · 共收到依申请公开信件2件 · 受理政府信息依申请公开事项46件 · 收到依申请公开16项
  {
    path: 'requests.received.total',
    hint: '申',
    re: pattern(`${RECEIVE}${APPLICANTS}${HANDLED}${REQUEST}(?:数量|数)?${SUM_WORD}(?:为)?${HEDGE_BEFORE}${NUM}${HEDGE_AFTER}${UNIT}`),
    total: true,
  },
  // 共收到8份政府信息公开申请 · 共收到1件依申请公开 · 收到12起政府信息依申请公开
  { path: 'requests.received.total', hint: '申', re: pattern(`${RECEIVE}${NUM}${UNIT}${REQUEST}`), total: true },
  // 政府信息公开申请方面,全年共受理12件
  {
    path: 'requests.received.total',
    hint: '申请',
    re: pattern(`(?:政府信息公开申请|信息公开申请|依申请公开)[^。;件]{0,20}?(?:收到|受理|接到)(?:了)?${NUM}件${CLAUSE_END}`),
    total: true,
    check: bareCount,
  },
  // 未接依申请公开政府信息 · 没有依申请公开政府信息 · 未收到有关政府信息公开申请 · 未收到公开政府信息的申请 ·
  // 没有接到群众主动要求公开政府信息的申请 · 未接收到群众关于政府信息公开的申请 · 全年无依申请公开的情况
  // (g001, g008, g009, g016, g024, g046, h033, h034 of the pages)
  {
    path: 'requests.received.total',
    hint: '申',
    zero: true,
    re: pattern(
      `(?:未|没有|未有|无(?![法论须需偿锡为关一]))(?:收到|接到|接收到|接收|接|受理|发生|有)?[^,;。]{0,20}?(?:依申请公开|依法申请公开|政府信息公开的?申请|信息公开申请|公开(?:政府)?信息的?申请|依申请公开诉求)`,
    ),
    check: noneReceived,
  },
  // Under a heading on requests, a bare denial: 我镇2016年度无申请 (g011)
  { path: 'requests.received.total', hint: '申请', zero: true, topic: 'requests', re: pattern('(?:未|没有|无)(?:收到|接到|受理)?(?:任何)?申请(?=$|[,;])'), check: noneReceived },
  // Under a heading on requests, a denial that says what was not asked for before 申请:
  // 本年度未收到查看主动公开以外信息的申请 (h032) · 未收到公众申请要求公开其他方面政府信息 (w229)
  {
    path: 'requests.received.total',
    hint: '申请',
    zero: true,
    topic: 'requests',
    re: pattern('(?:未|没有)(?:收到|接到|接收到|受理)[^,;:。复诉]{0,20}?申请(?!人)'),
    check: noneReceived,
  },
  // 依申请公开政府信息办理情况:无
  { path: 'requests.received.total', hint: '申请', zero: true, re: pattern('依申请公开[^。;]{0,15}?:无(?=$|[,;])') },

  // 其中予以公开8件，部分公开2件，不予公开1件，无法提供1件，不予处理1件 (in a sentence about requests)
  { path: 'requests.outcomes.granted.total', hint: '公开', re: pattern(`${outcome(GRANTED)}${NUM}件`), about: aboutRequests },
  { path: 'requests.outcomes.granted.total', hint: '公开', re: pattern(`${LEADING}${outcome(GRANTED)}`), about: aboutRequests },
  { path: 'requests.outcomes.partiallyGranted.total', hint: '部分公开', re: pattern(`${outcome(PARTIAL)}${NUM}件`), about: aboutRequests },
  { path: 'requests.outcomes.partiallyGranted.total', hint: '部分公开', re: pattern(`${LEADING}${outcome(PARTIAL)}`), about: aboutRequests },
  { path: 'requests.outcomes.denied.total.total', hint: '公开', re: pattern(`${outcome(DENIED)}${NUM}件`), about: aboutRequests },
  { path: 'requests.outcomes.unavailable.total.total', hint: '无法提供', re: pattern(`${outcome('无法提供')}${NUM}件`), about: aboutRequests },
  { path: 'requests.outcomes.notProcessed.total.total', hint: '不予', re: pattern(`${outcome('不予(?:以)?处理')}${NUM}件`), about: aboutRequests },
  // 其他处理22件 (the 2021 form's 其他处理: g032, h046, h067)
  { path: 'requests.outcomes.other.total.total', hint: '其他处理', re: pattern(`${outcome('其他处理')}${NUM}件`), about: aboutRequests },

  // 上年结转2件 · 上年度结转申请18件 · 上年结转政府信息公开申请数量3件 · 上年结转政府信息公开办理数量1件
  // (in a sentence about requests: g032, g034, h006)
  {
    path: 'requests.carriedOver.total',
    hint: '结转',
    re: pattern(`上一?年度?结转(?:的|下来的)?(?:政府信息公开申请|政府信息公开办理|申请)?(?:数量|数)?(?:共)?${NUM}件`),
    about: aboutRequests,
  },
  // 结转下年度继续办理1件 · 1件结转至下一年度办理
  {
    path: 'requests.carriedForward.total',
    hint: '下',
    re: pattern(`(?:结转|转入|顺延)${NEXT_YEAR}(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?(?:共)?${NUM}(?:件|项)`),
    about: aboutRequests,
  },
  { path: 'requests.carriedForward.total', hint: '下', re: pattern(`${LEADING}(?:结转|转入|顺延)${NEXT_YEAR}`), about: aboutRequests },
];
