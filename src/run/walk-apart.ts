// Walk the inputs on a short-lived worker thread. Walking a large archive makes a lot of
// short-lived objects; in the main thread they would raise the heap size V8 lets the main
// thread grow to for the rest of the run (measured: a 100 000-file walk let the main heap grow
// to 157 MB before its next full collection, 19 MB after it). In a worker they go with it.
// A few named files need no walk worth a thread (whose start-up costs more than their walk).

import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { walkInputs, type Inputs, type WalkOptions } from '../input/walk.js';
import { threadModule } from './thread-module.js';

/** At most this many arguments, each a file (no folder, no pattern), are walked in this thread. */
const HERE_MAX_ARGS = 16;

/** Is every argument a file by its name (no folder to walk, no pattern to expand)? */
function onlyFiles(args: ReadonlyArray<string | Uint8Array>): boolean {
  if (args.length > HERE_MAX_ARGS) return false;
  return args.every((a) => {
    try {
      return statSync(typeof a === 'string' ? a : Buffer.from(a)).isFile();
    } catch {
      return false;
    }
  });
}

export async function walkInputsApart(args: ReadonlyArray<string | Uint8Array>, options: WalkOptions = {}): Promise<Inputs> {
  const file = threadModule('walk-worker');
  if (!existsSync(file) || onlyFiles(args)) return walkInputs(args, options);
  const list = await new Promise<Inputs | null>((resolve) => {
    const worker = new Worker(file, { workerData: { args: [...args], options } });
    worker.once('message', (inputs: Inputs) => resolve(inputs));
    // A thread that cannot run (a system out of threads) costs memory, not the run: walk here.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return list ?? walkInputs(args, options);
}
