// Patterns of real web pages (issue 15 D), each on a fixture with an invented agency:
// fixtures/patterns/tables-*.txt. The measured set of pages is not ours to see; these are the
// shapes it holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { fixture, parseFixture } from './helpers.js';

describe('a 繁體 copy of a report (tables-traditional: 本年制發件數, 行政許可, 申請)', () => {
  it('reads every table through the traditional → simplified fold, as the simplified copy reads', async () => {
    const r = await parseFixture('fixtures/patterns/tables-traditional.txt');
    const simplified = parseText(readFileSync(fixture('fixtures/patterns/tables-traditional.source'), 'utf8'));
    expect(r.statistics).toEqual(simplified.statistics);
    expect(r.statistics.proactive).toMatchObject({
      normativeDocuments: { issued: 4, repealed: 1, inForce: 17 },
      licensing: { decisions: 236 },
      penalties: { decisions: 12 },
      fees: { amountWan: 35.6 },
    });
    expect(r.statistics.requests?.received?.total).toBe(10);
    // 4.無正當理由大量反覆申請: 反覆 is the Taiwan form of 反复.
    expect(r.statistics.requests?.outcomes?.notProcessed?.excessiveRepeated?.total).toBe(0);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('keeps the text as written: title, agency and section titles stay traditional', async () => {
    const r = await parseFixture('fixtures/patterns/tables-traditional.txt');
    expect(r.report).toMatchObject({ title: '松嶺市水務局2022年政府信息公開工作年度報告', agency: '松嶺市水務局', year: 2022, layout: '2021' });
    expect(r.sections.map((s) => s.title)).toContain('總體情況');
  });
});

describe('a flattened web table (tables-flat-web)', () => {
  it('a lone | inside a row is an empty cell; before a label it starts the next row', async () => {
    const r = await parseFixture('fixtures/patterns/tables-flat-web.txt');
    expect(r.statistics.proactive?.normativeDocuments).toEqual({ issued: 2, inForce: 5 });
    // 行政处罚 | (empty) | then 行政强制: an empty row, stated as empty.
    expect(r.statistics.proactive?.penalties).toBeUndefined();
    expect(r.statistics.proactive?.enforcement).toEqual({ decisions: 0 });
    expect(r.warnings.map((w) => [w.code, w.line])).toContainEqual(['ROW_EMPTY', 35]);
  });

  it('规章000 under three columns is three zeros, each on its line', async () => {
    const r = await parseFixture('fixtures/patterns/tables-flat-web.txt');
    expect(r.statistics.proactive?.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(r.provenance['proactive.regulations.inForce']).toMatchObject({ line: 15, raw: '0' });
  });

  it('规章1234 under three columns is not decidable: the row stays empty, nothing is guessed', () => {
    const text = readFileSync(fixture('fixtures/patterns/tables-flat-web.txt'), 'utf8').replace('规章000 |', '规章1234 |');
    const r = parseText(text);
    expect(r.statistics.proactive?.regulations).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.line])).toContainEqual(['TABLE_MISALIGNED', 15]);
  });

  it('a pipe grid whose row glues its digits to its label (tables-glued-pipe: | 规章000 | | | |) reads them as the row\'s cells', async () => {
    const r = await parseFixture('fixtures/patterns/tables-glued-pipe.txt');
    expect(r.tables[0]!.format).toBe('pipe');
    expect(r.statistics.proactive?.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(r.provenance['proactive.regulations.inForce']).toMatchObject({ line: 9, raw: '0' });
  });

  it('captions without 第 or in another order, and headers with extra text, name their item and columns', async () => {
    const r = await parseFixture('fixtures/patterns/tables-flat-web.txt');
    expect(r.tables.map((t) => [t.kind, t.caption, t.rows[1]?.slice(1)])).toEqual([
      ['proactive', '第二十条(一)项', ['本年制发件数', '本年废止件数', '现行有效件数']],
      ['proactive', '（五）第二十条', ['本年处理决定数量']],
      ['proactive', '第二十条第（六）项', ['本年处理决定数量']],
      ['requests', null, expect.arrayContaining(['自然人', '法人或其他组织', '总计'])],
    ]);
    expect(r.statistics.proactive?.licensing).toEqual({ decisions: 48 });
    expect(r.report.layout).toBe('2021');
  });

  it('requests rows with their labels and numbers, without the table header, are read on the form', async () => {
    const r = await parseFixture('fixtures/patterns/tables-flat-web.txt');
    const A = (n: number) => ({ naturalPerson: n, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: n });
    expect(r.statistics.requests).toEqual({ received: A(2), carriedOver: A(0), carriedForward: A(0) });
    expect(r.provenance['requests.carriedForward.total']).toMatchObject({ line: 44, raw: '0' });
    // The prose figure (收到政府信息公开申请2件) is checked against the row.
    expect(r.checks.find((c) => c.rule === 'prose.table')).toMatchObject({ path: 'requests.received.total', status: 'pass' });
  });
});

describe('layout from the tables\' wording', () => {
  it('an empty 2019 template with no year in it is still 2019', () => {
    const text = [
      '某某局政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（一）项 | | | |',
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '规章 | | | |',
      '规范性文件 | | | |',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const r = parseText(text);
    expect([r.report.year, r.report.layout]).toEqual([null, '2019']);
    expect(r.statistics).toEqual({});
  });
});
