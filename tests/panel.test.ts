import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { agencyKey } from '../src/metadata/agency-key.js';
import type { PanelFacts } from '../src/panel/facts.js';
import { joinPlaceForms } from '../src/panel/join.js';
import { SEEDS, cli, expectCliError, fixture } from './helpers.js';

const HUAIAN = 'fixtures/corpus/huaian2024.pdftotext-layout.txt';

/** A panel folder: two real reports and a second year made from each by the test. */
function buildPanel(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-panel-'));
  // 聊城 2020 (seed 001) and a 2021 made from it whose 上年结转 carries 2020's 结转 (1 … 1): continuous.
  copyFileSync(fixture(SEEDS.s001), join(dir, 'liaocheng-2020.txt'));
  const l = readFileSync(fixture(SEEDS.s001), 'utf8').split('\n');
  for (const i of [122, 128]) l[i] = '\t1'; // lines 123 and 129: 自然人 and 总计 of 二、上年结转
  writeFileSync(join(dir, 'liaocheng-2021.txt'), l.join('\n').replaceAll('2020', '2021'));
  // 淮安 2024 and a 2025 made from it that keeps 2024's 上年结转 (34) although 2024 carried 103 forward.
  copyFileSync(fixture(HUAIAN), join(dir, 'huaian-2024.txt'));
  writeFileSync(join(dir, 'huaian-2025.txt'), readFileSync(fixture(HUAIAN), 'utf8').replaceAll('2024', '2025'));
  // The same 2024 report once more, through another converter.
  copyFileSync(fixture('fixtures/corpus/huaian2024.pdftotext-raw.txt'), join(dir, 'huaian-2024z-copy.txt'));
  return dir;
}

const carry = (column: string, previous: number, previousLine: number, current: number, line: number, status: string) => ({ column, previous, previousLine, current, line, status });

describe('panel across a batch', () => {
  it('carry-over, 现行有效件数 and duplicates, one JSON line each, from the records the CLI wrote', async () => {
    const dir = buildPanel();
    const records = await cli([dir, '-q']);
    const jsonl = join(dir, 'records.jsonl');
    writeFileSync(jsonl, records.stdout);
    const res = await cli(['panel', jsonl]);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const p = (name: string): string => join(dir, name);
    expect(lines).toEqual([
      {
        rule: 'panel.duplicate', agencyKey: '淮安市人民政府', year: 2024, status: 'flag',
        sources: [p('huaian-2024.txt'), p('huaian-2024z-copy.txt')],
        message: expect.stringContaining('2 files are one report'),
      },
      {
        rule: 'panel.carryOver', agencyKey: '淮安市人民政府', year: 2025, previousYear: 2024, status: 'fail',
        values: [
          carry('naturalPerson', 103, 197, 34, 125, 'fail'), carry('commercial', 0, 197, 0, 125, 'pass'), carry('research', 0, 197, 0, 125, 'pass'),
          carry('socialWelfare', 0, 197, 0, 125, 'pass'), carry('legalService', 0, 197, 0, 125, 'pass'), carry('otherOrg', 0, 197, 0, 125, 'pass'),
          carry('total', 103, 197, 34, 125, 'fail'),
        ],
        source: p('huaian-2025.txt'), previousSource: p('huaian-2024.txt'),
        message: expect.stringContaining('in naturalPerson, total'),
      },
      {
        rule: 'panel.inForce', agencyKey: '淮安市人民政府', year: 2025, previousYear: 2024, status: 'warn',
        values: [
          { row: 'regulations', previousInForce: 11, previousLine: 72, issued: 1, repealed: 0, expected: 12, inForce: 11, line: 72, status: 'warn' },
          { row: 'normativeDocuments', previousInForce: 66, previousLine: 74, issued: 8, repealed: 26, expected: 48, inForce: 66, line: 74, status: 'warn' },
        ],
        source: p('huaian-2025.txt'), previousSource: p('huaian-2024.txt'),
        message: expect.stringContaining('for regulations, normativeDocuments'),
      },
      {
        rule: 'panel.carryOver', agencyKey: '聊城市卫生健康委员会', year: 2021, previousYear: 2020, status: 'pass',
        values: [
          carry('naturalPerson', 1, 348, 1, 123, 'pass'), carry('commercial', 0, 349, 0, 124, 'pass'), carry('research', 0, 350, 0, 125, 'pass'),
          carry('socialWelfare', 0, 351, 0, 126, 'pass'), carry('legalService', 0, 352, 0, 127, 'pass'), carry('otherOrg', 0, 353, 0, 128, 'pass'),
          carry('total', 1, 354, 1, 129, 'pass'),
        ],
        source: p('liaocheng-2021.txt'), previousSource: p('liaocheng-2020.txt'),
        message: expect.stringContaining('in 7 column(s)'),
      },
    ]);
  });

  it('--panel during a run writes the same lines', async () => {
    const dir = buildPanel();
    const records = await cli([dir, '-q']);
    writeFileSync(join(dir, 'records.jsonl'), records.stdout);
    const fromFile = await cli(['panel', join(dir, 'records.jsonl')]);
    const panelFile = join(mkdtempSync(join(tmpdir(), 'dp-panel-out-')), 'panel.jsonl');
    await cli([dir, '-q', '--panel', panelFile, '--jobs', '2']);
    expect(readFileSync(panelFile, 'utf8')).toBe(fromFile.stdout);
  });
});

