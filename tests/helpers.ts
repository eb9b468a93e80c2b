// Shared test helpers: fixture paths, an in-process CLI runner and its error check, and what a test
// that needs a tool this machine may lack (Chromium, GNU parallel, mkfifo) is told, by one CI rule.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { run } from '../src/cli.js';
import type { OutputRecord, ReportRecord } from '../src/schema.js';
import { parseFile } from '../src/file.js';
import { inCI } from '../src/run/terminal.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'fixtures');

export const SEEDS = {
  s000: 'fixtures/seeds/000_284e267f8b609106.txt',
  s001: 'fixtures/seeds/001_437bbae1d74230cf.txt',
  s002: 'fixtures/seeds/002_491099f9f0af2def.txt',
  s003: 'fixtures/seeds/003_6d7d58c6e43828c6.txt',
  s004: 'fixtures/seeds/004_8918e37dbcb91c3e.txt',
} as const;

/** Whether the tests run under CI, by the rule the CLI itself follows (src/run/terminal.ts: CI set, not empty, 0 or false). */
export const IN_CI = inCI(process.env);

/** What a test that needs something this machine may lack is told: whether to skip, its title, and a guard. */
export interface Need {
  skip: boolean;
  /** The test's title, saying SKIPPED and why where it is skipped. */
  title: (title: string) => string;
  /** Call first in the test (or its beforeAll): fails it, saying why, where the thing is missing under CI. */
  ensure: () => void;
}

/**
 * For tests that need a tool this machine may lack (Chromium, GNU parallel, a FIFO): where it is
 * missing they are skipped, saying why in their title and once on stderr; under CI they are never
 * skipped but run and fail with the reason (.ci/run installs everything they need).
 */
export function needs(available: boolean, why: string): Need {
  const skip = !available && !IN_CI;
  if (skip) console.warn(`SKIPPED: ${why}`);
  return {
    skip,
    title: (title) => (skip ? `${title} (SKIPPED: ${why})` : title),
    ensure: () => {
      if (!available) throw new Error(`${why}; under CI this is never skipped`);
    },
  };
}

let fifoNeed: Need | undefined;

/** Tests that make a FIFO (mkfifo, of coreutils: not on every system) need this; tried once. */
export function fifos(): Need {
  if (!fifoNeed) {
    const made = spawnSync('mkfifo', [join(mkdtempSync(join(tmpdir(), 'dp-mkfifo-')), 'probe')], { encoding: 'utf8' });
    fifoNeed = needs(made.status === 0, `mkfifo cannot make a FIFO here (${made.error?.message ?? made.stderr.trim()})`);
  }
  return fifoNeed;
}

export function fixture(rel: string): string {
  return join(ROOT, rel);
}

export async function parseFixture(rel: string): Promise<ReportRecord> {
  const record = await parseFile(fixture(rel));
  if ('error' in record) throw new Error(`${rel}: ${record.error.code} ${record.error.message}`);
  return record;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  records: OutputRecord[];
}

export interface CliSetting {
  /** The environment the CLI sees (default: none of CI, NO_COLOR, TERM, the job arrays' variables). */
  env?: Record<string, string | undefined>;
  /** Make stdout / stderr look like an interactive terminal (one terminal when both are). */
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
}

/** A stream that says it is a terminal, with what cli-progress draws with. */
function terminalLike(stream: PassThrough): PassThrough {
  return Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
}

/** The subcommands: they take their own options (no -j but check's), so nothing is added to theirs. */
const SUBCOMMANDS = new Set(['check', 'panel', 'summary', 'view', 'schema']);

/**
 * The main command's arguments with one worker thread unless the test names -j: a record, its order
 * and the output do not depend on the number of workers (tests/scale.test.ts, tests/view.test.ts and
 * tests/hostile.test.ts hold that), and every worker started loads the parser anew, which is most of
 * what a small in-process run costs.
 */
function oneWorkerUnlessNamed(args: readonly string[]): string[] {
  if (SUBCOMMANDS.has(args[0] ?? '') || args.some((a) => a === '-j' || a === '--jobs' || a.startsWith('--jobs=') || /^-j\d/.test(a))) return [...args];
  return [...args, '-j', '1'];
}

/** Run the CLI in-process with the given arguments and stdin text (one worker unless -j is named). */
export async function cli(args: string[], stdin = '', setting: CliSetting = {}): Promise<CliResult> {
  const stdout = setting.stdoutTTY ? terminalLike(new PassThrough()) : new PassThrough();
  const stderr = setting.stderrTTY ? terminalLike(new PassThrough()) : new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const code = await run(oneWorkerUnlessNamed(args), { stdout, stderr, stdin: Readable.from([stdin]), env: setting.env ?? {} });
  // JSON Lines output: every line that is a whole JSON object (other formats give none).
  const records = out
    .split('\n')
    .filter((l) => l.startsWith('{"') && l.endsWith('}'))
    .map((l) => JSON.parse(l) as OutputRecord);
  return { code, stdout: out, stderr: err, records };
}

/**
 * A command-line error as the README promises it: exit `code`, nothing on stdout, and one line on
 * stderr with the program's prefix that holds `fragment` (what went wrong, the path it is about),
 * then, where `hint` names the command (`''` for the main one, `'check '` …), the usage hint line
 * the README documents. The rest of the wording may change without breaking a test.
 */
export function expectCliError(res: Pick<CliResult, 'code' | 'stdout' | 'stderr'>, code: number, fragment: string, hint?: string): void {
  expect(res.code, res.stderr).toBe(code);
  expect(res.stdout).toBe('');
  const lines = res.stderr.split('\n');
  expect(lines.pop(), 'stderr ends with a line break').toBe('');
  expect(lines, res.stderr).toHaveLength(hint === undefined ? 1 : 2);
  expect(lines[0]).toMatch(/^disclose-parse: /);
  expect(lines[0]).toContain(fragment);
  if (hint !== undefined) expect(lines[1]).toBe(`(run disclose-parse ${hint}--help for usage)`);
}

/** Flatten a section tree to [marker, level, title, line] rows, depth first. */
export function headings(record: ReportRecord): Array<[string, number, string, number]> {
  const out: Array<[string, number, string, number]> = [];
  const visit = (s: ReportRecord['sections'][number]): void => {
    out.push([s.marker, s.level, s.title, s.line]);
    s.children.forEach(visit);
  };
  record.sections.forEach(visit);
  return out;
}

/** A small deterministic generator (mulberry32): the same numbers below `n` for the same seed. */
export function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/**
 * A drawn grid of `rows` rows, 90 columns wide, whose walls and border dashes stand anywhere (a
 * mutated Links page): every row is cut into columns of its own. About 180 characters a row.
 */
export function brokenGrid(rows: number, rand: (n: number) => number, [wall, dash, corner]: readonly [string, string, string] = ['|', '-', '+']): string {
  const width = 90;
  const out = [`${corner}${dash.repeat(width - 2)}${corner}`];
  for (let i = 0; i < rows; i++) {
    const line = [wall, ...' '.repeat(width - 2), wall];
    for (let k = 0; k < 6; k++) line[1 + rand(width - 2)] = wall;
    for (let k = 0; k < 4; k++) line[1 + rand(width - 2)] = '一二三四五六七八九'[rand(9)]!;
    out.push(line.join(''));
    const border = [corner];
    for (let x = 1; x < width - 1; x++) border.push(rand(3) === 0 ? ' ' : rand(8) === 0 ? corner : dash);
    out.push(`${border.join('')}${corner}`);
  }
  return `${out.join('\n')}\n`;
}
