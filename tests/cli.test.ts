import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordSchema } from '../src/schema.js';
import { EXIT } from '../src/cli.js';
import { ROOT, SEEDS, cli, expectCliError, fifos, fixture } from './helpers.js';

const seedPaths = Object.values(SEEDS).map(fixture);

function paths(records: Array<{ source: { path: string | null } }>): Array<string | null> {
  return records.map((r) => r.source.path);
}

describe('inputs and ordering', () => {
  it('walks a folder recursively and prints one record per report, in sorted order, exit 0', async () => {
    const res = await cli([fixture('fixtures/seeds')]);
    expect(res.code).toBe(EXIT.OK);
    expect(paths(res.records)).toEqual(seedPaths);
    expect(res.records.every((r) => !('error' in r))).toBe(true);
  });

  it('sorts and deduplicates whatever the order of the arguments', async () => {
    const res = await cli([seedPaths[3]!, fixture('fixtures/seeds'), seedPaths[0]!, `${fixture('fixtures/seeds')}/00[12]_*.txt`]);
    expect(paths(res.records)).toEqual(seedPaths);
  });

  it('keeps relative paths relative, as the user named them', async () => {
    const res = await cli(['fixtures/seeds/002_491099f9f0af2def.txt']);
    expect(res.records[0]!.source.path).toBe('fixtures/seeds/002_491099f9f0af2def.txt');
  });

  it('--glob changes which files a folder contributes', async () => {
    const res = await cli([fixture('fixtures/seeds'), '--glob', '00[34]_*.txt']);
    expect(paths(res.records)).toEqual([seedPaths[3], seedPaths[4]]);
  });

  it('--files-from reads a list from a file and from stdin ("-"), skipping blank lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-list-'));
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${seedPaths[4]}\r\n\n${seedPaths[1]}\n`);
    const fromFile = await cli(['--files-from', list]);
    expect(paths(fromFile.records)).toEqual([seedPaths[1], seedPaths[4]]);
    const fromStdin = await cli(['--files-from', '-'], `${seedPaths[2]}\n${seedPaths[0]}\n`);
    expect(paths(fromStdin.records)).toEqual([seedPaths[0], seedPaths[2]]);
  });

  it('does not hang on a symlink loop, with or without --follow-symlinks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-loop-'));
    mkdirSync(join(dir, 'a'));
    copyFileSync(seedPaths[4]!, join(dir, 'a', 'r.txt'));
    symlinkSync(dir, join(dir, 'a', 'loop'));
    const plain = await cli([dir]);
    expect(paths(plain.records)).toEqual([join(dir, 'a', 'r.txt')]);
    const followed = await cli([dir, '--follow-symlinks']);
    expect(followed.code).toBe(EXIT.OK);
    expect(followed.records.length).toBeGreaterThanOrEqual(1);
    expect(new Set(followed.records.map((r) => r.source.sha256)).size).toBe(1);
  });
});

describe('bad input: one error record per path, and the batch goes on', () => {
  it('gives each kind of bad file its code, keeps the good ones, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-bad-'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, '政府信息公开'.repeat(1000)); // 18 000 bytes; seed 000 is 8 775
    const res = await cli([fixture('fixtures/bad'), seedPaths[0]!, join(dir, 'vanished.txt'), dir, '--max-bytes', '10000']);
    expect(res.code).toBe(EXIT.SOME_ERRORS);
    const byName = Object.fromEntries(
      res.records.map((r) => [r.source.path!.split('/').at(-1), 'error' in r ? r.error.code : 'ok']),
    );
    expect(byName).toEqual({
      'big.txt': 'E_TOO_LARGE',
      'cut-before-numbers.txt': 'ok',
      'empty.txt': 'E_EMPTY',
      'error-page.txt': 'ok',
      'lone-surrogates.txt': 'ok',
      'lying-bom.txt': 'ok',
      'lying-utf16-bom.txt': 'ok',
      'nul-bytes.txt': 'E_BINARY',
      'one-line-page.txt': 'ok',
      'pdf-as-text.txt': 'E_CORRUPT',
      'saved-image.txt': 'E_BINARY',
      'stray-nul.txt': 'ok',
      'truncated-download.txt': 'ok',
      'undecodable.txt': 'E_DECODE',
      'utf16-odd-length.txt': 'ok',
      'whitespace-only.txt': 'E_EMPTY',
      'vanished.txt': 'E_NOT_FOUND',
      '000_284e267f8b609106.txt': 'ok',
    });
    const page = res.records.find((r) => r.source.path!.endsWith('error-page.txt'))!;
    expect('warnings' in page && page.warnings.map((w) => w.code)).toEqual(['NOT_A_REPORT']);
    for (const r of res.records) expect(RecordSchema.safeParse(r).success).toBe(true);
  });

  it.skipIf(fifos().skip)(fifos().title('reports a FIFO without reading it (reading would block)'), async () => {
    fifos().ensure();
    const dir = mkdtempSync(join(tmpdir(), 'dp-fifo-'));
    const fifo = join(dir, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const res = await cli([fifo]);
    expect(res.records).toMatchObject([{ error: { code: 'E_NOT_FILE' } }]);
  });

  it('an empty folder gives no records, a note on stderr and exit 0', async () => {
    const res = await cli([mkdtempSync(join(tmpdir(), 'dp-empty-'))]);
    expect(res.records).toEqual([]);
    expect(res.stderr).toMatch(/no report files found in .*dp-empty-.* \(pattern \*\*\/\*\.\{txt,html,htm,shtml,pdf,docx\}\)/);
    expect(res.code).toBe(EXIT.OK);
  });
});

describe('usage errors exit 2', () => {
  it('no input at all', async () => {
    expect((await cli([])).code).toBe(EXIT.USAGE);
  });
  it('an unknown option', async () => {
    const res = await cli(['--no-such-option', seedPaths[0]!]);
    expect(res.code).toBe(EXIT.USAGE);
    expect(res.records).toEqual([]);
  });
  it('a bad --max-bytes or --encoding value', async () => {
    expect((await cli(['--max-bytes', 'lots', seedPaths[0]!])).code).toBe(EXIT.USAGE);
    expect((await cli(['--encoding', 'latin1', seedPaths[0]!])).code).toBe(EXIT.USAGE);
  });
  it('an unreadable --files-from list', async () => {
    expect((await cli(['--files-from', '/nonexistent/list.txt'])).code).toBe(EXIT.USAGE);
  });
});

describe('the installed command', () => {
  const bin = join(ROOT, 'bin', 'disclose-parse.js');

  it('runs from bin/ and prints the five seed records', () => {
    const res = spawnSync(process.execPath, [bin, 'fixtures/seeds'], { cwd: ROOT, encoding: 'utf8' });
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[1]!).report.agency).toBe('聊城市卫生健康委员会');
  });

  it('--help ends with examples and the exit codes', async () => {
    const res = await cli(['--help']);
    expect(res.code).toBe(EXIT.OK);
    const after = res.stdout.slice(res.stdout.indexOf('\nExamples:\n'));
    expect(after).toContain('disclose-parse archive/ -o reports.csv ');
    expect(after).toContain("find archive -name '*.txt' -print0 | disclose-parse --files-from - -0");
    const codes = after.slice(after.indexOf('\nExit codes:\n')).split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(codes).toEqual(['0', '1', '2', '128+N']);
  });

  it('the JSON Schema describes every field, a statistic by its label on the form', async () => {
    const schema = JSON.parse((await cli(['schema'])).stdout) as Record<string, unknown>;
    const undescribed: string[] = [];
    let fields = 0;
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties ?? {};
      for (const [key, value] of Object.entries(properties)) {
        fields++;
        if (typeof value.description !== 'string' || value.description === '') undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, key === 'properties' ? path : `${path}.${key}`);
    };
    walk(schema, '');
    expect(fields).toBeGreaterThan(500);
    expect(undescribed).toEqual([]);
    const report = (schema as { anyOf: Array<{ properties: Record<string, { properties: Record<string, { description: string; properties: Record<string, { description: string }> }> }> }> }).anyOf[0]!;
    const received = report.properties['statistics']!.properties['requests']!.properties['received']!;
    expect(received.description).toBe('（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量（2019、2021）');
    expect(received.properties['naturalPerson']!.description).toBe('一、本年新收政府信息公开申请数量 / 申请人情况 / 自然人');
  });

  it('schema prints the JSON Schema generated from the zod schema', async () => {
    const res = await cli(['schema']);
    const schema = JSON.parse(res.stdout) as { $schema: string; anyOf: unknown[] };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.anyOf).toHaveLength(2);
    expect(res.stdout).toContain('"lineEnding"');
  });
});

describe('the contract', () => {
  it('every golden record validates against the schema (check fixtures, the last step of npm test, holds each record to its golden)', () => {
    const goldens = readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.expected.json'));
    expect(goldens.length).toBeGreaterThan(140);
    for (const g of goldens) {
      const parsed = RecordSchema.safeParse(JSON.parse(readFileSync(join(ROOT, 'fixtures', g), 'utf8')));
      expect(parsed.success, `${g}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('errors: one line, one prefix, exit 2 before any work', () => {
  const missing = join(tmpdir(), 'dp-no-such-folder', 'x');

  it('an output that cannot be written: -o into a missing folder or onto a folder, --summary and --panel into a missing folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dp-folder-'));
    const cases: Array<[string[], string]> = [
      [['-o', `${missing}.jsonl`], `cannot write ${missing}.jsonl: no such folder`],
      [['-o', folder], `cannot write ${folder}: it is a folder`],
      [['--summary', `${missing}.json`], `cannot write ${missing}.json: no such folder`],
      [['--panel', `${missing}.jsonl`], `cannot write ${missing}.jsonl: no such folder`],
    ];
    // Told before any record was made: nothing on stdout.
    for (const [args, fragment] of cases) expectCliError(await cli([seedPaths[0]!, ...args]), EXIT.USAGE, fragment);
  });

  it('an unknown option: the error and one hint line, not the whole help', async () => {
    expectCliError(await cli(['--no-such-option', seedPaths[0]!]), EXIT.USAGE, "unknown option '--no-such-option'", '');
    expectCliError(await cli(['check', '--no-such-option', 'fixtures']), EXIT.USAGE, "unknown option '--no-such-option'", 'check ');
  });

  it('--version and -V print the version of package.json', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    for (const flag of ['--version', '-V']) {
      const res = await cli([flag]);
      expect(res.code).toBe(EXIT.OK);
      expect(res.stdout).toBe(`${version}\n`);
    }
  });

  it('options of the main command after a subcommand: taken where they make sense, refused otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-subopts-'));
    const schema = await cli(['schema', '-o', join(dir, 's.json')]);
    expect(schema.code).toBe(EXIT.OK);
    expect(schema.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).anyOf).toHaveLength(2);
    writeFileSync(join(dir, 'r.jsonl'), (await cli([fixture('fixtures/corpus/huaian2024.pdftotext-layout.txt'), fixture('fixtures/corpus/huaian2024.pdftotext-raw.txt'), '-q'])).stdout);
    const panel = await cli(['panel', join(dir, 'r.jsonl'), '-o', join(dir, 'p.jsonl')]);
    expect(panel.code).toBe(EXIT.OK);
    expect(JSON.parse(readFileSync(join(dir, 'p.jsonl'), 'utf8')).rule).toBe('panel.duplicate');
    expectCliError(await cli(['schema', '--slim']), EXIT.USAGE, 'schema does not take --slim', 'schema ');
    expectCliError(await cli(['-q', 'schema']), EXIT.USAGE, '--quiet before schema');
    const format = await cli(['panel', join(dir, 'r.jsonl'), '--format', 'csv']);
    expect(format.code).toBe(EXIT.USAGE);
    expect(format.stderr).toContain('panel does not take --format');
  });

  it("the README's first command succeeds", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const first = /```sh\n(npm install && )?npx disclose-parse ([^>\n]+?) > out\.jsonl/.exec(readme);
    expect(first, 'the README starts with npx disclose-parse … > out.jsonl').not.toBeNull();
    const res = await cli([...first![2]!.trim().split(/\s+/), '-q']);
    expect(res.records.length).toBeGreaterThan(0);
    expect(res.code).toBe(EXIT.OK);
  });
});

/** Run the built command with stdout closed by its reader before it reads anything (`| head -0`); what it printed on stderr. */
async function closedEarly(args: string[]): Promise<{ stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'disclose-parse.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { stderr, code };
}

describe('a reader that goes away (| head -1)', () => {
  it('ends every subcommand quietly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-epipe-'));
    const records = join(dir, 'r.jsonl');
    const many = (await cli([fixture('fixtures/corpus/huaian2024.pdftotext-layout.txt'), '-q', '--slim'])).stdout;
    const lines = many.replace(/"agencyKey":"[^"]*"/, '"agencyKey":"K"');
    // Enough panel lines to fill a pipe: one agency in many years.
    writeFileSync(records, Array.from({ length: 3000 }, (_, i) => lines.replace(/"year":\d+/, `"year":${1000 + i}`)).join(''));
    for (const args of [['schema'], ['check', 'fixtures/seeds'], ['panel', records]]) {
      const res = await closedEarly(args);
      expect(res.stderr, args.join(' ')).not.toMatch(/Error|EPIPE|at /);
    }
  });
});

describe('terminal conventions', () => {
  /** A folder of 50 short reports: long enough for a progress bar, quick to parse five times over. */
  function batch(): string {
    const dir = mkdtempSync(join(tmpdir(), 'dp-bar-'));
    const short = readFileSync(seedPaths[4]!, 'utf8').split('\n').slice(0, 20).join('\n');
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), short);
    return dir;
  }
  const BAR = /50\/50 files/;

  it('a progress bar only on an interactive stderr, not when stdout is that same terminal, not in CI or on TERM=dumb', async () => {
    const dir = batch();
    const piped = await cli([dir], '', { stderrTTY: true, env: {} });
    expect(piped.stderr).toMatch(BAR);
    const sameTerminal = await cli([dir], '', { stderrTTY: true, stdoutTTY: true, env: {} });
    expect(sameTerminal.stderr).not.toMatch(BAR);
    const toFile = await cli([dir, '-o', join(dir, 'out.jsonl')], '', { stderrTTY: true, stdoutTTY: true, env: {} });
    expect(toFile.stderr).toMatch(BAR); // stdout is not written: the bar stands alone
    for (const env of [{ CI: 'true' }, { TERM: 'dumb' }]) {
      const res = await cli([dir], '', { stderrTTY: true, env });
      expect(res.stderr, JSON.stringify(env)).not.toMatch(BAR);
      expect(res.stderr).toContain('50 files, 50 records');
    }
  });

  it('colour in check output only on a terminal without NO_COLOR and outside CI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-colour-'));
    copyFileSync(seedPaths[4]!, join(dir, 'r.txt')); // no expected file: a failure line
    const ESC = '\u001b[';
    expect((await cli(['check', dir], '', { stdoutTTY: true, env: {} })).stdout).toContain(ESC);
    for (const env of [{ NO_COLOR: '1' }, { CI: 'true' }, { TERM: 'dumb' }]) {
      const res = await cli(['check', dir], '', { stdoutTTY: true, env });
      expect(res.stdout, JSON.stringify(env)).not.toContain(ESC);
      expect(res.stdout).toContain('no expected file');
    }
  });
});

describe('signals during -o', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} removes the temporary file and leaves the old output as it was`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dp-signal-'));
      copyFileSync(seedPaths[0]!, join(dir, 'a.txt'));
      copyFileSync(seedPaths[4]!, join(dir, 'z-hang.txt'));
      const out = join(dir, 'out', 'reports.jsonl');
      mkdirSync(join(dir, 'out'));
      writeFileSync(out, 'the old output\n');
      // The worker parsing z-hang.txt hangs (a test hook), so the run is still writing when the signal comes.
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'disclose-parse.js'), dir, '-o', out, '-q', '-j', '1', '--timeout-ms', '600000'], {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, DISCLOSE_PARSE_TEST_HANG_ON: 'z-hang.txt' },
      });
      const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      while (!readdirSync(join(dir, 'out')).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300)); // a.txt written into the temporary file
      child.kill(signal);
      expect(await closed).toBe(signal);
      expect(readdirSync(join(dir, 'out'))).toEqual(['reports.jsonl']);
      expect(readFileSync(out, 'utf8')).toBe('the old output\n');
    });
  }
});
