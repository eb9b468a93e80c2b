// Every named path accounted for (issue 13): loops, one file under two names, patterns that match
// nothing, folders that cannot be read, names that are not UTF-8, an output that is an input,
// and the cap on -j.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli.js';
import { walkInputs } from '../src/input/walk.js';
import { ROOT, SEEDS, cli, expectCliError, fixture } from './helpers.js';

const SEED = fixture(SEEDS.s004);

function folderWithReport(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(SEED, join(dir, 'r.txt'));
  return dir;
}

type Outcome = { source: { path: string | null }; error?: { code: string; message: string } };

/** Each record as its path and its error code ('ok' for a report). */
function summaryOf(records: Outcome[]): Array<[string | null, string]> {
  return records.map((r) => [r.source.path, r.error ? r.error.code : 'ok']);
}

/** The messages of the error records: each must name what it is about (`fragment` of its path). */
function expectMessagesNaming(records: Outcome[], fragment: (path: string) => string): void {
  for (const r of records) if (r.error) expect(r.error.message).toContain(fragment(r.source.path!));
}

describe('--follow-symlinks visits each real path once', () => {
  it('two links back to the folder itself (x -> ., y -> .) end, with each file read once', async () => {
    const dir = folderWithReport('dp-loops-');
    symlinkSync('.', join(dir, 'x'));
    symlinkSync('.', join(dir, 'y'));
    const res = await cli([dir, '--follow-symlinks', '-q']);
    expect(summaryOf(res.records)).toEqual([[join(dir, 'r.txt'), 'ok']]);
    expect(res.code).toBe(EXIT.OK);
  });

  it('a link to a sibling folder: the folder is walked once, under the name met first, and the note says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-sibling-'));
    mkdirSync(join(dir, 'a'));
    copyFileSync(SEED, join(dir, 'a', 'r.txt'));
    symlinkSync('a', join(dir, 'b'));
    symlinkSync('..', join(dir, 'a', 'up'));
    const res = await cli([dir, '--follow-symlinks']);
    expect(summaryOf(res.records)).toEqual([[join(dir, 'a', 'r.txt'), 'ok']]);
    expect(res.stderr).toContain(`${join(dir, 'b')} is the same folder as ${join(dir, 'a')}: walked once, as ${join(dir, 'a')}`);
    // The loop (a/up -> ..) is not followed and not worth a note.
    expect(res.stderr).not.toContain('up');
  });

  // Issue 25: each folder holding two links to the next made 2^depth paths (depth 16 took 74 s,
  // depth 20 never ended). Entering each real folder once makes it 21 folders.
  it('a fan of links (two links to the next folder, 20 deep) enters each of its 21 folders once', async () => {
    const DEPTH = 20;
    const base = mkdtempSync(join(tmpdir(), 'dp-fan-'));
    const folder = (k: number): string => join(base, k === 0 ? 'top' : `store/${k}`);
    for (let k = 0; k <= DEPTH; k++) {
      mkdirSync(folder(k), { recursive: true });
      writeFileSync(join(folder(k), `r${k}.txt`), `第${k}层\n`);
      if (k < DEPTH) for (const link of ['a', 'b']) symlinkSync(folder(k + 1), join(folder(k), link));
    }
    const top = folder(0);
    const inputs = await walkInputs([top], { followSymlinks: true });
    // Every folder under the first name met: top/a/a/…/a.
    const walkedAs = (k: number): string => join(top, ...Array<string>(k).fill('a'));
    expect(inputs.paths).toEqual(Array.from({ length: DEPTH + 1 }, (_, k) => join(walkedAs(k), `r${k}.txt`)).sort());
    // The second link of each folder is the one not entered, and no file was met twice.
    expect(inputs.sameFolders).toEqual(Array.from({ length: DEPTH }, (_, k) => [join(walkedAs(k), 'b'), walkedAs(k + 1)]));
    expect(inputs.duplicates).toEqual([]);
    // The CLI walks the same way (on its own thread) and says so.
    const res = await cli([top, '--follow-symlinks', '-j', '1']);
    expect(res.records.map((r) => r.source.path)).toEqual(inputs.paths);
    expect(res.stderr).toContain(`${join(top, 'b')} is the same folder as ${join(top, 'a')}: walked once, as ${join(top, 'a')}`);
  });
});

describe('one file under two names is read once', () => {
  it('a relative and an absolute name: the name given first is kept, and the note says which', async () => {
    const rel = SEEDS.s004;
    const abs = fixture(SEEDS.s004);
    const res = await cli([rel, abs]);
    expect(summaryOf(res.records)).toEqual([[rel, 'ok']]);
    expect(res.stderr).toContain(`${abs} is the same file as ${rel}: read once, as ${rel}`);
    const other = await cli([abs, rel, '-q']);
    expect(summaryOf(other.records)).toEqual([[abs, 'ok']]);
  });
});

