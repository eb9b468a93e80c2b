// Metadata of real report pages as the web gives them (issue 21 A, metadata): each rule is held by
// at least two pages of fixtures/pages/meta/ (copied unchanged from ../shared/pages and devset/web;
// README there has their URLs), and by a property over generated pages.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFixture } from './helpers.js';
import { parseText } from '../src/pipeline.js';
import { isAgencyName } from '../src/metadata/title.js';
import { agencyOfOffice, withoutSpam } from '../src/metadata/names.js';
import { statisticsYear, type YearWitness } from '../src/metadata/year.js';

const SEED = 21;

async function meta(id: string): Promise<[string | null, string | null, number | null]> {
  const { report } = await parseFixture(`fixtures/pages/meta/${id}.txt`);
  return [report.title, report.agency, report.year];
}

async function agencyAndYear(id: string): Promise<[string | null, number | null]> {
  const [, agency, year] = await meta(id);
  return [agency, year];
}

describe('a name or a title is no piece of a sentence or of the page', () => {
  it.each([
    ['g038', '`海南省生态环境厅` / `2022政府信息公开…`: the year without 年, and the name on the line above (not `2022政府`)', '海南省生态环境厅2022政府信息公开工作年度报告', '海南省生态环境厅', 2022],
    ['w093', '`…体育厅2020政府信息公开…` on one line: the name ends before the year', '海南省旅游和文化广电体育厅2020政府信息公开工作年度报告', '海南省旅游和文化广电体育厅', 2020],
    ['h028', '`现将年度政府信息公开工作报告如下`: `年度政府` is no name, and the body says only 我局', null, null, 2021],
    ['w116', '`…网站、政务信息…`: no title with a list comma; the name from `现发布《…》`', null, '银川市民族事务委员会(宗教事务局)', 2024],
    ['w111', '`如对本报告存在疑问` and `电子版可在…网、政府信息公开年报栏目` are no titles', null, '鄯善县', 2022],
    ['w203', 'a sentence quoting `…格式〉的通知》（…〔2021〕30号）和…年报` is no title', null, '大云镇', 2024],
    ['w243', 'the short form announced after the name (`（以下简称区政府办公室）`) is no part of it', null, '清远市清新区人民政府办公室', 2022],
    ['w170', '`標　　題 西藏自治區人民政府 2023年…`: a 标题 label without a colon (traditional, pinyin glosses)', '西藏自治區人民政府2023年政府信息公開工作年度報告', '西藏自治區人民政府', 2023],
    ['w171', '`标      题 西藏自治区审计厅2025年…`: the same in simplified script', '西藏自治区审计厅2025年政务信息公开工作开展年度报告', '西藏自治区审计厅', 2025],
    ['w327', '`…年度报告.docx`: a file name’s extension is no part of the title', '乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告', '乌拉特中旗巴音乌兰苏木', 2021],
    ['w248', 'a mirror that puts every number on its own line: `2011` / `年政府信息公开` / `年度报告`; its spam is no name', '2011年政府信息公开年度报告', null, 2011],
  ])('%s: %s', async (id, _what, title, agency, year) => {
    expect(await meta(id)).toEqual([title, agency, year]);
  });
});

describe("a page's field ends with its line, and a place's government is its fuller name", () => {
  it.each([
    ['h016', '`发布机构: 中埠镇人民政府` above the title is not run into it', '中埠镇人民政府'],
    ['h069', '`信息来源:钟祥市住房和城乡建设局` above the title, the same', '钟祥市住房和城乡建设局'],
    ['g046', '`信息来源:高椅乡政府` / `高椅乡2025年…`: the title’s 高椅乡 is 会同县高椅乡人民政府 of the opening', '会同县高椅乡人民政府'],
    ['h033', 'the title’s 建新镇 is the 遂溪县建新镇人民政府 of the signature', '遂溪县建新镇人民政府'],
  ])('%s: %s', async (id, _what, agency) => {
    expect((await meta(id))[1]).toBe(agency);
  });
});

