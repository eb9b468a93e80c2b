// A worker thread's task: one path → its record, already rendered for the output format, with
// the few facts the main thread counts. Rendering here keeps the main thread to writing: a
// record cloned across threads costs more than the text it becomes.

import { workerData } from 'node:worker_threads';
import { parseFile, type FileOptions } from '../file.js';
import { renderRecord, type Rendered, type RenderOptions } from '../write/render.js';

export interface Task extends FileOptions {
  path: string;
  render: RenderOptions;
  /** The file's place in the window: where to write the time the work starts (batch.ts). */
  slot: number;
}

/** Start times by window slot, shared with the main thread that enforces the time limit. */
const started = (workerData as { started?: Float64Array } | null)?.started;

/**
 * For the tests of the no-record-lost guarantee only: a worker given a path that ends with this
 * value exits on the spot, as a worker killed by the system would.
 */
const CRASH_ON = process.env.DISCLOSE_PARSE_TEST_CRASH_ON;

export default async function run(task: Task): Promise<Rendered> {
  const { path, render, slot, ...options } = task;
  if (started) started[slot] = Date.now();
  if (CRASH_ON && path.endsWith(CRASH_ON)) process.exit(70);
  return renderRecord(await parseFile(path, options), render);
}
