// Fees for information requests in prose (`feesCollectedWan`, in 万元): stated as a negation
// (`未收取任何费用`, `无信息公开收费`, `收费情况:无` → 0) or as an amount (`收取信息处理费3940元`).

import { AMOUNT, pattern, type MatchContext, type Rule } from './rule.js';
import type { Topic } from './topic.js';

/** A sentence about disclosure fees, not about the agency's other charges (证照 fees, fines). */
const aboutDisclosure = (sentence: string): boolean => /公开|申请|信息处理费|检索|复制|邮寄/.test(sentence);
/** A denial of fees stands in its own sentence after the one that says what it is about (`…未有受理信息公开申请…;未有收取或减免相关费用的情况`: g042), or under the heading on fees. */
const aboutFees = (sentence: string, previous: string, topic: Topic | null): boolean => topic === 'fees' || aboutDisclosure(sentence) || aboutDisclosure(previous);
const OTHER_CHARGES = /行政事业性|罚没|罚款|规费|工本/;
const notOtherCharges = (m: MatchContext): 'figure' | 'reject' => (OTHER_CHARGES.test(m.clause) ? 'reject' : 'figure');
/**
 * A general denial is one of disclosure fees when its clause is not about other charges and
 * states no amount (`未收取费用,减免3000元` denies nothing; the year the clause opens with is no
 * amount: `2013年度没有关于信息公开的收费及减免情况`, h056, h025), and 收取 is followed by a fee (not
 * `不收取…申请`).
 */
const YEAR = /\d{4}年/g;
const noFee = (m: MatchContext): 'figure' | 'reject' =>
  OTHER_CHARGES.test(m.clause) || /\d/.test(m.clause.replace(YEAR, '')) || (m.text.endsWith('收取') && !/费/.test(m.clause)) ? 'reject' : 'figure';

export const FEE_RULES: Rule[] = [
  // 未对政府信息公开进行收费 · 未收取任何费用 · 没有收取任何政府信息公开费用 · 不收取信息处理费 ·
  // 未收取信息检索、复制、邮寄等费用 · 无信息公开收费 · 未发生政府信息公开收费及减免情况
  {
    path: 'feesCollectedWan',
    hint: '费',
    zero: true,
    re: pattern(
      '未(?:对政府信息公开)?(?:进行|收取)(?:任何)?(?:收费|费用)|(?:未|没有|不)收取(?:任何)?(?:政府信息公开的?)?(?:费用|信息处理费)|(?:未|没有)收取信息(?:检索|复制|邮寄|、){1,7}等?费用|无(?:政府)?信息公开(?:方面的?|相关)?收费|(?:未|没有)发生(?:政府)?信息公开(?:收费|费用)(?:及减免)?(?:情况)?',
    ),
    about: aboutDisclosure,
    check: notOtherCharges,
  },
  // A denial of any fee in a sentence about disclosure: 没有收费及减免的情况 · 没有发生收费和减免情况 ·
  // 未有收取或减免相关费用的情况 · 未向申请人收取费用 · 未对公众依申请公开政府信息收取任何费用 ·
  // 政府信息公开没有收费 · 没有进行收费 (g007, g014, g042, h013, h015, h033, h056, h060 of the pages)
  {
    path: 'feesCollectedWan',
    hint: '费',
    zero: true,
    re: pattern('(?:未|没有|未有|暂未|不)(?:(?:发生|进行|对|向|关于)[^,;:。收]{0,16}?)?(?:收取|收费)(?:或减免|和减免|及减免)?(?:[^,;:。]{0,8}?费用)?'),
    about: aboutFees,
    check: noFee,
  },
  // 政府信息公开收费情况:无 · 收费及减免情况:无
  { path: 'feesCollectedWan', hint: '费', zero: true, re: pattern('收费(?:及减免)?(?:情况)?:无(?=$|[,;])'), check: notOtherCharges },
  // 全年收取政府信息公开信息处理费 3940 元 · 收取信息处理费共计400元
  {
    path: 'feesCollectedWan',
    hint: '收取',
    money: true,
    re: pattern(`收取[^,;。]{0,20}?(?:信息处理费|费用)(?:共计|共|合计)?${AMOUNT}(万元|元)`),
    about: aboutDisclosure,
    check: notOtherCharges,
  },
];
