// Chinese numerals, the one reader of them: counts written in words (`五十六条`, `一百零五件`,
// `两件`, prose figures) and the parts of dates (`二〇一八年十二月三十一日`).

/** The characters of a Chinese numeral (prose rules match a count's place with them). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';
const CN_DIGIT = new Map<string, number>([
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const CN_UNIT = new Map<string, number>([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);
const TEN_THOUSAND = 10_000;

/**
 * A Chinese numeral below 10^8, in its strict form: each digit followed by a smaller unit than the
 * one before (十 may stand alone at the head: 十二), a skipped unit marked by 零 (一百零五), at
 * most one 万. Null for anything else.
 */
export function chineseNumeral(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  let wan = false;
  for (const ch of text) {
    const d = CN_DIGIT.get(ch);
    if (d !== undefined) {
      if (d === 0) {
        // 零 marks a skipped unit: it needs a unit before it and a digit after it.
        if (digit !== null || lastUnit === Infinity || zeroSeen) return null;
        zeroSeen = true;
        continue;
      }
      if (digit !== null) return null; // 二三: two digits in a row
      digit = d;
      continue;
    }
    const u = CN_UNIT.get(ch);
    if (u !== undefined) {
      if (u >= lastUnit) return null;
      if (digit === null && !(u === 10 && section === 0 && !zeroSeen)) return null;
      section += (digit ?? 1) * u;
      lastUnit = u;
      digit = null;
      zeroSeen = false;
      continue;
    }
    if (ch !== '万' || wan) return null;
    section += digit ?? 0;
    if (section === 0) return null;
    total = section * TEN_THOUSAND;
    wan = true;
    section = 0;
    digit = null;
    lastUnit = TEN_THOUSAND;
    zeroSeen = false;
  }
  if (zeroSeen && digit === null) return null; // ends in 零
  // 一百五 (150, colloquial) and 一万二 are shortenings that also read as ranges: refused.
  if (digit !== null && lastUnit !== Infinity && lastUnit > 10 && !zeroSeen) return null;
  if (digit === null && lastUnit === Infinity && !wan) return null; // nothing but 零
  return total + section + (digit ?? 0);
}


/** Digits read one by one, as a year is written (`二〇一八`, `二○一八`: ○ typed for 〇); null for anything else. */
export function chineseDigits(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    const d = CN_DIGIT.get(ch === '○' || ch === 'O' || ch === 'o' || ch === 'Ｏ' ? '〇' : ch);
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return text === '' ? null : n;
}
