// Output bounded by the input (issue 13): a record is never more than MAX_RECORD_RATIO times the
// bytes it was made from, plus a little for the fields every record has. A drawing whose rebuilt
// cells would far exceed its text is broken geometry: it is read as text, with TABLE_TOO_LARGE.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuffer, parseText } from '../src/pipeline.js';
import type { OutputRecord } from '../src/schema.js';
import { SEEDS, brokenGrid, cli, fixture, random } from './helpers.js';

/** A record's JSON is at most this many times the bytes of its input … */
const MAX_RECORD_RATIO = 20;
/** … plus this much: what every record holds (an error record of an empty file is 272 bytes). */
const RECORD_ALLOWANCE = 2048;

/** The 73 converter outputs of ../shared/corpus, copied into the fixtures so that no clone skips them. */
const CORPUS = fixture('fixtures/converters');

function recordBytes(record: OutputRecord): number {
  return Buffer.byteLength(JSON.stringify(record));
}

function expectBounded(record: OutputRecord, inputBytes: number, name: string): void {
  const size = recordBytes(record);
  expect(size, `${name}: ${size} bytes of record from ${inputBytes} bytes`).toBeLessThanOrEqual(MAX_RECORD_RATIO * inputBytes + RECORD_ALLOWANCE);
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return name.endsWith('.txt') ? [path] : [];
  });
}

const codes = (record: OutputRecord): string[] => ('error' in record ? [record.error.code] : record.warnings.map((w) => w.code));

/** The broken grid of `rows` rows every run draws (a fixed seed). */
const grid = (rows: number): string => brokenGrid(rows, random(13));

describe(`a record is at most ${MAX_RECORD_RATIO} times its input, plus ${RECORD_ALLOWANCE} bytes`, () => {
  it('every fixture', () => {
    const files = textFiles(fixture('fixtures'));
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const bytes = readFileSync(f);
      expectBounded(parseBuffer(bytes, { path: f }), bytes.byteLength, f);
    }
  });

  it('every converter output of the corpus (fixtures/converters)', () => {
    const files = textFiles(CORPUS);
    expect(files.length).toBe(73);
    for (const f of files) {
      const bytes = readFileSync(f);
      expectBounded(parseBuffer(bytes, { path: f }), bytes.byteLength, f);
    }
  });

  it('sh2019.links2.txt (27.7 KB once gave 7.9 MB): a small record, with its tables read', () => {
    const bytes = readFileSync(join(CORPUS, 'sh2019.links2.txt'));
    const record = parseBuffer(bytes);
    expect(recordBytes(record)).toBeLessThan(5 * bytes.byteLength);
    expect('error' in record ? [] : record.tables.map((t) => t.kind)).toContain('requests');
  });

  it.each([200, 600])('a %i-row broken grid: read as text, with TABLE_TOO_LARGE', (rows) => {
    const text = grid(rows);
    const record = parseText(text);
    expect(codes(record)).toContain('TABLE_TOO_LARGE');
    expect(record.tables).toEqual([]);
    expectBounded(record, Buffer.byteLength(text), `${rows} rows`);
  });

  it('one line of many walls over many rows: the grid reader gives up before building its positions', () => {
    const text = `+---+\n${'|a'.repeat(3000)}|\n${'|bb|\n+---+\n'.repeat(3000)}`;
    const record = parseText(text);
    expect(record.warnings).toContainEqual({ code: 'TABLE_TOO_LARGE', line: 1, message: expect.stringContaining('would have 3001 columns on each of 6002 lines') });
    expectBounded(record, Buffer.byteLength(text), 'many walls');
  });

  it('a grid pasted over a megabyte: too long for a grid, read as text', () => {
    const text = grid(6000);
    const record = parseText(text);
    expect(record.warnings).toContainEqual({ code: 'TABLE_TOO_LARGE', line: 1, message: expect.stringContaining('over the 1000000 a grid may have') });
  });

  it('a ragged table (one row of 20 000 cells over 20 000 short rows) is not padded into a square', () => {
    const text = `${'| a '.repeat(20_000)}|\n${'| b | c |\n'.repeat(20_000)}`;
    const record = parseText(text);
    expect(codes(record)).toContain('TABLE_TOO_LARGE');
    expectBounded(record, Buffer.byteLength(text), 'ragged');
  });

  it('a flattened pipe cell padded by 100 000 pipes after a long text', () => {
    const text = `|\n${'政府信息公开'.repeat(100)} ${'|'.repeat(100_000)}\n|\n信息内容 |\n`;
    const record = parseText(text);
    // Read as cells ended by pipes (tables/shapes/pipe-cells.ts) and kept as drawn: 4 rows of 100 000 empty
    // cells, within the budget of any drawn table (tables/budget.ts: 4 times its characters), no figure taken.
    expect(record.warnings).toContainEqual({ code: 'TABLE_NOT_OFFICIAL', line: 1, message: expect.stringContaining('kept as drawn') });
    expect(record.statistics).toEqual({});
    expectBounded(record, Buffer.byteLength(text), 'flat pipes');
  });

  it('HTML cells spanning 200 × 200 positions', () => {
    const text = `<table>\n${`<tr><td colspan="200" rowspan="200">${'政府信息公开'.repeat(10)}</td></tr>\n`.repeat(50)}</table>\n`;
    const record = parseText(text);
    expect(record.warnings).toContainEqual({ code: 'TABLE_TOO_LARGE', line: 1, message: expect.stringContaining('html table of lines 1–52') });
    expectBounded(record, Buffer.byteLength(text), 'html spans');
  });

  it('tables of 200 000 rows neither overflow the stack nor lose their record', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `| a | ${i} |`).join('\n');
    for (const text of [rows, `${rows}\n\n- 3 -\n\n${rows}`]) {
      const record = parseText(text);
      expect(record.tables).toHaveLength(1);
      expectBounded(record, Buffer.byteLength(text), 'long table');
    }
  });

  // place/grid.ts once spread the line of every cell into Math.min (`Math.min(block.captionLine,
  // ...lines)`), which throws RangeError beyond about 130 000 arguments: E_INTERNAL in the CLI.
  it('an official table of 50 000 rows gives its record', () => {
    const text = `| | | | |\n|---|---|---|---|\n| 第二十条第（一）项 |  |  |  |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n${'| 规章 | 0 | 0 | 0 |\n'.repeat(50_000)}`;
    expect(parseText(text).tables.map((t) => t.kind)).toEqual(['proactive']);
  });

  // Each anchor with one number once placed a whole official form (19 bytes gave 1.6 KB of header
  // rows and a naturalPerson figure): numbers that no label names and that fill no row are no table.
  it('a requests form per `申请人情况` and one number: no form, no figure', () => {
    const text = '申请人情况\n1\n\n'.repeat(200);
    const record = parseText(text);
    expectBounded(record, Buffer.byteLength(text), 'tiny forms');
    expect(record.statistics).toEqual({});
  });
});

