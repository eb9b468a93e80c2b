// PDFs read directly (issue 22): pdf.js's text items and ruling lines → text with tables as HTML
// rows, each line's page and boxes kept; records with the page of each value; page furniture and
// a browser's printed margins left out; a scan, a password, a cut download, broken bytes and 206
// pages each give their one record. The fixtures are made by fixtures/pdf/make.sh.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablesOf } from '../src/parse/documents/pdf/cells.js';
import { furniture } from '../src/parse/documents/pdf/furniture.js';
import type { Rule, Run } from '../src/parse/documents/pdf/geometry.js';
import { pageLines } from '../src/parse/documents/pdf/lines.js';
import { readPdf } from '../src/parse/documents/pdf.js';
import { parseFile } from '../src/file.js';
import type { ReportRecord } from '../src/schema.js';
import { cli, fixture } from './helpers.js';

/**
 * A PDF by name: in fixtures/pdf/ (with goldens) or scored/pdf/ (kept out of fixtures/, which every
 * folder-walking test reads, because pdf.js takes about a second a file); or a path from the repository.
 */
const pdf = (name: string): string => {
  if (name.includes('/')) return fixture(name);
  const golden = fixture(`fixtures/pdf/${name}.pdf`);
  return existsSync(golden) ? golden : fixture(`scored/pdf/${name}.pdf`);
};

async function read(name: string) {
  const r = await readPdf(readFileSync(pdf(name)));
  if (!r.ok) throw new Error(`${name}: ${r.code} ${r.message}`);
  const lines = r.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  expect(lines.length).toBe(r.origins.length);
  return { ...r, lines };
}

async function report(name: string): Promise<ReportRecord> {
  const r = await parseFile(pdf(name));
  if ('error' in r) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r;
}

describe('a published PDF (hzq2023, WPS) read directly', () => {
  it('writes the requests table as HTML rows with their spans, its row of 21 on the line of its page', async () => {
    const r = await read('hzq2023');
    expect(r.reader).toMatch(/^pdfjs-dist 5\.4\.\d+$/);
    expect(r.lines[60]).toBe('<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>21</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>21</td></tr>');
    const origin = r.origins[60]!;
    expect(origin.page).toBe(3);
    expect(origin.index).toBe(14);
    const cell = origin.pieces!.find((p) => p.text === '21')!;
    expect(cell.page).toBe(3);
    // The box of the first 21 on page 3, from the top left, in points.
    expect(cell.box![0]).toBeCloseTo(318.7, 0);
    expect(cell.box![1]).toBeCloseTo(483.2, 0);
    expect(origin.pieces![0]!.text).toBe('一、本年新收政府信息公开申请数量');
  });

  it('leaves the page numbers out (- 3 - at the foot of every page)', async () => {
    const r = await read('hzq2023');
    expect(r.lines.filter((l) => /^\s*-\s*\d+\s*-\s*$/.test(l))).toEqual([]);
    expect(r.lines.length).toBe(106);
  });

  it('gives a record whose values name their page: the requests table cut by the page break is one table', async () => {
    const rec = await report('hzq2023');
    expect(rec.source.format).toBe('pdf');
    expect(rec.source.reader).toMatch(/^pdfjs-dist /);
    expect(rec.report.agency).toBe('洪泽区人民政府');
    expect(rec.report.year).toBe(2023);
    expect(rec.statistics.requests?.received?.total).toBe(21);
    expect(rec.provenance['requests.received.total']).toEqual({ table: 't5', row: 3, col: 9, line: 61, raw: '21', page: 3 });
    // 2.没有现成信息需要另行制作 is the last row on page 3; 结转下年度 stands on page 4, in the same table.
    expect(rec.provenance['requests.outcomes.unavailable.requiresCreation.total']).toMatchObject({ table: 't5', line: 74, raw: '3', page: 3 });
    expect(rec.provenance['requests.carriedForward.total']).toMatchObject({ table: 't5', line: 83, raw: '0', page: 4 });
    const t5 = rec.tables.find((t) => t.id === 't5')!;
    expect([t5.kind, t5.format, t5.line, t5.endLine]).toEqual(['requests', 'html', 57, 83]);
    expect(rec.provenance['proactive.published']).toEqual({ line: 18, raw: '主动公开政府信息 1136 条', method: 'narrative', page: 1 });
  });
});

