// Fees for information requests in prose (`feesCollectedWan`, in 万元): stated as a negation
// (`未收取任何费用`, `无信息公开收费`, `收费情况:无` → 0) or as an amount (`收取信息处理费3940元`).

import { AMOUNT, pattern, type MatchContext, type Rule } from './rule.js';

/** A sentence about disclosure fees, not about the agency's other charges (证照 fees, fines). */
const aboutDisclosure = (sentence: string): boolean => /公开|申请|信息处理费|检索|复制|邮寄/.test(sentence);
const OTHER_CHARGES = /行政事业性|罚没|罚款|规费|工本/;
const notOtherCharges = (m: MatchContext): 'figure' | 'reject' => (OTHER_CHARGES.test(m.clause) ? 'reject' : 'figure');

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
