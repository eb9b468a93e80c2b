// What a name found in a sentence needs before it can be the agency: a mirror site's spam cut
// away, the office inside the agency that wrote or answers for the report taken back to the agency,
// and, where a sentence is a weak witness (the contact sentence, a subject with no year before it),
// agreement with the word the report uses for itself (`我局`, `我乡`, `我街道`).

import { readingForm } from '../lexical/fold.js';
import { isAgencyName } from './title.js';

/**
 * Words a gambling or sports-betting mirror puts where a page named its place or agency
 * (`365体育直播，365体育备用网址自然资源和规划局编制了…`, g032; `新葡京博彩官网区人民政府北京街道办事处`,
 * w019; `华体会登录入口政府办公室编制…`, w248). No agency's name holds them.
 */
const SPAM = /官网|登录|入口|网址|网页版|博彩|直播|彩票|娱乐|下注|投注|app/gi;

/** The part of `name` after the last spam word in it (all of it when there is none). */
export function withoutSpam(name: string): string {
  let end = 0;
  for (const m of readingForm(name).matchAll(SPAM)) end = m.index + m[0].length;
  return name.slice(end);
}

/**
 * The office inside an agency that a report names as its maker or its contact: a township's 党政办,
 * a department's 办公室, a disclosure office or group (`两城镇人民政府党政办公室`, h014;
 * `三溪乡党政办`, h032; `路南街道信息公开领导小组办公室`, h041; `兴安盟生态环境局办公室`, g039;
 * `某某县水利局政府信息公开工作领导小组办公室`, w209; `某某局政务公开政府信息公开…办公室`, w339). A
 * government's 办公室 is an agency of its own (`某某县人民政府办公室`) and stays.
 */
const INTERNAL_OFFICE = /(?:党政(?:综合)?办(?:公室)?|综合办公室|(?:政务公开)?(?:政务|信息)公开(?:工作)?(?:领导小组)?办公室|领导小组办公室|信息中心|综合科)$/;
/** The same, where 政府 before 信息公开 is the office's word, not the end of the agency's name. */
const DISCLOSURE_OFFICE = /(?:政务公开)?政府信息公开(?:工作)?(?:领导小组)?办公室$/;
/** A department or a street office, whose own 办公室 is inside it. */
const DEPARTMENT = /(?:局|委员会|委|厅|办事处)$/;

/** The agency an office belongs to, or the name itself. */
export function agencyOfOffice(name: string): string {
  const f = readingForm(name);
  for (const office of [DISCLOSURE_OFFICE, INTERNAL_OFFICE]) {
    const inner = office.exec(f);
    if (inner && inner.index > 0 && isAgencyName(f.slice(0, inner.index))) return name.slice(0, inner.index);
  }
  if (f.endsWith('办公室') && DEPARTMENT.test(f.slice(0, -3)) && isAgencyName(f.slice(0, -3))) return name.slice(0, -3);
  return name;
}

/** The words a report uses for itself: `我局`, `我乡`, `我街道`, `我办`. */
const PRONOUN = /我(街道|街办|委员会|苏木|局|委|厅|办|乡|镇|区|县|市|省|州|旗|盟|院|所|站|处|署|中心)/g;

/** What level a name is, in the words of the pronoun that would stand for it. */
function levelOf(name: string): string {
  const f = readingForm(name).replace(/\([^()]*\)$/, '');
  if (/街道(?:办事处|办)?$/.test(f)) return '街道';
  if (/(?:办公室|办)$/.test(f)) return '办';
  if (/(?:委员会|管委会)$/.test(f)) return '委';
  if (f.endsWith('中心')) return '中心';
  if (/苏木(?:人民政府|政府)?$/.test(f)) return '苏木';
  const place = f.replace(/(?:人民政府|政府)$/, '');
  return place.slice(-1);
}

/** The levels of the pronouns the text uses (`我局` → 局), in the fold. */
export function pronounsOf(fold: string): Set<string> {
  const out = new Set<string>();
  for (const m of fold.matchAll(PRONOUN)) out.add(m[1] === '街办' ? '街道' : m[1] === '委员会' ? '委' : m[1]!);
  return out;
}

/** Does `name` agree with a pronoun the text uses for itself (`区卫健局` with `我局`)? */
export function agrees(name: string, pronouns: ReadonlySet<string>): boolean {
  return pronouns.has(levelOf(name));
}
