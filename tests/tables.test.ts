import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/parse/lines.js';
import { ANCHOR_CHARS } from '../src/tables/anchors.js';
import { parseText } from '../src/pipeline.js';
import { findTables } from '../src/tables/find.js';
import { readTables } from '../src/tables/index.js';
import { readFileSync } from 'node:fs';
import { SEEDS, fixture, parseFixture } from './helpers.js';
import type { ReportRecord } from '../src/schema.js';
import { REQUESTS_FORM } from '../src/forms/index.js';
import { columnsOfHeader } from '../src/tables/place/common.js';
import { cutRunTogether } from '../src/tables/place/run-together.js';
import { checkInvariants } from '../src/check/invariants.js';

// The official row labels, written out here independently of src/ (formats.md §1.2, §2.2).
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const R = '三、本年度办理结果';
const DENY = '（三）不予公开';
const NA = '（四）无法提供';
const NP = '（五）不予处理';
const OTH = '（六）其他处理';
const same = (a: string): string[] => [a, a, a];
const LABELS_HEAD = [same('一、本年新收政府信息公开申请数量'), same('二、上年结转政府信息公开申请数量'), [R, '（一）予以公开', '（一）予以公开'], [R, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], [R, DENY, '1.属于国家秘密'], [R, DENY, '2.其他法律行政法规禁止公开'], [R, DENY, '3.危及“三安全一稳定”'], [R, DENY, '4.保护第三方合法权益'], [R, DENY, '5.属于三类内部事务信息'], [R, DENY, '6.属于四类过程性信息'], [R, DENY, '7.属于行政执法案卷'], [R, DENY, '8.属于行政查询事项'], [R, NA, '1.本机关不掌握相关政府信息'], [R, NA, '2.没有现成信息需要另行制作'], [R, NA, '3.补正后申请内容仍不明确'], [R, NP, '1.信访举报投诉类申请'], [R, NP, '2.重复申请'], [R, NP, '3.要求提供公开出版物'], [R, NP, '4.无正当理由大量反复申请'], [R, NP, '5.要求行政机关确认或重新出具已获取信息']];
const LABELS_2019 = [...LABELS_HEAD, [R, OTH, OTH], [R, '（七）总计', '（七）总计'], same('四、结转下年度继续办理')];
const LABELS_2021 = [
  ...LABELS_HEAD,
  [R, OTH, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  [R, OTH, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  [R, OTH, '3.其他'],
  [R, '（七）总计', '（七）总计'],
  same('四、结转下年度继续办理'),
];
const REQUEST_HEADER = [
  [NOTE, NOTE, NOTE, ...Array(7).fill('申请人情况')],
  [NOTE, NOTE, NOTE, '自然人', ...Array(5).fill('法人或其他组织'), '总计'],
  [NOTE, NOTE, NOTE, '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
];
const APPEALS_HEADER = [
  [...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];
const requestGrid = (labels: string[][], values: string[][]): string[][] => [...REQUEST_HEADER, ...labels.map((l, i) => [...l, ...values[i]!])];
const zeros = ['0', '0', '0', '0', '0', '0', '0'];

function tablesOf(r: ReportRecord) {
  return r.tables.map((t) => ({ format: t.format, kind: t.kind, caption: t.caption, rows: t.rows }));
}

describe('seed 001: tab table, one cell per line, wrapped cells, five 第二十条 tables in one tab run', () => {
  it('rebuilds every table cell by cell', async () => {
    const r = await parseFixture(SEEDS.s001);
    const cap = (n: string): string[] => Array(4).fill(`第二十条第（${n}）项`);
    expect(tablesOf(r)).toEqual([
      { format: 'tab', kind: 'proactive', caption: '第二十条第（一）项', rows: [cap('一'), ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '0', '0', '0'], ['规范性文件', '2', '2', '2']] },
      { format: 'tab', kind: 'proactive', caption: '第二十条第（五）项', rows: [cap('五'), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '0', '0', '0'], ['其他对外管理服务事项', '19', '0', '883']] },
      { format: 'tab', kind: 'proactive', caption: '第二十条第（六）项', rows: [cap('六'), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政处罚', '101', '+2', '103'], ['行政强制', '0', '0', '0']] },
      { format: 'tab', kind: 'proactive', caption: '第二十条第（八）项', rows: [cap('八').slice(1), ['信息内容', '上一年项目数量', '本年增/减'], ['行政事业性收费', '10', '0']] },
      { format: 'tab', kind: 'proactive', caption: '第二十条第（九）项', rows: [cap('九').slice(1), ['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购', '10', '1480.8758万元']] },
      {
        format: 'tab',
        kind: 'requests',
        caption: null,
        rows: requestGrid(LABELS_2019, [
          ['9', '2', '0', '0', '0', '0', '11'],
          zeros,
          ['4', '2', '0', '0', '0', '0', '6'],
          ['1', '0', '0', '0', '0', '0', '1'],
          zeros, zeros, zeros, zeros,
          ['1', '0', '0', '0', '0', '0', '1'],
          zeros, zeros, zeros,
          ['2', '0', '0', '0', '0', '0', '2'],
          zeros, zeros, zeros, zeros, zeros, zeros, zeros, zeros,
          ['8', '2', '0', '0', '0', '0', '10'],
          ['1', '0', '0', '0', '0', '0', '1'],
        ]),
      },
      { format: 'tab', kind: 'appeals', caption: null, rows: [...APPEALS_HEADER, ['0', '0', '0', '0', '0', '2', '0', '1', '0', '3', '0', '0', '0', '0', '0']] },
    ]);
  });

  it('joins wrapped header cells without inventing spaces (本年新 + 公开数量, 自/然/人, 结果/维持)', () => {
    const lines = splitLines(readFileSync(fixture(SEEDS.s001), 'utf8'), ANCHOR_CHARS);
    const raw = findTables(lines);
    expect(raw.map((t) => [t.format, t.line, t.endLine])).toEqual([
      ['tab', 16, 88],
      ['tab', 92, 354],
      ['tab', 358, 413],
    ]);
    expect(raw[0]!.rows[1]!.map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(raw[1]!.rows[1]!.map((c) => c.text)).toEqual(['', '自然人', '法人或其他组织', '总计']);
    expect(raw[2]!.rows[1]!.map((c) => c.text).slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });

  it('traces every value cell to its line', () => {
    const lines = splitLines(readFileSync(fixture(SEEDS.s001), 'utf8'), ANCHOR_CHARS);
    const { tables } = readTables(lines);
    const requests = tables.find((t) => t.table.kind === 'requests')!.placed!;
    const received = requests.rows.find((r) => r.row?.key === 'received')!;
    expect(received.values.map((c) => [c!.text, c!.line])).toEqual([
      ['9', 114], ['2', 115], ['0', 116], ['0', 117], ['0', 118], ['0', 119], ['11', 120],
    ]);
    const appeals = tables.find((t) => t.table.kind === 'appeals')!.placed!;
    expect(appeals.rows[0]!.values.map((c) => c!.line)).toEqual([399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413]);
    const procurement = tables.find((t) => t.table.caption === '第二十条第（九）项')!.placed!;
    expect(procurement.rows[0]!.line).toBe(86);
    expect(procurement.rows[0]!.values.map((c) => [c!.text, c!.line])).toEqual([['10', 87], ['1480.8758万元', 88]]);
  });
});

describe('an HTML table printed with its markup indented', () => {
  it('a value stands on the line of its text, not of its <td>', () => {
    const text = ['某某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况', '<table>', '<tr><td colspan="4">第二十条第（一）项</td></tr>', '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>', '<tr>', '<td>', '规章', '</td>', '<td>', '3', '</td>', '<td>', '  1', '</td>', '<td><p>', '12', '</p></td>', '</tr>', '</table>'].join('\n');
    const r = parseText(text);
    expect(r.statistics.proactive?.regulations).toEqual({ issued: 3, repealed: 1, inForce: 12 });
    expect(r.provenance['proactive.regulations.issued']).toMatchObject({ line: 11, raw: '3' });
    expect(r.provenance['proactive.regulations.repealed']).toMatchObject({ line: 14, raw: '1' });
    expect(r.provenance['proactive.regulations.inForce']).toMatchObject({ line: 17, raw: '12' });
  });
});

describe('HTML cells the markup breaks', () => {
  const table = (rows: string[]): string =>
    ['某某局2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '<table>', '<tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>', ...rows, '</table>'].join('\n');

  it('digits in two paragraphs of one cell are two numbers, not one (`<p>1</p>0</p>`); digits split by a <span> are one', () => {
    const text = table(['<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>21<span>7</span></td><td><p>1</p>0</p></td><td>0</td><td>0</td><td>0</td><td>0</td><td>218</td></tr>']);
    const r = parseText(text);
    expect(r.statistics.requests?.received?.naturalPerson).toBe(217);
    // `217` stands on its line with markup between its digits: the invariants take the line as a reader sees it.
    expect(r.provenance['requests.received.naturalPerson']).toMatchObject({ line: 5, raw: '217' });
    expect(checkInvariants(r, text)).toEqual([]);
    expect(r.statistics.requests?.received?.commercial).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toContain('VALUE_UNPARSED');
  });

  it('a row without its last cells is padded at its end, and says so', () => {
    const r = parseText(table(['<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>217</td><td>1</td><td>0</td><td>0</td><td>0</td><td>218</td></tr>']));
    expect(r.warnings).toContainEqual({
      code: 'TABLE_RAGGED',
      message: expect.stringContaining('row "一、本年新收政府信息公开申请数量": fewer cells than the table'),
      line: 5,
    });
  });
});

describe('a tab cell whose first line holds nothing', () => {
  it('stands on the line where its text begins (seed 001 with `\\t1` broken into `\\t` / `1`)', () => {
    const lines = readFileSync(fixture(SEEDS.s001), 'utf8').split('\n');
    expect(lines[142]).toBe('\t1');
    lines.splice(142, 1, '\t', '1');
    const r = parseText(lines.join('\n'));
    expect(r.statistics.requests?.outcomes?.partiallyGranted?.naturalPerson).toBe(1);
    expect(r.provenance['requests.outcomes.partiallyGranted.naturalPerson']).toMatchObject({ line: 144, raw: '1' });
  });
});

describe('seed 002: the pre-2019 statistics form as a pipe table', () => {
  it('keeps the 统计指标 | 单位 | 统计数 grid with the official row labels and every value', async () => {
    const r = await parseFixture(SEEDS.s002);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect([t.format, t.kind, t.caption, t.line, t.endLine]).toEqual(['pipe', 'pre2019', '政府信息公开情况统计表', 15, 86]);
    expect(t.rows[0]).toEqual(['统计指标', '单位', '统计数']);
    expect(t.rows.slice(1, 12)).toEqual([
      ['一、主动公开情况', '——', '78'],
      ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '78'],
      ['其中：主动公开规范性文件数', '条', '0'],
      ['制发规范性文件总数', '件', '0'],
      ['（二）通过不同渠道和方式公开政府信息的情况', '——', '78'],
      ['1.政府公报公开政府信息数', '条', '0'],
      ['2.政府网站公开政府信息数', '条', '0'],
      ['3.政务微博公开政府信息数', '条', '0'],
      ['4.政务微信公开政府信息数', '条', '50'],
      ['5.其他方式公开政府信息数', '条', '28'],
      ['二、回应解读情况', '——', '1'],
    ]);
    // Every one of the 65 form rows is there with its value, then the two footer rows.
    expect(t.rows).toHaveLength(1 + 65 + 2);
    // Lines 20–84 of the seed, column 统计数, in order.
    expect(t.rows.slice(1, 66).map((row) => row[2])).toEqual([
      '78', '78', '0', '0', '78', '0', '0', '0', '50', '28',
      '1', '1', '0', '0', '0', '0', '0', '0', '0', '0',
      '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
      '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
      '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
      '0', '0', '0', '0', '0', '0', '0', '1', '0', '1',
      '0', '2', '2', '0', '0',
    ]);
    // Cell text loses the spaces between Chinese words, as everywhere (统 计 指 标 → 统计指标).
    expect(t.rows[66]![0]).toBe('单位负责人:杨芳审核人:陈俊礼填报人:郜萌萌');
  });
});

const HZ_REQUESTS = [
  ['13612', '252', '0', '45', '128', '32', '14069'],
  ['535', '6', '0', '1', '18', '0', '560'],
  ['5345', '129', '0', '41', '19', '14', '5548'],
  ['2120', '39', '0', '1', '6', '2', '2168'],
  ['13', '0', '0', '0', '0', '0', '13'],
  ['30', '0', '0', '0', '0', '0', '30'],
  ['11', '0', '0', '0', '0', '0', '11'],
  ['49', '2', '0', '0', '0', '0', '51'],
  ['103', '1', '0', '0', '0', '0', '104'],
  ['84', '1', '0', '0', '0', '0', '85'],
  ['282', '4', '0', '0', '0', '0', '286'],
  ['147', '0', '0', '0', '1', '2', '150'],
  ['3075', '50', '0', '0', '89', '8', '3222'],
  ['177', '3', '0', '0', '0', '0', '180'],
  ['19', '0', '0', '0', '0', '0', '19'],
  ['199', '1', '0', '0', '3', '0', '203'],
  ['147', '1', '0', '0', '0', '0', '148'],
  ['0', '0', '0', '0', '0', '0', '0'],
  ['100', '1', '0', '0', '0', '0', '101'],
  ['5', '0', '0', '0', '0', '0', '5'],
  ['315', '3', '0', '0', '0', '0', '318'],
  ['202', '0', '0', '1', '0', '0', '203'],
  ['941', '17', '0', '1', '3', '3', '965'],
  ['13364', '252', '0', '44', '121', '29', '13810'],
  ['783', '6', '0', '2', '25', '3', '819'],
];
const HUAIAN_REQUESTS = [
  ['3001', '53', '0', '0', '61', '4', '3119'],
  ['34', '0', '0', '0', '0', '0', '34'],
  ['1288', '21', '0', '0', '50', '3', '1362'],
  ['447', '7', '0', '0', '0', '0', '454'],
  ['2', '0', '0', '0', '0', '0', '2'],
  ['30', '1', '0', '0', '0', '0', '31'],
  ['5', '0', '0', '0', '0', '0', '5'],
  ['6', '0', '0', '0', '0', '0', '6'],
  ['7', '1', '0', '0', '0', '0', '8'],
  ['12', '0', '0', '0', '0', '0', '12'],
  ['9', '0', '0', '0', '0', '0', '9'],
  ['105', '0', '0', '0', '0', '0', '105'],
  ['746', '12', '0', '0', '10', '1', '769'],
  ['11', '0', '0', '0', '0', '0', '11'],
  ['1', '0', '0', '0', '0', '0', '1'],
  ['56', '6', '0', '0', '0', '0', '62'],
  ['25', '0', '0', '0', '0', '0', '25'],
  ['0', '0', '0', '0', '0', '0', '0'],
  ['0', '0', '0', '0', '0', '0', '0'],
  ['1', '0', '0', '0', '0', '0', '1'],
  ['67', '3', '0', '0', '1', '0', '71'],
  ['6', '0', '0', '0', '0', '0', '6'],
  ['108', '2', '0', '0', '0', '0', '110'],
  ['2932', '53', '0', '0', '61', '4', '3050'],
  ['103', '0', '0', '0', '0', '0', '103'],
];

function proactive2021(values: { reg: string[]; doc: string[]; lic: string; pen: string; enf: string; fee: string }): Array<{ kind: string; caption: string; rows: string[][] }> {
  const cap = (n: string, w: number): string[] => Array(w).fill(`第二十条第（${n}）项`);
  return [
    { kind: 'proactive', caption: '第二十条第（一）项', rows: [cap('一', 4), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', ...values.reg], ['行政规范性文件', ...values.doc]] },
    { kind: 'proactive', caption: '第二十条第（五）项', rows: [cap('五', 2), ['信息内容', '本年处理决定数量'], ['行政许可', values.lic]] },
    { kind: 'proactive', caption: '第二十条第（六）项', rows: [cap('六', 2), ['信息内容', '本年处理决定数量'], ['行政处罚', values.pen], ['行政强制', values.enf]] },
    { kind: 'proactive', caption: '第二十条第（八）项', rows: [cap('八', 2), ['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', values.fee]] },
  ];
}

describe('one report drawn five ways gives one grid (hz2025)', () => {
  const expected = [
    ...proactive2021({ reg: ['3', '5', '74'], doc: ['564', '984', '4185'], lic: '11398889', pen: '6937489', enf: '166105', fee: '316441' }),
    { kind: 'requests', caption: null, rows: requestGrid(LABELS_2021, HZ_REQUESTS) },
    { kind: 'appeals', caption: null, rows: [...APPEALS_HEADER, ['376', '97', '196', '121', '790', '16', '1', '12', '27', '56', '74', '1', '30', '51', '156']] },
  ];
  const cases: Array<[string, string]> = [
    ['hz2025.w3m-box.txt', 'grid'],
    ['hz2025.w3m-ascii.txt', 'grid'],
    ['hz2025.pandoc-grid.txt', 'grid'],
    ['hz2025.w3m-plain.txt', 'aligned'],
    ['hz2025.pandoc-plain.txt', 'simple'],
    ['hz2025.html', 'html'],
    ['../shapes/hz2025.flat-pipe.txt', 'pipe'],
  ];
  for (const [file, format] of cases) {
    it(`${file} (${format})`, async () => {
      const r = await parseFixture(`fixtures/corpus/${file}`);
      expect(r.tables.map((t) => t.format)).toEqual(Array(6).fill(format));
      expect(r.tables.map((t) => ({ kind: t.kind, caption: t.caption, rows: t.rows }))).toEqual(expected);
      expect(r.warnings).toEqual([]);
    });
  }
});

describe('a table cut by a page break is one table', () => {
  it('seed 002 with [SITESERVER_PAGE] inside its statistics form gives the same grid', async () => {
    const whole = await parseFixture(SEEDS.s002);
    const cut = await parseFixture('fixtures/shapes/seed002.page-break.txt');
    expect(cut.tables).toHaveLength(1);
    expect([cut.tables[0]!.line, cut.tables[0]!.endLine]).toEqual([15, 87]);
    expect(cut.tables[0]!.rows).toEqual(whole.tables[0]!.rows);
  });
});

describe('one PDF through two converters gives one grid (huaian2024)', () => {
  const expected = [
    ...proactive2021({ reg: ['1', '0', '11'], doc: ['8', '26', '66'], lic: '447228', pen: '3985758', enf: '88283', fee: '96171.6' }),
    { kind: 'requests', caption: null, rows: requestGrid(LABELS_2021, HUAIAN_REQUESTS) },
    { kind: 'appeals', caption: null, rows: [...APPEALS_HEADER, ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']] },
  ];
  it('pdftotext -layout: aligned columns, wrapped labels, vertical group labels, page numbers inside', async () => {
    const r = await parseFixture('fixtures/corpus/huaian2024.pdftotext-layout.txt');
    expect(r.tables.map((t) => [t.format, t.line, t.endLine])).toEqual([
      ['aligned', 66, 74],
      ['aligned', 76, 82],
      ['aligned', 85, 97],
      ['aligned', 100, 106],
      ['aligned', 112, 197],
      ['aligned', 203, 220],
    ]);
    expect(r.tables.map((t) => ({ kind: t.kind, caption: t.caption, rows: t.rows }))).toEqual(expected);
  });
  it('pdftotext (reading order): one cell per line, labels moved away from their numbers', async () => {
    const r = await parseFixture('fixtures/corpus/huaian2024.pdftotext-raw.txt');
    expect(r.tables.map((t) => t.format)).toEqual(Array(6).fill('cells'));
    expect(r.tables.map((t) => ({ kind: t.kind, caption: t.caption, rows: t.rows }))).toEqual(expected);
  });
});

describe('grid geometry', () => {
  it('repeats a spanning cell in every position it covers (w3m box drawing)', () => {
    const lines = splitLines(readFileSync(fixture('fixtures/corpus/hz2025.w3m-box.txt'), 'utf8'), ANCHOR_CHARS);
    const requests = findTables(lines)[1]!;
    expect(requests.format).toBe('grid');
    expect(requests.rows[0]!.map((c) => c.text)).toEqual([NOTE, NOTE, NOTE, ...Array(7).fill('申请人情况')]);
    // 三、本年度办理结果 spans 22 rows; （三）不予公开 spans 8 rows and is written once, at line 67.
    const results = requests.rows.slice(5, 27).map((r) => r[0]!.text);
    expect(new Set(results)).toEqual(new Set([R]));
    const deny = requests.rows.slice(7, 15).map((r) => [r[1]!.text, r[1]!.line]);
    expect(new Set(deny.map(([t]) => t))).toEqual(new Set([DENY]));
    expect(deny[0]![1]).toBe(67);
  });

  it('pandoc grids join a cell wrapped over lines (`2` / `.申请人逾期未按` …)', () => {
    const lines = splitLines(readFileSync(fixture('fixtures/corpus/hz2025.pandoc-grid.txt'), 'utf8'), ANCHOR_CHARS);
    const requests = findTables(lines)[1]!;
    const row = requests.rows.find((r) => r[2]!.text.startsWith('2.申请人逾期'))!;
    expect(row[2]!.text).toBe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
  });

  it('rebuilds the empty official template on its form, every row stated as empty', async () => {
    const r = await parseFixture('fixtures/corpus/template2021.w3m-box.txt');
    expect(r.tables.map((t) => [t.kind, t.format])).toEqual([
      ['proactive', 'grid'], ['proactive', 'grid'], ['proactive', 'grid'], ['proactive', 'grid'],
      ['requests', 'grid'], ['appeals', 'grid'],
    ]);
    expect(r.warnings.map((w) => w.code).filter((c) => c.startsWith('TABLE_'))).toEqual([]);
    // The rows are there with nothing in them: stated as empty, not as zero — 6 第二十条 rows, the
    // 25 requests rows of the 2021 form, and the appeals row.
    expect(r.warnings.filter((w) => w.code === 'ROW_EMPTY')).toHaveLength(6 + 25 + 1);
    expect(r.statistics).toEqual({});
    // An empty template still tells its layout by its wording (the three （六） rows, 本年制发件数).
    expect(r.report.layout).toBe('2021');
    for (const t of r.tables) expect(new Set(t.rows.map((row) => row.length)).size).toBe(1);
  });
});

describe('what is not a table', () => {
  it('prose with a pipe or a tab, and an indented paragraph, stay prose', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const r = parseText(['一、概述', '本单位 | 全年公开信息56条。', '\t这是缩进的一段正文，没有第二个制表符。', '二、其他', '无。'].join('\n'));
    expect(r.tables).toEqual([]);
    expect(r.sections.map((s) => s.title)).toEqual(['概述', '其他']);
  });
});

describe('no table leaks into sections, no heading is swallowed', () => {
  const files = [...Object.values(SEEDS), ...['huaian2024.pdftotext-layout', 'huaian2024.pdftotext-raw', 'hz2025.w3m-box', 'hz2025.w3m-ascii', 'hz2025.w3m-plain', 'hz2025.pandoc-grid', 'hz2025.pandoc-plain'].map((f) => `fixtures/corpus/${f}.txt`)];
  for (const f of files) {
    it(f, async () => {
      const r = await parseFixture(f);
      const texts = JSON.stringify(r.sections);
      // Table labels and the numbers of the requests table never reach section text.
      expect(texts).not.toMatch(/本年新收政府信息公开申请数量|属于国家秘密|未经复议直接起诉|本年制发件数|统计指标/);
      // The outline headings 二、三、四 are all there when the report has tables.
      if (r.tables.length > 1) {
        const titles = r.sections.map((s) => s.title);
        expect(titles.some((t) => t.includes('主动公开政府信息情况'))).toBe(true);
        expect(titles.some((t) => t.includes('收到和处理政府信息公开申请情况'))).toBe(true);
      }
      for (const t of r.tables) expect(new Set(t.rows.map((row) => row.length)).size).toBe(1);
    });
  }
});

describe('box drawing in heavy and double lines', () => {
  const light = '┌┬┐├┼┤└┴┘─│';
  const variants: Array<[string, string]> = [
    ['heavy', '┏┳┓┣╋┫┗┻┛━┃'],
    ['double', '╔╦╗╠╬╣╚╩╝═║'],
  ];
  for (const [name, chars] of variants) {
    it(`${name} lines give the same grids as light ones (hz2025.w3m-box redrawn)`, async () => {
      const { parseText } = await import('../src/pipeline.js');
      const text = readFileSync(fixture('fixtures/corpus/hz2025.w3m-box.txt'), 'utf8');
      const redrawn = [...text].map((ch) => (light.includes(ch) ? chars[light.indexOf(ch)]! : ch)).join('');
      expect(redrawn).not.toContain('│');
      const a = parseText(text);
      const b = parseText(redrawn);
      expect(b.tables.map((t) => t.rows)).toEqual(a.tables.map((t) => t.rows));
      expect(b.tables.map((t) => t.format)).toEqual(Array(6).fill('grid'));
    });
  }
});

describe('tab-separated rows (a spreadsheet pasted as text)', () => {
  it('seed 002 with its form as one row per line, cells separated by tabs, gives the same statistics', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const tsv = readFileSync(fixture(SEEDS.s002), 'utf8')
      .split('\n')
      .map((l) => (l.includes('|') ? l.replace(/\s*\|\s*/g, '\t').replace(/\t+$/, '') : l))
      .join('\n');
    const r = parseText(tsv);
    const whole = await parseFixture(SEEDS.s002);
    expect(r.tables.map((t) => [t.format, t.kind])).toEqual([['tsv', 'pre2019']]);
    expect(r.statistics).toEqual(whole.statistics);
    expect(r.provenance['staffing.staff']!.line).toBe(77);
  });

  it('a single line with a tab in it is prose', async () => {
    const { parseText } = await import('../src/pipeline.js');
    expect(parseText('一、概述\n本局\t全年公开信息56条。\n二、其他\n无。').tables).toEqual([]);
  });
});

describe('the pre-2019 form with aligned columns (pdftotext -layout of an attachment)', () => {
  it('seed 002 laid out in columns, with wrapped labels, gives the same 59 values', async () => {
    const aligned = await parseFixture('fixtures/shapes/seed002.aligned.txt');
    const whole = await parseFixture(SEEDS.s002);
    expect(aligned.tables.map((t) => [t.format, t.kind, t.line, t.endLine])).toEqual([['aligned', 'pre2019', 19, 87]]);
    expect(aligned.statistics).toEqual(whole.statistics);
    expect(Object.keys(aligned.provenance)).toHaveLength(59);
    expect(aligned.provenance['requests.received.total']!.line).toBe(42);
    expect(aligned.warnings).toEqual([]);
  });
});

describe('第二十条 tables drawn without their captions', () => {
  it('seed 001 with the five caption rows removed gives the same items and values', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const drop = new Set([16, 17, 36, 37, 53, 54, 70, 71, 80, 81]); // each 第二十条第（…）项 line and the blank after it
    const text = readFileSync(fixture(SEEDS.s001), 'utf8').split('\n').filter((_, i) => !drop.has(i + 1)).join('\n');
    const r = parseText(text);
    const whole = await parseFixture(SEEDS.s001);
    expect(r.tables.filter((t) => t.kind === 'proactive').map((t) => t.caption)).toEqual(['（一）', '（五）', '（六）', '（八）', '（九）'].map((i) => `第二十条第${i}项`));
    expect(r.statistics.proactive).toEqual(whole.statistics.proactive);
    expect(r.warnings).toEqual([]);
  });
});

describe("pandoc markdown's hard line break inside a grid cell", () => {
  it('sh2019: 本年新\\ / 公开数量 is the column 本年新公开数量, with its values on their lines', async () => {
    const r = await parseFixture('fixtures/converters/sh2019.pandoc-markdown.txt');
    const item1 = r.tables.find((t) => t.caption === '第二十条第（一）项')!;
    expect(item1.rows.slice(1)).toEqual([
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', '13', '13', '524'],
      ['规范性文件', '60', '60', '368'],
    ]);
    expect(r.statistics.proactive?.regulations?.published).toBe(13);
    expect(r.provenance['proactive.regulations.published']).toMatchObject({ line: 61, raw: '13' });
    expect(r.provenance['proactive.normativeDocuments.published']).toMatchObject({ line: 63, raw: '60' });
  });
});

describe('cells that hold paragraphs, a lone separator between cells (Python html2text, a browser)', () => {
  it('sh2019: cells of several paragraphs, cells inline after a |, blank cells proved zero', async () => {
    const r = await parseFixture('fixtures/shapes/sh2019.py-html2text.txt');
    expect(r.warnings).toEqual([]);
    expect(r.statistics.requests?.received).toEqual({ naturalPerson: 821, commercial: 35, research: 0, socialWelfare: 0, legalService: 2, otherOrg: 1, total: 859 });
    // `| 821| 35|  |  | 2| 1| 859` on line 275, under its label on line 273.
    expect(r.provenance['requests.received.naturalPerson']).toMatchObject({ line: 275, raw: '821' });
    expect(r.provenance['requests.received.total']).toMatchObject({ line: 275, raw: '859' });
    expect(r.provenance['requests.received.research']).toMatchObject({ raw: '', method: 'implied' });
    expect(r.statistics.requests?.outcomes?.granted).toMatchObject({ naturalPerson: 258, commercial: 12, legalService: 1, otherOrg: 1 });
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('pingtan2024: every cell on its own lines, rows ended by a markdown line break', async () => {
    const r = await parseFixture('fixtures/shapes/pingtan2024.py-html2text.txt');
    expect(r.warnings).toEqual([]);
    expect(r.tables.map((t) => t.format)).toEqual(['cells', 'cells', 'cells', 'cells', 'cells', 'cells']);
    expect(r.statistics.proactive?.normativeDocuments).toEqual({ issued: 62, repealed: 33, inForce: 440 });
    expect(r.statistics.proactive?.fees?.amountWan).toBe(18651.06);
    expect(r.statistics.requests?.received?.total).toBe(218);
    expect(r.statistics.requests?.outcomes?.other?.noAmendment?.naturalPerson).toBe(1);
    expect(r.statistics.appeals?.review).toEqual({ upheld: 2, corrected: 1, other: 3, pending: 1, total: 7 });
    expect(r.provenance['proactive.normativeDocuments.inForce']).toMatchObject({ line: 66, raw: '440' });
    expect(r.provenance['requests.received.total']).toMatchObject({ line: 194, raw: '218' });
    expect(r.provenance['appeals.review.total']).toMatchObject({ line: 1030, raw: '7' });
  });

  it("a browser's text (innerText, a copy from the page): a lone tab between cells, blank lines between rows, an NBSP for a blank cell", async () => {
    const sh = await parseFixture('fixtures/shapes/sh2019.innertext.txt');
    expect(sh.warnings).toEqual([]);
    expect(sh.statistics.requests?.received).toEqual({ naturalPerson: 821, commercial: 35, research: 0, socialWelfare: 0, legalService: 2, otherOrg: 1, total: 859 });
    // `⇥821⇥35⇥ ⇥ ⇥2⇥1⇥859` on line 331.
    expect(sh.provenance['requests.received.naturalPerson']).toMatchObject({ line: 331, raw: '821' });
    expect(sh.statistics.appeals?.review).toEqual({ upheld: 5, corrected: 0, other: 0, pending: 2, total: 7 });
    expect(sh.provenance['appeals.review.total']).toMatchObject({ line: 549, raw: '7' });
    const pt = await parseFixture('fixtures/shapes/pingtan2024.innertext.txt');
    expect(pt.warnings).toEqual([]);
    expect(pt.statistics.requests?.received?.total).toBe(218);
    expect(pt.provenance['requests.received.naturalPerson']).toMatchObject({ line: 208, raw: '217' });
    expect(pt.statistics.appeals?.litigationAfterReview).toEqual({ upheld: 13, corrected: 2, other: 4, pending: 0, total: 19 });
    expect(pt.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('a row run together with its label is never the next paragraph of a header cell: its values keep their line', () => {
    const text = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '| ', '', '申请人情况', '', '自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构', '', '其他', '一、本年新收政府信息公开申请数量21710000218'].join('\n');
    const r = parseText(text);
    expect(r.statistics.requests?.received?.total).toBe(218);
    expect(r.provenance['requests.received.naturalPerson']).toMatchObject({ line: 10, raw: '217' });
  });

  it('a number never continues a label when a row end is missing (`总计` / `2`)', () => {
    const lines = splitLines(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '| ', '', '申请人情况', '', '总计', '', '2', '', '| ', '', '3'].join('\n'), ANCHOR_CHARS);
    const [table] = findTables(lines);
    expect(table!.rows.map((r) => r.map((c) => c.text))).toEqual([['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], ['申请人情况总计'], ['2'], ['3']]);
  });
});

describe('cells run together without a space (BeautifulSoup get_text() of a page)', () => {
  const COLUMNS = columnsOfHeader(REQUESTS_FORM, '自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他');
  const cut = (text: string, form = REQUESTS_FORM, columns = COLUMNS): { cells: string[]; warnings: string[] } => {
    const r = cutRunTogether(form, { format: 'cells', line: 7, endLine: 7, rows: [[{ text, line: 7 }]], flow: true }, columns);
    return { cells: r.raw.rows[0]!.map((c) => c.text), warnings: r.warnings.map((w) => `${w.code} ${w.line}`) };
  };

  it('cuts a row where exactly one way keeps the row total', () => {
    expect(cut('一、本年新收政府信息公开申请数量21710000218')).toEqual({ cells: ['一、本年新收政府信息公开申请数量', '217', '1', '0', '0', '0', '0', '218'], warnings: [] });
    // As many digits as columns: one digit each, when the total holds.
    expect(cut('二、上年结转政府信息公开申请数量0000000').cells).toEqual(['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('leaves a row out, with a warning, when two ways keep the total or none does', () => {
    // 1 10 0 0 0 0 11 and 11 0 0 0 0 0 11 both add up.
    expect(cut('一、本年新收政府信息公开申请数量110000011')).toEqual({ cells: ['一、本年新收政府信息公开申请数量'], warnings: ['TABLE_MISALIGNED 7'] });
    // One digit a column, but 1+0+0+1+0+1 is not 1.
    expect(cut('一、本年新收政府信息公开申请数量1001011')).toEqual({ cells: ['一、本年新收政府信息公开申请数量'], warnings: ['TABLE_MISALIGNED 7'] });
  });

  it('touches no label that names no row of the form, and no number a cell could hold', () => {
    expect(cut('附件12')).toEqual({ cells: ['附件12'], warnings: [] });
    expect(cut('123456')).toEqual({ cells: ['123456'], warnings: [] });
    // Seven digits under seven columns: no requests cell holds a million, and one digit a column breaks the total.
    expect(cut('1234567')).toEqual({ cells: [''], warnings: ['TABLE_MISALIGNED 7'] });
  });

  it('sh2019 through get_text(): blank cells written as NBSP among the run-together digits (`…数量82135⍽⍽21859`)', async () => {
    const r = await parseFixture('fixtures/shapes/sh2019.bs4-get-text.txt');
    // 821 35 ⍽ ⍽ 2 1 859 is the one cut of 82135 and 21859 into five counts around two blanks that keeps 总计.
    expect(r.statistics.requests?.received).toEqual({ naturalPerson: 821, commercial: 35, research: 0, socialWelfare: 0, legalService: 2, otherOrg: 1, total: 859 });
    expect(r.provenance['requests.received.commercial']).toMatchObject({ line: 30, raw: '35' });
    expect(r.provenance['requests.received.research']).toMatchObject({ raw: '', method: 'implied' });
    // `18⍽⍽⍽⍽⍽18`: one cell a run and a blank, as many as columns.
    expect(r.statistics.requests?.carriedOver).toMatchObject({ naturalPerson: 18, total: 18 });
    // `25812⍽⍽11⍽` under a blank 总计: nothing to decide 258 12 from 2 58 12 by, so left out (its
    // 科研机构 and 社会公益组织 are still proved 0 by their columns' sums).
    expect(r.statistics.requests?.outcomes?.granted).toEqual({ research: 0, socialWelfare: 0 });
    expect(r.warnings).toContainEqual({
      code: 'TABLE_MISALIGNED',
      message: expect.stringContaining('(三、本年度办理结果（一）予以公开25812 11)'),
      line: 32,
    });
  });

  it('pingtan2024 through get_text(): every requests and appeals value, 第二十条 rows of one column, and a warning for the undecidable one', async () => {
    const r = await parseFixture('fixtures/shapes/pingtan2024.bs4-get-text.txt');
    expect(r.statistics.requests?.received).toEqual({ naturalPerson: 217, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 218 });
    expect(r.statistics.requests?.outcomes?.other?.other).toEqual({ naturalPerson: 1, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(r.statistics.appeals?.litigationAfterReview).toEqual({ upheld: 13, corrected: 2, other: 4, pending: 0, total: 19 });
    expect(r.statistics.proactive?.licensing?.decisions).toBe(4529);
    expect(r.statistics.proactive?.fees?.amountWan).toBe(18651.06);
    // `行政规范性文件6233440` under three columns without sums: 62 33 440 is one of many readings.
    expect(r.statistics.proactive?.normativeDocuments?.repealed).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['TABLE_MISALIGNED', 11]]);
    // Provenance: the digits of the value, on the line where the row ran together.
    expect(r.provenance['requests.received.naturalPerson']).toMatchObject({ line: 32, raw: '217' });
    expect(r.provenance['proactive.fees.amountWan']).toMatchObject({ line: 21, raw: '18651.06' });
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('text in a scrambled reading order (pdfminer)', () => {
  it("another 第二十条 item's header inside an item's region: its values are left out, with TABLE_MISALIGNED", () => {
    const text = ['二、主动公开政府信息情况', '第二十条第（六）项', '本年制发件数', '1', '8', '信息内容', '行政处罚', '行政强制', '三、收到和处理政府信息公开申请情况'].join('\n');
    const r = parseText(text);
    expect(r.statistics.proactive?.penalties).toBeUndefined();
    expect(r.statistics.proactive?.enforcement).toBeUndefined();
    expect(r.warnings).toContainEqual({
      code: 'TABLE_MISALIGNED',
      message: expect.stringContaining('第二十条第（六）项: the text puts "本年制发件数"'),
      line: 3,
    });
  });
});

describe('text in reading order whose values break their own row total', () => {
  it('szfgs2024 through mutool with two values of a row swapped: the row is left out with TABLE_MISALIGNED, the rest kept', () => {
    const lines = readFileSync(fixture('fixtures/converters/szfgs2024.mutool-txt.txt'), 'utf8').split('\n');
    // Line 204 holds 3001 (自然人), line 210 holds 3119 (总计): swapped, 53 + … + 3001 ≠ 3119 no more holds.
    expect([lines[203], lines[209]]).toEqual(['3001', '3119']);
    [lines[203], lines[209]] = [lines[209]!, lines[203]!];
    const r = parseText(lines.join('\n'));
    expect(r.statistics.requests?.received).toBeUndefined();
    expect(r.warnings).toContainEqual({ code: 'TABLE_MISALIGNED', message: expect.stringContaining('3119 53 0 0 61 4 3001'), line: 204 });
    expect(r.statistics.requests?.carriedOver?.total).toBeDefined();
  });
});

describe('a pipe table whose merged cells the converter dropped (node-html-markdown)', () => {
  it("pingtan2024: each row's values right after its own label cells, not under the header's columns", async () => {
    const r = await parseFixture('fixtures/shapes/pingtan2024.node-html-markdown.txt');
    // `| 一、本年新收政府信息公开申请数量 | 217 | 1 | 0 | 0 | 0 | 0 | 218 |    |` on line 47: read from the
    // right, the empty padding cell at the end would have put every value one column too far left.
    expect(r.statistics.requests?.received).toEqual({ naturalPerson: 217, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 218 });
    expect(r.provenance['requests.received.naturalPerson']).toMatchObject({ line: 47, raw: '217' });
    expect(r.statistics.requests?.outcomes?.granted?.total).toBe(71);
    expect(r.warnings[0]).toEqual({
      code: 'TABLE_PLACEMENT_INFERRED',
      message: expect.stringContaining('row "一、本年新收政府信息公开申请数量"'),
      line: 47,
    });
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});
