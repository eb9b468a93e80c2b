// The traditional → simplified table is generated ahead of time from opencc-js (a run-time build
// cost every thread 0.3 s): it must still be what opencc-js makes, and read as it did.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simplifiedPairs, tableModule } from '../scripts/simplified-table.mjs';
import { hasTraditional, toSimplified } from '../src/lexical/simplified.js';
import { SIMPLIFIED, TRADITIONAL } from '../src/lexical/simplified-table.js';

describe('simplified-table.ts', () => {
  it('is what scripts/simplified-table.mjs makes from the installed opencc-js (run it again when this fails)', () => {
    const pairs = simplifiedPairs();
    expect(TRADITIONAL).toBe(pairs.from);
    expect(SIMPLIFIED).toBe(pairs.to);
    expect(readFileSync(new URL('../src/lexical/simplified-table.ts', import.meta.url), 'utf8')).toBe(tableModule(pairs));
  });

  it('holds the characters of the traditional pages the parser meets, each to one character', () => {
    expect(TRADITIONAL.length).toBe(SIMPLIFIED.length);
    expect(toSimplified('本年制發件數，行政許可申請，主動公開政府資訊')).toBe('本年制发件数，行政许可申请，主动公开政府资讯');
    expect(hasTraditional('政府信息公开工作年度报告')).toBe(false);
    expect(hasTraditional('政府資訊公開')).toBe(true);
  });
});
