import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordSchema } from '../src/schema.js';
import { EXIT } from '../src/cli.js';
import { ROOT, SEEDS, cli, fixture } from './helpers.js';

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
      'empty.txt': 'E_EMPTY',
      'error-page.txt': 'ok',
      'lying-bom.txt': 'ok',
      'nul-bytes.txt': 'E_BINARY',
      'pdf-as-text.txt': 'E_BINARY',
      'saved-image.txt': 'E_BINARY',
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

  it('reports a FIFO without reading it (reading would block)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-fifo-'));
    const fifo = join(dir, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    const res = await cli([fifo]);
    expect(res.records).toMatchObject([{ error: { code: 'E_NOT_FILE' } }]);
  });

  it('an empty folder gives no records, a note on stderr and exit 0', async () => {
    const res = await cli([mkdtempSync(join(tmpdir(), 'dp-empty-'))]);
    expect(res.records).toEqual([]);
    expect(res.stderr).toContain('no report files found');
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

  it('ends quietly when the reader closes stdout early (| head)', async () => {
    const child = spawn(process.execPath, [bin, 'fixtures'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Error|EPIPE/);
    expect(code === 0 || code === 1).toBe(true);
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
  it('every record written for the fixtures validates against the schema', async () => {
    const res = await cli([fixture('fixtures')]);
    expect(res.records.length).toBeGreaterThan(20);
    for (const r of res.records) {
      const parsed = RecordSchema.safeParse(r);
      expect(parsed.success, `${r.source.path}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
