// The hand-written character folding against its definition: toHalfWidth, then removing every
// kind of whitespace, then one kind of quote, then `,` as `、` (the definition the single-pass
// `fold` replaced for speed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPACE_RE, collapseCjkSpaces, fold, toHalfWidth } from '../src/lexical/chars.js';

const SEED = 20261122;

function foldByDefinition(s: string): string {
  return toHalfWidth(s)
    .replace(new RegExp(SPACE_RE.source + '+', 'g'), '')
    .replace(/[“”‘’「」『』"'`]/g, '"')
    .replace(/,/g, '、');
}

/** Characters that fold changes or keeps, as labels of real reports hold them. */
const ALPHABET = [...'（一）予以公开，,、：:“”‘’「」『』"\'`＂＇｀ 　\t\u00a0\u200b\ufeff\u2028\u1680\u0085ＡＢ１２ｚ～！abc123政府信息①'];

describe('fold', () => {
  it('folds real label variants to one form', () => {
    expect(fold('（一） 予以 公开')).toBe('(一)予以公开');
    expect(fold('(一)予以公开')).toBe('(一)予以公开');
    expect(fold('三、本年度办理结果')).toBe('三、本年度办理结果');
    expect(fold('“其他”，法人或其他组织')).toBe('"其他"、法人或其他组织');
    expect(fold('２０１７年　统计指标')).toBe('2017年统计指标');
  });

  it('returns the very string when nothing changes', () => {
    const s = '本年新收政府信息公开申请数量';
    expect(fold(s)).toBe(s);
  });

  it('equals its definition on any mix of the characters it treats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(fold(s)).toBe(foldByDefinition(s));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('equals its definition on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(fold(s)).toBe(foldByDefinition(s));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('collapseCjkSpaces', () => {
  const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3007';
  const DEFINITION = new RegExp(`([${CJK}\\d])[ \\t\\u00a0\\u3000]+(?=[${CJK}])|([${CJK}])[ \\t\\u00a0\\u3000]+(?=\\d)`, 'g');
  const byDefinition = (s: string): string => s.replace(DEFINITION, '$1$2');

  it('removes typesetting spaces and keeps those between numbers and Latin words', () => {
    expect(collapseCjkSpaces('2017 年 2 月')).toBe('2017年2月');
    expect(collapseCjkSpaces('统 计 指 标')).toBe('统计指标');
    expect(collapseCjkSpaces('新村西路 226 号')).toBe('新村西路226号');
    expect(collapseCjkSpaces('0454 3822710')).toBe('0454 3822710');
    expect(collapseCjkSpaces('E-mail 地址')).toBe('E-mail 地址');
  });

  it('equals its definition on any mix of ideographs, digits, letters and spaces', () => {
    const alphabet = [...'中文〇㐀12 \t\u00a0\u3000ab,。'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(collapseCjkSpaces(s)).toBe(byDefinition(s));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('toHalfWidth', () => {
  const byDefinition = (s: string): string => s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

  it('maps full-width ASCII and the ideographic space, nothing else', () => {
    expect(toHalfWidth('（一）２０１７年：　第①项')).toBe('(一)2017年: 第①项');
  });

  it('equals its definition on arbitrary strings, long ones included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 3000 }), (s, times) => {
        const long = (s + '，').repeat(times);
        expect(toHalfWidth(s)).toBe(byDefinition(s));
        expect(toHalfWidth(long)).toBe(byDefinition(long));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