describe('prose versus table', () => {
  it('huaian2024: the 总体情况 figures agree with the tables', () => {
    const r = parseText(readFileSync(fixture(HUAIAN), 'utf8'));
    expect(r.checks.filter((c) => c.rule === 'prose.table').map((c) => [c.path, c.status, c.expected, c.actual])).toEqual([
      ['requests.received.total', 'pass', 3119, 3119],
      ['requests.carriedOver.total', 'pass', 34, 34], // 含上年度结转申请 34 件
      ['appeals.review.total', 'pass', 351, 351],
      ['appeals.litigation.total', 'pass', 46, 46],
    ]);
  });

  it('a mismatch cut from the real report is caught with both line numbers', () => {
    const text = readFileSync(fixture(HUAIAN), 'utf8').replace('申请 3119 件', '申请 3120 件');
    const r = parseText(text);
    expect(r.checks.find((c) => c.rule === 'prose.table' && c.path === 'requests.received.total')).toEqual({
      rule: 'prose.table', status: 'fail', expected: 3119, actual: 3120, path: 'requests.received.total',
      message: expect.stringContaining('the text says 3120 (line 31), the table 3119 (line 123)'),
    });
  });
});

describe('agency key', () => {
  it('expands an abbreviation only where the report gives the long form', () => {
    expect(agencyKey('平罗县卫生计生局', '本报告由平罗县卫生和计划生育局，根据…')).toBe('平罗县卫生和计划生育局');
    expect(agencyKey('张店区卫计局', '现公布张店区卫计局2017年…')).toBe('张店区卫计局');
    expect(agencyKey('聊城市卫健委', '聊城市 卫生健康委员会')).toBe('聊城市卫生健康委员会');
    expect(agencyKey('ＡＢ区卫计局', '')).toBe('AB区卫计局');
    expect(agencyKey(null, 'x')).toBeNull();
  });

  it('is one key for the traditional and the simplified writing of a name, so a mirror joins its panel', async () => {
    expect(agencyKey('懷化市統計局', '')).toBe(agencyKey('怀化市统计局', ''));
    const res = await cli([fixture('fixtures/encodings/huachuan2013.big5.txt'), fixture(SEEDS.s004), '-q']);
    const keys = res.records.map((r) => ('report' in r ? r.report.agencyKey : null));
    expect(keys).toEqual(['桦川县卫生局', '桦川县卫生局']);
  });

  it('is in every record', async () => {
    const res = await cli([fixture('fixtures/seeds'), '-q']);
    expect(res.records.map((r) => ('report' in r ? r.report.agencyKey : null))).toEqual([
      '张店区卫计局', '聊城市卫生健康委员会', '殷都区卫健委', '平罗县卫生和计划生育局', '桦川县卫生局',
    ]);
  });
});

