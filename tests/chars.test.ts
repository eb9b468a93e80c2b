// The hand-written character folding against its definition: toHalfWidth, then removing every
// kind of whitespace, then one kind of quote, then `,` as `、` (the definition the single-pass
// `fold` replaced for speed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPACE_RE, fold, toHalfWidth } from '../src/parse/chars.js';

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