describe('a web page printed by Chromium', () => {
  it('with its printed margins reads as without them: no date, title, address or page of pages', async () => {
    const margins = await read('sh2019.chromium');
    const bare = await read('sh2019.chromium-bare');
    expect(margins.text).toBe(bare.text);
    expect(margins.lines.length).toBe(186);
    expect(margins.lines.filter((l) => /file:|\b\d\/7\s*$|[AP]M/.test(l))).toEqual([]);
    // The title stands once, at the top, not on every page.
    expect(margins.lines.filter((l) => l.includes('2019年上海市人民政府办公厅政府信息公开工作年度报告'))).toHaveLength(1);
  });

  it('keeps a cell holding a unit as written, and its page', async () => {
    const rec = await report('sh2019.chromium');
    expect(rec.statistics.proactive?.procurement?.amountWan).toBe(25.1);
    expect(rec.provenance['proactive.procurement.amountWan']).toMatchObject({ table: 't5', raw: '251000元', line: 128, page: 4 });
    expect(rec.provenance['requests.received.total']).toMatchObject({ raw: '859', line: 135, page: 5 });
  });
});

describe('a PDF that gives no report', () => {
  it('a scan (pictures of pages, no text layer): E_NO_TEXT', async () => {
    const rec = await parseFile(pdf('scan'));
    expect('error' in rec && rec.error.code).toBe('E_NO_TEXT');
    expect(rec.source.format).toBe('pdf');
    expect(rec.source.reader).toMatch(/^pdfjs-dist /);
  });

  it('a PDF that needs a password: E_ENCRYPTED', async () => {
    const rec = await parseFile(pdf('encrypted'));
    expect('error' in rec && rec.error.code).toBe('E_ENCRYPTED');
  });

  it('a download cut short: E_CORRUPT', async () => {
    const rec = await parseFile(pdf('truncated'));
    expect('error' in rec && rec.error.code).toBe('E_CORRUPT');
  });

  it('bytes that start as a PDF and are none: E_CORRUPT, not a throw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-pdf-'));
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const rec = await parseFile(broken);
    expect('error' in rec && rec.error.code).toBe('E_CORRUPT');
  });

  it('the batch goes on past them, one line each, exit 1', async () => {
    const res = await cli([pdf('scan'), pdf('encrypted'), pdf('truncated'), pdf('hzq2024'), '-j', '2']);
    expect(res.code).toBe(1);
    expect(res.records.map((r) => ('error' in r ? r.error.code : r.report.year))).toEqual(['E_ENCRYPTED', 'E_NO_TEXT', 'E_CORRUPT', 2024]); // in the sorted order of the paths
  }, 60_000);
});

describe('206 pages (bench/pdf/long.pdf)', () => {
  it('are read within the time limit, every page in its place', async () => {
    const start = performance.now();
    const r = await read('bench/pdf/long.pdf');
    expect(performance.now() - start).toBeLessThan(60_000);
    expect(r.origins.at(-1)).toMatchObject({ page: 206, index: 1 });
    expect(r.lines.at(-1)).toBe('附件200：第200号事项的说明，共1400项。');
  }, 90_000);
});

const rule = (horizontal: boolean, at: number, from: number, to: number): Rule => ({ horizontal, at, from, to });

describe('ruling lines → cells', () => {
  it('a merged cell spans the columns under it', () => {
    // ┌─────────┐
    // │  head   │
    // ├────┬────┤
    // │ a  │ b  │
    // └────┴────┘
    const tables = tablesOf([
      rule(true, 10, 0, 200), rule(true, 30, 0, 200), rule(true, 50, 0, 200),
      rule(false, 0, 10, 50), rule(false, 200, 10, 50), rule(false, 100, 30, 50),
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan])).toEqual([[0, 0, 1, 2], [1, 0, 1, 1], [1, 1, 1, 1]]);
  });

  it('a table cut by the page foot, its last rule undrawn, is closed where its sides stop', () => {
    const tables = tablesOf([rule(true, 10, 0, 200), rule(true, 30, 0, 200), rule(false, 0, 10, 60), rule(false, 100, 10, 60), rule(false, 200, 10, 60)]);
    expect(tables[0]!.ys).toEqual([10, 30, 60]);
    expect(tables[0]!.cells).toHaveLength(4);
  });

  it('a lone box is no table', () => {
    expect(tablesOf([rule(true, 10, 0, 200), rule(true, 30, 0, 200), rule(false, 0, 10, 30), rule(false, 200, 10, 30)])).toEqual([]);
  });
});

const run = (text: string, x0: number, y0: number, size = 10): Run => ({ text, x0, y0, x1: x0 + text.length * size, y1: y0 + size, size, vertical: false });

describe('page furniture', () => {
  it('a running head on every page and a page number are furniture; the body is not', () => {
    const layout = { left: 50, halfEm: 5 };
    const page = (n: number) => ({
      height: 800,
      lines: pageLines([run('某某局2023年政府信息公开工作年度报告', 50, 20), run(`正文第${n}页的一段话`, 50, 300), run(`- ${n} -`, 280, 770)], layout),
    });
    const drop = furniture([page(1), page(2), page(3)]);
    expect(drop.map((d) => [...d].sort())).toEqual([[0, 2], [0, 2], [0, 2]]);
  });
});
