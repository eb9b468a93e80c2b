// Who made the report and whom to ask about it, as its opening paragraph says:
//   本报告由平罗县卫生和计划生育局编制。                       (seed 003)
//   …要求，由怀柔区发展和改革委员会编制的2010年度…报告。       (g004, g005, g009, h014, w128)
//   …有关要求，钟祥市住房和城乡建设局编制了本报告。           (h069, h029, g032)
//   如对本报告有疑问，请与兴安盟生态环境局办公室联系（…）。    (g039, h032, h041, w084, w304)
// The maker is often the agency's office (`两城镇人民政府党政办公室`), which is taken back to the agency
// (names.ts). The contact is a weaker witness: often another office than the agency (`请与某某县电子政务
// 办公室联系` in a county's report), so it is taken only where it agrees with how the report calls
// itself (我局, 我乡). Patterns read the fold; names are cut from the text as written.

import { HEAD_CHARS, type MetaText } from './text.js';
import { agencyOfOffice, agrees, pronounsOf, withoutSpam } from './names.js';
import { isAgencyName } from './title.js';

/** `本报告由某某局编制` / `…根据`: who made the report, said of the report. */
const REPORT_BY = /本(?:年度)?报告由([^,。、\s]{2,30}?)(?:编制|制作|根据|依据|按照|,)/d;
/** `由某某局编制`, `由某某局负责编制`: said of the making. */
const MADE_BY = /由([^,。、;:\s]{2,30}?)(?:负责)?(?:编制|编写|制作)/d;
/** `，某某局编制了本报告`: the maker as the subject of a clause. */
const MAKER_SUBJECT = /(?:^|[,。;\n])([^,。、;:\s]{2,30}?)(?:认真)?(?:编制|编写)了/d;
/** `请与某某局办公室联系`, `请和某某乡党政办联系`. */
const CONTACT = /请(?:与|和|向)([^,。、;:()\s]{2,40}?)联系/d;

/** The name a pattern's first group found in the fold, as written, without spam, as an agency. */
function nameOf(t: MetaText, m: RegExpExecArray | null): string | null {
  const at = m?.indices?.[1];
  if (!at) return null;
  const name = agencyOfOffice(withoutSpam(t.text.slice(at[0], at[1])));
  return isAgencyName(name) ? name : null;
}

/** The agency the opening says made the report, or null. */
export function maker(t: MetaText): string | null {
  const head = t.fold.slice(0, HEAD_CHARS);
  return nameOf(t, REPORT_BY.exec(head)) ?? nameOf(t, MADE_BY.exec(head)) ?? nameOf(t, MAKER_SUBJECT.exec(head));
}

/** The agency the contact sentence names, where it agrees with the report's word for itself. */
export function contactAgency(t: MetaText): string | null {
  const head = t.fold.slice(0, HEAD_CHARS);
  const name = nameOf(t, CONTACT.exec(head));
  return name !== null && agrees(name, pronounsOf(head)) ? name : null;
}