describe('one agency under a longer place name', () => {
  const HZQ = ['fixtures/cli/hzq2023.pdftotext-layout.text', 'fixtures/cli/hzq2024.pdftotext-layout.text'];

  it('洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one panel, and the output says which names were joined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-hzq-'));
    const jsonl = join(dir, 'r.jsonl');
    const records = await cli([...HZQ.map(fixture), '-q']);
    expect(records.records.map((r) => ('report' in r ? [r.report.agencyKey, r.report.year] : null))).toEqual([
      ['洪泽区人民政府', 2023],
      ['淮安市洪泽区人民政府', 2024],
    ]);
    writeFileSync(jsonl, records.stdout);
    const lines = (await cli(['panel', jsonl])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      rule: 'panel.joined', agencyKey: '淮安市洪泽区人民政府', status: 'info', names: ['洪泽区人民政府', '淮安市洪泽区人民政府'],
      message: expect.stringContaining('洪泽区人民政府 taken as 淮安市洪泽区人民政府'),
    });
    expect(lines.slice(1).map((l) => [l.rule, l.agencyKey, l.previousYear, l.year, l.status])).toEqual([
      ['panel.carryOver', '淮安市洪泽区人民政府', 2023, 2024, 'pass'],
      ['panel.inForce', '淮安市洪泽区人民政府', 2023, 2024, 'pass'],
    ]);
  });

  it('only when the longer form is the only one in the batch, and only for a name that starts with a place', () => {
    const facts = (agencyKey: string, year: number): PanelFacts => ({ path: `${agencyKey}-${year}`, agencyKey, year, layout: '2021', values: {}, statisticsHash: `${agencyKey}${year}` });
    const joinedOf = (keys: Array<[string, number]>): Array<{ key: string; names: string[] }> => joinPlaceForms(keys.map(([k, y]) => facts(k, y))).joined;
    expect(joinedOf([['洪泽区人民政府', 2023], ['淮安市洪泽区人民政府', 2024], ['江苏省淮安市洪泽区人民政府', 2025]])).toEqual([
      { key: '江苏省淮安市洪泽区人民政府', names: ['洪泽区人民政府', '淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府'] },
    ]);
    expect(joinedOf([['洪泽区人民政府', 2023], ['淮安市洪泽区人民政府', 2024], ['宿迁市洪泽区人民政府', 2024]])).toEqual([]);
    expect(joinedOf([['卫生健康委员会', 2023], ['聊城市卫生健康委员会', 2024]])).toEqual([]);
    expect(joinedOf([['洪泽区人民政府', 2023], ['淮安市洪泽区教育局人民政府', 2024], ['洪泽区财政局', 2024]])).toEqual([]);
  });
});

describe('panel input', () => {
  it('reads the --format json array as it reads JSON Lines', async () => {
    const dir = buildPanel();
    const jsonl = join(dir, 'records.jsonl');
    const json = join(dir, 'records.json');
    writeFileSync(jsonl, (await cli([dir, '-q'])).stdout);
    writeFileSync(json, (await cli([dir, '-q', '--format', 'json'])).stdout);
    const fromLines = await cli(['panel', jsonl]);
    const fromArray = await cli(['panel', json]);
    expect(fromArray.code).toBe(0);
    expect(fromArray.stdout).toBe(fromLines.stdout);
    expect(fromLines.stdout.split('\n').length).toBeGreaterThan(3);
  });

  it('says what it wants when given something else (a CSV)', async () => {
    const dir = buildPanel();
    const csv = join(dir, 'records.csv');
    writeFileSync(csv, (await cli([dir, '-q', '--format', 'csv'])).stdout);
    expectCliError(await cli(['panel', csv]), 2, `cannot read ${csv}: line 1 is not a record`);
  });
});
