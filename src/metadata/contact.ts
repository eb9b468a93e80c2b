// Contact details, as the contact sentence gives them:
//   地址：淄博市张店区新村西路226号，邮编：255000，电话：2126200
//   电话：0952-6666009；传真：0952-6666299；电子邮箱：p1xwsj@163.com

import { toHalfWidth } from '../lexical/chars.js';
import { readingForm } from '../lexical/fold.js';

export interface Contact {
  phones: string[];
  faxes: string[];
  emails: string[];
  address: string | null;
  postcode: string | null;
  websites: string[];
}

/** A phone number: optional area code, 7–8 digits, optional extension; or a mobile number. */
const PHONE = /(?<![\d-])(?:(?:\(0\d{2,3}\)|0\d{2,3})[-—－\s]?)?\d{7,8}(?:(?:-|转)\d{1,5})?(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)12345(?!\d)/g;
/** How far after `电话：` the numbers may stand. */
const WINDOW_CHARS = 48;
/** Another field starts: stop reading numbers for the current one. */
const NEXT_FIELD = /传真|邮编|邮政编码|地址|邮箱|电子信箱|网址|E-?mail/i;

function numbersAfter(text: string, keyword: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(keyword)) {
    let window = text.slice(m.index + m[0].length, m.index + m[0].length + WINDOW_CHARS);
    const stop = window.search(NEXT_FIELD);
    if (stop >= 0) window = window.slice(0, stop);
    for (const p of window.matchAll(PHONE)) out.push(p[0].replace(/\s+/g, ''));
  }
  return out;
}

const PHONE_KEY = /(?:联系|咨询|服务|热线|办公|监督)?电话(?:号码)?\s*[:：(（]?|热线\s*[:：(（]/g;
const FAX_KEY = /传真(?:电话|号码)?\s*[:：(（]?/g;
// Quantifiers are bounded (RFC lengths) so that a long run of letters or digits cannot make the
// patterns backtrack over the whole line at every position.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
const WEBSITE = /(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|org|net)(?![A-Za-z0-9])(?:\/[A-Za-z0-9._~%/?#=&-]{0,300})?/g;
const WEBSITE_HINT = /\.(?:cn|com|org|net)/i;
const POSTCODE = /(?:邮编|邮政编码)\s{0,4}:?\s{0,4}(\d{6})(?!\d)/;
const ADDRESS = /(?:通讯|联系|办公)?地址\s{0,4}[:为]\s{0,4}([^,;。)\s(]{4,60})/d;
/** Another field glued to the address when nothing separates them: `地址：某某路1号电话：…`. */
const AFTER_ADDRESS = new RegExp(`电话|联系人|${NEXT_FIELD.source}`, 'i');

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Read contact details from the whole text (already cleaned of debris). Labels are recognised in
 * `folded` (half-width and simplified, the same length as the text: `電話` is `电话`); the address
 * is cut from the text as written.
 */
export function extractContact(text: string, folded?: string): Contact {
  const s = toHalfWidth(text);
  const f = folded ?? readingForm(s);
  // The e-mail pattern is costly to try at every position: only where there is an `@`.
  const emails = s.includes('@') ? unique([...s.matchAll(EMAIL)].map((m) => m[0])) : [];
  const withoutEmails = emails.length > 0 ? s.replace(EMAIL, ' ') : s;
  const websites = !WEBSITE_HINT.test(withoutEmails) ? [] : unique([...withoutEmails.matchAll(WEBSITE)].map((m) => m[0]).filter((w) => /[a-z]/i.test(w.split('.')[0] ?? '')));
  const faxes = unique(numbersAfter(f, FAX_KEY));
  const phones = unique(numbersAfter(f.replace(FAX_KEY, '传真 '), PHONE_KEY)).filter((p) => !faxes.includes(p));
  const at = ADDRESS.exec(f)?.indices?.[1];
  const glued = at ? f.slice(at[0], at[1]).search(AFTER_ADDRESS) : -1;
  const end = at ? (glued >= 0 ? at[0] + glued : at[1]) : 0;
  const address = at && end - at[0] >= 4 ? s.slice(at[0], end) : null;
  const postcode = POSTCODE.exec(f)?.[1] ?? null;
  return { phones, faxes, emails, address, postcode, websites };
}
