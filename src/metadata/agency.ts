// The agency that publishes the report. Titles often shorten it (`区卫计局`) while the body,
// the signature or the 填报单位 line gives the full name (`张店区卫计局`): prefer the fullest
// name the report itself gives, and never invent one.

import { CJK } from '../lexical/chars.js';
import { isAgencyName } from './title.js';

/** Administrative level words that start a name whose place name was left out. */
const BARE_LEVEL = /^[省市区县州旗盟镇乡]/;
/** The longest place name prefix we try to recover. */
const MAX_PREFIX_CHARS = 6;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `区卫计局` appears as `现公布张店区卫计局`, `与张店区卫计局办公室联系`, `2017年，张店区卫计局…`:
 * the characters right before it agree on `张店` and disagree before that. Grow the prefix while
 * every occurrence (at least two) agrees.
 */
function placePrefix(name: string, body: string): string {
  const re = new RegExp(`([${CJK}]{0,${MAX_PREFIX_CHARS}})${escapeRe(name)}`, 'g');
  const befores = [...body.matchAll(re)].map((m) => m[1]!).filter((b) => b.length > 0);
  if (befores.length < 2) return '';
  let prefix = '';
  for (let k = 1; k <= MAX_PREFIX_CHARS; k++) {
    const chars = new Set(befores.map((b) => (b.length >= k ? b[b.length - k] : '')));
    if (chars.size !== 1 || chars.has('')) break;
    prefix = [...chars][0]! + prefix;
  }
  return prefix.length >= 2 ? prefix : '';
}

/** A place named alone, as a township's or a county's report names its agency: `高椅乡`, `沙洋县`. */
const PLACE = /[省市区县州旗盟镇乡]$|街道$|苏木$/;
/** What makes a place's name the name of its government. */
const GOVERNMENT = /^(?:人民政府|政府|街道办事处|办事处)$/;

/** `name` is the government of `place`, with or without more of the place before it. */
function isGovernmentOf(name: string, place: string): boolean {
  if (!PLACE.test(place)) return false;
  const at = name.lastIndexOf(place);
  return at >= 0 && GOVERNMENT.test(name.slice(at + place.length));
}

export interface AgencyEvidence {
  /** The agency the title names (or the sentence that introduces the report: `现公布X市人民政府…报告`). */
  title: string | null;
  /** Other names the report prints, most reliable first: the signature line, `填报单位：…`, … */
  stated: string[];
  /** All text of the report, to find the full form of a shortened name. */
  body: string;
}

export function chooseAgency(e: AgencyEvidence): string | null {
  const stated = e.stated.filter(isAgencyName);
  const base = e.title ?? stated[0] ?? null;
  if (!base) return null;
  // A stated name that contains the title's short name is the fuller form of the same agency: the
  // same name with more of its place (`区卫计局` → `张店区卫计局`), or a place's government
  // (`高椅乡` → `会同县高椅乡人民政府`, g046; `同田乡` → `同田乡人民政府`).
  let best = base;
  for (const s of stated) if (s.length > best.length && (s.endsWith(base) || isGovernmentOf(s, base))) best = s;
  if (best === base && BARE_LEVEL.test(base)) {
    const prefix = placePrefix(base, e.body);
    if (prefix) best = prefix + base;
  }
  return best;
}
