import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.js';
import { filesPerTask, shard } from '../src/run/batch.js';

describe('worker threads and shards', () => {
  it('--jobs 1 and --jobs 4 write the same records in the same order', async () => {
    const one = await cli([fixture('fixtures'), '--jobs', '1', '-q']);
    const four = await cli([fixture('fixtures'), '--jobs', '4', '-q']);
    expect(one.records.length).toBeGreaterThan(25);
    // One job takes several files per task, four take one each: both ways give the same output.
    expect([filesPerTask(one.records.length, 1), filesPerTask(one.records.length, 4)]).toEqual([2, 1]);
    expect(four.stdout).toBe(one.stdout);
    expect(four.code).toBe(one.code);
  });

  it('the same holds for CSV and JSON output', async () => {
    for (const format of ['csv', 'json']) {
      const one = await cli([fixture('fixtures'), '--jobs', '1', '-q', '--format', format]);
      const two = await cli([fixture('fixtures'), '--jobs', '2', '-q', '--format', format]);
      expect(two.stdout).toBe(one.stdout);
    }
  });

  it('--shard 1/3, 2/3, 3/3 concatenated equal the unsharded output', async () => {
    const whole = await cli([fixture('fixtures'), '-q', '--jobs', '2']);
    const parts = [];
    for (const k of [1, 2, 3]) parts.push((await cli([fixture('fixtures'), '-q', '--shard', `${k}/3`, '--jobs', '1'])).stdout);
    expect(parts.join('')).toBe(whole.stdout);
    expect(parts.every((p) => p.length > 0)).toBe(true);
  });

  it('slices are contiguous, cover every path once, and differ in size by at most one', () => {
    const paths = Array.from({ length: 10 }, (_, i) => `f${i}`);
    const slices = [1, 2, 3].map((k) => shard(paths, k, 3));
    expect(slices.flat()).toEqual(paths);
    expect(slices.map((s) => s.length)).toEqual([3, 3, 4]);
    expect(shard(paths, 1, 1)).toEqual(paths);
  });

  it('a bad --shard is a usage error', async () => {
    for (const bad of ['0/3', '4/3', '1-3', 'x']) expect((await cli([fixture('fixtures/seeds'), '--shard', bad])).code).toBe(2);
  });
});
