// Hostile and broken input: nothing crashes, nothing hangs, nothing is lost.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../src/check/invariants.js';
import { decode } from '../src/parse/decode.js';
import { parseBuffer, parseText } from '../src/pipeline.js';
import { cellValue } from '../src/lexical/values.js';
import { filesPerTask } from '../src/run/batch.js';
import { RecordSchema, type OutputRecord } from '../src/schema.js';
import { formatRecord } from '../src/write/writers.js';
import { SEEDS, cli, fifos, fixture } from './helpers.js';

/** Fixed so that a failure can be replayed; fast-check prints the seed and path when one fails. */
const SEED = 20261122;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

const SOURCES = [...Object.values(SEEDS), 'fixtures/corpus/huaian2024.pdftotext-layout.txt', 'fixtures/corpus/hz2025.w3m-box.txt', 'fixtures/corpus/hz2025.pandoc-grid.txt', 'fixtures/corpus/huaian2024.pdftotext-raw.txt']
  .map((f) => readFileSync(fixture(f)));
const DEBRIS = ['|', '\t', '\t\t\t', '+----+----+', '│  │', '┌──┬──┐', '第二十条第（一）项', '申请人情况', '行政复议', '[SITESERVER_PAGE]', '-3-', '<table>', '<td colspan="99">', '一、', '（七）总计', '99999999999999999999', '１．５万元', '\u0000', '\ud800', '\u0001\u0002'];

/**
 * Every guarantee a record must keep, whatever went in: it validates, the JSON line the CLI writes
 * gives it back unchanged (no NaN, no undefined, nothing lost), and the invariants of
 * src/check/invariants.ts hold against the text it was made from (`input`: the bytes, or the text
 * given to parseText).
 */
function assertSound(record: OutputRecord, input: Uint8Array | string): void {
  const parsed = RecordSchema.safeParse(record);
  expect(parsed.success, parsed.error?.message).toBe(true);
  const line = formatRecord('jsonl', record);
  expect(line.indexOf('\n')).toBe(line.length - 1);
  expect(JSON.parse(line)).toStrictEqual(record);
  if ('error' in record) return;
  const decoded = typeof input === 'string' ? { ok: true as const, text: input } : decode(input);
  if (!decoded.ok) throw new Error(`a report record from bytes that do not decode: ${decoded.code}`);
  expect(checkInvariants(record, decoded.text)).toEqual([]);
}

type Mutation = (bytes: Buffer, r: number[]) => Buffer;
const lines = (b: Buffer): string[] => b.toString('utf8').split('\n');
const MUTATIONS: Record<string, Mutation> = {
  cut: (b, [x]) => b.subarray(0, Math.floor(x! * b.length)),
  cutFront: (b, [x]) => b.subarray(Math.floor(x! * b.length)),
  deleteLine: (b, [x]) => {
    const l = lines(b);
    l.splice(Math.floor(x! * l.length), 1);
    return Buffer.from(l.join('\n'));
  },
  duplicateLines: (b, [x, y]) => {
    const l = lines(b);
    const i = Math.floor(x! * l.length);
    l.splice(i, 0, ...l.slice(i, i + 1 + Math.floor(y! * 20)));
    return Buffer.from(l.join('\n'));
  },
  shuffleLines: (b, [x, y]) => {
    const l = lines(b);
    const i = Math.floor(x! * l.length);
    const j = Math.floor(y! * l.length);
    [l[i], l[j]] = [l[j]!, l[i]!];
    return Buffer.from(l.join('\n'));
  },
  flipBytes: (b, rs) => {
    const c = Buffer.from(b);
    for (const x of rs) if (c.length > 0) c[Math.floor(x * c.length)] = Math.floor(x * 7919) % 256;
    return c;
  },
  reencode: (b, [x]) => iconv.encode(b.toString('utf8'), ['utf16le', 'utf16be', 'gb18030', 'big5'][Math.floor(x! * 4)]!),
  insertDebris: (b, rs) => {
    const l = lines(b);
    for (const x of rs) l.splice(Math.floor(x * l.length), 0, DEBRIS[Math.floor(x * 997) % DEBRIS.length]!);
    return Buffer.from(l.join('\n'));
  },
};

