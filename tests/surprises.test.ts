// What a new user met that surprised them (issue 24, item 4), and outputs that overwrite each other
// or fail without a word (issue 25, items 3, 4 and the symbolic-link part of 10). Through
// run(argv, io) where the process does not matter; a child process where it does (a closed or
// full stdout, a file-size limit).

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXIT, run } from '../src/cli.js';
import { DEFAULT_GLOB } from '../src/input/walk.js';
import { ROOT, SEEDS, cli, fixture } from './helpers.js';

const BIN = join(ROOT, 'bin', 'disclose-parse.js');
const seed = (key: keyof typeof SEEDS): string => fixture(SEEDS[key]);
const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `dp-${name}-`));

describe('the format an output asks for', () => {
  it('-o NAME.csv without -f writes CSV (and its codebook beside it), -o NAME.json one array', async () => {
    const dir = tmp('ext');
    const csv = await cli([seed('s004'), '-o', join(dir, 'r.csv'), '-q']);
    expect(csv.code).toBe(EXIT.OK);
    const rows = parse(readFileSync(join(dir, 'r.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r['agency'], r['proactive.published']])).toEqual([['桦川县卫生局', '56']]);
    expect(existsSync(join(dir, 'r.codebook.csv'))).toBe(true);
    await cli([seed('s004'), seed('s000'), '-o', join(dir, 'r.json'), '-q']);
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as unknown[]).length).toBe(2);
    await cli([seed('s004'), '-o', join(dir, 'r.ndjson'), '-q']);
    expect(readFileSync(join(dir, 'r.ndjson'), 'utf8').split('\n')).toHaveLength(2);
  });

  it('a format that contradicts the name is refused before any work', async () => {
    const dir = tmp('ext-clash');
    const res = await cli([seed('s004'), '-f', 'jsonl', '-o', join(dir, 'r.csv')]);
    expect([res.code, res.stderr]).toEqual([EXIT.USAGE, `disclose-parse: -o ${join(dir, 'r.csv')} names csv by its extension, but --format jsonl was given\n`]);
    expect(readdirSync(dir)).toEqual([]);
    // A name that says nothing leaves the format to -f.
    expect((await cli([seed('s004'), '-f', 'csv', '-o', join(dir, 'r.txt'), '-q'])).code).toBe(EXIT.OK);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toMatch(/^path,bytes,/);
  });

  it('--excel without CSV is refused, not ignored', async () => {
    const res = await cli([seed('s004'), '--excel']);
    expect([res.code, res.stderr, res.stdout]).toEqual([EXIT.USAGE, 'disclose-parse: --excel goes with --format csv (or -o NAME.csv)\n', '']);
    const dir = tmp('excel');
    expect((await cli([seed('s004'), '--excel', '-o', join(dir, 'r.csv'), '-q'])).code).toBe(EXIT.OK);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').startsWith('\ufeffpath,')).toBe(true);
  });
});

describe('inputs', () => {
  it('a folder whose office files the default pattern leaves out says how many and of what kind', async () => {
    const dir = tmp('office');
    for (let i = 0; i < 3; i++) copyFileSync(seed('s001'), join(dir, `p${i}.doc`)); // Word 97 files: legacy Office, not taken by default
    for (let i = 0; i < 2; i++) copyFileSync(seed('s001'), join(dir, `q${i}.odt`));
    copyFileSync(seed('s004'), join(dir, 'a.txt'));
    copyFileSync(seed('s000'), join(dir, 'b.html')); // pages are taken by default
    writeFileSync(join(dir, 'notes.json'), '{}'); // not report-like: no word about it
    const res = await cli([dir]);
    expect(res.records).toHaveLength(2);
    expect(res.stderr.split('\n')[0]).toBe(`disclose-parse: ${dir}: 5 files the pattern ${DEFAULT_GLOB} does not take (3 .doc, 2 .odt); --glob names the files to take`);
    const all = await cli([dir, '--glob', '**/*.{txt,html,doc}', '-q']);
    expect(all.records).toHaveLength(5);
  });

  it('- reads one report from stdin, as every Unix filter does; its record says -', async () => {
    const text = readFileSync(seed('s004'));
    const res = await cli(['-', seed('s000')], text.toString('utf8'));
    expect(res.code).toBe(EXIT.OK);
    expect(res.records.map((r) => r.source.path)).toEqual(['-', seed('s000')]);
    const fromFile = (await cli([seed('s004')])).records[0]!;
    expect(res.records[0]!.source.sha256).toBe(fromFile.source.sha256);
    expect('report' in res.records[0]! && res.records[0].report.agency).toBe('桦川县卫生局');
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`disclose-parse-stdin.${process.pid}.`))).toEqual([]); // its temporary file is gone
    const both = await cli(['-', '--files-from', '-'], 'x');
    expect([both.code, both.stderr]).toEqual([EXIT.USAGE, 'disclose-parse: - (stdin) and --files-from - both read stdin: name one of them (./- is a file named -)\n']);
  });

  it('--files-from reads a list separated by NUL bytes (find -print0), with -0 or by itself, names with a line break included', async () => {
    const dir = tmp('nul');
    const odd = join(dir, 'two\nlines.txt');
    copyFileSync(seed('s004'), odd);
    const list = `${seed('s000')}\0${odd}\0`;
    for (const flags of [[], ['-0'], ['--null']]) {
      const res = await cli(['--files-from', '-', ...flags, '-q'], list);
      expect(res.stderr, flags.join(' ')).toBe('');
      expect(res.records.map((r) => r.source.path)).toEqual([odd, seed('s000')].sort()); // inputs are sorted by path, wherever the clone is
    }
    // -0 reads a single name without its NUL too (a list of one).
    expect((await cli(['--files-from', '-', '-0', '-q'], seed('s002'))).records.map((r) => r.source.path)).toEqual([seed('s002')]);
  });

  it('chek fixtures: a typo of a command is said at once, nothing converted', async () => {
    const res = await cli(['chek', fixture('fixtures/seeds')]);
    expect([res.code, res.stdout, res.stderr]).toEqual([EXIT.USAGE, '', 'disclose-parse: chek is no file, folder or command: did you mean disclose-parse check? (./chek names a file)\n']);
    expect((await cli(['veiw', seed('s004')])).stderr).toContain('did you mean disclose-parse view?');
  });
});

