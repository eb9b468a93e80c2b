import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from '../src/lexical/simplified.js';

describe('traditional → simplified', () => {
  it('turns the labels of a 繁體 copy into the simplified labels the forms use', () => {
    expect(toSimplified('本年制發件數')).toBe('本年制发件数');
    expect(toSimplified('行政許可')).toBe('行政许可');
    expect(toSimplified('結轉下年度繼續辦理')).toBe('结转下年度继续办理');
  });

  it('keeps the length, so offsets found in the converted text point into the original', () => {
    const text = '（一）予以公開 258 件，數據見附表';
    const out = toSimplified(text);
    expect(out.length).toBe(text.length);
    expect(out).toBe('（一）予以公开 258 件，数据见附表');
  });

  it('tells a traditional text from a simplified one', () => {
    expect(hasTraditional('政府信息公開工作年度報告')).toBe(true);
    expect(hasTraditional('政府信息公开工作年度报告')).toBe(false);
    expect(hasTraditional('')).toBe(false);
  });
});