describe('property: mutated real reports still give sound records', () => {
  it(`${RUNS} runs, seed ${SEED}`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.array(fc.constantFrom(...Object.keys(MUTATIONS)), { minLength: 1, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 6 }),
        (source, names, rs) => {
          let bytes = SOURCES[source]!;
          for (const n of names) bytes = MUTATIONS[n]!(bytes, rs);
          assertSound(parseBuffer(bytes, { path: 'mutated.txt' }), bytes);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('arbitrary bytes never make decoding or parsing throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const d = decode(bytes);
        expect(typeof d.ok).toBe('boolean');
        assertSound(parseBuffer(bytes), bytes);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('arbitrary text with report markers never breaks a record', () => {
    const piece = fc.oneof(fc.constantFrom(...DEBRIS, '\n', '\n\n', ' ', '。', '2018年1月1日', '主动公开政府信息12条'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const text = pieces.join('');
        assertSound(parseText(text), text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('decoding never throws', () => {
  it('a BOM that lies, UTF-16 with an odd byte count, invalid sequences in each encoding', () => {
    const cases = [
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from([0xfe, 0xff, 0x00]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe, 0xfd])]),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from([0x81, 0x30, 0x81]),
    ];
    for (const c of cases) {
      const d = decode(c);
      expect(['boolean']).toContain(typeof d.ok);
    }
    for (const enc of ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const) {
      expect(() => decode(Buffer.from([0xff, 0xff, 0x00, 0xd8, 0x80]), enc)).not.toThrow();
    }
  });
});

describe('numbers that do not fit are parsed exactly or rejected, never turned into a wrong value', () => {
  it.each([
    ['99999999999999999999', 'invalid'],
    ['1e309', 'invalid'],
    ['１２３', 123],
    ['1,234', 1234],
    ['１．５万元', 1.5],
    ['12,34', 'invalid'],
    ['0x1F', 'invalid'],
    ['Infinity', 'invalid'],
  ])('%s', (text, expected) => {
    const p = cellValue(text, true);
    if (expected === 'invalid') expect(p.kind).toBe('invalid');
    else expect(p).toEqual({ kind: 'value', value: expected });
  });

  it('an unparseable value cell becomes a warning and an absent field', () => {
    const text = readFileSync(fixture(SEEDS.s001), 'utf8').split('\n');
    text[119] = '\t见附件'; // 一、本年新收 … 总计
    const r = parseText(text.join('\n'));
    expect(r.statistics.requests?.received?.total).toBeUndefined();
    expect(r.warnings).toContainEqual({ code: 'VALUE_UNPARSED', message: expect.stringContaining('"见附件"'), line: 120 });
  });
});

describe('the output is always valid JSON', () => {
  it('lone surrogates and control characters in the text are escaped', () => {
    const r = parseText('某局2018年政府信息公开工作年度报告\n一、概述\n正文\ud800有\u0001控制\u001f字符。');
    const json = JSON.stringify(r);
    expect(json).toContain('\\ud800');
    expect(JSON.parse(json).sections[1].text).toBe('正文\ud800有\u0001控制\u001f字符。');
    expect(RecordSchema.safeParse(r).success).toBe(true);
  });
});

describe('pathological inputs finish under a hard time limit', () => {
  it('repeated markers, walls of pipes and tabs, a million digits, endless brackets: each gives a record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-patho-'));
    const cases: Record<string, string> = {
      headings: '一、'.repeat(200_000),
      pipes: `${'|'.repeat(200_000)}\n${'|'.repeat(200_000)}`,
      tabs: '\tx'.repeat(100_000),
      digits: `主动公开政府信息${'9'.repeat(1_000_000)}条`,
      brackets: '（'.repeat(200_000),
      oneline: '政府信息公开'.repeat(400_000),
      cells: Array.from({ length: 20_000 }, () => '\t0').join('\n'),
      borders: '+--+\n|a|\n'.repeat(20_000),
      anchors: '申请人情况\n'.repeat(20_000),
      emails: `${'a'.repeat(200_000)}@`,
      dates: '2018年1月1日至'.repeat(100_000),
    };
    for (const [name, text] of Object.entries(cases)) writeFileSync(join(dir, `${name}.txt`), text);
    const res = await cli([dir, '--timeout-ms', '20000', '-q', '--jobs', '2']);
    expect(res.records).toHaveLength(Object.keys(cases).length);
    expect(res.records.filter((r) => 'error' in r)).toEqual([]);
  }, 120_000);
});

describe('nothing is lost', () => {
  it('a worker that dies costs one E_INTERNAL record and the batch goes on', async () => {
    process.env.DISCLOSE_PARSE_TEST_CRASH_ON = '002_491099f9f0af2def.txt';
    try {
      const res = await cli([fixture('fixtures/seeds'), '-q', '--jobs', '2']);
      expect(res.records).toHaveLength(5);
      expect(res.records.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['ok', 'ok', 'E_INTERNAL', 'ok', 'ok']);
      expect(res.code).toBe(1);
    } finally {
      delete process.env.DISCLOSE_PARSE_TEST_CRASH_ON;
    }
  });

  it('with several files per task, a crash or a runaway file costs that file only, in its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-many-'));
    for (let i = 0; i < 100; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), readFileSync(fixture(SEEDS.s004)));
    expect(filesPerTask(100, 1)).toBe(6); // so that r050 shares its task with others
    const codes = (res: { records: OutputRecord[] }): string[] => res.records.map((r) => ('error' in r ? r.error.code : 'ok'));
    const expected = (code: string): string[] => Array.from({ length: 100 }, (_, i) => (i === 50 ? code : 'ok'));
    for (const [hook, code] of [['DISCLOSE_PARSE_TEST_CRASH_ON', 'E_INTERNAL'], ['DISCLOSE_PARSE_TEST_HANG_ON', 'E_TIMEOUT']] as const) {
      process.env[hook] = 'r050.txt';
      try {
        const res = await cli([dir, '-q', '--jobs', '1', '--timeout-ms', '1000']);
        expect(res.records.map((r) => r.source.path!.split('/').at(-1))).toEqual(Array.from({ length: 100 }, (_, i) => `r${String(i).padStart(3, '0')}.txt`));
        expect(codes(res)).toEqual(expected(code));
      } finally {
        delete process.env[hook];
      }
    }
  }, 60_000);

  it('a file over the time limit gives an E_TIMEOUT record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-slow-'));
    writeFileSync(join(dir, 'big.txt'), '政府信息公开工作。'.repeat(600_000));
    writeFileSync(join(dir, 'small.txt'), readFileSync(fixture(SEEDS.s004)));
    const res = await cli([dir, '--timeout-ms', '30', '-q', '--jobs', '1']);
    expect(res.records.map((r) => r.source.path!.split('/').at(-1))).toEqual(['big.txt', 'small.txt']);
    expect(res.records[0]).toMatchObject({ error: { code: 'E_TIMEOUT' } });
  }, 60_000);

  it('the time limit runs from when a worker takes the file, not while it waits its turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-queue-'));
    for (let i = 0; i < 16; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), readFileSync(fixture(SEEDS.s001)));
    const res = await cli([dir, '--timeout-ms', '250', '-q', '--jobs', '1']);
    expect(res.records.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(Array(16).fill('ok'));
  });

  it('one line per input in every format and with one or many jobs; the summary adds up', async () => {
    const inputs = [fixture('fixtures/seeds'), fixture('fixtures/bad'), '/nonexistent/report.txt'];
    for (const jobs of ['1', '2']) {
      const dir = mkdtempSync(join(tmpdir(), 'dp-count-'));
      const jsonl = await cli([...inputs, '--jobs', jobs, '--summary', join(dir, 's.json')]);
      // 5 seeds, 15 files of fixtures/bad, 1 path that does not exist.
      expect(jsonl.records).toHaveLength(21);
      const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
      const errors = Object.values(summary.errors as Record<string, number>).reduce((a, b) => a + b, 0);
      const layouts = Object.values(summary.layouts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect([summary.files, summary.records, errors + layouts]).toEqual([21, 21, 21]);
      const json = await cli([...inputs, '--jobs', jobs, '--format', 'json', '-q']);
      expect(JSON.parse(json.stdout)).toHaveLength(21);
      const csv = await cli([...inputs, '--jobs', jobs, '--format', 'csv', '-q']);
      expect(parseCsv(csv.stdout, { columns: true })).toHaveLength(21);
    }
  });
});

