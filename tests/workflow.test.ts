import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/write/columns.js';
import { STATISTICS_PATHS } from '../src/statistics.js';
import { describeChanges, updateChanges } from '../src/check/changes.js';
import { diffRecords } from '../src/check/compare.js';
import { SEEDS, cli, expectCliError, fifos, fixture } from './helpers.js';

function copySeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-check-'));
  cpSync(fixture('fixtures/seeds'), dir, { recursive: true });
  return dir;
}

describe('check: golden files', () => {
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
    expect([s001!['failedCheckCount'], s001!['failedRules'], s001!['warningCount'], s001!['warningCodes']]).toEqual(['0', '', '0', '']);
    expect(s002!['staffing.staff']).toBe('1');
    expect(s002!['requests.received.naturalPerson']).toBe('');
  });

  it('CSV: the failed rules and the warning codes beside their counts, each once, one naming convention', async () => {
    const res = await cli([fixture('fixtures/converters/hzq2024.mutool-txt.txt'), fixture('fixtures/converters/template2021.docx2txt.txt'), '--format', 'csv', '-q']);
    const [hzq, template] = parse(res.stdout, { columns: true }) as Array<Record<string, string>>;
    const pick = (r: Record<string, string>): string[] => ['failedCheckCount', 'failedRules', 'warningCount', 'warningCodes'].map((c) => r[c]!);
    expect(pick(hzq!)).toEqual(['1', 'prose.table', '1', 'PROSE_TABLE_MISMATCH']);
    expect(pick(template!)).toEqual(['0', '', '6', 'ROW_EMPTY; TABLES_MISSING; STATISTICS_EMPTY']);
    // camelCase metadata; a count ends in Count, a list is a plural noun: no snake_case, no bare `warnings`.
    const meta = CSV_COLUMNS.filter((c) => !c.includes('.'));
    for (const c of meta) expect(c, c).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(meta).not.toContain('warnings');
    expect(meta.filter((c) => c.endsWith('Count'))).toEqual(['failedCheckCount', 'warningCount']);
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

  it.skipIf(fifos().skip)(fifos().title('-o to a pipe or device writes into it and leaves it what it was (never renamed over)'), async () => {
    fifos().ensure();
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
  it('on stderr, and as JSON with --summary: counts, and each warning code and failed rule with its first files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-sum-'));
    const file = join(dir, 'summary.json');
    const hzq = fixture('fixtures/converters/hzq2024.mutool-txt.txt');
    const res = await cli([fixture('fixtures/seeds'), fixture('fixtures/bad'), hzq, '--summary', file]);
    expect(res.stderr).toBe(
      'disclose-parse: 21 files, 21 records, 6 error records (E_BINARY 2, E_CORRUPT 1, E_DECODE 1, E_EMPTY 2)\n' +
        'disclose-parse: layouts 2019 3, 2021 1, pre2019 10, unknown 1; 1 report with failed checks (prose.table 1)\n' +
        'disclose-parse: 9 reports with warnings (DECODE_BOM 2, DECODE_NUL 1, DECODE_REPLACED 1, NOT_A_REPORT 1, PROSE_TABLE_MISMATCH 1, STATISTICS_EMPTY 1, TABLES_MISSING 2)\n',
    );
    const bad = (name: string): string => fixture(`fixtures/bad/${name}`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      files: 21,
      records: 21,
      errors: { E_BINARY: 2, E_CORRUPT: 1, E_DECODE: 1, E_EMPTY: 2 },
      layouts: { '2019': 3, '2021': 1, pre2019: 10, unknown: 1 },
      reportsWithFailedChecks: 1,
      reportsWithWarnings: 9,
      warningCodes: {
        DECODE_BOM: { reports: 2, examples: [bad('lying-bom.txt'), bad('lying-utf16-bom.txt')] },
        DECODE_NUL: { reports: 1, examples: [bad('stray-nul.txt')] },
        DECODE_REPLACED: { reports: 1, examples: [bad('lone-surrogates.txt')] },
        NOT_A_REPORT: { reports: 1, examples: [bad('error-page.txt')] },
        PROSE_TABLE_MISMATCH: { reports: 1, examples: [hzq] },
        STATISTICS_EMPTY: { reports: 1, examples: [bad('cut-before-numbers.txt')] },
        TABLES_MISSING: { reports: 2, examples: [bad('one-line-page.txt'), bad('truncated-download.txt')] },
      },
      failedRules: { 'prose.table': { reports: 1, examples: [hzq] } },
    });
  });

  it('names at most three files per code, the first in the batch, and one file as "1 file"', async () => {
    const templates = ['docx2txt', 'libreoffice-txt', 'odt2txt', 'pandoc-gfm'].map((c) => fixture(`fixtures/converters/template2021.${c}.txt`));
    const dir = mkdtempSync(join(tmpdir(), 'dp-sum3-'));
    const res = await cli([...templates, '--summary', join(dir, 's.json')]);
    const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(summary.warningCodes.STATISTICS_EMPTY).toEqual({ reports: 4, examples: templates.slice(0, 3) });
    expect(summary.warningCodes.TABLES_MISSING).toEqual({ reports: 3, examples: templates.slice(0, 3) });
    expect(res.stderr).toContain('disclose-parse: 4 files, 4 records, 0 error records (none)\n');
    const one = await cli([fixture(SEEDS.s004)]);
    expect(one.stderr).toBe('disclose-parse: 1 file, 1 record, 0 error records (none)\ndisclose-parse: layouts pre2019 1; 0 reports with failed checks\n');
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
    expectCliError(await cli(['check']), 2, "missing required argument 'dirs'", 'check ');
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

  it('--update prints every difference it writes: metadata, a table cell and a warning, not only statistics and checks', async () => {
    const dir = copySeeds();
    const file = join(dir, '001_437bbae1d74230cf.expected.json');
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    expect([expected.report.agency, expected.report.year, expected.report.layout, expected.tables[5].rows[3][9]]).toEqual(['聊城市卫生健康委员会', 2020, '2019', '11']);
    expected.report.agency = '聊城市卫健委';
    expected.report.year = 2019;
    expected.report.layout = '2021';
    expected.tables[5].rows[3][9] = '12';
    expected.warnings.push({ code: 'TABLE_RAGGED', message: 'a row was padded', line: 120 });
    writeFileSync(file, JSON.stringify(expected, null, 2) + '\n');
    const plain = await cli(['check', dir]);
    expect(plain.stdout.split('\n').filter((l) => l.startsWith('    '))).toHaveLength(5);
    const res = await cli(['check', dir, '--update']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      `updated ${file}\n` +
        '    0 statistic(s) changed, 0 check(s) flipped, 5 other difference(s) (report 3, warnings 1, tables 1)\n' +
        '    report.agency: "聊城市卫健委" → "聊城市卫生健康委员会"\n' +
        '    report.layout: "2021" → "2019"\n' +
        '    report.year: 2019 → 2020\n' +
        '    warning removed: TABLE_RAGGED (line 120): a row was padded\n' +
        '    tables.5.rows.3.9: "12" → "11"\n' +
        '1 expected file(s) written, 4 unchanged\n' +
        '5 passed, 0 failed\n',
    );
    expect((await cli(['check', dir])).code).toBe(0);
  });

  it('--update counts every change of a part, also beyond the lines it shows', () => {
    const rows = (v: string): { tables: Array<{ rows: string[][] }> } => ({ tables: [{ rows: Array.from({ length: 30 }, () => [v]) }] });
    const lines = describeChanges(updateChanges(rows('1'), rows('2')));
    expect(lines[0]).toBe('0 statistic(s) changed, 0 check(s) flipped, 30 other difference(s) (tables 30)');
    expect(lines[1]).toBe('tables.0.rows.0.0: "1" → "2"');
    expect(lines.at(-1)).toBe('… and 10 more in tables');
    expect(lines).toHaveLength(1 + 20 + 1);
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
    const meetings = codebook.filter((c) => c['canonical']!.startsWith('meetings.'));
    expect(meetings.map((c) => [c['short'], c['label']])).toEqual([
      ['mtg_meetings', '（一）召开政府信息公开工作会议或专题会议数'],
      ['mtg_training', '（二）举办各类培训班数'],
      ['mtg_trainees', '（三）接受培训人员数'],
    ]);
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
    expectCliError(await cli([fixture(SEEDS.s004), '--columns', 'short']), 2, '--columns short goes with --format csv');
    expectCliError(await cli([fixture(SEEDS.s004), '--codebook', join(tmpdir(), 'cb.csv')]), 2, '--codebook goes with --format csv');
  });
});

describe('the codebook of a CSV sent into a device', () => {
  it('is not written beside it (there is no beside)', async () => {
    const res = await cli([fixture(SEEDS.s004), '--format', 'csv', '-o', '/dev/null', '-q']);
    expect(res.code).toBe(0);
    expect(existsSync('/dev/null.codebook.csv')).toBe(false);
  });
});
