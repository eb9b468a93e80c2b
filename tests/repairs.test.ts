// The placement's repairs are named rules, each citing the fixture whose text needs it: taking a
// rule out must change that fixture's record (else the rule, or its citation, is wrong). And what
// the rules of reading-order text do, on real converter outputs.

import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/file.js';
import { FLOW_REPAIRS } from '../src/tables/place/flow/repairs.js';
import { GUARDS, ITEM_RULES, READ_REPAIRS } from '../src/tables/place/flow/index.js';
import { ROW_REPAIRS } from '../src/tables/place/grid/repairs.js';
import { fixture, parseFixture } from './helpers.js';

interface Named {
  name: string;
  fixture: string;
}

/** The record of a fixture with one rule of a list taken out, then put back. */
async function without<T extends Named>(list: T[], rule: T, path: string): Promise<string> {
  const at = list.indexOf(rule);
  list.splice(at, 1);
  try {
    return JSON.stringify(await parseFile(fixture(path)));
  } finally {
    list.splice(at, 0, rule);
  }
}

const LISTS: Array<[string, Named[]]> = [
  ['grid row repairs', ROW_REPAIRS],
  ['flow item rules', ITEM_RULES],
  ['flow read repairs', READ_REPAIRS],
  ['flow guards', GUARDS],
  ['flow repairs', FLOW_REPAIRS],
];

describe('each repair rule is needed by the fixture it cites', () => {
  for (const [what, list] of LISTS) {
    for (const rule of [...list]) {
      it(`${what}: ${rule.name} changes ${rule.fixture}`, async () => {
        const withRule = JSON.stringify(await parseFile(fixture(rule.fixture)));
        expect(await without(list, rule, rule.fixture)).not.toBe(withRule);
      });
    }
  }
});

describe('labels listed before their values (pdfminer)', () => {
  it('one column: 行政处罚 4119 and 行政强制 195 in the order their labels stand (hzq2023, lines 119–125)', async () => {
    const r = await parseFixture('fixtures/shapes/hzq2023.pdfminer.txt');
    expect(r.statistics.proactive?.penalties?.decisions).toBe(4119);
    expect(r.statistics.proactive?.enforcement?.decisions).toBe(195);
    expect(r.provenance['proactive.penalties.decisions']).toMatchObject({ line: 123, raw: '4119' });
    expect(r.provenance['proactive.enforcement.decisions']).toMatchObject({ line: 125, raw: '195' });
  });

  it('three columns without row sums: row by row or column by column cannot be told, so 规章 and 行政规范性文件 are left out', async () => {
    const r = await parseFixture('fixtures/shapes/hzq2023.pdfminer.txt');
    expect(r.statistics.proactive?.regulations).toBeUndefined();
    expect(r.statistics.proactive?.normativeDocuments).toBeUndefined();
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'TABLE_MISALIGNED', line: 89 }));
  });

  it('withheld rows are unknown, not blank: no sum proves them zero', async () => {
    const r = await parseFixture('fixtures/shapes/hzq2023.pdfminer.txt');
    const implied = Object.entries(r.provenance).filter(([, p]) => p.method === 'implied');
    expect(implied).toEqual([]);
  });
});

describe('merged cells dropped (node-html-markdown)', () => {
  it('sh2019: a row whose label is one cell short is read after its label: 6.属于四类过程性信息 3 and 1, not 1 in 自然人', async () => {
    const r = await parseFixture('fixtures/shapes/sh2019.node-html-markdown.txt');
    expect(r.statistics.requests?.outcomes?.denied?.processInformation).toMatchObject({ naturalPerson: 3, commercial: 1 });
    expect(r.provenance['requests.outcomes.denied.processInformation.naturalPerson']).toMatchObject({ line: 92, raw: '3' });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'TABLE_PLACEMENT_INFERRED', line: 92 }));
    expect(r.checks.filter((c) => c.rule === 'requests.outcomesTotal' && c.status === 'fail')).toEqual([]);
    expect(r.checks.find((c) => c.rule === 'requests.outcomesTotal' && c.column === 'naturalPerson')).toMatchObject({ status: 'pass', expected: 767, actual: 767 });
  });
});
