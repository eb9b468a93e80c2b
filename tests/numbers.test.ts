// One reader of written numbers for cells and prose: exact, or refused with a reason.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractProse } from '../src/normalize/narrative.js';
import { cellValue, countOf, isNumberText, parseNumeral } from '../src/lexical/values.js';
import { splitLines } from '../src/parse/lines.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';
import { joinParagraphs } from '../src/parse/paragraphs.js';
import { parseText } from '../src/pipeline.js';
import { SEEDS, fixture } from './helpers.js';

describe('parseNumeral', () => {
  it.each([
    ['1,000,000,000,000,000,000,000,000', 'VALUE_TOO_LARGE'],
    ['123456789,123,456,789', 'VALUE_GROUPING'],
    ['12,34', 'VALUE_GROUPING'],
    ['1234,567', 'VALUE_GROUPING'],
    ['1,2345', 'VALUE_GROUPING'],
    ['1,,234', 'VALUE_GROUPING'],
    ['1,234,', 'VALUE_GROUPING'],
    ['9007199254740992', 'VALUE_TOO_LARGE'],
    ['99999999999999999999', 'VALUE_TOO_LARGE'],
    ['1234567890.1234567', 'VALUE_TOO_LARGE'],
  ])('%s is refused: %s', (text, code) => {
    expect(parseNumeral(text)).toMatchObject({ ok: false, code });
  });

  it.each([
    ['9007199254740991', 0, Number.MAX_SAFE_INTEGER],
    ['9,007,199,254,740,991', 0, Number.MAX_SAFE_INTEGER],
    ['0009007199254740991', 0, Number.MAX_SAFE_INTEGER],
    ['1,234', 0, 1234],
    ['123,456,789', 0, 123456789],
    ['1480.8758', 0, 1480.8758],
    ['251000', 4, 25.1],
    ['3940', 4, 0.394],
    ['12', 4, 0.0012],
    ['0.10', 0, 0.1],
    ['0', 0, 0],
    // 16 digits, but the fraction is zeros: the integer rule applies.
    ['9007199254740991.000', 0, Number.MAX_SAFE_INTEGER],
  ])('%s (÷10^%i) is exactly %d', (text, places, value) => {
    expect(parseNumeral(text, places)).toEqual({ ok: true, value });
  });

  it('money in 元 beyond 15 significant digits after ÷10 000 is refused, not rounded', () => {
    // 900719925474.0991 万元 would need 16 significant digits.
    expect(parseNumeral('9007199254740991', 4)).toMatchObject({ ok: false, code: 'VALUE_TOO_LARGE' });
  });
});

describe('a table cell with a number that is not exact is refused with its reason', () => {
  it.each([
    ['1,000,000,000,000,000,000,000,000条', 'VALUE_TOO_LARGE'],
    ['123456789,123,456,789件', 'VALUE_GROUPING'],
    ['１２，３４', 'VALUE_GROUPING'],
  ])('%s', (text, code) => {
    const p = cellValue(text);
    expect(p).toMatchObject({ kind: 'invalid', code });
    expect(p.kind === 'invalid' && p.reason).toMatch(code === 'VALUE_GROUPING' ? /grouping/ : /too large|too many/);
  });

  it('a count up to Number.MAX_SAFE_INTEGER is read exactly, grouped or not', () => {
    expect(cellValue('9007199254740991')).toEqual({ kind: 'value', value: 9007199254740991 });
    expect(cellValue('9,007,199,254,740,991件')).toEqual({ kind: 'value', value: 9007199254740991 });
  });

  it('money keeps its exact conversion from 元', () => {
    expect(cellValue('251,000元', true)).toEqual({ kind: 'value', value: 25.1 });
    expect(cellValue('1480.8758万元', true)).toEqual({ kind: 'value', value: 1480.8758 });
    expect(cellValue('3940', true, '元')).toEqual({ kind: 'value', value: 0.394 });
  });
});

describe('a cell holding several numbers, or digits run together, is no number', () => {
  // A broken grid merges the cells of two rows (`2` over `218`); a broken tag two cells (`0`, `0`).
  it.each(['0 3 32', '2 218', '3 32元', '0 0', '00', '012', '0,123'])('%s', (text) => {
    expect(cellValue(text).kind).toBe('invalid');
    expect(countOf(text)).toBeNull();
    expect(isNumberText(text)).toBe(false);
  });

  it('spaces that only set a unit or a sign apart are kept out of the way', () => {
    expect(cellValue('859 件')).toEqual({ kind: 'value', value: 859 });
    expect(cellValue('- 3').kind).toBe('value');
    expect(cellValue('1480.8758 万元', true)).toEqual({ kind: 'value', value: 1480.8758 });
    expect(cellValue('0')).toEqual({ kind: 'value', value: 0 });
    expect(cellValue('0.5', true)).toEqual({ kind: 'value', value: 0.5 });
    expect(countOf(' 12 ')).toBe(12);
  });
});

