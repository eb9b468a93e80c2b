// `disclose-parse check DIR…`: golden files for a fixture corpus. Every report file with a
// sibling `NAME.expected.json` is parsed and compared; `--update` writes the expected files.

import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Chalk } from 'chalk';
import { collectInputs } from '../parse/walk.js';
import { parseAll } from '../run/batch.js';
import { diffRecords, normalizeForCheck } from './compare.js';

export interface CheckOptions {
  update: boolean;
  glob: string;
  jobs: number;
}

export function expectedPathOf(path: string): string {
  return path.replace(/\.[^./\\]+$/, '') + '.expected.json';
}

async function readExpected(path: string): Promise<unknown | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Returns the exit code: 0 when everything matched (or was updated), 1 otherwise. */
export async function runCheck(dirs: readonly string[], options: CheckOptions, out: Writable): Promise<number> {
  const tty = (out as Writable & { isTTY?: boolean }).isTTY === true && !process.env.CI;
  const c = new Chalk({ level: tty ? 1 : 0 });
  const paths = await collectInputs(dirs.length > 0 ? dirs : ['.'], { glob: options.glob });
  let passed = 0;
  let failed = 0;
  let i = 0;
  for await (const record of parseAll(paths, { jobs: options.jobs })) {
    const path = paths[i++]!;
    const expectedPath = expectedPathOf(path);
    const actual = normalizeForCheck(record);
    if (options.update) {
      await writeFile(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      out.write(`${c.cyan('updated')} ${expectedPath}\n`);
      passed++;
      continue;
    }
    const expected = await readExpected(expectedPath);
    if (expected === undefined) {
      out.write(`${c.red('✗')} ${path}: no expected file ${expectedPath} (run with --update to write it)\n`);
      failed++;
      continue;
    }
    const diff = diffRecords(expected, JSON.parse(JSON.stringify(actual)));
    if (diff.length === 0) {
      passed++;
      continue;
    }
    failed++;
    out.write(`${c.red('✗')} ${path}\n`);
    for (const line of diff) out.write(`    ${c.yellow(line)}\n`);
  }
  out.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
