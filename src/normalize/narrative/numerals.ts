// The number of a prose figure: what stands in a count's place of a rule (rule.ts NUM, AMOUNT)
// is read here, and only a plain count is taken. Digits go through the project's one value reader
// (lexical/values.ts), so prose refuses what a table cell refuses (`056`: no count starts with 0);
// a count's place also refuses what a cell would keep with a warning (`-5`, `56.5`): a sentence
// that says so is no statement of a count. Everything refused is "seen but not taken": the caller
// warns with the line.
//
// Chinese numerals in a count's place are read when they are well formed (`五十六条`, `一百零五件`,
// `两件`, `一万二千条`): a report that writes its count in words states it as plainly as in digits.
// A run that is no numeral in the strict sense (`二三十`, `一百五`: a range or a colloquial
// shortening) is refused; hedged ones (`数十`, `近百`, `上百`) never reach here (rule.ts NUM).

import { parseNumeral, readValue, type Refusal } from '../../lexical/values.js';

export type Count = { ok: true; value: number } | { ok: false; code: Refusal; reason: string };

/** The numeral characters NUM's Chinese branch takes. */
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

const refuse = (text: string, why: string): Count => ({ ok: false, code: 'VALUE_UNPARSED', reason: `"${text}" ${why}` });

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

const CN_START = new RegExp(`^[${CN_NUMERAL_CHARS}]`);
const SIGN = /^[+\-−]/;

/**
 * The count a rule's number group holds: a whole number, not negative, written plainly (digits,
 * grouped or not, or a Chinese numeral).
 */
export function readCount(text: string): Count {
  if (CN_START.test(text)) {
    const n = chineseNumeral(text);
    return n === null ? refuse(text, 'is no well-formed Chinese numeral (a range or a shortening?)') : { ok: true, value: n };
  }
  if (SIGN.test(text)) return refuse(text, 'has a sign: no count does');
  const r = readValue(text);
  if (r.kind === 'refused') return { ok: false, code: r.code, reason: r.reason };
  if (r.kind !== 'number' || r.unit !== null) return refuse(text, 'is not a number');
  if (!Number.isInteger(r.value)) return refuse(text, 'has decimals: no count does');
  return { ok: true, value: r.value };
}

/** An amount of money, divided by 10^`places` exactly (4: 元 → 万元). */
export function readAmount(text: string, places: number): Count {
  if (SIGN.test(text)) return refuse(text, 'has a sign: no amount collected does');
  const r = readValue(text);
  if (r.kind === 'refused') return { ok: false, code: r.code, reason: r.reason };
  if (r.kind !== 'number' || r.unit !== null) return refuse(text, 'is not a number');
  const n = parseNumeral(r.numeral, places);
  return n.ok ? n : { ok: false, code: n.code, reason: n.reason };
}
