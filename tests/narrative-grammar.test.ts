// The grammar of prose figures (src/normalize/narrative/): a count in a breakdown is a part,
// never the total; a count's place holds a count or is refused with a warning on its line;
// Chinese numerals read as their value; the time a figure covers; readings that disagree give
// nothing and a PROSE_CONFLICT warning. Properties run over generated sentences of the shapes real
// pages use (named at each property).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractProse } from '../src/normalize/narrative.js';
import { chineseNumeral } from '../src/lexical/numerals.js';
import { readCount } from '../src/normalize/narrative/numerals.js';
import { spanOf } from '../src/normalize/narrative/scope.js';
import { SentenceShape } from '../src/normalize/narrative/sentence.js';
import { splitLines } from '../src/parse/lines.js';
import { joinParagraphs } from '../src/parse/paragraphs.js';
import { parseText } from '../src/pipeline.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';

const SEED = 20261207;

interface Seen {
  figures: Record<string, number>;
  warnings: Array<{ code: string; line: number }>;
}

function prose(text: string): Seen {
  const lines = splitLines(text, ANCHOR_CHARS);
  const warnings: Seen['warnings'] = [];
  const found = extractProse(joinParagraphs(lines), lines, (code, _message, line) => warnings.push({ code, line }));
  return { figures: Object.fromEntries(found.map((f) => [f.path, f.value])), warnings };
}

