// The walk of the inputs on a thread of its own (walk-apart.ts): it returns the sorted list and
// nothing else outlives it.

import { parentPort, workerData } from 'node:worker_threads';
import { collectInputs, type WalkOptions } from '../parse/walk.js';

const { args, options } = workerData as { args: string[]; options: WalkOptions };
parentPort!.postMessage(await collectInputs(args, options));
