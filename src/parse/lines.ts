// Decoded text → one entry per input line, cleaned of conversion debris. The array index is the
// line number minus one, so every later stage can say exactly where a thing came from.

import { collapseCjkSpaces, trimAll } from './chars.js';

export interface SourceLine {
  /** 1-based line number in the decoded input. */
  no: number;
  /** The line as decoded (tabs, spaces and debris intact): table extractors read this. */
  raw: string;
  /** The line as a reader sees it: debris removed, trimmed, no spaces inside Chinese text. */
  text: string;
}

/**
 * Markers that web-page and Word conversions leave in the text:
 *   [SITESERVER_PAGE]          a CMS page break
 *   [bookmark: _GoBack]        a Word bookmark exported by pandoc
 */
const INLINE_DEBRIS = /\[(?:SITESERVER_PAGE|bookmark:[^\]\n]{0,200})\]/g;

/**
 * Lines that only draw or fence: a rule of dashes between plain-text tables (pandoc), a fenced
 * div marker (`::: {#zoom .article-content}`, pandoc's markdown of a web page).
 */
const RULE_OR_FENCE = /^(?:[-=_—─━\s]{3,}|:::.*)$/;

/** Markup of a web page saved as text: `<p>一、总体情况</p>` reads as `一、总体情况`. */
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,300}>|<!DOCTYPE[^>]{0,100}>|<!--[^>]{0,300}-->/g;

/** Markdown emphasis that a converter kept: `**二是**` → `二是`. */
const BOLD = /\*\*([^*\n]{1,400}?)\*\*/g;

/**
 * A line that is only a page number, as PDF conversions print them between pages:
 *   -3-      — 3 —      - 12 -      第3页      第 3 页 共 10 页      3/10
 */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** The toned vowels of pinyin: four tones each of a, e, i, o, u, ü, in that order. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const TONELESS = new Map([...TONED].map((ch, i) => [ch, 'aeiouü'[i >> 2]!]));
/**
 * Pinyin glosses that some mirror sites print after each character: `報(bào)告`, `數(shù)據(jù)`.
 * A bracketed syllable right after an ideograph; removed only on a line whose glosses carry tone
 * marks, and only where the bracket holds nothing but one syllable (`(pdf)` stays).
 */
const GLOSS = new RegExp(`(?<=[\\u3400-\\u4dbf\\u4e00-\\u9fff])[(（]([a-zü${TONED}]{1,6})[)）]`, 'g');
const TONE_MARK = new RegExp(`[${TONED}]`);
/** A syllable once its tone marks are gone: initial, vowels, a final nasal or 儿. */
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü]{1,3}(?:ng|n|r)?$/;

function dropGlosses(s: string): string {
  return s.replace(GLOSS, (gloss, syllable: string) => {
    const plain = [...syllable].map((ch) => TONELESS.get(ch) ?? ch).join('');
    return SYLLABLE.test(plain) ? '' : gloss;
  });
}

/** Characters that start some debris: lines without any skip the replacements. */
const DEBRIS_HINT = new RegExp(`[[*<\\f${TONED}]`);

export function cleanText(raw: string): string {
  let stripped = raw;
  if (DEBRIS_HINT.test(raw)) {
    // Each replacement only where its first character stands.
    if (stripped.includes('\f')) stripped = stripped.replace(/\f/g, '');
    if (stripped.includes('[')) stripped = stripped.replace(INLINE_DEBRIS, '');
    if (stripped.includes('<')) stripped = stripped.replace(HTML_TAG, '');
    if (stripped.includes('**')) stripped = stripped.replace(BOLD, '$1');
    if (TONE_MARK.test(stripped)) stripped = dropGlosses(stripped);
  }
  const text = trimAll(stripped);
  if (PAGE_NUMBER.test(text) || RULE_OR_FENCE.test(text)) return '';
  return collapseCjkSpaces(text);
}

export function splitLines(text: string): SourceLine[] {
  const raws = text.split('\n');
  // A final line break does not start another line.
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  return raws.map((raw, i) => ({ no: i + 1, raw, text: cleanText(raw) }));
}