describe('a count in a breakdown is a part, never the total', () => {
  // Category names as pages write them (g039: 重要活动类信息126条, h037: 政务动态类信息360条).
  const category = fc.constantFrom('工作动态类信息', '通知公告类信息', '政策解读类信息', '人事信息类信息', '财政信息类信息', '其他应主动公开政府信息', '其他信息');
  const count = fc.integer({ min: 1, max: 99_999 });
  const parts = fc.array(fc.tuple(category, count), { minLength: 1, maxLength: 6 });
  // The subject of the total: named (主动公开政府信息), or in general words (共公布政府信息: the issue's
  // 2599 case; 全年公开政府信息995845条: g010).
  const subject = fc.constantFrom('主动公开政府信息', '共公布政府信息', '全年主动公开政府信息共计', '共计公开政府信息');
  // How the breakdown follows: in brackets, after ，其中, or as the next sentence (w281: `258条。其中:`).
  const frame = fc.constantFrom<[string, string]>(['（其中', '）。'], ['，其中', '。'], ['。其中，', '。'], ['（', '）。']);

  it('the total is read, whatever the parts say (issue 21: 2599, not 856)', () => {
    fc.assert(
      fc.property(subject, count, parts, frame, (subj, total, list, [open, close]) => {
        const text = `2023年，${subj}${total}条${open}${list.map(([c, n]) => `${c}${n}条`).join('，')}${close}`;
        expect(prose(text).figures['proactive.published']).toBe(total);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('the issue’s sentence as it stands', () => {
    const text = '2019年，共公布政府信息2599条，（其中工作动态类信息25条，通知公告类信息14条，其他应主动公开政府信息856条）。';
    expect(prose(text)).toEqual({ figures: { 'proactive.published': 2599 }, warnings: [] });
  });

  it('a request count listed after 包括 is a part (全年受理…21件，包括信函申请2件、网络申请19件)', () => {
    fc.assert(
      fc.property(count, count, count, (total, a, b) => {
        const text = `全年共受理政府信息公开申请${total}件，包括信函申请${a}件、网络申请${b}件。`;
        expect(prose(text).figures['requests.received.total']).toBe(total);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a breakdown with no total before it gives nothing', () => {
    expect(prose('其中，工作动态类信息25条，其他应主动公开政府信息856条。').figures).toEqual({});
  });

  it('the roles in a sentence: main, aside in brackets, part after 其中 to the end of its brackets', () => {
    const s = '共公布政府信息2599条(其中动态类25条)另有60条,其中公告30条';
    const shape = new SentenceShape(s);
    expect(shape.roleAt(s.indexOf('2599'))).toBe('main');
    expect(shape.roleAt(s.indexOf('25条'))).toBe('aside');
    expect(shape.roleAt(s.indexOf('60'))).toBe('main');
    expect(shape.roleAt(s.indexOf('30'))).toBe('part');
  });
});

describe('what stands in a count’s place', () => {
  // Issue 25 item 10: prose refuses what the one value reader refuses (`056`), and what is no count.
  const refused: Array<[string, string]> = [
    ['a leading 0', '056'],
    ['a sign', '-5'],
    ['an exponent', '1e400'],
    ['decimals', '56.5'],
    ['digits set apart by a space', '1 234'],
    ['a range in words', '二三十'],
  ];
  for (const [why, n] of refused) {
    it(`${why} (${n}): no figure, VALUE_UNPARSED on its line`, () => {
      const text = `一、主动公开情况\n\n全年主动公开政府信息${n}条。\n`;
      expect(prose(text)).toEqual({ figures: {}, warnings: [{ code: 'VALUE_UNPARSED', line: 3 }] });
      // No vaguer wording stands in for the refused one.
      expect(prose(`${text}\n共公布政府信息${n === '056' ? 56 : 7}条。\n`).figures).toEqual({});
    });
  }

  it('reaches the record as a warning with the line', () => {
    const r = parseText('某某局2023年政府信息公开工作年度报告\n\n一、主动公开情况\n\n全年主动公开政府信息056条。\n');
    expect(r.statistics.proactive?.published).toBeUndefined();
    expect(r.warnings.filter((w) => w.code === 'VALUE_UNPARSED').map((w) => w.line)).toEqual([5]);
  });

  it('estimates stay out without a warning (约300条, 500余条, 数十条)', () => {
    for (const n of ['约300', '500余', '数十', '近百']) expect(prose(`全年主动公开政府信息${n}条。`), n).toEqual({ figures: {}, warnings: [] });
  });

  it('a Chinese numeral in a count’s place is read (五十六条, 一百零五件)', () => {
    expect(prose('全年主动公开政府信息五十六条。').figures).toEqual({ 'proactive.published': 56 });
    expect(prose('全年共收到政府信息公开申请一百零五件。').figures).toEqual({ 'requests.received.total': 105 });
  });

  /** A number in the strict form of Chinese numerals, written here to check the reader against. */
  function inWords(n: number): string {
    const DIGITS = '零一二三四五六七八九';
    const UNITS = ['', '十', '百', '千'];
    const below10k = (m: number, lead: boolean): string => {
      let out = '';
      let zero = false;
      for (let u = 3; u >= 0; u--) {
        const d = Math.floor(m / 10 ** u) % 10;
        if (d === 0) {
          if (out !== '' || !lead) zero = out !== '' || zero;
          continue;
        }
        if (zero && out !== '') out += '零';
        zero = false;
        out += u === 1 && d === 1 && out === '' && lead ? '十' : DIGITS[d]! + UNITS[u]!;
      }
      return out;
    };
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    if (high === 0) return below10k(low, true);
    const lowWords = low === 0 ? '' : (low < 1000 ? '零' : '') + below10k(low, false);
    return `${below10k(high, true)}万${lowWords}`;
  }

  it('every number below 10^8 written in words reads back as itself', () => {
    expect(inWords(56)).toBe('五十六');
    expect(inWords(105)).toBe('一百零五');
    expect(inWords(12_000)).toBe('一万二千');
    expect(inWords(10_010)).toBe('一万零一十');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        expect(chineseNumeral(inWords(n))).toBe(n);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('digits that are a plain count are read as the table reader reads them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (n) => {
        expect(readCount(String(n))).toEqual({ ok: true, value: n });
        expect(readCount(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('the time a figure covers', () => {
  it('the year, another year, or several years', () => {
    expect(spanOf('全年累计主动公开政府信息', '')).toBe('year');
    expect(spanOf('累计主动公开政府信息', '2023年')).toBe('year');
    expect(spanOf('累计主动公开政府信息', '截至2019年12月底')).toBe('years');
    expect(spanOf('历年主动公开政府信息', '')).toBe('years');
    expect(spanOf('共主动公开政府信息', '自2008年以来')).toBe('years');
    expect(spanOf('共主动公开政府信息', '今年以来')).toBe('year');
    expect(spanOf('上年主动公开政府信息', '')).toBe('other');
  });

  it('a sum up to a date is no figure of the year; a sum over the year is', () => {
    expect(prose('截至2019年12月底，累计主动公开政府信息1850条。').figures).toEqual({});
    expect(prose('全年累计主动公开政府信息120条。').figures).toEqual({ 'proactive.published': 120 });
  });
});

describe('readings of one path that disagree', () => {
  it('give nothing, and PROSE_CONFLICT names the line of the first', () => {
    const seen = prose('全年主动公开政府信息120条。\n\n二、依申请公开情况\n\n全年主动公开政府信息150条。\n');
    expect(seen).toEqual({ figures: {}, warnings: [{ code: 'PROSE_CONFLICT', line: 1 }] });
  });

  it('a plain reading wins over one in general words', () => {
    expect(prose('全年主动公开政府信息350条，共公布政府信息400条。').figures).toEqual({ 'proactive.published': 350 });
  });
});
