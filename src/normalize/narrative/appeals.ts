// 行政复议 and 行政诉讼 in prose: a count (`行政复议案3件`, `发生2起行政诉讼`), or a clause that denies
// them (`未接到…行政复议和提起行政诉讼` → both 0; `行政复议3件,无行政诉讼` → 3 and 0).
// A denial is read only in a clause without counts or outcomes of its own: `行政复议无一被纠错`
// says nothing about how many there were.

import type { StatisticsPath } from '../../statistics.js';
import { HAS_COUNT, NEGATION, NUM, SUM_WORD, pattern, type MatchContext, type Rule } from './rule.js';

/** Words that tell of cases having happened. */
const CASE_WORDS = /纠错|纠正|维持|撤销|败诉|胜诉|确认违法|尚未|审结|决定|驳回/;

const denial = (m: MatchContext): 'figure' | 'reject' => (HAS_COUNT.test(m.clause) || CASE_WORDS.test(m.clause) ? 'reject' : 'figure');

function appealRules(path: StatisticsPath, word: string): Rule[] {
  return [
    // 行政复议案3件 · 行政复议案件共2件 · 被申请行政复议1件
    { path, hint: word, re: pattern(`${word}(?:案件|案|申请)?${SUM_WORD}${NUM}(?:件|起|宗|个)`) },
    // 发生2起行政诉讼 · 1件政府信息公开行政复议
    { path, hint: word, re: pattern(`${NUM}(?:件|起|宗)(?:政府信息公开)?(?:类)?${word}`) },
    // 未发生…行政复议 · 行政复议、行政诉讼情况:无
    { path, hint: word, zero: true, re: pattern(`${NEGATION}[^,;。]{0,40}?${word}|${word}[^,;。]{0,30}?${NEGATION}`), check: denial },
  ];
}

export const APPEAL_RULES: Rule[] = [
  ...appealRules('appeals.review.total', '行政复议'),
  ...appealRules('appeals.litigation.total', '行政诉讼'),
  // 行政复议7件,诉讼9件: right after a count of 行政复议, a bare 诉讼 is the 行政诉讼.
  { path: 'appeals.litigation.total', hint: '诉讼', re: pattern(`行政复议(?:案件|案)?${SUM_WORD}\\d[\\d,]{0,24}(?:件|起|宗),(?:行政)?诉讼(?:案件|案)?${SUM_WORD}${NUM}(?:件|起|宗)`) },
];