describe('a path that does not exist is a record, also when it looks like a pattern', () => {
  const names = ['nope[1].txt', 'nope*.txt', 'nope{a,b}.txt'];

  it('on the command line, next to a pattern that matches', async () => {
    const dir = folderWithReport('dp-nomatch-');
    const res = await cli([...names.map((n) => join(dir, n)), join(dir, '*.txt'), '-q']);
    expect(res.code).toBe(EXIT.SOME_ERRORS);
    const expected: Array<[string, string]> = names.map((n) => [join(dir, n), 'E_NOT_FOUND']);
    expect(summaryOf(res.records)).toEqual([...expected, [join(dir, 'r.txt'), 'ok']].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expectMessagesNaming(res.records, (path) => `the pattern "${path}"`);
  });

  it('in --files-from', async () => {
    const dir = folderWithReport('dp-nomatch-list-');
    const list = names.map((n) => join(dir, n)).join('\n') + '\n';
    const res = await cli(['--files-from', '-', '-q'], list);
    expect(res.code).toBe(EXIT.SOME_ERRORS);
    expect(res.records.map((r) => [r.source.path, 'error' in r && r.error.code])).toEqual(names.map((n) => [join(dir, n), 'E_NOT_FOUND']).sort());
  });

  it('a lone pattern that matches nothing is named in its record, not replaced by the default pattern', async () => {
    const res = await cli(['fixtures/seeds/2099*.txt']);
    expect(summaryOf(res.records)).toEqual([['fixtures/seeds/2099*.txt', 'E_NOT_FOUND']]);
    expectMessagesNaming(res.records, (path) => `the pattern "${path}"`);
    expect(res.stderr).not.toContain('**/*.txt');
  });
});

/** Run the built CLI without the power to read what its permissions forbid (root reads anything). */
function runUnprivileged(args: string[]): { code: number | null; stdout: string } {
  const bin = join(ROOT, 'bin', 'disclose-parse.js');
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? ['setpriv', '--bounding-set=-all', '--inh-caps=-all', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const res = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, encoding: 'utf8' });
  if (res.error) throw new Error(`cannot run ${command[0]}: ${res.error.message} (setpriv is in util-linux)`);
  return { code: res.status, stdout: res.stdout };
}

describe('folders that cannot be read', () => {
  it('a folder named directly, and a subfolder, each get an E_READ record naming them', () => {
    const dir = folderWithReport('dp-locked-');
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    copyFileSync(SEED, join(locked, 'hidden.txt'));
    const alsoLocked = mkdtempSync(join(tmpdir(), 'dp-locked-named-'));
    chmodSync(locked, 0o000);
    chmodSync(alsoLocked, 0o000);
    try {
      const res = runUnprivileged([dir, alsoLocked, '-q']);
      const records = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(summaryOf(records)).toEqual([
        [alsoLocked, 'E_READ'],
        [locked, 'E_READ'],
        [join(dir, 'r.txt'), 'ok'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
      expectMessagesNaming(records, () => 'EACCES');
      expect(res.code).toBe(EXIT.SOME_ERRORS);
    } finally {
      chmodSync(locked, 0o755);
      chmodSync(alsoLocked, 0o755);
    }
  });
});

describe('file names that are not UTF-8', () => {
  it('are read by their bytes and shown escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-bytes-'));
    const name = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0x62, 0xb5, 0xd6, 0xd0]), Buffer.from('文.txt')]);
    writeFileSync(name, readFileSync(SEED));
    const res = await cli([dir, '-q']);
    expect(res.records).toHaveLength(1);
    const r = res.records[0]!;
    expect(r.source.path).toBe(join(dir, 'b\\xB5\\xD6\\xD0文.txt'));
    expect('report' in r && r.report.agency).toBe('桦川县卫生局');
    // The same on worker threads, which get the name's bytes with the task.
    const pooled = await cli([dir, '-q', '-j', '2']);
    expect(pooled.stdout).toBe(res.stdout);
  });

  it('in --files-from too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-bytes-list-'));
    const name = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb5]), Buffer.from('.txt')]);
    writeFileSync(name, readFileSync(SEED));
    const list = join(dir, 'list');
    writeFileSync(list, Buffer.concat([name, Buffer.from('\n')]));
    const res = await cli(['--files-from', list, '-q']);
    expect(summaryOf(res.records)).toEqual([[join(dir, '\\xB5.txt'), 'ok']]);
    // A folder so named, listed: walked by its bytes.
    const folder = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xc4, 0xea])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/r.txt')]), readFileSync(SEED));
    const folders = await cli(['--files-from', '-', '-q'], '');
    expect(folders.code).toBe(EXIT.USAGE); // an empty list names nothing
    writeFileSync(list, Buffer.concat([folder, Buffer.from('\n')]));
    const walked = await cli(['--files-from', list, '-q']);
    expect(summaryOf(walked.records)).toEqual([[join(dir, '\\xC4\\xEA', 'r.txt'), 'ok']]);
  });
});

describe('-o naming one of the inputs', () => {
  it('is refused with exit 2 before anything is read, and the report is left as it was', async () => {
    const dir = folderWithReport('dp-clobber-');
    const report = join(dir, 'r.txt');
    const before = readFileSync(report);
    for (const args of [[report, '-o', report], [dir, '-o', report], [dir, '--summary', relative(ROOT, report)]]) {
      expectCliError(await cli([...args, '-q']), EXIT.USAGE, 'r.txt: it is the input');
      expect(readFileSync(report)).toEqual(before);
    }
  });
});

describe('-j is capped at one worker thread per core', () => {
  it('a larger -j runs with the cap and says so', async () => {
    const res = await cli([SEED, '-j', '500']);
    expect(res.code).toBe(EXIT.OK);
    expect(res.records).toHaveLength(1);
    const cores = availableParallelism();
    expect(res.stderr).toContain(`disclose-parse: -j 500 is more than the ${cores} cores of this machine: using ${cores} worker threads\n`);
  });
});
