// The walk of the inputs on a thread of its own (walk-apart.ts): it returns the sorted list (and
// what it found wrong) and nothing else outlives it.

import { parentPort, workerData } from 'node:worker_threads';
import { walkInputs, type WalkOptions } from '../input/walk.js';

const { args, options } = workerData as { args: Array<string | Uint8Array>; options: WalkOptions };
parentPort!.postMessage(await walkInputs(args, options));