describe('messages that were missing or misled', () => {
  it('view of a missing file: its page, a line on stderr, exit 1', async () => {
    const res = await cli(['view', 'nope.txt']);
    expect(res.code).toBe(EXIT.SOME_ERRORS);
    expect(res.stderr).toBe('disclose-parse: nope.txt: E_NOT_FOUND no such file (its page, which says so, was written)\n');
    expect(res.stdout).toContain('<code>E_NOT_FOUND</code>');
  });

  it('check of a path that does not exist does not suggest --update', async () => {
    const missing = join(tmp('check-missing'), 'nowhere');
    const res = await cli(['check', missing]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe(`✗ ${missing}: no such file or folder, so nothing to check\n0 passed, 1 failed\n`);
  });

  it('-o where no file can be made (/proc) says so in words, before any work', async () => {
    const res = await cli([seed('s004'), '-o', '/proc/x.jsonl']);
    expect([res.code, res.stderr, res.stdout]).toEqual([EXIT.USAGE, 'disclose-parse: cannot write /proc/x.jsonl: /proc does not take new files (ENOENT)\n', '']);
  });

  it('| head -1: the batch stops without a word on stderr', async () => {
    // 73 reports give megabytes of records: far more than a pipe holds, so the run meets the closed end.
    const child = spawn(process.execPath, [BIN, fixture('fixtures/converters')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code === 0 || code === 1, `exit ${code}`).toBe(true); // never a crash
  });
});

describe('two outputs on one path are refused before any work (exit 2)', () => {
  it('-o and --summary, --panel or --codebook on one file, also through ./ or a link; an output that is the --html index', async () => {
    const dir = tmp('clash');
    const out = join(dir, 'x.jsonl');
    writeFileSync(out, 'the old records\n');
    symlinkSync(out, join(dir, 'link.json'));
    const cases: Array<[string[], string]> = [
      [['-o', out, '--summary', out], `-o ${out} and --summary ${out} are one file: the second would overwrite the first`],
      [['-o', out, '--panel', out], `-o ${out} and --panel ${out} are one file: the second would overwrite the first`],
      [['-o', out, '--summary', `${dir}/./x.jsonl`], `-o ${out} and --summary ${dir}/./x.jsonl are one file: the second would overwrite the first`],
      [['-o', out, '--summary', join(dir, 'link.json')], `-o ${out} and --summary ${join(dir, 'link.json')} are one file: the second would overwrite the first`],
      [['-o', join(dir, 'r.csv'), '--codebook', join(dir, 'r.csv')], `-o ${join(dir, 'r.csv')} and --codebook ${join(dir, 'r.csv')} are one file: the second would overwrite the first`],
      [['-o', join(dir, 'pages', 'index.html'), '-f', 'jsonl', '--html', join(dir, 'pages')], `-o ${join(dir, 'pages', 'index.html')} and --html ${join(dir, 'pages', 'index.html')} are one file: the second would overwrite the first`],
    ];
    for (const [args, message] of cases) {
      const res = await cli([seed('s004'), ...args]);
      expect([res.code, res.stderr, res.stdout], args.join(' ')).toEqual([EXIT.USAGE, `disclose-parse: ${message}\n`, '']);
    }
    expect(readFileSync(out, 'utf8')).toBe('the old records\n');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'x.jsonl']);
  });
});

