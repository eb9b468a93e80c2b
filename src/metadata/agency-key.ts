// A key that names the same agency the same way across its reports (report.agencyKey), so that
// a panel can line up its years. Rules, in order:
//   1. the name's comparison key (lexical/fold.ts labelKey: half-width, simplified, no spaces);
//   2. expand a common abbreviation (卫计局 → 卫生和计划生育局 …) only where the report's own text
//      contains the long form with the same place prefix; never guess a name the text lacks;
//   3. keep the place prefix as the report gives it.

import { labelKey } from '../lexical/fold.js';

/** Abbreviations of agency names and their long forms, as reports write them. */
const ABBREVIATIONS: Array<[string, string]> = [
  ['卫计局', '卫生和计划生育局'],
  ['卫生计生局', '卫生和计划生育局'],
  ['卫计委', '卫生和计划生育委员会'],
  ['卫生计生委', '卫生和计划生育委员会'],
  ['卫健委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['发改委', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['人社局', '人力资源和社会保障局'],
  ['住建局', '住房和城乡建设局'],
  ['市监局', '市场监督管理局'],
  ['教体局', '教育和体育局'],
  ['文旅局', '文化和旅游局'],
];


export function agencyKey(agency: string | null, text: string): string | null {
  if (agency === null) return null;
  const name = labelKey(agency);
  let body: string | null = null; // the whole text folded, only for a name to expand
  for (const [short, long] of ABBREVIATIONS) {
    if (!name.endsWith(short)) continue;
    const expanded = name.slice(0, name.length - short.length) + long;
    body ??= labelKey(text);
    if (body.includes(expanded)) return expanded;
  }
  return name;
}