describe('reading never leaves the named paths', () => {
  it.skipIf(fifos().skip)(fifos().title('links out of a walked folder are not followed unless --follow-symlinks; a FIFO is reported, not read'), async () => {
    fifos().ensure();
    const outside = mkdtempSync(join(tmpdir(), 'dp-outside-'));
    writeFileSync(join(outside, 'secret.txt'), readFileSync(fixture(SEEDS.s004)));
    writeFileSync(join(outside, 'other.txt'), readFileSync(fixture(SEEDS.s002)));
    const dir = mkdtempSync(join(tmpdir(), 'dp-walk-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'real.txt'), readFileSync(fixture(SEEDS.s003)));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'd', 'link.txt'));
    symlinkSync(outside, join(dir, 'd', 'linkdir'));
    expect(spawnSync('mkfifo', [join(dir, 'd', 'pipe.txt')]).status).toBe(0);
    const plain = await cli([dir, '-q']);
    expect(plain.records.map((r) => [r.source.path!.slice(dir.length), 'error' in r ? r.error.code : 'ok'])).toEqual([
      ['/d/pipe.txt', 'E_NOT_FILE'],
      ['/d/real.txt', 'ok'],
    ]);
    const followed = await cli([dir, '-q', '--follow-symlinks']);
    expect(followed.records.map((r) => r.source.path!.slice(dir.length))).toEqual([
      '/d/link.txt', // linkdir/secret.txt is the same file: read once, under the name met first
      '/d/linkdir/other.txt',
      '/d/pipe.txt',
      '/d/real.txt',
    ]);
  });
});

// The readers that build a cell from several lines or cut one token into several cells (cells
// between lone separators, rows run together, wrapped tab cells) must keep every value on the line
// it stands on, whatever a mutation does to the text around it.
describe('property: mutated texts of the multi-line and run-together readers keep their invariants', () => {
  const SOURCES = ['shapes/sh2019.bs4-get-text.txt', 'shapes/pingtan2024.bs4-get-text.txt', 'shapes/sh2019.py-html2text.txt', 'shapes/pingtan2024.innertext.txt', 'shapes/sh2019.node-html-markdown.txt', 'encodings/seed001.doubled-cp1252.txt', 'seeds/001_437bbae1d74230cf.txt'].map((f) => readFileSync(fixture(`fixtures/${f}`)));
  const PIECES = ['\u00a0', '|', '\t', '\n', '  ', '0', '123', '（', '总计', '申请人情况', '\n| \n', '\n\t\n', '行政许可', '\ufffd'].map((p) => Buffer.from(p));

  it('300 runs, seed 11', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 199 })), { minLength: 1, maxLength: 20 }),
        (source, edits) => {
          let b = SOURCES[source]!;
          for (const [op, x, k] of edits) {
            const at = Math.floor(x * b.length);
            if (op === 0) b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (k % 20))]);
            else if (op === 1) b = Buffer.concat([b.subarray(0, at), PIECES[k % PIECES.length]!, b.subarray(at)]);
            else b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + k), b.subarray(at)]);
          }
          const record = parseBuffer(b, {});
          const decoded = decode(b);
          if ('error' in record || !decoded.ok) return;
          expect(checkInvariants(record, decoded.text)).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
