import { describe, expect, it } from 'vitest';
import { cleanText, LINE, splitLines } from '../src/parse/lines.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';
import { joinParagraphs } from '../src/parse/paragraphs.js';
import { matchHeading, splitHeadingText } from '../src/lexical/headings.js';
import { dateOfLine, findDates, isDateLine } from '../src/lexical/dates.js';
import { extractContact } from '../src/metadata/contact.js';
import { fold } from '../src/lexical/chars.js';

describe('cleanup keeps line numbers and drops debris', () => {
  it('removes page-break markers, Word bookmarks, markdown bold and page numbers', () => {
    expect(cleanText('[SITESERVER_PAGE]')).toBe('');
    expect(cleanText('[bookmark: _GoBack]截至目前，我局未对政府信息公开进行收费。')).toBe('截至目前，我局未对政府信息公开进行收费。');
    expect(cleanText('着力打造院务公开工作，**一是**坚持')).toBe('着力打造院务公开工作，一是坚持');
    expect(cleanText('-6-')).toBe('');
    expect(cleanText('  — 12 —  ')).toBe('');
    expect(cleanText('第 3 页 共 10 页')).toBe('');
  });

  it("removes the margins a browser prints on each page of a web page saved as PDF, as page breaks", () => {
    const margins = ['12/1/26, 10:49 AM                        2019年上海市人民政府办公厅政府信息公开工作年度报告', '2026/12/1 下午3:05    某某局2023年政府信息公开工作年度报告', 'https://www.example.gov.cn/xxgk/2020/0131.html                              1/5', 'file:///home/a/sh2019.html        2/5'];
    for (const line of margins) {
      expect(cleanText(line), line).toBe('');
      expect(splitLines(line, ANCHOR_CHARS)[0]!.flags & LINE.PAGE_BREAK, line).toBeTruthy();
    }
    // A date in a sentence, or an address in the text, stays.
    expect(cleanText('2020/1/31 10:00 发布')).toBe('2020/1/31 10:00发布');
    expect(cleanText('网址：https://www.example.gov.cn')).toBe('网址：https://www.example.gov.cn');
  });

  it('removes the spaces typesetting puts inside Chinese text but not between numbers or words', () => {
    expect(cleanText('区卫计局 2017 年政府信息公开工作')).toBe('区卫计局2017年政府信息公开工作');
    expect(cleanText('统 计 指 标')).toBe('统计指标');
    expect(cleanText('电话 0454 3822710')).toBe('电话0454 3822710');
    expect(cleanText('see www.pingluo.gov.cn now')).toBe('see www.pingluo.gov.cn now');
  });

  it('numbers lines from 1 and keeps blank lines in place', () => {
    const lines = splitLines('一、概述\n\n[SITESERVER_PAGE]\n正文。\n', ANCHOR_CHARS);
    expect(lines.map((l) => [l.no, l.text])).toEqual([
      [1, '一、概述'],
      [2, ''],
      [3, ''],
      [4, '正文。'],
    ]);
  });

  it('joins a sentence broken over blank lines but not a heading or a signature', () => {
    const text = [
      '一、概述',
      '并安排专人负责政务公开工作，确保信息公开顺利实施，按要求开展政务公',
      '',
      '',
      '开工作的日常事务。',
      '附件：2017 年政府信息公开工作情况统计表',
      '张店区卫计局',
      '2018 年 2 月 1 日',
    ].join('\n');
    const paras = joinParagraphs(splitLines(text, ANCHOR_CHARS));
    expect(paras.map((p) => [p.line, p.endLine, p.text])).toEqual([
      [1, 1, '一、概述'],
      [2, 5, '并安排专人负责政务公开工作，确保信息公开顺利实施，按要求开展政务公开工作的日常事务。'],
      [6, 6, '附件：2017年政府信息公开工作情况统计表'],
      [7, 7, '张店区卫计局'],
      [8, 8, '2018年2月1日'],
    ]);
  });

  it('never joins across a table region', () => {
    const lines = splitLines('这是一个很长的句子但是没有结束标点而且后面紧跟着一个表格区域\n表格行\n后文。', ANCHOR_CHARS);
    const paras = joinParagraphs(lines, (no) => no === 2);
    expect(paras.map((p) => p.line)).toEqual([1, 3]);
  });
});

