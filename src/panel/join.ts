// One agency under two names across years: 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024).
// A key is joined to a longer key that is the same name with a higher place before it (a city,
// prefecture or province), when that longer key is the only such one in the batch; the panel
// says which names it joined. Nothing else is merged: 卫生健康委员会 is never joined to
// 聊城市卫生健康委员会, because it names no place of its own.

import type { PanelFacts } from './facts.js';

/** A name that begins with a place: some characters and then 省, 市, 区, 县 … */
const STARTS_WITH_PLACE = /^[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|地区|省|市|州|盟|区|县|旗)/u;
/** A prefix that is a higher place, and only that: 淮安市, 江苏省淮安市, 黔东南苗族侗族自治州. */
const HIGHER_PLACE = /^[\u4e00-\u9fff]{1,20}?(?:自治区|自治州|地区|省|市|州|盟)$/u;

export interface Joined {
  /** The key kept: the longest form. */
  key: string;
  /** The names taken as that key, the kept one last. */
  names: string[];
}

/**
 * The next longer form of `key` among `keys`, when there is one line of them (淮安市洪泽区… and
 * 江苏省淮安市洪泽区… are one line: each longer one ends with the shorter); null when there is
 * none or two differ (淮安市洪泽区… and 宿迁市洪泽区…).
 */
function longerForm(key: string, keys: readonly string[]): string | null {
  if (!STARTS_WITH_PLACE.test(key)) return null;
  const longer = keys
    .filter((k) => k.length > key.length && k.endsWith(key) && HIGHER_PLACE.test(k.slice(0, k.length - key.length)))
    .sort((a, b) => a.length - b.length);
  const next = longer[0];
  return next !== undefined && longer.every((k) => k.endsWith(next)) ? next : null;
}

/** The facts with joined keys, and which names were joined. */
export function joinPlaceForms<T extends Pick<PanelFacts, 'agencyKey'>>(facts: readonly T[]): { facts: T[]; joined: Joined[] } {
  const keys = [...new Set(facts.map((f) => f.agencyKey))];
  const target = new Map<string, string>();
  for (const key of keys) {
    let to = key;
    // Follow the chain 洪泽区… → 淮安市洪泽区… → 江苏省淮安市洪泽区…, each step unique.
    for (let next = longerForm(to, keys); next !== null; next = longerForm(to, keys)) to = next;
    if (to !== key) target.set(key, to);
  }
  const byKey = new Map<string, string[]>();
  for (const [from, to] of target) byKey.set(to, [...(byKey.get(to) ?? []), from]);
  const joined = [...byKey.entries()].map(([key, names]) => ({ key, names: [...names.sort(), key] }));
  return { facts: facts.map((f) => (target.has(f.agencyKey) ? { ...f, agencyKey: target.get(f.agencyKey)! } : f)), joined };
}
