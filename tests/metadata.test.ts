import { describe, expect, it } from 'vitest';
import { SEEDS, parseFixture } from './helpers.js';
import { parseText } from '../src/pipeline.js';

const none = { phones: [], faxes: [], emails: [], address: null, postcode: null, websites: [] };

describe('report metadata of the five seeds', () => {
  it('000: title over two lines, the district taken from the body, signature date, contact sentence', async () => {
    const r = await parseFixture(SEEDS.s000);
    expect(r.report).toEqual({
      title: '区卫计局2017年政府信息公开工作年度报告',
      agency: '张店区卫计局',
      agencyKey: '张店区卫计局',
      year: 2017,
      period: { start: '2017-01-01', end: '2017-12-31' },
      publishedOn: '2018-02-01',
      layout: 'pre2019',
      contact: { ...none, phones: ['2126200'], address: '淄博市张店区新村西路226号', postcode: '255000' },
    });
  });

  it('001: agency line above the title, date under the title', async () => {
    const r = await parseFixture(SEEDS.s001);
    expect(r.report).toEqual({
      title: '聊城市卫生健康委员会2020年度政府信息公开工作报告',
      agency: '聊城市卫生健康委员会',
      agencyKey: '聊城市卫生健康委员会',
      year: 2020,
      period: { start: '2020-01-01', end: '2020-12-31' },
      publishedOn: '2021-01-28',
      layout: '2019',
      contact: none,
    });
  });

  it('002: no year in the title; year from （2018年度）, agency from 填报单位, phone from the form footer', async () => {
    const r = await parseFixture(SEEDS.s002);
    expect(r.report).toEqual({
      title: '区卫健委政府信息公开情况汇报',
      agency: '殷都区卫健委',
      agencyKey: '殷都区卫健委',
      year: 2018,
      period: null,
      publishedOn: '2019-04-02',
      layout: 'pre2019',
      contact: { ...none, phones: ['5139396'] },
    });
  });

  it('003: full contact block with fax, email, website, postcode; no publication date', async () => {
    const r = await parseFixture(SEEDS.s003);
    expect(r.report).toEqual({
      title: '平罗县卫生计生局2018年政府信息公开年度报告',
      agency: '平罗县卫生计生局',
      agencyKey: '平罗县卫生和计划生育局',
      year: 2018,
      period: { start: '2018-01-01', end: '2018-12-31' },
      publishedOn: null,
      layout: 'pre2019',
      contact: {
        phones: ['0952-6666009'],
        faxes: ['0952-6666299'],
        emails: ['p1xwsj@163.com'],
        address: '平罗县民族大街西侧姚福路南侧公共卫生大楼7楼',
        postcode: '753400',
        websites: ['www.pingluo.gov.cn'],
      },
    });
  });

  it('004: one-line title, phone and email lines, signature block with spaces', async () => {
    const r = await parseFixture(SEEDS.s004);
    expect(r.report).toEqual({
      title: '桦川县卫生局2013年政府信息公开工作年度报告',
      agency: '桦川县卫生局',
      agencyKey: '桦川县卫生局',
      year: 2013,
      period: { start: '2013-01-01', end: '2013-12-31' },
      publishedOn: '2014-03-28',
      layout: 'pre2019',
      contact: { ...none, phones: ['0454-3822710'], emails: ['huachuanweishengju@163.com'] },
    });
  });
});

