// Figures stated in prose, for reports that give their numbers only in sentences (most before
// 2015; seeds 000, 003, 004). Conservative on purpose: a pattern names the fact it reads, a
// number must stand right before its unit (`5500余条` is an estimate, not a figure), and a
// number about something else (seed 003's `制发公文364件，其中：主动公开187件` counts documents
// by disclosure class) matches nothing. When unsure, the field stays absent.

import { toHalfWidth } from '../parse/chars.js';
import { lineAt, type Paragraph } from '../parse/paragraphs.js';
import { parseNumeral, type NumeralProblem } from './values.js';

export interface ProseFigure {
  path: string;
  value: number;
  line: number;
  raw: string;
}

interface Rule {
  path: string;
  /** Text the pattern cannot match without: paragraphs lacking it are not searched. */
  hint: string;
  re: RegExp;
  /** The value when the pattern states zero; otherwise group 1 is the number. */
  zero?: true;
  money?: true;
}

/** Digits and commas: parseNumeral decides what they are worth, or that they are refused. */
const NUM = '(\\d[\\d,]*)';
const UNIT_COUNT = '(?:件|份|个|条|起|宗)';

/** Rules are tried in order; the first that matches a path in a paragraph wins for that path. */
const RULES: Rule[] = [
  // 主动公开政府信息共计 810 条 · 主动公开政府信息56条 · 主动公开信息2073条
  { path: 'proactive.published', hint: '主动公开', re: new RegExp(`主动公开(?:政府)?信息(?:共计|共|合计|总计)?${NUM}条`) },
  // 共收到8份政府信息公开申请 · 共受理政府信息公开申请3119件
  { path: 'requests.received.total', hint: '申请', re: new RegExp(`(?:收到|受理|接到|接收)${NUM}${UNIT_COUNT}(?:政府信息公开|依申请公开|信息公开)申请`) },
  { path: 'requests.received.total', hint: '申请', re: new RegExp(`(?:收到|受理|接到|接收)(?:各类|群众)?(?:政府信息公开申请|依申请公开(?:政府信息)?申请|信息公开申请)(?:共计|共|合计)?${NUM}${UNIT_COUNT}`) },
  // 未接依申请公开政府信息 · 没有依申请公开政府信息 · 未收到政府信息公开申请 · 依申请公开政府信息办理情况：无
  { path: 'requests.received.total', hint: '申请', zero: true, re: /(?:未|没有)(?:收到|接到|接|受理)?[^。；，,]{0,10}(?:依申请公开|政府信息公开申请)/ },
  { path: 'requests.received.total', hint: '申请', zero: true, re: /依申请公开[^。；]{0,15}[:：]无(?:[。；]|$)/ },
  // 同意公开12件 (only in a sentence about requests)
  { path: 'requests.outcomes.granted.total', hint: '申请', re: new RegExp(`申请[^。]*(?:同意公开|予以公开)${NUM}件`) },
  // 未对政府信息公开进行收费 · 政府信息公开收费情况：无 · 未收取任何费用
  { path: 'feesCollectedWan', hint: '费', zero: true, re: /未(?:对政府信息公开)?(?:进行|收取)(?:任何)?(?:收费|费用)|(?:未|没有|不)收取(?:任何)?费用|收费(?:情况)?[:：]无(?:[。；]|$)/ },
  // 全年收取政府信息公开信息处理费 3940 元
  { path: 'feesCollectedWan', hint: '收取', money: true, re: /收取[^。；，]{0,20}?(?:信息处理费|费用)(?:共计|共|合计)?(\d[\d,]*(?:\.\d+)?)(万元|元)/ },
];

/** 行政复议 / 行政诉讼 in a clause that denies them: 未接到…行政复议和提起行政诉讼 → both 0. */
const NEGATION = /未|没有|无/;
const COUNT_IN_CLAUSE = new RegExp(`\\d\\s*${UNIT_COUNT}`);
const APPEAL_COUNTS: Array<[string, RegExp, RegExp]> = [
  ['appeals.review.total', /行政复议/, new RegExp(`行政复议(?:案件)?${NUM}${UNIT_COUNT}`)],
  ['appeals.litigation.total', /行政诉讼/, new RegExp(`行政诉讼(?:案件)?${NUM}${UNIT_COUNT}`)],
];

/** Receives a figure whose number is refused (too large to be exact, malformed grouping). */
export type ProseWarn = (code: NumeralProblem, message: string, line: number) => void;

/**
 * Figures stated in the paragraphs. A number that parseNumeral refuses gives no figure: `warn`
 * hears of it, and the path counts as read, so that a weaker pattern cannot fill it instead.
 */
export function extractProse(paragraphs: readonly Paragraph[], warn: ProseWarn = () => {}): ProseFigure[] {
  const out: ProseFigure[] = [];
  const seen = new Set<string>();
  const add = (path: string, numeral: string | null, p: Paragraph, index: number, raw: string, places = 0): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const n = numeral === null ? { ok: true as const, value: 0 } : parseNumeral(numeral, places);
    if (n.ok) out.push({ path, value: n.value, line: lineAt(p, index), raw });
    else warn(n.code, `${path}: ${n.reason} (${raw}); left absent`, lineAt(p, index));
  };
  for (const p of paragraphs) {
    const text = toHalfWidth(p.text);
    for (const rule of RULES) {
      if (!text.includes(rule.hint)) continue;
      const m = rule.re.exec(text);
      if (!m) continue;
      add(rule.path, rule.zero ? null : m[1]!, p, m.index, p.text.slice(m.index, m.index + m[0].length), rule.money && m[2] === '元' ? 4 : 0);
    }
    // Clause by clause, so that `行政复议3件，无行政诉讼` reads 3 and 0.
    if (!text.includes('行政复议') && !text.includes('行政诉讼')) continue;
    let offset = 0;
    for (const clause of text.split(/(?<=[。；，,;])/)) {
      for (const [path, word, count] of APPEAL_COUNTS) {
        if (!word.test(clause)) continue;
        const m = count.exec(clause);
        if (m) add(path, m[1]!, p, offset + m.index, p.text.slice(offset + m.index, offset + m.index + m[0].length));
        else if (NEGATION.test(clause) && !COUNT_IN_CLAUSE.test(clause)) add(path, null, p, offset, p.text.slice(offset, offset + clause.length));
      }
      offset += clause.length;
    }
  }
  return out;
}
