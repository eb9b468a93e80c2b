// A worker thread's task: one path → one record. Kept tiny: the work is parseFile's.

import { parseFile, type FileOptions } from '../file.js';
import type { OutputRecord } from '../schema.js';

export interface Task extends FileOptions {
  path: string;
}

export default async function run(task: Task): Promise<OutputRecord> {
  const { path, ...options } = task;
  return parseFile(path, options);
}