describe('the year and the agency from the sentences of the year’s work', () => {
  it.each([
    ['g022', 'the subject before `政府信息公开工作在…`', '武汉经济技术开发区(汉南区)医疗保障局', 2020],
    ['h001', 'the same: `2022年，商务局信息公开工作在…`', '商务局', 2022],
    ['h034', 'the same, 政府 taken as the disclosure words’: `同田乡政府信息公开工作在…`', '同田乡', 2018],
    ['g043', 'after the adverbial `在区委、区政府的统一部署下，`', '区统计局', 2023],
    ['h004', 'after the adverbial `在区委、区政府的坚强领导下，`', '官洲街道办事处', 2023],
    ['w276', 'after the adverbial `根據縣政府的工作要求和部署，` (traditional)', '自然資源局', 2019],
    ['g029', 'the first year’s sentence names no agency (`平利县农业农村认真…`); a later one does (`2020年，县农业农村局主动公开…`)', '县农业农村局', 2020],
    ['g008', 'a denial as the predicate: `2014年，南薰乡未收取…`, agreeing with 我乡', '南薰乡', 2014],
    ['w015', '`2019年度街道受理…`: a year without a comma; 街道 is no name', null, 2019],
    ['w181', '`2020年度我街办未接到…`', '驼峰路街道办事处', 2020],
    ['g035', '`2022年共收到8项依申请公开`', null, 2022],
    ['w294', '`2023年共收到政府信息公开申请8件`', null, 2023],
    ['w272', 'no year before `区卫健局高度重视…`: taken because the body says 我局', '区卫健局', 2020],
    ['w221', 'no year before `市教育局高度重视…`, with 我局; its place from the body’s 《铜仁市教育局…》', '铜仁市教育局', 2020],
    ['w213', 'a numbered item’s label run into the sentence: `1.政府信息公开:2021年度,我局…`', '仙游县财政局', 2021],
    ['w064', 'a year without a comma before a name: `4、2019年縣政府辦公室主動公開…` (traditional)', '縣政府辦公室', 2019],
    ['w019', 'a mirror’s spam in the subject (`新葡京博彩官网区人民政府北京街道办事处`) is cut away', '区人民政府北京街道办事处', 2020],
  ])('%s: %s', async (id, _what, agency, year) => {
    expect(await agencyAndYear(id)).toEqual([agency, year]);
  });

  it('no year from the part on problems and plans: `五、存在的主要问题及改进情况…2025年，将重点…` (pingtan2024)', async () => {
    const r = await parseFixture('fixtures/shapes/pingtan2024.bs4-get-text.txt');
    expect(r.report.year).toBe(2024);
    expect(r.warnings.map((w) => w.code)).not.toContain('YEAR_DISAGREES');
  });
});

describe('who made the report, and whom to ask', () => {
  it.each([
    ['g004', '`由怀柔区发展和改革委员会编制的2010年度…报告`', '怀柔区发展和改革委员会', 2010],
    ['g005', '`由北京市东城区人民政府东华门街道办事处编制的2011年度…报告`', '北京市东城区人民政府东华门街道办事处', 2011],
    ['g009', '`由伊宁县人民政府办公室编制`: a government’s office is an agency of its own', '伊宁县人民政府办公室', 2014],
    ['w128', '`由沙依巴克区人民政府办公室编制`, the same', '沙依巴克区人民政府办公室', 2009],
    ['h014', '`由两城镇人民政府党政办公室编制`: the township’s inner office taken back to it', '两城镇人民政府', 2020],
    ['g032', '`…365体育备用网址自然资源和规划局编制了2021年…报告`: the spam cut, and the year of the report it names', '自然资源和规划局', 2021],
    ['g039', '`请与兴安盟生态环境局办公室联系`, with 我局', '兴安盟生态环境局', 2022],
    ['h032', '`请与三溪乡党政办联系`, with 我乡', '三溪乡', 2018],
    ['h041', '`请与路南街道信息公开领导小组办公室联系`, with 我街道', '路南街道', 2024],
    ['w084', '`请与白云乡人民政府党政办联系`, with 我乡', '白云乡人民政府', 2011],
    ['w304', '`请与四川省人民政府信息公开办公室联系`, with 我省', '四川省人民政府', 2016],
  ])('%s: %s', async (id, _what, agency, year) => {
    expect(await agencyAndYear(id)).toEqual([agency, year]);
  });

  it.each([
    ['h029', '`…办公室编制了清江浦区人民政府2021年度…报告`', '清江浦区人民政府', 2021],
    ['w317', '`特编制湛江市人民政府地方志办公室2023年…报告`', '湛江市人民政府地方志办公室', 2023],
    ['g012', '`编写沙洋县2017年度…报告`', '沙洋县', 2017],
    ['h002', '`结合自贡市商务局2022年政府信息公开工作实际`', '自贡市商务局', 2022],
    ['w188', '`汇报我镇2023年政府信息公开工作`: the year; 我镇 is no name', null, 2023],
  ])('the sentence that names the report: %s %s', async (id, _what, agency, year) => {
    expect(await agencyAndYear(id)).toEqual([agency, year]);
  });
});

