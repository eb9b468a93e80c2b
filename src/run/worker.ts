// A worker thread's task: one path → its record, already rendered for the output format, with
// the few facts the main thread counts. Rendering here keeps the main thread to writing: a
// record cloned across threads costs more than the text it becomes.

import { BroadcastChannel } from 'node:worker_threads';
import { parseFile, type FileOptions } from '../file.js';
import { renderRecord, type Rendered, type RenderOptions } from '../write/render.js';

export interface Task extends FileOptions {
  path: string;
  render: RenderOptions;
  /** With a time limit: the file's index, announced on this broadcast channel when the work starts. */
  index?: number;
  startedChannel?: string;
}

/** One channel per pool name, opened once per worker. */
const channels = new Map<string, BroadcastChannel>();

function announce(name: string, index: number): void {
  let channel = channels.get(name);
  if (!channel) {
    channel = new BroadcastChannel(name);
    channel.unref(); // it must not keep an idle worker alive
    channels.set(name, channel);
  }
  channel.postMessage(index);
}

/**
 * For the tests of the no-record-lost guarantee only: a worker given a path that ends with this
 * value exits on the spot, as a worker killed by the system would.
 */
const CRASH_ON = process.env.DISCLOSE_PARSE_TEST_CRASH_ON;

export default async function run(task: Task): Promise<Rendered> {
  const { path, render, index, startedChannel, ...options } = task;
  if (startedChannel !== undefined && index !== undefined) announce(startedChannel, index);
  if (CRASH_ON && path.endsWith(CRASH_ON)) process.exit(70);
  return renderRecord(await parseFile(path, options), render);
}
