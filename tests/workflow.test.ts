import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/write/columns.js';
import { STATISTICS_PATHS } from '../src/statistics.js';
import { diffRecords } from '../src/check/compare.js';
import { SEEDS, cli, fixture } from './helpers.js';

function copySeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-check-'));
  cpSync(fixture('fixtures/seeds'), dir, { recursive: true });
  return dir;
}

describe('check: golden files', () => {
  it('the fixture corpus matches its expected files', async () => {
    const res = await cli(['check', fixture('fixtures')]);
    expect(res.code).toBe(0);
    expect(res.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('a changed number fails with its dotted path, and the last line says so', async () => {
    const dir = copySeeds();
    const file = join(dir, '001_437bbae1d74230cf.expected.json');
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    expect(expected.statistics.requests.received.total).toBe(11);
    expected.statistics.requests.received.total = 12;
    writeFileSync(file, JSON.stringify(expected));
    const res = await cli(['check', dir]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('statistics.requests.received.total: expected 12, got 11');
    expect(res.stdout.trim().split('\n').at(-1)).toBe('4 passed, 1 failed');
  });

  it('ignores where the corpus lives and the key order of the expected file', async () => {
    const dir = copySeeds();
    const file = join(dir, '004_8918e37dbcb91c3e.expected.json');
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    const reordered = Object.fromEntries(Object.entries(expected).reverse());
    writeFileSync(file, JSON.stringify(reordered));
    const res = await cli(['check', dir]);
    expect(res.stdout.trim()).toBe('5 passed, 0 failed');
  });

  it('a missing expected file is a failure; --update writes it, only for the files found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-update-'));
    cpSync(fixture(SEEDS.s003), join(dir, 'r.txt'));
    const before = await cli(['check', dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('no expected file');
    const update = await cli(['check', dir, '--update']);
    expect(update.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['r.expected.json', 'r.txt']);
    expect(JSON.parse(readFileSync(join(dir, 'r.expected.json'), 'utf8')).source.path).toBe('r.txt');
    expect((await cli(['check', dir])).stdout.trim()).toBe('1 passed, 0 failed');
  });

  it('diffs arrays and objects by dotted path', () => {
    expect(diffRecords({ a: [1, { b: 2 }], c: 'x' }, { a: [1, { b: 3 }, 4], d: 1 })).toEqual([
      'a.1.b: expected 2, got 3',
      'a.2: expected (absent), got 4',
      'c: expected "x", got (absent)',
      'd: expected (absent), got 1',
    ]);
  });
});

describe('output formats', () => {
  it('CSV: one row per report, metadata and every statistics leaf as a column, read back by a CSV reader', async () => {
    const res = await cli([fixture('fixtures/seeds'), '--format', 'csv', '-q']);
    expect(res.stdout.startsWith('\ufeff')).toBe(false);
    const rows = parse(res.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS);
    expect(STATISTICS_PATHS).toContain('requests.received.total');
    expect(STATISTICS_PATHS.indexOf('proactive.published')).toBeLessThan(STATISTICS_PATHS.indexOf('meetings.trainees'));
    const [s000, s001, s002] = rows;
    expect(s000!['agency']).toBe('张店区卫计局');
    expect(s000!['proactive.published']).toBe('810');
    expect(s001!['requests.received.total']).toBe('11');
    expect(s001!['proactive.procurement.amountWan']).toBe('1480.8758');
    expect(s001!['layout']).toBe('2019');
    expect(s001!['checks_failed']).toBe('0');
    expect(s002!['staffing.staff']).toBe('1');
    expect(s002!['requests.received.naturalPerson']).toBe('');
  });

  it('CSV with --excel starts with a BOM; error records are rows with their code', async () => {
    const res = await cli([fixture('fixtures/bad/empty.txt'), fixture(SEEDS.s004), '--format', 'csv', '--excel', '-q']);
    expect(res.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parse(res.stdout.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r['error'], r['agency']])).toEqual([
      ['E_EMPTY', ''],
      ['', '桦川县卫生局'],
    ]);
  });

  it('JSON: one array', async () => {
    const res = await cli([fixture('fixtures/seeds'), '--format', 'json', '-q']);
    const all = JSON.parse(res.stdout) as Array<{ report: { year: number } }>;
    expect(all.map((r) => r.report.year)).toEqual([2017, 2020, 2018, 2018, 2013]);
    const none = await cli([mkdtempSync(join(tmpdir(), 'dp-none-')), '--format', 'json', '-q']);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('-o writes the file whole, and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-out-'));
    const out = join(dir, 'reports.jsonl');
    const res = await cli([fixture('fixtures/seeds'), '-o', out, '-q']);
    expect(res.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5);
    expect(readdirSync(dir)).toEqual(['reports.jsonl']); // no temporary file left behind
  });

  it('-o to a pipe or device writes into it and leaves it what it was (never renamed over)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-fifo-'));
    const fifo = join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const chunks: Buffer[] = [];
    const read = new Promise<void>((resolve, reject) => {
      createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', resolve).on('error', reject);
    });
    const res = await cli([fixture('fixtures/seeds'), '-o', fifo, '-q']);
    await read;
    expect(res.code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8').trim().split('\n')).toHaveLength(5);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });

  it('--slim drops section text and table cells but keeps numbers and provenance', async () => {
    const res = await cli([fixture(SEEDS.s001), '--slim', '-q']);
    const r = JSON.parse(res.stdout);
    expect(r.sections[1].text).toBe('');
    expect(r.sections[1].children[0].title).toBe('搭建平台，拓展公开渠道');
    expect(r.tables[5].rows).toEqual([]);
    expect(r.statistics.requests.received.total).toBe(11);
    expect(r.provenance['requests.received.total'].line).toBe(120);
  });
});

describe('summary', () => {
  it('on stderr, and as JSON with --summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-sum-'));
    const file = join(dir, 'summary.json');
    const res = await cli([fixture('fixtures/seeds'), fixture('fixtures/bad'), '--summary', file]);
    expect(res.stderr).toContain('disclose-parse: 15 files, 15 records, 6 error records (E_BINARY 2, E_CORRUPT 1, E_DECODE 1, E_EMPTY 2)');
    expect(res.stderr).toContain('layouts 2019 2, pre2019 6, unknown 1; 0 reports with failed checks');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      files: 15,
      records: 15,
      errors: { E_BINARY: 2, E_CORRUPT: 1, E_DECODE: 1, E_EMPTY: 2 },
      layouts: { '2019': 2, pre2019: 6, unknown: 1 },
      reportsWithFailedChecks: 0,
    });
    expect(existsSync(file)).toBe(true);
  });

  it('--quiet prints nothing on stderr', async () => {
    const res = await cli([fixture('fixtures/seeds'), '-q']);
    expect(res.stderr).toBe('');
  });
});