describe('a prose figure with a number that is not exact gives no value and a warning', () => {
  // Seed 004 states 主动公开政府信息56条 on line 17 and nowhere else.
  const seed004 = readFileSync(fixture(SEEDS.s004), 'utf8');
  const withFigure = (figure: string): string => seed004.replace('主动公开政府信息56条', `主动公开政府信息${figure}条`);
  const prose = (text: string) => {
    const warnings: Array<{ code: string; message: string; line: number }> = [];
    const lines = splitLines(text, ANCHOR_CHARS);
    const figures = extractProse(joinParagraphs(lines), lines, (code, message, line) => warnings.push({ code, message, line }));
    return { figures, warnings };
  };

  it('the seed as it is: 56, read from line 17', () => {
    const { figures, warnings } = prose(seed004);
    expect(figures.find((f) => f.path === 'proactive.published')).toMatchObject({ value: 56, line: 17 });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['1,000,000,000,000,000,000,000,000', 'VALUE_TOO_LARGE'],
    ['123456789,123,456,789', 'VALUE_GROUPING'],
  ])('主动公开政府信息%s条 → %s on line 17, proactive.published absent', (figure, code) => {
    const text = withFigure(figure);
    const { figures, warnings } = prose(text);
    expect(figures.some((f) => f.path === 'proactive.published')).toBe(false);
    expect(warnings).toEqual([{ code, message: expect.stringContaining(figure), line: 17 }]);
    // The other figures of the seed are read as before.
    expect(figures.map((f) => f.path)).toEqual(['requests.received.total', 'feesCollectedWan', 'appeals.review.total', 'appeals.litigation.total']);
    const record = parseText(text);
    expect(record.statistics.proactive?.published).toBeUndefined();
    expect(record.provenance['proactive.published']).toBeUndefined();
  });

  it('valid grouping in prose is read', () => {
    expect(prose(withFigure('1,056')).figures.find((f) => f.path === 'proactive.published')?.value).toBe(1056);
    expect(parseText(withFigure('1,056')).statistics.proactive?.published).toBe(1056);
  });

  it('a refused appeals count in a clause gives a warning (clauses end at commas, so only a long run of digits)', () => {
    const text = seed004.replace('没有针对本单位有关政府信息公开事务的行政复议案件', '收到行政复议案件90071992547409930件');
    const { figures, warnings } = prose(text);
    expect(figures.some((f) => f.path === 'appeals.review.total')).toBe(false);
    expect(warnings).toMatchObject([{ code: 'VALUE_TOO_LARGE', line: 27 }]);
    expect(figures.find((f) => f.path === 'appeals.litigation.total')).toMatchObject({ value: 0, line: 27 });
  });
});

describe('one value reader (src/lexical/values.ts) for every stage', () => {
  it('a line of counts with their units is a values line, its tokens values, and each reads to the same number', async () => {
    const { splitLines, LINE } = await import('../src/parse/lines.js');
    const { ANCHOR_CHARS } = await import('../src/tables/anchors.js');
    const { isValueToken, readValue } = await import('../src/lexical/values.js');
    const [line] = splitLines('12篇 3家', ANCHOR_CHARS);
    expect(line!.flags & LINE.VALUES).toBeTruthy();
    expect(isValueToken('12篇')).toBe(true);
    expect(cellValue('12篇')).toEqual({ kind: 'value', value: 12 });
    expect(readValue('3家')).toMatchObject({ kind: 'number', value: 3, unit: '家' });
    expect(countOf('12篇')).toBe(12);
  });

  it('零 and 空 are zero marks alike in a table token, a count and a cell value', async () => {
    const { isValueToken } = await import('../src/lexical/values.js');
    for (const mark of ['零', '空', '无', '—', '/']) {
      expect(isValueToken(mark), mark).toBe(true);
      expect(countOf(mark), mark).toBe(0);
      expect(cellValue(mark), mark).toEqual({ kind: 'value', value: 0 });
    }
  });

  it('a numeral that is no number is refused by every predicate: 00, 012, 0 3 32, 12,34', async () => {
    const { isValueToken, isNumeric, readValue } = await import('../src/lexical/values.js');
    for (const t of ['00', '012', '0 3 32', '12,34']) {
      expect(readValue(t).kind, t).toBe('refused');
      expect(isValueToken(t), t).toBe(false);
      expect(isNumeric(t), t).toBe(true);
      expect(countOf(t), t).toBeNull();
      expect(cellValue(t).kind, t).toBe('invalid');
    }
  });
});
