import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordSchema } from '../src/schema.js';
import { cli, expectCliError, fixture } from './helpers.js';
import { filesPerTask, shard } from '../src/run/batch.js';

describe('worker threads and shards', () => {
  it('--jobs 1 and --jobs 4 write the same records in the same order', async () => {
    const one = await cli([fixture('fixtures'), '--jobs', '1', '-q']);
    const four = await cli([fixture('fixtures'), '--jobs', '4', '-q']);
    expect(one.records.length).toBeGreaterThan(25);
    // One job takes more files per task than four do: both ways give the same output.
    expect(filesPerTask(one.records.length, 1)).toBeGreaterThan(filesPerTask(one.records.length, 4));
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

describe('--shard auto from a job array', () => {
  const slurm = (id: number, min: number, count: number): Record<string, string> => ({
    SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_MAX: String(min + count - 1), SLURM_ARRAY_TASK_COUNT: String(count),
  });

  it('Slurm (from any first index) and Kubernetes Indexed Jobs give the slices K/N gives', async () => {
    const sliced = [];
    for (const k of [1, 2, 3]) sliced.push((await cli([fixture('fixtures/seeds'), '-q', '--shard', `${k}/3`])).stdout);
    for (const min of [0, 1]) {
      const parts = [];
      for (const k of [1, 2, 3]) parts.push(await cli([fixture('fixtures/seeds'), '-q', '--shard', 'auto'], '', { env: slurm(min + k - 1, min, 3) }));
      expect(parts.map((p) => p.stdout)).toEqual(sliced);
    }
    const k8s = [];
    for (const k of [1, 2, 3]) k8s.push((await cli([fixture('fixtures/seeds'), '-q', '--shard', 'auto/3'], '', { env: { JOB_COMPLETION_INDEX: String(k - 1) } })).stdout);
    expect(k8s).toEqual(sliced);
    const noted = await cli([fixture('fixtures/seeds'), '--shard', 'auto'], '', { env: slurm(5, 4, 3) });
    expect(noted.stderr).toContain('disclose-parse: shard 2/3 (Slurm array task 5 of 4-6): 2 of 5 files\n');
  });

  it('says what is missing when it cannot tell, with exit 2 and nothing read', async () => {
    // What is missing, in the words of the variables and options the user sets.
    const cases: Array<[string, Record<string, string>, string]> = [
      ['auto', {}, 'no job array found'],
      ['auto', { JOB_COMPLETION_INDEX: '2' }, 'JOB_COMPLETION_INDEX needs the number of completions'],
      ['auto/4', slurm(1, 1, 3), '--shard auto/4: the job array has 3 tasks'],
      ['auto', { ...slurm(1, 1, 3), SLURM_ARRAY_TASK_STEP: '2' }, 'not 1-3:2'],
      ['auto/3', { JOB_COMPLETION_INDEX: '3' }, 'task 4 is outside 1-3'],
    ];
    for (const [spec, env, fragment] of cases) expectCliError(await cli([fixture('fixtures/seeds'), '--shard', spec], '', { env }), 2, fragment);
  });
});

// Whole-corpus runs, here rather than in the quick loop (which ends with `check fixtures`).
describe('the fixture corpus, whole', () => {
  it('matches its expected files through check, in-process', async () => {
    const res = await cli(['check', fixture('fixtures')]);
    expect(res.code).toBe(0);
    expect(res.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('every record written for the fixtures validates against the schema', async () => {
    const res = await cli([fixture('fixtures')]);
    expect(res.records.length).toBeGreaterThan(20);
    for (const r of res.records) {
      const parsed = RecordSchema.safeParse(r);
      expect(parsed.success, `${r.source.path}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('summaries of shards', () => {
  it('the summaries of shards add up to the summary of the whole, examples included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-sum-shards-'));
    const inputs = [fixture('fixtures/bad'), fixture('fixtures/converters/template2021.docx2txt.txt'), fixture('fixtures/converters/template2021.pandoc-gfm.txt')];
    await cli([...inputs, '-q', '-j', '1', '--summary', join(dir, 'whole.json')]);
    const parts = [];
    for (const k of [1, 2, 3]) {
      await cli([...inputs, '-q', '-j', '1', '--shard', `${k}/3`, '--summary', join(dir, `${k}.json`)]);
      parts.push(join(dir, `${k}.json`));
    }
    const merged = await cli(['summary', ...parts]);
    const whole = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
    expect(whole.warningCodes.STATISTICS_EMPTY.reports).toBe(3);
    expect(whole.warningCodes.TABLES_MISSING.examples).toHaveLength(3);
    expect(JSON.parse(merged.stdout)).toEqual(whole);
  });

});
