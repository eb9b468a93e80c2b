// The number of a prose figure: what stands in a count's place of a rule (rule.ts NUM, AMOUNT)
// is read here, and only a plain count is taken. Digits go through the project's one value reader
// (lexical/values.ts), so prose refuses what a table cell refuses (`056`: no count starts with 0);
// a count's place also refuses what a cell would keep with a warning (`-5`, `56.5`): a sentence
// that says so is no statement of a count. Everything refused is "seen but not taken": the caller
// warns with the line.
//
// Chinese numerals in a count's place are read when they are well formed (`五十六条`, `一百零五件`,
// `两件`, `一万二千条`): a report that writes its count in words states it as plainly as in digits (lexical/numerals.ts reads them).
// A run that is no numeral in the strict sense (`二三十`, `一百五`: a range or a colloquial
// shortening) is refused; hedged ones (`数十`, `近百`, `上百`) never reach here (rule.ts NUM).

import { CN_NUMERAL_CHARS, chineseNumeral } from '../../lexical/numerals.js';
import { parseNumeral, readValue, type Refusal } from '../../lexical/values.js';

export type Count = { ok: true; value: number } | { ok: false; code: Refusal; reason: string };

const refuse = (text: string, why: string): Count => ({ ok: false, code: 'VALUE_UNPARSED', reason: `"${text}" ${why}` });

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