describe('a 19 MB file under the default --max-bytes parses within a worker\'s memory', () => {
  it('the 600-row broken grid, pasted to 19 MB, gives its record (once E_INTERNAL: the worker ran out of memory)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-19mb-'));
    const page = grid(600);
    const text = page.repeat(Math.floor((19 * 1024 * 1024) / Buffer.byteLength(page)));
    const file = join(dir, 'grids.txt');
    writeFileSync(file, text);
    const res = await cli([file, '--jobs', '2', '-q', '--timeout-ms', '300000']).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(res.records).toHaveLength(1);
    const record = res.records[0]!;
    expect(codes(record)).toContain('TABLE_TOO_LARGE');
    expectBounded(record, Buffer.byteLength(text), '19 MB');
  }, 300_000);
});

// Issue 25, item 9: 300 000 heading lines (5.7 MB, under --max-bytes) need more heap than a worker
// has: E_INTERNAL with no byte count, once. The worker's heap is the real limit; reaching it has
// its own code, and the record keeps the file's size.
describe('a file that needs more than a worker\'s heap gives E_OUT_OF_MEMORY with its size, and the batch goes on', () => {
  it('300 000 heading lines beside a seed: E_OUT_OF_MEMORY (5 700 000 bytes), then the seed\'s record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-heap-'));
    const file = join(dir, 'a-headings.txt');
    writeFileSync(file, '一、基本情况\n'.repeat(300_000));
    copyFileSync(fixture(SEEDS.s004), join(dir, 'b-seed.txt'));
    const res = await cli([dir, '--jobs', '1', '-q', '--timeout-ms', '300000']).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(res.code).toBe(1);
    expect(res.records.map((r) => r.source.path!.split('/').at(-1))).toEqual(['a-headings.txt', 'b-seed.txt']);
    expect(res.records[0]).toEqual({
      schema: 'disclose-parse/report@1',
      source: { path: file, bytes: 5_700_000, sha256: null, encoding: null, lineEnding: null, format: null, reader: null },
      error: { code: 'E_OUT_OF_MEMORY', message: 'parsing the file needs more than the 192 MB of heap a worker has' },
    });
    expect(res.records[1]).toMatchObject({ report: { agency: '桦川县卫生局', year: 2013 } });
  }, 300_000);
});
