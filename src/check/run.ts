// `disclose-parse check DIR…`: golden files for a fixture corpus. Every report file with a
// sibling `NAME.expected.json` is parsed and compared; `--update` writes the expected files and
// says what changed. Golden files must not pass by accident: nothing to check is a failure, and
// a record that only says the file could not be read is never frozen.

import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Chalk } from 'chalk';
import { walkInputs } from '../input/walk.js';
import { parseAll } from '../run/batch.js';
import type { ErrorCode, OutputRecord } from '../schema.js';
import { describeChanges, updateChanges } from './changes.js';
import { diffRecords, normalizeForCheck } from './compare.js';

export interface CheckOptions {
  update: boolean;
  glob: string;
  jobs: number;
  /** Colour the output (a terminal without NO_COLOR, not CI: decided by the caller). */
  color: boolean;
}

/** Exit codes of `check`, as of the main command: 0 all matched, 1 differences, 2 a broken corpus or an unwritable file. */
const OK = 0;
const DIFFERENT = 1;
const BROKEN = 2;

/**
 * Error records that say the file could not be had at all (it is missing, a folder, unreadable,
 * or the parser gave up): an expected file holding one would pass forever whatever the parser does.
 */
const NOT_FROZEN: ReadonlySet<ErrorCode> = new Set(['E_NOT_FOUND', 'E_NOT_FILE', 'E_READ', 'E_TIMEOUT', 'E_OUT_OF_MEMORY', 'E_INTERNAL']);

export function expectedPathOf(path: string): string {
  return path.replace(/\.[^./\\]+$/, '') + '.expected.json';
}

type Expected = { ok: true; value: unknown; text: string } | { ok: false; missing: boolean; reason: string };

async function readExpected(path: string): Promise<Expected> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, missing: e.code === 'ENOENT', reason: e.code ?? String(err) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch (err) {
    return { ok: false, missing: false, reason: `not JSON: ${(err as Error).message}` };
  }
}

/** Returns the exit code. */
export async function runCheck(dirs: readonly string[], options: CheckOptions, out: Writable): Promise<number> {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const say = (line: string): void => {
    if (!out.destroyed) out.write(line + '\n');
  };
  const inputs = await walkInputs(dirs, { glob: options.glob });
  if (inputs.paths.length === 0) {
    say(`${c.red('✗')} no report files in ${dirs.join(', ')} (pattern ${options.glob}): nothing was checked`);
    say('0 passed, 0 failed');
    return DIFFERENT;
  }
  let passed = 0;
  let failed = 0;
  let broken = false;
  let written = 0;
  let i = 0;
  for await (const record of parseAll(inputs.paths, { jobs: options.jobs, problems: inputs.problems, rawNames: inputs.rawNames })) {
    if (out.destroyed) break; // the reader went away (`| head`)
    const path = inputs.paths[i++]!;
    const expectedPath = expectedPathOf(path);
    const actual = JSON.parse(JSON.stringify(normalizeForCheck(record))) as OutputRecord;
    const expected = await readExpected(expectedPath);
    if (!expected.ok && !expected.missing && !options.update) {
      say(`${c.red('✗')} ${path}: cannot read expected file ${expectedPath}: ${expected.reason}`);
      failed++;
      broken = true;
      continue;
    }
    if (options.update) {
      if ('error' in actual && NOT_FROZEN.has(actual.error.code)) {
        say(`${c.red('✗')} ${path}: not written: ${actual.error.code} ${actual.error.message} (an expected file must hold what the file gives)`);
        failed++;
        continue;
      }
      const text = JSON.stringify(actual, null, 2) + '\n';
      if (expected.ok && expected.text === text) {
        passed++;
        continue;
      }
      try {
        await writeFile(expectedPath, text);
      } catch (err) {
        say(`${c.red('✗')} ${path}: cannot write ${expectedPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        failed++;
        broken = true;
        continue;
      }
      written++;
      passed++;
      say(`${c.cyan(expected.ok ? 'updated' : expected.missing ? 'new' : 'replaced (it was unreadable)')} ${expectedPath}`);
      if (expected.ok) for (const line of describeChanges(updateChanges(expected.value as Record<string, unknown>, actual as unknown as Record<string, unknown>))) say(`    ${line}`);
      continue;
    }
    if (!expected.ok && 'error' in actual && actual.error.code === 'E_NOT_FOUND') {
      // Nothing there to freeze: --update would not help (and refuses such a record).
      say(`${c.red('✗')} ${path}: no such file or folder, so nothing to check`);
      failed++;
      continue;
    }
    if (!expected.ok) {
      say(`${c.red('✗')} ${path}: no expected file ${expectedPath} (run with --update to write it)`);
      failed++;
      continue;
    }
    const diff = diffRecords(expected.value, actual);
    if (diff.length === 0) {
      passed++;
      continue;
    }
    failed++;
    say(`${c.red('✗')} ${path}`);
    for (const line of diff) say(`    ${c.yellow(line)}`);
  }
  if (options.update) say(`${written} expected file(s) written, ${passed - written} unchanged`);
  say(`${passed} passed, ${failed} failed`);
  return broken ? BROKEN : failed > 0 ? DIFFERENT : OK;
}
