// Many paths → their records, in input order, streamed. With one job and no time limit, or a
// batch this thread parses sooner than a worker loads (a few small files), the files are parsed
// in this thread; else on a pool of worker threads (piscina), a few files per task, with a
// bounded window of tasks in flight and a reorder buffer no larger than that window, so memory
// stays bounded by the window × the files per task × the largest file whatever the number of files.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { errorRecord, timeoutMessage, unreadSource } from '../pipeline.js';
import { parseFile, type FileOptions } from '../file.js';
import type { InputProblem } from '../input/walk.js';
import type { ErrorCode, OutputRecord } from '../schema.js';
import { renderViewed, viewOptions, type RenderOptions, type Viewed } from './render.js';
import { newClock, TaskClock } from './file-clock.js';
import { workerHooksSet } from './test-hooks.js';
import { threadModule } from './thread-module.js';
import type { LoadedMessage, Task, WorkerShare } from './worker.js';

export interface BatchOptions extends FileOptions {
  /** Worker threads; 1 parses in this thread. */
  jobs?: number;
  /** Per-file time limit in milliseconds (needs workers: the parse stops itself, and a worker stuck far past it is stopped). */
  timeoutMs?: number;
  /** Paths that get an error record without being read (walk.ts: a pattern that matched nothing …). */
  problems?: ReadonlyMap<string, InputProblem>;
  /** The bytes to open a path by, when the path shown is an escaped name (walk.ts). */
  rawNames?: ReadonlyMap<string, Uint8Array>;
  /** Also make each record's HTML page and index row (`--html`). */
  html?: boolean;
}

/** Young-generation size of a worker's heap, in MB. */
const YOUNG_GENERATION_MB = 8;
/**
 * Old-generation ceiling of a worker's heap, in MB: collecting before the heap grows large keeps the
 * pool's resident memory down. It is the real limit of what a file may need: one that needs more
 * (far beyond any real report: 300 000 heading lines, 100 000 rows of a table) costs its worker
 * and gives an E_OUT_OF_MEMORY record.
 */
const OLD_GENERATION_MB = 192;

/** Tasks in flight per worker: enough to keep every worker busy while the writer catches up. */
const WINDOW_PER_JOB = 4;

/**
 * Files per task, at most. A task costs the main thread a message each way, a promise and an
 * abort signal, whatever its size: several files per task keep the main thread's share of the
 * two cores small. Small batches get one file per task, so that every worker gets some.
 */
const MAX_FILES_PER_TASK = 8;

/** How often the time limits are looked at, at most (a fraction of the limit when it is short). */
const WATCH_EVERY_MS = 1000;

/**
 * A file over its time limit ends itself: the parse looks at the limit after each of its stages
 * and gives E_TIMEOUT (pipeline.ts), and the worker goes on with its next file. Stopping a worker
 * costs a new one, whose modules take a quarter of a second to load (which made every timeout
 * cost that much: 500 files at `--timeout-ms 1` took 140 s instead of 13), so a worker is stopped
 * only when one file has run this many times its limit, plus STUCK_MARGIN_MS: when one stage alone
 * runs on far past the limit, or the worker is stuck outside the parse.
 */
const STUCK_LIMIT_FACTOR = 2;
/** See STUCK_LIMIT_FACTOR: room for a stage to finish on a short limit (a stage of a large file takes up to about a second). */
const STUCK_MARGIN_MS = 1000;

/** The code of the error a worker that reached its heap limit ends with (Node.js). */
const WORKER_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** Why a task failed: a worker stopped far past the time limit, out of heap, or dead otherwise (a crash). */
interface Failure {
  /** The place in the task of the file the worker was on. */
  failed: number;
  cause: 'stuck' | 'memory' | 'died';
  message: string;
}

/** How often, and how long at most, the end of the batch waits for a worker still loading its modules. */
const LOAD_POLL_MS = 10;
const LOAD_WAIT_MS = 30_000;