describe('heading markers', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['一、概述', 'cn', '一、'],
    ['十一、2017年，我局共承办人大建议4件', 'cn', '十一、'],
    ['（一）组织领导情况', 'paren-cn', '（一）'],
    ['(二) 健全工作制度', 'paren-cn', '(二)'],
    ['1、主动公开工作制度建设情况', 'num', '1、'],
    ['2.其他法律行政法规禁止公开', 'num', '2.'],
    ['3．补正后申请内容仍不明确', 'num', '3．'],
    ['（1）按时办结', 'paren-num', '（1）'],
    ['①政府网站', 'circled', '①'],
    // not headings
    ['一是明确责任分工。', null, null],
    ['1.5万元用于网站建设', null, null],
    ['2017年，我局', null, null],
    ['二〇一八年二月一日', null, null],
    ['一、', null, null],
    ['1. 2 3', null, null],
  ];
  for (const [text, kind, marker] of cases) {
    it(`${text} → ${kind ?? 'not a heading'}`, () => {
      const h = matchHeading(text);
      expect(h?.kind ?? null).toBe(kind);
      expect(h?.marker ?? null).toBe(marker);
    });
  }

  it('splits a heading that carries its body at the first 。', () => {
    expect(splitHeadingText('加强领导,明确责任。一是明确责任分工。')).toEqual({ title: '加强领导,明确责任', body: '一是明确责任分工。' });
    expect(splitHeadingText('概述')).toEqual({ title: '概述', body: '' });
  });
});

describe('dates', () => {
  it('reads Arabic, spaced, ISO-like and Chinese-numeral dates', () => {
    expect(findDates('2018 年 2 月 1 日').map((d) => d.iso)).toEqual(['2018-02-01']);
    expect(findDates('（２０２１年１月２８日）').map((d) => d.iso)).toEqual(['2021-01-28']);
    expect(findDates('二〇一八年二月一日').map((d) => d.iso)).toEqual(['2018-02-01']);
    expect(findDates('二〇二〇年十二月三十一日').map((d) => d.iso)).toEqual(['2020-12-31']);
    // ○ (U+25CB) typed for 〇.
    expect(findDates('二○二四年一月十九日').map((d) => d.iso)).toEqual(['2024-01-19']);
    expect(isDateLine('二○二四年一月十九日')).toBe(true);
    // Digits spaced apart: the date-only test and the date read the line the same way.
    expect(dateOfLine('2 018 年 2 月 1 日')?.iso).toBe('2018-02-01');
    expect(findDates('填报日期：2019-04-02').map((d) => d.iso)).toEqual(['2019-04-02']);
    expect(findDates('2019年13月40日')).toEqual([]);
  });
  it('tells a date line from a sentence with a date', () => {
    expect(isDateLine('（2021年1月28日）')).toBe(true);
    expect(isDateLine('2018 年 2 月 1 日')).toBe(true);
    expect(isDateLine('截止2013年12月31日，县卫生局主动公开政府信息56条')).toBe(false);
  });
});

describe('contact details', () => {
  it('reads the fields of a contact sentence and stops each at the next field', () => {
    const c = extractContact('地址：平罗县民族大街西侧姚福路南侧公共卫生大楼7楼(邮编：753400，电话：0952-6666009；传真：0952-6666299；电子邮箱：p1xwsj@163.com)');
    expect(c).toEqual({
      phones: ['0952-6666009'],
      faxes: ['0952-6666299'],
      emails: ['p1xwsj@163.com'],
      address: '平罗县民族大街西侧姚福路南侧公共卫生大楼7楼',
      postcode: '753400',
      websites: [],
    });
  });
  it('does not take years or counts near the word 电话 for phone numbers', () => {
    expect(extractContact('2017年热线电话接听120次').phones).toEqual([]);
    expect(extractContact('咨询电话：0517-83605210、13912345678').phones).toEqual(['0517-83605210', '13912345678']);
  });
});

describe('label folding', () => {
  it('makes full-width, spaced and quoted variants equal', () => {
    expect(fold('（一） 予以 公开')).toBe(fold('(一)予以公开'));
    expect(fold('危及“三安全一稳定”')).toBe(fold('危及"三安全一稳定"'));
    expect(fold('申请人无正当理由逾期不补正，行政机关不再处理')).toBe(fold('申请人无正当理由逾期不补正、行政机关不再处理'));
  });
});

describe('more heading and title forms', () => {
  it('第一部分 parts above 一、, and 一 、 with a space before the comma', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const r = parseText(['某某县财政局关于二〇一九年政府信息公开工作年度报告', '第一部分 总体情况', '一 、主动公开', '正文。', '第二部分 存在的问题', '无。'].join('\n'));
    expect([r.report.title, r.report.agency, r.report.year, r.report.layout]).toEqual(['某某县财政局关于二〇一九年政府信息公开工作年度报告', '某某县财政局', 2019, '2019']);
    expect(r.sections.slice(1).map((s) => [s.marker, s.title, s.line, s.children.map((c) => [c.marker, c.title, c.line])])).toEqual([
      ['第一部分', '总体情况', 2, [['一、', '主动公开', 3]]],
      ['第二部分', '存在的问题', 5, []],
    ]);
  });
});
