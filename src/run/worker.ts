// A worker thread's task: one path → its record, already rendered for the output format, with
// the few facts the main thread counts. Rendering here keeps the main thread to writing: a
// record cloned across threads costs more than the text it becomes.

import type { MessagePort } from 'node:worker_threads';
import { parseFile, type FileOptions } from '../file.js';
import { renderRecord, type Rendered, type RenderOptions } from '../write/render.js';

export interface Task extends FileOptions {
  path: string;
  render: RenderOptions;
  /** Told when the worker starts on the file: the per-file time limit starts then. */
  started?: MessagePort;
}

/**
 * For the tests of the no-record-lost guarantee only: a worker given a path that ends with this
 * value exits on the spot, as a worker killed by the system would.
 */
const CRASH_ON = process.env.DISCLOSE_PARSE_TEST_CRASH_ON;

export default async function run(task: Task): Promise<Rendered> {
  const { path, render, started, ...options } = task;
  started?.postMessage('started');
  started?.close();
  if (CRASH_ON && path.endsWith(CRASH_ON)) process.exit(70);
  return renderRecord(await parseFile(path, options), render);
}
