// A few small files are parsed in the CLI's own thread (issue 23: a worker's start-up, loading the
// parser again, cost more than their parse): which batches, the same records as the pool gives,
// and the same time limit.

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsesInProcess } from '../src/run/batch.js';
import { SEEDS, cli, fixture } from './helpers.js';

/** The largest converter output of the corpus, 41 896 bytes: seven of them are over the 256 KB of a batch parsed in-process. */
const LARGE = fixture('fixtures/converters/sh2019.elinks.txt');
const seeds = Object.values(SEEDS).map(fixture);

afterEach(() => {
  delete process.env.DISCLOSE_PARSE_TEST_CRASH_ON;
});

describe('a batch parsed in the CLI\'s thread', () => {
  it('is at most 8 files and 256 KB, and never while a worker test hook is set', () => {
    expect(parsesInProcess(seeds, undefined)).toBe(true); // 45 798 bytes
    expect(parsesInProcess(Array(6).fill(LARGE), undefined)).toBe(true); // 251 376 bytes
    expect(parsesInProcess(Array(7).fill(LARGE), undefined)).toBe(false); // 293 272 bytes
    expect(parsesInProcess(Array(9).fill(seeds[4]), undefined)).toBe(false);
    process.env.DISCLOSE_PARSE_TEST_CRASH_ON = 'no-such-file.txt';
    expect(parsesInProcess(seeds, undefined)).toBe(false);
  });

  it('writes byte for byte what the pool writes for the five seeds', async () => {
    const here = await cli([...seeds, '-q', '--jobs', '2']);
    // A worker hook that matches no file keeps the pool without changing a record.
    process.env.DISCLOSE_PARSE_TEST_CRASH_ON = 'no-such-file.txt';
    const pooled = await cli([...seeds, '-q', '--jobs', '2']);
    expect(here.stdout).toBe(pooled.stdout);
    expect(here.records).toHaveLength(5);
    expect(here.records[4]).toMatchObject({ source: { path: seeds[4] }, report: { agency: '桦川县卫生局', year: 2013 } });
  }, 120_000);

  it('keeps the time limit: a file over --timeout-ms 1 gives E_TIMEOUT with its size, the next file still its record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-in-process-'));
    copyFileSync(LARGE, join(dir, 'a-large.txt'));
    copyFileSync(seeds[4]!, join(dir, 'b-seed.txt'));
    const res = await cli([dir, '-q', '--jobs', '2', '--timeout-ms', '1']);
    expect(res.records).toHaveLength(2);
    expect(res.records[0]).toMatchObject({
      source: { path: join(dir, 'a-large.txt'), bytes: readFileSync(LARGE).byteLength },
      error: { code: 'E_TIMEOUT', message: 'parsing took longer than 1 ms (--timeout-ms)' },
    });
    expect(res.records[1]!.source.path).toBe(join(dir, 'b-seed.txt'));
  }, 120_000);
});
