import { describe, expect, it } from 'vitest';
import { SEEDS, headings, parseFixture } from './helpers.js';

describe('section tree of the seeds (marker, level, title, line)', () => {
  it('000: 一、 > （一） > 1、, numbering jumps to 十一 with its body on the line', async () => {
    const r = await parseFixture(SEEDS.s000);
    expect(headings(r)).toEqual([
      ['', 1, '', 3],
      ['一、', 1, '概述', 13],
      ['二、', 1, '政府信息公开的组织领导和制度建设情况', 17],
      ['（一）', 2, '组织领导情况', 19],
      ['（二）', 2, '卫生计生信息公开相关制度建设情况', 23],
      ['1、', 3, '主动公开工作制度建设情况', 25],
      ['2、', 3, '依申请公开工作制度建设情况', 29],
      ['3、', 3, '保密审查制度建设情况', 33],
      ['4、', 3, '发布协调机制建设情况', 37],
      ['5、', 3, '社会评议制度建设情况', 41],
      ['6、', 3, '虚假不完整信息澄清制度建设情况', 45],
      ['7、', 3, '工作考核和责任追究制度建设情况', 49],
      ['三、', 1, '发布解读、回应社会关切以及互动交流情况', 53],
      ['四、', 1, '重点领域政府信息公开工作推进情况', 57],
      ['五、', 1, '卫生计生信息主动公开工作情况', 61],
      ['六、', 1, '政府信息公开申请的办理情况', 65],
      ['七、', 1, '政府信息公开收费及减免情况', 69],
      ['八、', 1, '因政府信息公开申请提起行政复议和提起行政诉讼情况', 73],
      ['九、', 1, '政府信息公开保密审查及监督检查情况', 77],
      ['十、', 1, '所属事业单位信息公开推进情况', 81],
      [
        '十一、',
        1,
        '2017年，我局共承办人大建议4件、政协提案14件，内容主要涉及改善医患关系、提升基层医疗卫生服务能力、发展健康服务业、提升妇女儿童健康服务水平、加强医疗市场监管、关爱失独家庭等民生热点难点问题',
        85,
      ],
      ['十二、', 1, '政府信息公开工作存在主要问题和改进措施', 87],
    ]);
    const eleven = r.sections.find((s) => s.marker === '十一、')!;
    expect(eleven.text).toBe('各项建议、提案均已按时按要求全部办理完毕，走访率、面复率、满意率达100%。');
    const twelve = r.sections.at(-1)!;
    expect(twelve.endLine).toBe(105);
    // 一是…二是… are inline enumerations inside 十二, not headings.
    expect(twelve.text.split('\n')[1]).toMatch(/^一是政府信息公开的宣传力度/);
  });

  it('001: tables are kept out of the splitter and linked to their sections', async () => {
    const r = await parseFixture(SEEDS.s001);
    expect(headings(r)).toEqual([
      ['', 1, '', 1],
      ['一、', 1, '总体情况', 8],
      ['（一）', 2, '搭建平台，拓展公开渠道', 10],
      ['（二）', 2, '政媒联动，扩大社会影响', 11],
      ['（三）', 2, '建章立制，保障工作落实', 12],
      ['（四）', 2, '突出重点，抓好建议提案办理', 14],
      ['二、', 1, '主动公开政府信息情况', 15],
      ['三、', 1, '收到和处理政府信息公开申请情况', 91],
      ['四、', 1, '政府信息公开行政复议、行政诉讼情况', 357],
      ['五、', 1, '存在的主要问题及改进情况', 416],
      ['六、', 1, '其他需要报告的事项', 418],
    ]);
    const [two, three, four] = [r.sections[2]!, r.sections[3]!, r.sections[4]!];
    expect([two.line, two.endLine, two.text]).toEqual([15, 88, '']);
    expect(three.endLine).toBe(354);
    expect(four.endLine).toBe(413);
    // Table rows such as `一、本年新收政府信息公开申请数量` never become headings.
    expect(headings(r).some(([, , title]) => title.includes('本年新收'))).toBe(false);
    // Section 二 holds the five 第二十条 tables, 三 the requests table, 四 the appeals table.
    expect(r.tables.map((t) => [t.id, t.section])).toEqual([
      ['t1', '2'],
      ['t2', '2'],
      ['t3', '2'],
      ['t4', '2'],
      ['t5', '2'],
      ['t6', '3'],
      ['t7', '4'],
    ]);
    expect(two.tables).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('002: half-width (一) headings with bodies on the line, a page-break marker between them', async () => {
    const r = await parseFixture(SEEDS.s002);
    expect(headings(r)).toEqual([
      ['', 1, '', 1],
      ['一、', 1, '政府信息公开工作基本情况', 3],
      ['(一)', 2, '加强领导,明确责任', 4],
      ['(二)', 2, '规范运作,全面推进', 5],
      ['(三)', 2, '建章立制,确保规范', 7],
      ['二、', 1, '主动公开政府信息情况', 8],
      ['(一)', 2, '公开的主要内容', 9],
      ['(二)', 2, '公开的主要形式', 10],
      ['三、', 1, '存在的主要问题及改进措施', 11],
    ]);
    const lead = r.sections[1]!.children[0]!;
    expect(lead.text).toMatch(/^一是明确责任分工。/);
    expect(JSON.stringify(r.sections)).not.toContain('SITESERVER');
  });

  it('003: a preface without 一、, mixed bracket widths, sentences broken across blank lines', async () => {
    const r = await parseFixture(SEEDS.s003);
    expect(headings(r)).toEqual([
      ['', 1, '', 3],
      ['一、', 1, '概述', 10],
      ['(一)', 2, '加强组织领导,明确工作职责', 16],
      ['(二)', 2, '健全工作制度,完善管理体系', 26],
      ['(三)', 2, '加强业务培训,全面提升公开意识', 30],
      ['(四)', 2, '注重工作实效,稳步推进政务公开', 32],
      ['（五）', 2, '强化监督考核，落实工作责任', 38],
      ['二、', 1, '政府信息主动公开情况', 40],
      ['三、', 1, '人大代表建议、政协提案办理结果公开情况', 46],
      ['四、', 1, '开展政策解读情况', 50],
      ['五、', 1, '回应社会关切情况', 56],
      ['六、', 1, '依申请公开政府信息和不予公开政府信息情况', 60],
      ['七、', 1, '公开平台载体建设情况', 64],
      ['（一）', 2, '政府门户网站信息维护、公开情况', 66],
      ['(二)', 2, '微信公众号信息公开情况', 70],
      ['(三)', 2, '单位公示公告栏信息公开情况', 74],
      ['八、', 1, '工作中存在的问题', 76],
      ['九、', 1, '下一步工作措施', 82],
      ['(一)', 2, '努力加强政务公开平台建设,积极发挥政务新媒体传播作用', 84],
      ['(二)', 2, '加强试点宣传力度,让更多的人参与', 86],
      ['(三)', 2, '继续加强政府信息公开工作', 88],
    ]);
    const first = r.sections[1]!.children[0]!;
    // Lines 16 and 20 (two blank lines between) are one sentence, and so are 22 and 24.
    expect(first.text).toContain('并安排专人负责政务公开工作的日常事务');
    expect(first.text).toContain('主要工作人员,其他科室配合政务公开工作');
    expect(first.endLine).toBe(24);
    // The heading's body wraps onto line 28.
    expect(r.sections[1]!.children[1]!.text).toMatch(/^一是县卫生计生局严格按照政府文件要求/);
    // Markdown bold is gone, the words stay.
    expect(JSON.stringify(r.sections)).not.toContain('**');
    expect(r.sections[1]!.children[3]!.text).toContain('着力打造院务公开工作，一是坚持以服务就医群众为目标');
  });

  it('004: six-part outline of the 2007 Regulations; bookmark debris removed', async () => {
    const r = await parseFixture(SEEDS.s004);
    expect(headings(r)).toEqual([
      ['', 1, '', 1],
      ['一、', 1, '基本情况', 7],
      ['（一）', 2, '加强组织领导，认真安排部署', 10],
      ['（二）', 2, '加强制度建设，健全规范体系', 11],
      ['（三）', 2, '制定落实配套措施', 12],
      ['（四）', 2, '积极开展学习、宣传和培训', 13],
      ['二、', 1, '政府信息主动公开的情况', 14],
      ['（一）', 2, '主动公开政府信息数量', 16],
      ['（二）', 2, '公开的主要类别', 18],
      ['（三）', 2, '公开形式及渠道', 20],
      ['三、', 1, '依申请公开政府信息情况', 22],
      ['四、', 1, '政府信息公开的收费及减免情况', 24],
      ['五、', 1, '因政府信息公开申请行政复议、提起行政诉讼情况', 26],
      ['六、', 1, '存在的主要问题和改进措施', 28],
    ]);
    expect(r.sections[4]!.text).toBe('截至目前，我局未对政府信息公开进行收费。');
    // The preamble keeps the title line apart from the sentence after it.
    expect(r.sections[0]!.text.split('\n')[0]).toBe('桦川县卫生局2013年政府信息公开工作年度报告');
    // Lines 8 and 9 are one sentence broken mid-title of the Regulations.
    expect(r.sections[1]!.text).toMatch(/^推进政府信息公开是县卫生局贯彻落实《中华人民共和国政府信息公开条例》的重要举措/);
  });
});
