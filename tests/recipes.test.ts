// The documented recipes, run as they stand: splitting an archive (docs/guide.md: GNU parallel, a
// Slurm job array script, and the merge of the shards' records and summaries), and the README's
// jq triage. `npx disclose-parse` runs this checkout's command (a stand-in `npx` on PATH, as npx
// finds it in a clone).

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, ROOT } from './helpers.js';

/** The ```sh block of a page (README.md, docs/guide.md) that contains `marker`. */
function block(marker: string, page = 'docs/guide.md'): string {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const found = blocks.filter((b) => b.includes(marker));
  expect(found, `one ${page} block with ${marker}`).toHaveLength(1);
  return found[0]!;
}

/** A folder with `archive/` (the real reports of the fixtures) and an `npx` that runs this checkout. */
function workspace(parts: readonly string[] = ['seeds', 'corpus']): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'dp-recipe-'));
  for (const part of parts) cpSync(join(ROOT, 'fixtures', part), join(dir, 'archive', part), { recursive: true });
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  const npx = join(bin, 'npx');
  writeFileSync(npx, `#!/bin/sh\n[ "$1" = disclose-parse ] || { echo "npx stand-in: only disclose-parse" >&2; exit 99; }\nshift\nexec "${process.execPath}" "${join(ROOT, 'bin', 'disclose-parse.js')}" "$@"\n`);
  chmodSync(npx, 0o755);
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CI: 'true' } };
}

function sh(script: string, dir: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync('bash', ['-c', script], { cwd: dir, env, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** One run over the whole archive: what the merged shards must equal. */
function whole(dir: string, env: NodeJS.ProcessEnv): { records: string; summary: unknown } {
  expect(sh('npx disclose-parse archive/ -q -o whole.jsonl --summary whole.summary.json', dir, env).status).toBe(0);
  return { records: readFileSync(join(dir, 'whole.jsonl'), 'utf8'), summary: JSON.parse(readFileSync(join(dir, 'whole.summary.json'), 'utf8')) };
}

function mergeAndCompare(dir: string, env: NodeJS.ProcessEnv): void {
  const expected = whole(dir, env);
  const merged = sh(block('cat part-'), dir, env);
  expect(merged.status, merged.stderr).toBe(0);
  expect(readFileSync(join(dir, 'reports.jsonl'), 'utf8')).toBe(expected.records);
  expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toEqual(expected.summary);
  expect(expected.records.trim().split('\n').length).toBeGreaterThanOrEqual(8); // every one of 8 shards has files
}

/** Eight shards are eight processes that each start Node.js and a worker pool: more than the default test time on two shared cores. */
const RECIPE_TIME = 180_000;

// In CI the recipe must run (.ci/run installs GNU parallel); a machine without it skips, saying why.
const parallel = needs(spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0, 'GNU parallel is not installed here (apt-get install parallel, as .ci/run does)');

describe('docs/guide.md: splitting an archive', () => {
  it.skipIf(parallel.skip)(parallel.title('the GNU parallel recipe, merged, equals one run over the whole archive'), () => {
    parallel.ensure();
    const { dir, env } = workspace();
    const run = sh(block('parallel npx disclose-parse'), dir, env);
    expect(run.status, run.stderr).toBe(0);
    mergeAndCompare(dir, env);
  }, RECIPE_TIME);

  it('the Slurm array script, one run per task of its --array, merged, equals one run over the whole archive', () => {
    const { dir, env } = workspace();
    const script = block('#SBATCH');
    const [, from, to] = /#SBATCH --array=(\d+)-(\d+)\n/.exec(script)!.map(Number) as [number, number, number];
    writeFileSync(join(dir, 'job.sbatch'), script);
    for (let id = from; id <= to; id++) {
      const task = { SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(from), SLURM_ARRAY_TASK_MAX: String(to), SLURM_ARRAY_TASK_COUNT: String(to - from + 1) };
      const res = spawnSync('bash', ['job.sbatch'], { cwd: dir, env: { ...env, ...task }, encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
    }
    mergeAndCompare(dir, env);
  }, RECIPE_TIME);
});

// In CI the recipe must run (.ci/run installs jq); a machine without it skips, saying why.
const jq = needs(spawnSync('jq', ['--version'], { encoding: 'utf8' }).status === 0, 'jq is not installed here (apt-get install jq, as .ci/run does)');

describe('README: triage with jq', () => {
  it.skipIf(jq.skip)(jq.title("the README's jq triage over a batch with error records, failed checks and warnings says what the records say"), () => {
    jq.ensure();
    const { dir, env } = workspace(['seeds', 'bad']);
    cpSync(join(ROOT, 'fixtures/converters/hzq2024.mutool-txt.txt'), join(dir, 'archive', 'hzq2024.txt')); // a failed prose.table check
    const run = sh(block('jq -r', 'README.md'), dir, env);
    expect(run.status, run.stderr).toBe(0);
    type Rec = { source: { path: string }; error?: { code: string }; checks?: Array<{ rule: string; status: string }>; warnings?: Array<{ code: string }> };
    const records = readFileSync(join(dir, 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rec);
    const summary = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { warningCodes: Record<string, { reports: number; examples: string[] }> };
    // Line by line, what each jq program must print, computed from the records themselves.
    const byCode = Object.entries(summary.warningCodes).map(([code, t]) => `${t.reports}\t${code}\t${t.examples[0]}`);
    const errors = records.filter((r) => r.error).map((r) => `${r.source.path}\t${r.error!.code}`);
    const failed = records.filter((r) => r.checks?.some((c) => c.status === 'fail')).map((r) => [r.source.path, ...r.checks!.filter((c) => c.status === 'fail').map((c) => c.rule)].join('\t'));
    const missing = records.filter((r) => r.warnings?.some((w) => w.code === 'TABLES_MISSING')).map((r) => r.source.path);
    expect(run.stdout.trim().split('\n')).toEqual([...byCode, ...errors, ...failed, ...missing]);
    expect(byCode).toContain(`2\tTABLES_MISSING\tarchive/bad/one-line-page.txt`);
    expect(errors).toContain('archive/bad/empty.txt\tE_EMPTY');
    expect(failed.length).toBeGreaterThan(0);
    expect(missing).toEqual(['archive/bad/one-line-page.txt', 'archive/bad/truncated-download.txt']);
  }, RECIPE_TIME);
});