describe('苏木, the township of Inner Mongolia, is a place like 乡 and 镇', () => {
  it.each([
    ['w327', 'the title `乌拉特中旗巴音乌兰苏木 2021 年…` names it', '乌拉特中旗巴音乌兰苏木', 2021],
    ['w328', 'its government, the fuller name of the body with 我苏木', '扎赉特旗宝力根花苏木人民政府', 2025],
    ['w331', '`由包头市九原区阿嘎如泰苏木党政综合办公室编制`: the inner office taken back to the 苏木 of the title', '包头市九原区阿嘎如泰苏木', 2022],
  ])('%s: %s', async (id, _what, agency, year) => {
    expect(await agencyAndYear(id)).toEqual([agency, year]);
  });
});

describe('the statistics year from its witnesses', () => {
  it('g032: `编制了2021年…报告` and `2021年，…` outvote a period in 2020, which is named on its line', async () => {
    const r = await parseFixture('fixtures/pages/meta/g032.txt');
    expect(r.report.year).toBe(2021);
    expect(r.warnings.filter((w) => w.code === 'YEAR_DISAGREES').map((w) => w.line)).toEqual([1]);
  });

  it('w266: a period and `2021年度，…` outvote `编制了《田黄镇2020年…报告》`', async () => {
    const r = await parseFixture('fixtures/pages/meta/w266.txt');
    expect(r.report.year).toBe(2021);
    expect(r.warnings.filter((w) => w.code === 'YEAR_DISAGREES').map((w) => w.line)).toEqual([1]);
  });

  it('g042: `截至2022年底，我局…` when nothing else states the year', async () => {
    expect((await meta('g042'))[2]).toBe(2022);
  });

  const witness = fc.record({ year: fc.option(fc.integer({ min: 2008, max: 2025 }), { nil: null }), line: fc.integer({ min: 1, max: 99 }) });
  it('property: the year kept is stated by a witness, the title’s when it states one, else one another confirms if any; a warning names a line that says otherwise exactly when they differ', () => {
    fc.assert(
      fc.property(witness, fc.array(witness, { maxLength: 5 }), (t, os) => {
        const title: YearWitness = { what: 'the title', ...t };
        const others: YearWitness[] = os.map((o, i) => ({ what: `w${i}`, ...o }));
        const stated = [title, ...others].filter((w) => w.year !== null);
        const { year, warning } = statisticsYear(title, others);
        if (stated.length === 0) return year === null && warning === null;
        expect(stated.map((w) => w.year)).toContain(year);
        const confirmed = others.some((w, i) => w.year !== null && others.some((v, j) => j !== i && v.year === w.year));
        if (title.year !== null) expect(year).toBe(title.year);
        else if (confirmed) expect(others.filter((w) => w.year === year).length).toBeGreaterThanOrEqual(2);
        else expect(year).toBe(stated[0]!.year);
        const differ = new Set(stated.map((w) => w.year)).size > 1;
        expect(warning !== null).toBe(differ);
        if (warning) expect(stated.some((w) => w.line === warning.line && w.year !== year)).toBe(true);
        return true;
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

// Generated pages: names of the shapes real pages print, set among the chrome and sentences they have.
const PLACES = ['青石', '柳岸', '白沙', '松岭', '梅园', '石湾', '云溪'];
const DEPARTMENTS = ['卫生健康局', '水务局', '司法局', '统计局', '财政局', '市场监督管理局', '生态环境局', '教育和体育局'];
type Agency = { name: string; pronoun: string };
const agencyArb: fc.Arbitrary<Agency> = fc.oneof(
  fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom('县', '区', '市'), fc.constantFrom(...DEPARTMENTS)).map(([p, l, d]) => ({ name: p + l + d, pronoun: '我局' })),
  fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom('镇', '乡')).map(([p, l]) => ({ name: `${p}${l}人民政府`, pronoun: `我${l}` })),
  fc.constantFrom(...PLACES).map((p) => ({ name: `${p}街道办事处`, pronoun: '我街道' })),
  fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom('县', '区')).map(([p, l]) => ({ name: `${p}${l}人民政府`, pronoun: `我${l}` })),
);
const yearArb = fc.integer({ min: 2008, max: 2025 });
/** What pages put around a report: menus, font size buttons, print and share links, a mirror's spam. */
const CHROME = [
  '首页 > 政务公开 > 政府信息公开年报',
  '字体：大 中 小',
  '【打印】【关闭】',
  '分享到：',
  '浏览次数：128',
  'hth网页版登录入口官网发布',
  '365体育直播，365体育备用网址',
  '当前位置：首页 > 信息公开',
  '2022政府',
  '背景色：',
];
const NEUTRAL = ['为进一步做好政府信息公开工作，现将有关情况说明如下。', '全年共主动公开政府信息56条。', '（一）主动公开情况。', '加强组织领导，完善工作机制。'];

describe('properties of generated pages', () => {
  // The title as pages write it: on one line, the name alone on the line above, the year without its 年.
  const titleArb = fc.constantFrom(
    (name: string, year: number) => [`${name}${year}年政府信息公开工作年度报告`],
    (name: string, year: number) => [name, `${year}年政府信息公开工作年度报告`],
    (name: string, year: number) => [`${name}${year}政府信息公开工作年度报告`],
    (name: string, year: number) => [name, `${year}政府信息公开工作年度报告`],
  );
  it('the chrome around a title, in any order and number, never becomes the agency or the year', () => {
    fc.assert(
      fc.property(agencyArb, yearArb, titleArb, fc.subarray(CHROME), fc.subarray(CHROME), (a, year, title, above, below) => {
        const text = [...above, ...title(a.name, year), ...below, '一、总体情况', `${a.pronoun}认真贯彻《条例》。`].join('\n');
        const r = parseText(text).report;
        expect([r.agency, r.year]).toEqual([a.name, year]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a short tail after the report word stays with a Chinese word in it, and goes without one (a file’s extension, table cells: w327, g003)', () => {
    const tail = fc.constantFrom(['.docx', ''], ['.pdf', ''], [' | ||', ''], ['|', ''], ['（摘要）', '（摘要）'], ['格式模板', '格式模板']);
    fc.assert(
      fc.property(agencyArb, yearArb, tail, (a, year, [written, kept]) => {
        const title = `${a.name}${year}年政府信息公开工作年度报告`;
        const r = parseText([`${title}${written}`, '一、总体情况', `${a.pronoun}认真贯彻《条例》。`].join('\n')).report;
        expect([r.title, r.agency, r.year]).toEqual([title + kept, a.name, year]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('the subject of a sentence on the year’s work, after any neutral sentences and an adverbial, is the agency and its year the year', () => {
    const adverbial = fc.constantFrom('', '在区委、区政府的正确领导下，', '根据上级的工作要求和部署，', '按照《条例》要求，');
    const predicate = fc.constantFrom('认真贯彻落实《条例》。', '高度重视政府信息公开工作。', '政府信息公开工作扎实推进。', '未收到政府信息公开申请。', '主动公开政府信息68条。');
    // The year with its comma, or without one right before the name (w064); a numbered item's label before it (w213, g016).
    const opening = fc.constantFrom((y: number, adv: string) => `${y}年，${adv}`, (y: number) => `${y}年`, (y: number, adv: string) => `1.政府信息公开：${y}年度，${adv}`, (y: number) => `4、${y}年`);
    fc.assert(
      fc.property(agencyArb, yearArb, fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 4 }), adverbial, predicate, opening, (a, year, before, adv, pred, open) => {
        const text = ['一、总体情况', `${before.join('')}${open(year, adv)}${a.name}${pred}`, `${a.pronoun}将继续做好有关工作。`].join('\n');
        const r = parseText(text).report;
        expect([r.agency, r.year]).toEqual([a.name, year]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the maker or the contact, named with an inner office, is taken back to the agency', () => {
    const office = fc.constantFrom('办公室', '党政办公室', '党政办', '综合办公室', '政府信息公开工作领导小组办公室', '信息公开办公室');
    const sentence = fc.constantFrom('本报告由{}编制。', '根据《条例》要求，由{}编制。', '如对本报告有疑问，请与{}联系。');
    fc.assert(
      fc.property(agencyArb, office, sentence, yearArb, (a, o, s, year) => {
        // A government's own 办公室 is an agency of its own, not an office inside it.
        fc.pre(!(o === '办公室' && a.name.endsWith('人民政府')));
        const text = [s.replace('{}', a.name + o), '一、总体情况', `${year}年，${a.pronoun}认真贯彻《条例》。`].join('\n');
        expect(parseText(text).report.agency).toBe(a.name);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a name with a digit, a list comma, a sentence mark or a document’s bracket in it is no name; without, it is', () => {
    const mark = fc.constantFrom(...'0123456789、，。；：《》〈〉“”');
    fc.assert(
      fc.property(agencyArb, mark, fc.nat(), (a, m, at) => {
        expect(isAgencyName(a.name)).toBe(true);
        const i = at % a.name.length;
        expect(isAgencyName(a.name.slice(0, i) + m + a.name.slice(i))).toBe(false);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('spam before a name is cut away, and an inner office after it', () => {
    const spam = fc.constantFrom('新葡京博彩官网', '华体会登录入口', '必威体育app', '365体育备用网址', '');
    fc.assert(
      fc.property(agencyArb, spam, (a, s) => {
        expect(agencyOfOffice(withoutSpam(s + a.name + (a.name.endsWith('局') ? '办公室' : '党政办')))).toBe(a.name);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