/** A stdout whose every write fails as a full disk does. */
function fullStdout(): Writable {
  const out = new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
    },
  });
  return out.on('error', () => {}); // as main() listens to process.stdout's errors
}

describe('a full stdout: one line and exit 2, never a trace or an exit 1', () => {
  it('the main command and the subcommands, in-process', async () => {
    const summary = join(tmp('full'), 'run.json');
    await cli([seed('s004'), '-q', '--summary', summary]);
    for (const args of [[seed('s004')], ['schema'], ['summary', summary]]) {
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await run(args, { stdout: fullStdout(), stderr, stdin: Readable.from(['']), env: {} });
      expect([code, err], args.join(' ')).toEqual([EXIT.USAGE, 'disclose-parse: cannot write stdout: no space left on the device (ENOSPC)\n']);
    }
  });

  it('> /dev/full, for the main command, schema and check', (ctx) => {
    if (!existsSync('/dev/full')) ctx.skip('SKIPPED: no /dev/full on this system');
    for (const args of [[seed('s004')], ['schema'], ['check', fixture('fixtures/seeds')]]) {
      const res = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
      expect([res.status, res.stderr], args.join(' ')).toEqual([EXIT.USAGE, 'disclose-parse: cannot write stdout: no space left on the device (ENOSPC)\n']);
    }
  });

  it('--summary (and -o) on a disk that takes no more bytes leave the old file, not an empty one', () => {
    const dir = tmp('fsize');
    writeFileSync(join(dir, 'run.json'), '{"the old summary": true}\n');
    writeFileSync(join(dir, 'out.jsonl'), 'the old records\n');
    // A file-size limit of 0 blocks makes every write into a regular file fail with EFBIG, as a full disk would with ENOSPC.
    const command = `trap '' XFSZ; ulimit -f 0; exec "${process.execPath}" "${BIN}" "${seed('s004')}" -q`;
    const summary = spawnSync('bash', ['-c', `${command} -o /dev/null --summary run.json`], { cwd: dir, encoding: 'utf8' });
    expect([summary.status, summary.stderr]).toEqual([EXIT.USAGE, 'disclose-parse: cannot write run.json: file too large for this system or its limits (EFBIG)\n']);
    const output = spawnSync('bash', ['-c', `${command} -o out.jsonl`], { cwd: dir, encoding: 'utf8' });
    expect([output.status, output.stderr]).toEqual([EXIT.USAGE, 'disclose-parse: cannot write out.jsonl: file too large for this system or its limits (EFBIG)\n']);
    expect(readFileSync(join(dir, 'run.json'), 'utf8')).toBe('{"the old summary": true}\n');
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('the old records\n');
    expect(readdirSync(dir).sort()).toEqual(['out.jsonl', 'run.json']); // no temporary file left
  });
});

describe('-o onto a symbolic link writes the file it points to, and the link stays', () => {
  it('a link into another folder, and a link whose file does not exist yet', async () => {
    const dir = tmp('link');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'reports.jsonl'), 'the old records\n');
    symlinkSync(join(dir, 'data', 'reports.jsonl'), join(dir, 'out.jsonl'));
    expect((await cli([seed('s004'), '-o', join(dir, 'out.jsonl'), '-q'])).code).toBe(EXIT.OK);
    expect(lstatSync(join(dir, 'out.jsonl')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'out.jsonl'))).toBe(join(dir, 'data', 'reports.jsonl'));
    expect(JSON.parse(readFileSync(join(dir, 'data', 'reports.jsonl'), 'utf8')).report.agency).toBe('桦川县卫生局');
    expect(readdirSync(join(dir, 'data'))).toEqual(['reports.jsonl']); // the temporary file was beside the target, and is gone
    symlinkSync('data/new.jsonl', join(dir, 'dangling.jsonl'));
    expect((await cli([seed('s004'), '-o', join(dir, 'dangling.jsonl'), '--summary', join(dir, 'run.json'), '-q'])).code).toBe(EXIT.OK);
    expect(lstatSync(join(dir, 'dangling.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'data', 'new.jsonl'), 'utf8')).toContain('"agency":"桦川县卫生局"');
  });
});