describe('report metadata of converted real documents', () => {
  it('huaian2024 (pdftotext -layout): title wrapped under indentation, contact inside a wrapped sentence', async () => {
    const r = await parseFixture('fixtures/corpus/huaian2024.pdftotext-layout.txt');
    expect(r.report.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(r.report.agency).toBe('淮安市人民政府');
    expect(r.report.year).toBe(2024);
    expect(r.report.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(r.report.layout).toBe('2021');
  });

  it('hz2025: no title at all; the year comes from a period whose end date omits the year', async () => {
    const r = await parseFixture('fixtures/corpus/hz2025.w3m-plain.txt');
    expect(r.report.title).toBeNull();
    expect(r.report.agency).toBeNull();
    expect(r.report.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(r.report.year).toBe(2025);
  });
});

describe('web-page furniture around a report', () => {
  it('skips a breadcrumb, strips a 名称： label, and takes the 发布时间 stamp when nothing else dates the report', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const text = [
      '首页 > 政务公开 > 政府信息公开年报',
      '发布时间：2020-01-15 来源：某某县教育局 字号：大 中 小',
      '名称：某某县教育局2019年政府信息公开工作年度报告',
      '',
      '根据《条例》规定编制本报告。',
      '一、总体情况',
      '无。',
    ].join('\n');
    const r = parseText(text).report;
    expect([r.title, r.agency, r.year, r.publishedOn]).toEqual(['某某县教育局2019年政府信息公开工作年度报告', '某某县教育局', 2019, '2020-01-15']);
  });

  it('takes the agency from 本报告由…编制 when the title names none', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const r = parseText(['2019年政府信息公开工作年度报告', '本报告由某某县教育和体育局编制。', '一、总体情况', '无。'].join('\n')).report;
    expect(r.agency).toBe('某某县教育和体育局');
  });
});

/** The report part of a record for page text given line by line. */
async function reportOf(lines: string[]) {
  const { parseText } = await import('../src/pipeline.js');
  return parseText(lines.join('\n')).report;
}

describe('patterns of web pages and PDFs (fixtures/patterns/meta-*)', () => {
  it.each([
    ['opening-we', '`现将我局2022年度…报告如下`: the statistics year, not the 2023 stamp; 我局 names no agency', '政府信息公开工作年度报告', null, 2022],
    ['opening-named', '`现公布青川市人民政府2017年…年度报告` under a bare page title', '政府信息公开年度报告', '青川市人民政府', 2017],
    ['title-glued', 'a first line that runs the title into the body: the title ends at its report word', '柳岸县水务局2021年政府信息公开工作年度报告', '柳岸县水务局', 2021],
    ['title-split', 'a title over three lines, the place alone on the first, 信息公开 broken at the second', '白沙市交通运输局2020年政府信息公开工作年度报告', '白沙市交通运输局', 2020],
    ['subject', 'no title: the subject of `2023年，石桥街道办事处认真贯彻…` is the agency', null, '石桥街道办事处', 2023],
    ['publisher-field', 'the page’s 发布机构 field, with the glued `生成日期` cut off', '政府信息公开工作年度报告', '云溪县应急管理局', 2021],
    ['heading-glued', 'a column heading glued to the name (`政务公开青石镇人民政府…`) is neither title nor name', '青石镇人民政府2023年政府信息公开工作年度报告', '青石镇人民政府', 2023],
    ['traditional', 'a traditional-script page, recognised through the fold and recorded as written', '松嶺市水務局2019年政府資訊公開工作年度報告', '松嶺市水務局', 2019],
    ['pinyin', 'pinyin glosses (`报(bào)告`, `梅(méi)园(yuán)`) reach neither title nor name', '梅园镇人民政府2020年政府信息公开工作年度报告', '梅园镇人民政府', 2020],
    ['pdf-breaks', 'a PDF title over two lines', '石湾区人民政府2022年政府信息公开工作年度报告', '石湾区人民政府', 2022],
  ])('meta-%s: %s', async (name, _what, title, agency, year) => {
    const r = await parseFixture(`fixtures/patterns/meta-${name}.txt`);
    expect([r.report.title, r.report.agency, r.report.year]).toEqual([title, agency, year]);
  });

  it("a page's footer under the report is neither its signature nor its contact (meta-page-footer)", async () => {
    const { report } = await parseFixture('fixtures/patterns/meta-page-footer.txt');
    expect([report.title, report.agency, report.year]).toEqual(['沙河市林业局2023年政府信息公开工作年度报告', '沙河市林业局', 2023]);
    // The report's signature date, not the catalogue's 生成日期 and not a date of the footer.
    expect(report.publishedOn).toBe('2024-01-19');
    expect(report.contact).toEqual({ phones: ['0319-8701234'], faxes: [], emails: [], address: '沙河市育才路12号', postcode: '054100', websites: [] });
  });

  it('a catalogue block’s 生成日期 is the publication date when the report has none of its own (meta-publisher-field)', async () => {
    const { report } = await parseFixture('fixtures/patterns/meta-publisher-field.txt');
    expect(report.publishedOn).toBe('2022-01-20');
  });

  it('periods, publication dates and contacts of the pattern pages', async () => {
    const got: Record<string, unknown> = {};
    for (const name of ['opening-we', 'opening-named', 'title-glued', 'heading-glued', 'traditional', 'pdf-breaks']) {
      const { report } = await parseFixture(`fixtures/patterns/meta-${name}.txt`);
      got[name] = [report.period?.start ?? null, report.period?.end ?? null, report.publishedOn, report.contact.address, report.contact.postcode, report.contact.phones];
    }
    expect(got).toEqual({
      'opening-we': [null, null, '2023-01-16', null, null, []],
      'opening-named': ['2017-01-01', '2017-12-31', '2018-03-20', null, null, []],
      'title-glued': ['2021-01-01', '2021-12-31', null, '柳岸县滨河路18号', '312300', ['0575-83001234']],
      'heading-glued': ['2023-01-01', '2023-12-31', '2024-01-18', null, null, []],
      // 號 and 郵編 as written; 電話 recognised as 电话.
      traditional: ['2019-01-01', '2019-12-31', '2020-01-22', '松嶺市中山路56號', '415000', ['0736-7201188']],
      // The period broken by a page number and a form feed, the address by a line end.
      'pdf-breaks': ['2022-01-01', '2022-12-31', null, '石湾区人民路128号', '528000', ['0757-82201234']],
    });
  });

  it('the text of the sections keeps no pinyin gloss', async () => {
    const r = await parseFixture('fixtures/patterns/meta-pinyin.txt');
    expect(JSON.stringify(r.sections)).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    expect(r.sections[0]!.text).toContain('本报告中所列数据的统计期限');
  });
});

describe('metadata of corpus conversions broken over lines', () => {
  it.each([
    ['hzq2023.pdftotext-layout', '洪泽区人民政府2023年政府信息公开工作年度报告', '洪泽区人民政府', 2023, ['0517-87222589'], ['hzzwgk@126.com']],
    ['hzq2024.mutool-txt', '淮安市洪泽区人民政府2024年政府信息公开工作年度报告', '淮安市洪泽区人民政府', 2024, ['0517-87290606'], []],
  ])('%s: period and address over PDF line ends (issue 14)', async (name, title, agency, year, phones, emails) => {
    const r = await parseFixture(`fixtures/converters/${name}.txt`);
    expect([r.report.title, r.report.agency, r.report.year]).toEqual([title, agency, year]);
    expect(r.report.period).toEqual({ start: `${year}-01-01`, end: `${year}-12-31` });
    expect(r.report.contact).toEqual({ ...none, phones, emails, address: '淮安市洪泽区洪泽湖大道90号', postcode: '223100' });
  });

  it('huaian2024: the address after `（地址：淮` / `安市…` at a line end', async () => {
    const r = await parseFixture('fixtures/corpus/huaian2024.pdftotext-layout.txt');
    expect(r.report.contact.address).toBe('淮安市翔宇南道1号');
  });

  it('sh2019 (LibreOffice Calc TSV): every paragraph a quoted cell of a row, still read as text', async () => {
    const r = await parseFixture('fixtures/converters/sh2019.libreoffice-calc-tsv.txt');
    expect([r.report.title, r.report.agency, r.report.year, r.report.publishedOn]).toEqual(['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019, '2020-01-31']);
    expect(r.report.period).toEqual({ start: '2019-01-01', end: '2019-12-31' });
  });
});

describe('what is not the agency, the title or the year', () => {
  it('page headings glued before the name: a yearbook column, a portal name', async () => {
    const a = await reportOf(['信息公开年报青石镇人民政府2023年政府信息公开工作年度报告', '一、总体情况', '无。']);
    const b = await reportOf(['某某市人民政府门户网站某某市水务局2021年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect([a.title, a.agency]).toEqual(['青石镇人民政府2023年政府信息公开工作年度报告', '青石镇人民政府']);
    expect([b.title, b.agency]).toEqual(['某某市水务局2021年政府信息公开工作年度报告', '某某市水务局']);
  });

  it('the disclosure words inside an office name are no page heading', async () => {
    const r = await reportOf(['某某市政务公开办公室2021年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect(r.agency).toBe('某某市政务公开办公室');
  });

  it('a site banner above a title without agency is not the agency; the site header over a full title is not doubled', async () => {
    const a = await reportOf(['某某市人民政府门户网站', '2021年政府信息公开工作年度报告', '一、总体情况', '无。']);
    const b = await reportOf(['青石镇人民政府', '青石镇人民政府2023年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect([a.title, a.agency, a.year]).toEqual(['2021年政府信息公开工作年度报告', null, 2021]);
    expect([b.title, b.agency]).toEqual(['青石镇人民政府2023年政府信息公开工作年度报告', '青石镇人民政府']);
  });

  it('我局 and 全区 are no names, in the title or as the subject of the first sentence', async () => {
    const a = await reportOf(['我局2022年度政府信息公开工作报告', '一、总体情况', '2022年，我局认真落实有关要求。']);
    const b = await reportOf(['全区2022年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect([a.agency, a.year, b.agency, b.year]).toEqual([null, 2022, null, 2022]);
  });

  it('the publication year is not the statistics year: the year of the work (`2022年，…`) wins over a 2023 stamp and signature', async () => {
    const r = await reportOf(['政府信息公开工作年度报告', '发布时间：2023-02-01', '一、总体情况', '2022年，柳岸县卫生健康局认真落实有关要求。', '柳岸县卫生健康局', '2023年1月10日']);
    expect([r.agency, r.year, r.publishedOn]).toEqual(['柳岸县卫生健康局', 2022, '2023-01-10']);
  });

  it('a breadcrumb alone is no title, a breadcrumb glued to the title is cut off', async () => {
    const a = await reportOf(['首页 > 政府信息公开年报', '一、总体情况', '无。']);
    const b = await reportOf(['首页 > 年报 > 柳岸县水务局2021年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect(a.title).toBeNull();
    expect([b.title, b.agency, b.year]).toEqual(['柳岸县水务局2021年政府信息公开工作年度报告', '柳岸县水务局', 2021]);
    // A page's text in one line (textContent): a `>` deep in the body is no breadcrumb.
    const body = '本年度报告根据《条例》编制。'.repeat(8);
    const c = await reportOf([`柳岸县水务局2021年政府信息公开工作年度报告\t发布日期：2022-01-20${body}制定《贯彻<长江三角洲区域一体化发展规划纲要>实施方案》。`, '一、总体情况', '无。']);
    expect([c.title, c.agency]).toEqual(['柳岸县水务局2021年政府信息公开工作年度报告', '柳岸县水务局']);
  });

  it('a site’s name over its column heading is no title when the report’s own title follows', async () => {
    const r = await reportOf(['某某市人民政府', '政府信息公开年报', '某某市民政局2022年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect([r.title, r.agency, r.year]).toEqual(['某某市民政局2022年政府信息公开工作年度报告', '某某市民政局', 2022]);
  });

  it('关于 before or after the agency, and a notice that publishes the report, are no part of the name', async () => {
    const names = [];
    for (const title of ['关于某某局2021年度政府信息公开工作年度报告', '某某局关于2019年政府信息公开工作年度报告', '某某市人民政府办公室关于印发某某市2021年政府信息公开工作年度报告的通知']) {
      names.push((await reportOf([title, '一、总体情况', '无。'])).agency);
    }
    expect(names).toEqual(['某某局', '某某局', '某某市']);
  });

  it('a page menu of twenty lines above the title: a title that names agency and year is still found', async () => {
    const menu = ['首页', '机构概况', '领导信息', '政务公开', '政策文件', '政策解读', '通知公告', '工作动态', '办事服务', '互动交流', '专题专栏', '信息公开指南', '信息公开制度', '法定主动公开内容', '主动公开目录', '依申请公开', '政府信息公开年报', '监督保障', '网站地图', '无障碍'];
    const r = await reportOf([...menu, '柳岸县民政局2022年政府信息公开工作年度报告', '一、总体情况', '无。']);
    expect([r.title, r.agency, r.year]).toEqual(['柳岸县民政局2022年政府信息公开工作年度报告', '柳岸县民政局', 2022]);
  });

  it('a title with the page’s own fields glued on (`…年度报告 来源：… 时间：…`) ends at its report word', async () => {
    const r = await reportOf(['平川区2024年度政府信息公开工作年度报告 来源：平川区管委会办公室 时间：2025-03-10 15:35', '一、总体情况', '无。']);
    expect([r.title, r.agency, r.year]).toEqual(['平川区2024年度政府信息公开工作年度报告', '平川区', 2024]);
  });

  it('a report word broken at the line end (`…年度报` / `告`) and a traditional title with simplified words', async () => {
    const a = await reportOf(['某某市水务局2021年政府信息公开工作年度报', '告', '一、总体情况', '无。']);
    const b = await reportOf(['某某縣財政局2019年政府信息公開工作年度報告', '一、總體情況', '無。']);
    expect([a.title, a.agency]).toEqual(['某某市水务局2021年政府信息公开工作年度报告', '某某市水务局']);
    expect([b.title, b.agency, b.year]).toEqual(['某某縣財政局2019年政府信息公開工作年度報告', '某某縣財政局', 2019]);
  });

  it('names in brackets, a second name in brackets, the disclosure words before the year', async () => {
    const body = ['一、总体情况', '无。'];
    const cases: Array<[string, string]> = [
      ['【朝阳区统计局】2023年政府信息公开工作年度报告', '朝阳区统计局'],
      ['朝阳区市场监督管理局（知识产权局）2023年政府信息公开工作年度报告', '朝阳区市场监督管理局（知识产权局）'],
      ['朝阳区统计局政府信息公开工作2023年度报告', '朝阳区统计局'],
    ];
    for (const [title, agency] of cases) {
      const r = await reportOf([title, ...body]);
      expect([r.title, r.agency, r.year], title).toEqual([title, agency, 2023]);
    }
    // A bracketed second part that is no name stays out.
    expect((await reportOf(['朝阳区统计局（全文）2023年政府信息公开工作年度报告', ...body])).agency).toBeNull();
  });

  it('a section heading with 报告 (`六、其他需要报告的事项`) and a body sentence are no title', async () => {
    const r = await reportOf(['本报告根据《条例》编制，现将有关情况报告如下。', '一、总体情况', '无。', '六、其他需要报告的事项', '无。']);
    expect(r.title).toBeNull();
  });
});

describe('lines of a sentence and of a contact block', () => {
  it('a year broken between its digits (`…期限从201` / `9年1月1日到12月31日止`) is one date again', async () => {
    const r = await reportOf([
      '某某区2019年政府信息公开工作年度报告',
      '本年度报告包括总体情况、主动公开政府信息情况等部分。本年度报告中所列数据统计期限从201',
      '9年1月1日到12月31日止。本年度报告电子版可从门户网站下载。',
      '一、总体情况',
    ]);
    expect(r.period).toEqual({ start: '2019-01-01', end: '2019-12-31' });
  });

  it('a field on the next line of a contact block is not the rest of a long address line', async () => {
    const r = await reportOf(['联系地址：某某综合实验区北厝镇金井湾片区管委会大楼东附属楼7楼', '邮  编：350400', '电  话：0591-23160000']);
    expect(r.contact).toEqual({ ...none, phones: ['0591-23160000'], address: '某某综合实验区北厝镇金井湾片区管委会大楼东附属楼7楼', postcode: '350400' });
  });

  it('an address with the next field glued on (`…1号电话：…`) ends before it', async () => {
    const r = await reportOf(['请与本局联系（地址：某某市某某路1号电话：0571-88880000）。']);
    expect(r.contact.address).toBe('某某市某某路1号');
  });
});

describe('pinyin glosses', () => {
  it('are removed only after ideographs on a line with tone marks, and only when the bracket holds one syllable', async () => {
    const { cleanText } = await import('../src/parse/lines.js');
    expect(cleanText('数(shù)据(jù)的(de)报(bào)告')).toBe('数据的报告');
    expect(cleanText('年度报告（bào）(pdf)')).toBe('年度报告(pdf)');
    expect(cleanText('下载附件(pdf)')).toBe('下载附件(pdf)');
    expect(cleanText('报告(de)')).toBe('报告(de)');
  });
});
describe('dates that are no day of the calendar (issue 25, item 5)', () => {
  const report = (text: string) => parseText(text);
  it('2014年4月31日 under the title is left out with DATE_IMPOSSIBLE on its line', () => {
    const r = report('某某县卫生局2013年政府信息公开工作年度报告\n（2014年4月31日）\n一、概述\n本年度主动公开政府信息56条。\n');
    expect(r.report.publishedOn).toBeNull();
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'DATE_IMPOSSIBLE', line: 2 }));
  });

  it('a period starting 2013年2月30日 is no period; 2019年13月40日 as a signature date is no date', () => {
    const r = report('某某县卫生局2013年政府信息公开工作年度报告\n一、概述\n本报告中所列数据的统计期限自2013年2月30日起至2013年12月31日止。\n某某县卫生局\n2019年13月20日\n');
    expect(r.report.period).toBeNull();
    expect(r.report.publishedOn).toBeNull();
    expect(r.warnings.filter((w) => w.code === 'DATE_IMPOSSIBLE').map((w) => w.line)).toEqual([5, 3]);
  });

  it('2013年2月28日 and 2016年2月29日 are days; 2013年2月29日 is not', async () => {
    const { findDates } = await import('../src/lexical/dates.js');
    expect(findDates('2013年2月28日 2016年2月29日 2013年2月29日').map((d) => [d.iso, d.impossible ?? false])).toEqual([
      ['2013-02-28', false],
      ['2016-02-29', false],
      ['2013-02-29', true],
    ]);
  });

  it('the schema refuses a record whose date is no day', async () => {
    const { RecordSchema } = await import('../src/schema.js');
    const r = report('某某县卫生局2013年政府信息公开工作年度报告\n2014年4月30日\n');
    expect(RecordSchema.safeParse(r).success).toBe(true);
    expect(RecordSchema.safeParse({ ...r, report: { ...r.report, publishedOn: '2014-04-31' } }).success).toBe(false);
  });
});
