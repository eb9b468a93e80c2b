// The per-file time limit without stopping workers (issue 25, item 2): a file over its limit ends
// itself with E_TIMEOUT at the next stage of its parse, and its worker goes on. Stopping a worker
// cost a new one (a quarter of a second to load: 500 files at --timeout-ms 1 took 140 s), and a
// worker stopped while it loaded its modules aborted the whole process (V8 fatal error, exit 134).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newClock, stampFile, TaskClock } from '../src/run/file-clock.js';
import { parseBuffer } from '../src/pipeline.js';
import { ROOT, SEEDS, cli, fixture } from './helpers.js';

/** The largest converter output of the corpus: 42 KB, several milliseconds of parsing even warm. */
const LARGE = fixture('fixtures/converters/sh2019.elinks.txt');

function folderOf(count: number, source: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (let i = 0; i < count; i++) copyFileSync(source, join(dir, `r${String(i).padStart(3, '0')}.txt`));
  return dir;
}

describe('a file over its time limit ends itself', () => {
  it('parseBuffer past its deadline gives E_TIMEOUT with the size, SHA-256 and encoding of the file', () => {
    const bytes = readFileSync(LARGE);
    const r = parseBuffer(bytes, { path: 'x.txt', deadline: { at: Date.now() - 1, limitMs: 5 } });
    expect(r).toEqual({
      schema: 'disclose-parse/report@1',
      source: { path: 'x.txt', bytes: 41896, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', lineEnding: 'lf', format: 'text', reader: 'text' },
      error: { code: 'E_TIMEOUT', message: 'parsing took longer than 5 ms (--timeout-ms)' },
    });
    // A deadline not reached changes nothing.
    const within = parseBuffer(bytes, { path: 'x.txt', deadline: { at: Date.now() + 600_000, limitMs: 600_000 } });
    expect(within).toEqual(parseBuffer(bytes, { path: 'x.txt' }));
  });

  it('in a batch at --timeout-ms 1, every record is the worker\'s own E_TIMEOUT, with the file\'s size: no worker was stopped', async () => {
    const dir = folderOf(40, LARGE, 'dp-timeouts-');
    const sha = createHash('sha256').update(readFileSync(LARGE)).digest('hex');
    for (const jobs of ['1', '2']) {
      const res = await cli([dir, '-q', '--jobs', jobs, '--timeout-ms', '1']);
      expect(res.code).toBe(1);
      expect(res.records).toHaveLength(40);
      // A stopped worker's record cannot know the hash, and says "the worker was stopped".
      for (const r of res.records) {
        expect(r).toMatchObject({ source: { bytes: 41896, sha256: sha, encoding: 'utf-8' }, error: { code: 'E_TIMEOUT', message: 'parsing took longer than 1 ms (--timeout-ms)' } });
      }
    }
  });

  it('a worker stuck outside the parse is still stopped, far past the limit, and its record says so', async () => {
    const dir = folderOf(3, fixture(SEEDS.s004), 'dp-stuck-');
    process.env.DISCLOSE_PARSE_TEST_HANG_ON = 'r001.txt';
    try {
      const res = await cli([dir, '-q', '--jobs', '1', '--timeout-ms', '200']);
      expect(res.records.map((r) => ('error' in r ? `${r.error.code} ${r.error.message}` : 'ok'))).toEqual([
        'ok',
        'E_TIMEOUT parsing took longer than 200 ms (--timeout-ms); the worker was stopped',
        'ok',
      ]);
      // The file is still there: its record keeps its size.
      expect(res.records[1]!.source.bytes).toBe(readFileSync(fixture(SEEDS.s004)).byteLength);
    } finally {
      delete process.env.DISCLOSE_PARSE_TEST_HANG_ON;
    }
  });
});

describe('no worker is stopped while it loads: the exit code stays 0, 1 or 2', () => {
  // The probe of the issue, made small: timeouts on every file, and a worker that dies on the last
  // one, so that a new worker is loading as the batch ends (the pool then waits for it before it
  // goes). Each run is a process of its own, as a fatal V8 error ends the process.
  it('five runs of -j 2 --timeout-ms 1 with a crash at the end: exit 1 each time, no fatal error, every record', () => {
    const dir = folderOf(16, LARGE, 'dp-probe-');
    const bin = join(ROOT, 'bin', 'disclose-parse.js');
    for (let run = 0; run < 5; run++) {
      const res = spawnSync(process.execPath, [bin, dir, '-q', '-j', '2', '--timeout-ms', '1'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DISCLOSE_PARSE_TEST_CRASH_ON: 'r015.txt' },
      });
      expect(res.stderr).not.toContain('FATAL');
      expect(res.status).toBe(1);
      const codes = res.stdout.trim().split('\n').map((l) => JSON.parse(l).error?.code);
      expect(codes).toEqual([...Array<string>(15).fill('E_TIMEOUT'), 'E_INTERNAL']);
    }
  }, 120_000);
});

describe('the file clock: a stamp counts only for the task whose ticket it bears', () => {
  it('a stopped worker\'s late stamp neither passes for the next task\'s nor overwrites it', () => {
    const share = newClock(2);
    const clock = new TaskClock(share);
    const old = clock.open(1);
    expect(clock.read(1, old)).toBeNull(); // no file started yet
    const at = stampFile(share, 1, old, 3);
    expect(clock.read(1, old)).toEqual({ ticket: old, index: 3, startedAt: at });
    const next = clock.open(1);
    expect(next).not.toBe(old);
    stampFile(share, 1, old, 5); // the old task's worker, not stopped yet
    expect(clock.read(1, next)).toBeNull();
    expect(clock.read(1, old)).toBeNull();
    const now = stampFile(share, 1, next, 0);
    expect(clock.read(1, next)).toEqual({ ticket: next, index: 0, startedAt: now });
    expect(clock.read(0, next)).toBeNull(); // slots are apart
  });
});