/**
 * A batch of at most this many files, together at most IN_PROCESS_MAX_BYTES, is parsed in this
 * thread, pool or no pool: a worker loads the parser's modules again before its first file
 * (about 0.2–0.6 s of CPU), longer than this thread takes for a few small reports (a CI job
 * checking a handful of files). Few files, so that deciding costs a few stat calls at most.
 */
const IN_PROCESS_MAX_FILES = 8;
/**
 * See IN_PROCESS_MAX_FILES. Parse time is linear in size, so a stage of files this small cannot
 * run long past the time limit (which this thread checks between stages, as a worker does, but
 * cannot stop a stage), and their heap stays far below a worker's ceiling (E_OUT_OF_MEMORY).
 */
const IN_PROCESS_MAX_BYTES = 256 * 1024;

/** Is the batch few and small enough to parse in this thread (IN_PROCESS_MAX_FILES)? */
export function parsesInProcess(paths: readonly string[], rawNames: ReadonlyMap<string, Uint8Array> | undefined): boolean {
  if (paths.length > IN_PROCESS_MAX_FILES || workerHooksSet()) return false;
  let bytes = 0;
  for (const path of paths) {
    try {
      const raw = rawNames?.get(path);
      bytes += statSync(raw ? Buffer.from(raw) : path).size;
    } catch {
      // unreadable: its error record is made wherever it is parsed
    }
  }
  return bytes <= IN_PROCESS_MAX_BYTES;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The most worker threads a run uses: one per core. Parsing is CPU work, so more threads than
 * cores only add memory (each worker may hold up to OLD_GENERATION_MB of heap; `-j 500` once took
 * 9 GB) and time spent switching.
 */
export function maxJobs(): number {
  return defaultJobs();
}

/** Files per task for a batch: one until every place of the window has a few tasks' worth. */
export function filesPerTask(files: number, jobs: number): number {
  return Math.max(1, Math.min(MAX_FILES_PER_TASK, Math.floor(files / (jobs * WINDOW_PER_JOB * 4))));
}

/** A record for a file whose worker was stopped or died: its size is still known when the file is. */
function lost(path: string, code: ErrorCode, message: string, readFrom?: Uint8Array): OutputRecord {
  let bytes: number | null = null;
  try {
    const info = statSync(readFrom ? Buffer.from(readFrom) : path);
    if (info.isFile()) bytes = info.size;
  } catch {
    // gone, or cannot be seen: no size
  }
  return errorRecord(unreadSource(path, bytes), code, message);
}

/** A record made on this thread (an error the batch itself gives, or -j 1), rendered. */
function renderHere(record: OutputRecord, render: RenderOptions, html: boolean | undefined, options: FileOptions = {}, readFrom?: Uint8Array): Promise<Viewed> {
  return renderViewed(record, render, viewOptions(html, options, readFrom));
}

function problemRecord(path: string, problem: InputProblem, render: RenderOptions, html: boolean | undefined): Promise<Viewed> {
  return renderHere(errorRecord(unreadSource(path), problem.code, problem.message), render, html);
}

/** The files parsed one after the other in this thread, each under the time limit when there is one. */
async function* sequential(paths: readonly string[], options: BatchOptions, render: RenderOptions): AsyncGenerator<Viewed> {
  const { jobs: _j, timeoutMs, problems, rawNames, html, ...fileOptions } = options;
  for (const path of paths) {
    const problem = problems?.get(path);
    const readFrom = rawNames?.get(path);
    const deadline = timeoutMs ? { at: Date.now() + timeoutMs, limitMs: timeoutMs } : undefined;
    yield problem
      ? await problemRecord(path, problem, render, html)
      : await renderHere(await parseFile(path, { ...fileOptions, ...(readFrom && { readFrom }), ...(deadline && { deadline }) }), render, html, fileOptions, readFrom);
  }
}

async function* pooled(paths: readonly string[], options: BatchOptions, jobs: number, render: RenderOptions): AsyncGenerator<Viewed> {
  const window = jobs * WINDOW_PER_JOB;
  const perTask = filesPerTask(paths.length, jobs);
  const tasks = Math.ceil(paths.length / perTask);
  // The clock of the per-file time limit starts when a worker takes the file, not while it waits
  // in the window: the worker stamps when each file starts, and which file of its task it is,
  // into the task's slot (one per place in the window; file-clock.ts); one timer looks at the
  // slots. No message and no timer per file.
  const clock = new TaskClock(newClock(window));
  const pool = new Piscina({
    filename: threadModule('worker'),
    minThreads: Math.min(jobs, tasks),
    maxThreads: jobs,
    idleTimeout: 1000,
    workerData: { clock: clock.share } satisfies WorkerShare,
    recordTiming: false, // the pool's own statistics: not used, and kept per task
    // A worker's heap is reused file after file: small heap limits keep the resident memory of
    // the pool low at little cost in speed (measured with npm run bench).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
  });
  // A result that arrives after the reader stopped early is of no use; it must not crash the run.
  pool.on('error', () => {});
  // Workers that have loaded their modules, by thread id (worker.ts says so as its last statement).
  const loaded = new Set<number>();
  pool.on('message', (m: Partial<LoadedMessage>) => {
    if (typeof m?.loaded === 'number') loaded.add(m.loaded);
  });
  const { jobs: _jobs, timeoutMs, problems, rawNames, html, ...fileOptions } = options;
  const workerRender: RenderOptions = { ...render, bytes: render.format !== 'record' };
  const running = new Map<number, { ticket: number; controller: AbortController }>(); // by slot
  const stuckAfter = timeoutMs ? STUCK_LIMIT_FACTOR * timeoutMs + STUCK_MARGIN_MS : 0;
  // Only a worker that has stamped a file of its task is stopped: its modules are loaded (a worker
  // stopped while loading them aborts the whole process, exit 134).
  const watch = timeoutMs
    ? setInterval(() => {
        const now = Date.now();
        for (const [slot, { ticket, controller }] of running) {
          const stamp = clock.read(slot, ticket);
          if (stamp && now - stamp.startedAt > stuckAfter) controller.abort();
        }
      }, Math.max(10, Math.min(WATCH_EVERY_MS, stuckAfter / 4))).unref()
    : null;

  /** Run some files as one task in a slot; their records, or the failed file's place and why it failed. */
  const runTask = async (files: string[], slot: number): Promise<{ ok: Viewed[] } | Failure> => {
    const ticket = clock.open(slot);
    const controller = new AbortController();
    if (timeoutMs) running.set(slot, { ticket, controller });
    const names = rawNames && rawNames.size > 0 ? files.map((f) => rawNames.get(f) ?? null) : undefined;
    const task: Task = {
      paths: files,
      ...fileOptions,
      render: workerRender,
      slot,
      ticket,
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(names ? { rawNames: names } : {}),
      ...(html ? { html } : {}),
    };
    try {
      return { ok: (await pool.run(task, timeoutMs ? { signal: controller.signal } : {})) as Viewed[] };
    } catch (err) {
      const cause = controller.signal.aborted ? 'stuck' : (err as NodeJS.ErrnoException).code === WORKER_OUT_OF_MEMORY ? 'memory' : 'died';
      return { failed: clock.read(slot, ticket)?.index ?? 0, cause, message: err instanceof Error ? err.message : String(err) };
    } finally {
      running.delete(slot);
    }
  };

  /** The record of a file whose worker failed on it. */
  const failedOn = (path: string, failure: Failure): OutputRecord => {
    const readFrom = rawNames?.get(path);
    if (failure.cause === 'stuck') return lost(path, 'E_TIMEOUT', `${timeoutMessage(timeoutMs ?? 0)}; the worker was stopped`, readFrom);
    if (failure.cause === 'memory') return lost(path, 'E_OUT_OF_MEMORY', `parsing the file needs more than the ${OLD_GENERATION_MB} MB of heap a worker has`, readFrom);
    return lost(path, 'E_INTERNAL', `the worker failed: ${failure.message}`, readFrom);
  };

  /**
   * One task's records, whatever happens. piscina replaces a worker that died or was stopped;
   * its task is then taken apart: the file it was on when it was stopped far over the time limit
   * or ran out of heap gets its record (E_TIMEOUT, E_OUT_OF_MEMORY) and the others run again one
   * by one, so that a crash also costs exactly the file that causes it (E_INTERNAL).
   */
  const runFiles = async (files: string[], slot: number): Promise<Viewed[]> => {
    const result = await runTask(files, slot);
    if ('ok' in result) return result.ok;
    if (files.length === 1) return [await renderHere(failedOn(files[0]!, result), render, html)];
    const out: Viewed[] = [];
    for (let j = 0; j < files.length; j++) {
      if (result.cause !== 'died' && j === result.failed) out.push(await renderHere(failedOn(files[j]!, result), render, html));
      else out.push(...(await runFiles([files[j]!], slot)));
    }
    return out;
  };

  /** Before the pool goes: every worker done loading its modules (or gone), so that none is stopped while loading. */
  const settled = async (): Promise<void> => {
    const until = Date.now() + LOAD_WAIT_MS;
    while (pool.threads.some((t) => !loaded.has(t.threadId)) && Date.now() < until) await sleep(LOAD_POLL_MS);
  };

  /** A task's records, the paths known to be unreadable answered here without a worker. */
  const runSlice = async (files: string[], slot: number): Promise<Viewed[]> => {
    const known = files.map((f) => problems?.get(f));
    if (known.every((k) => k === undefined)) return runFiles(files, slot);
    const rest = files.filter((_, i) => known[i] === undefined);
    const parsed = rest.length > 0 ? await runFiles(rest, slot) : [];
    let j = 0;
    return Promise.all(files.map((f, i) => (known[i] ? problemRecord(f, known[i]!, render, html) : parsed[j++]!)));
  };

  const pending = new Map<number, Promise<Viewed[]>>();
  const submit = (t: number): void => {
    pending.set(t, runSlice(paths.slice(t * perTask, (t + 1) * perTask), t % window));
  };
  try {
    let next = 0;
    for (; next < Math.min(window, tasks); next++) submit(next);
    for (let t = 0; t < tasks; t++) {
      const records = await pending.get(t)!;
      pending.delete(t);
      if (next < tasks) submit(next++);
      yield* records;
    }
  } finally {
    // Stopped early (`| head`): let the tasks in flight finish before the pool goes away.
    await Promise.allSettled(pending.values());
    if (watch) clearInterval(watch);
    await settled();
    await pool.destroy();
  }
}

/** The records of `paths`, rendered for an output format, in order. */
export function renderAll(paths: readonly string[], render: RenderOptions, options: BatchOptions = {}): AsyncGenerator<Viewed> {
  const jobs = Math.max(1, options.jobs ?? 1);
  if ((jobs === 1 && !options.timeoutMs) || parsesInProcess(paths, options.rawNames)) return sequential(paths, options, render);
  return pooled(paths, options, jobs, render);
}

/** The records of `paths`, in order. */
export async function* parseAll(paths: readonly string[], options: BatchOptions = {}): AsyncGenerator<OutputRecord> {
  for await (const r of renderAll(paths, { format: 'record' }, options)) yield r.record!;
}

/**
 * The K-th of N contiguous slices of the sorted list, so that the outputs of 1/N … N/N
 * concatenated are the output of the whole list.
 */
export function shard(paths: readonly string[], k: number, n: number): string[] {
  const from = Math.floor(((k - 1) * paths.length) / n);
  const to = Math.floor((k * paths.length) / n);
  return paths.slice(from, to);
}
