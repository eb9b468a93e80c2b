// A worker thread's task: a few paths → their records, already rendered for the output format,
// with the few facts the main thread counts. Rendering here keeps the main thread to writing: a
// record cloned across threads costs more than the text it becomes.

import { parentPort, threadId, workerData } from 'node:worker_threads';
import { parseFile, type FileOptions } from '../file.js';
import { renderViewed, viewOptions, type RenderOptions, type Viewed } from './render.js';
import { stampFile, type ClockShare } from './file-clock.js';
import { crashOn, hangOn } from './test-hooks.js';

/** The test hooks (test-hooks.ts), read once: a worker starts after the test set them. */
const CRASH_ON = crashOn();
const HANG_ON = hangOn();

export interface Task extends Omit<FileOptions, 'readFrom' | 'deadline'> {
  /** Consecutive files of the batch, parsed in order. */
  paths: string[];
  render: RenderOptions;
  /** The task's place in the window and its ticket: where and under which to stamp each file's start (file-clock.ts). */
  slot: number;
  ticket: number;
  /** The per-file time limit: each file's parse stops itself past it (an E_TIMEOUT record). */
  timeoutMs?: number;
  /** Per path, the bytes of its name when the path is an escaped name that is not UTF-8. */
  rawNames?: Array<Uint8Array | null>;
  /** Also make each record's HTML page and index row (`--html`). */
  html?: boolean;
}

/** What the pool gives every worker (batch.ts). */
export interface WorkerShare {
  clock: ClockShare;
}

/** What a worker says once its modules are loaded: until then, stopping it would abort the process (batch.ts). */
export interface LoadedMessage {
  loaded: number;
}

const shared = workerData as WorkerShare | null;

function hang(): void {
  const until = Date.now() + 60_000;
  while (Date.now() < until); // busy, as a runaway parse is, and deaf to the time limit
}

export default async function run(task: Task): Promise<Viewed[]> {
  const { paths, render, slot, ticket, timeoutMs, rawNames, html, ...options } = task;
  const out: Viewed[] = [];
  for (let j = 0; j < paths.length; j++) {
    const path = paths[j]!;
    const startedAt = shared?.clock ? stampFile(shared.clock, slot, ticket, j) : Date.now();
    if (CRASH_ON && path.endsWith(CRASH_ON)) process.exit(70);
    if (HANG_ON && path.endsWith(HANG_ON)) hang();
    const raw = rawNames?.[j];
    const deadline = timeoutMs ? { at: startedAt + timeoutMs, limitMs: timeoutMs } : undefined;
    const record = await parseFile(path, { ...options, ...(raw && { readFrom: raw }), ...(deadline && { deadline }) });
    out.push(await renderViewed(record, render, viewOptions(html, options, raw)));
  }
  return out;
}

// The last statement of the module: everything it imports is loaded and run by now.
parentPort?.postMessage({ loaded: threadId } satisfies LoadedMessage);