describe('progress bar', () => {
  it('shows files done/total and rate when wanted for a long batch, nothing when not wanted or short', async () => {
    const { PassThrough } = await import('node:stream');
    const { makeProgress } = await import('../src/run/progress.js');
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let out = '';
    tty.on('data', (d: Buffer) => (out += d.toString()));
    const bar = makeProgress(tty, 60, true);
    for (let i = 0; i < 60; i++) bar.tick();
    bar.stop();
    expect(out).toContain('60/60 files');
    expect(out).toMatch(/\d+ files\/s/);
    out = '';
    const none = makeProgress(tty, 60, false);
    none.tick();
    none.stop();
    const short = makeProgress(tty, 10, true);
    short.tick();
    short.stop();
    expect(out).toBe('');
  });
});

describe('check in CI: golden files never pass by accident', () => {
  it('a folder without report files fails loudly', async () => {
    const res = await cli(['check', mkdtempSync(join(tmpdir(), 'dp-nothing-'))]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/✗ no report files in .*dp-nothing-.* \(pattern \*\*\/\*\.\{txt,html,htm,shtml,pdf,docx\}\): nothing was checked\n0 passed, 0 failed\n$/);
  });

  it('check without a folder is a usage error, not a walk of the current directory', async () => {
    const res = await cli(['check']);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe("disclose-parse: missing required argument 'dirs'\n(run disclose-parse check --help for usage)\n");
  });

  it('--update never freezes a record that says the file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-freeze-'));
    const res = await cli(['check', join(dir, 'missing.txt'), '--update']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(`✗ ${join(dir, 'missing.txt')}: not written: E_NOT_FOUND no such file`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a corrupt expected file: one line naming it, exit 2, and the other files still checked', async () => {
    const dir = copySeeds();
    writeFileSync(join(dir, '002_491099f9f0af2def.expected.json'), '{"schema": "disclose-parse/report@1", "sour');
    const res = await cli(['check', dir]);
    expect(res.code).toBe(2);
    expect(res.stdout).toMatch(new RegExp(`✗ ${join(dir, '002_491099f9f0af2def.txt')}: cannot read expected file ${join(dir, '002_491099f9f0af2def.expected.json')}: not JSON: .*\\n`));
    expect(res.stdout).not.toMatch(/\n\s+at /);
    expect(res.stdout.trim().split('\n').at(-1)).toBe('4 passed, 1 failed');
  });

  it('--update says per file which statistics change (old → new) and how many checks flip', async () => {
    const dir = copySeeds();
    const file = join(dir, '001_437bbae1d74230cf.expected.json');
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    expected.statistics.requests.received.total = 12;
    expected.statistics.requests.received.naturalPerson = 99;
    const balance = expected.checks.find((c: { status: string }) => c.status === 'pass');
    balance.status = 'fail';
    writeFileSync(file, JSON.stringify(expected, null, 2) + '\n');
    const res = await cli(['check', dir, '--update']);
    expect(res.code).toBe(0);
    const key = [balance.rule, balance.path, balance.column].filter((x) => x !== undefined).join(' ');
    expect(res.stdout).toBe(
      `updated ${file}\n` +
        '    2 statistic(s) changed, 1 check(s) flipped\n' +
        `    statistics.requests.received.naturalPerson: 99 → ${JSON.parse(readFileSync(file, 'utf8')).statistics.requests.received.naturalPerson}\n` +
        '    statistics.requests.received.total: 12 → 11\n' +
        `    check ${key}: fail → pass\n` +
        '1 expected file(s) written, 4 unchanged\n' +
        '5 passed, 0 failed\n',
    );
    expect((await cli(['check', dir])).code).toBe(0);
  });

  it('a long string that differs is shown where it differs', () => {
    const base = '本报告依据《中华人民共和国政府信息公开条例》'.repeat(8);
    const lines = diffRecords({ text: `${base}第一部分。` }, { text: `${base}第二部分。` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('第一部分。", got …');
    expect(lines[0]).toMatch(/第二部分。" \(they differ/);
    expect(lines[0]).toContain(`they differ from character ${base.length + 2} on`);
  });
});

describe('CSV for Stata, R and pandas', () => {
  it('--columns short: names of at most 32 letters, digits and _, all different; the codebook beside the CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-short-'));
    const out = join(dir, 'reports.csv');
    const res = await cli([fixture('fixtures/seeds'), '--format', 'csv', '--columns', 'short', '-o', out, '-q']);
    expect(res.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8')) as string[][];
    const header = rows[0]!;
    expect(header).toHaveLength(CSV_COLUMNS.length);
    for (const name of header) expect(name, name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    expect(new Set(header.map((h) => h.toLowerCase())).size).toBe(header.length);
    const codebook = parse(readFileSync(join(dir, 'reports.codebook.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(codebook.map((c) => c['short'])).toEqual(header);
    expect(codebook.map((c) => c['canonical'])).toEqual(CSV_COLUMNS);
    const total = codebook.find((c) => c['canonical'] === 'requests.received.total')!;
    expect(total).toEqual({ short: 'req_recv_tot', canonical: 'requests.received.total', label: '（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量 / 申请人情况 / 总计（2019、2021）' });
    // Each statistic's label is the forms' wording of its cell: 2019 and 2021 word 规章's first column apart.
    expect(codebook.find((c) => c['canonical'] === 'proactive.regulations.issued')!['label']).toBe('规章 / 本年新制作数量（2019）；规章 / 本年制发件数（2021）');
    const s001 = rows[2]!;
    expect(s001[header.indexOf('req_recv_tot')]).toBe('11');
  });

  it('carries agencyKey and the warning codes, and quotes postcode so that it stays text', async () => {
    const res = await cli([fixture('fixtures/corpus/huaian2024.pdftotext-layout.txt'), fixture('fixtures/bad/error-page.txt'), '--format', 'csv', '-q']);
    const [page, huaian] = parse(res.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(page!['path']).toBe(fixture('fixtures/bad/error-page.txt'));
    expect(page!['warningCodes']).toBe('NOT_A_REPORT');
    expect(huaian!['agencyKey']).toBe('淮安市人民政府');
    const [, record] = (await cli([fixture('fixtures/corpus/huaian2024.pdftotext-layout.txt'), fixture('fixtures/bad/error-page.txt'), '-q'])).records;
    expect(huaian!['warningCodes']).toBe([...new Set('warnings' in record! ? record.warnings.map((w) => w.code) : [])].join('; '));
    const postcode = 'report' in record! ? record.report.contact.postcode : null;
    expect(postcode).toMatch(/^\d{6}$/);
    expect(res.stdout).toContain(`,"${postcode}",`);
  });
});

describe('CSV options without CSV', () => {
  it('--columns and --codebook without --format csv are usage errors', async () => {
    const columns = await cli([fixture(SEEDS.s004), '--columns', 'short']);
    expect([columns.code, columns.stderr, columns.stdout]).toEqual([2, 'disclose-parse: --columns short goes with --format csv\n', '']);
    const codebook = await cli([fixture(SEEDS.s004), '--codebook', join(tmpdir(), 'cb.csv')]);
    expect([codebook.code, codebook.stderr]).toEqual([2, 'disclose-parse: --codebook goes with --format csv\n']);
  });
});

describe('the codebook of a CSV sent into a device', () => {
  it('is not written beside it (there is no beside)', async () => {
    const res = await cli([fixture(SEEDS.s004), '--format', 'csv', '-o', '/dev/null', '-q']);
    expect(res.code).toBe(0);
    expect(existsSync('/dev/null.codebook.csv')).toBe(false);
  });
});
