// A progress bar on stderr for long batches on a terminal (cli-progress); nothing when it is not
// wanted (terminal.ts decides) or the batch is short.

import { SingleBar } from 'cli-progress';
import type { Writable } from 'node:stream';

/** Below this many files a batch ends before a bar would help. */
const MIN_FILES_FOR_BAR = 50;

export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick: () => {}, stop: () => {} };

export function makeProgress(stream: Writable, total: number, wanted: boolean): Progress {
  if (!wanted || total < MIN_FILES_FOR_BAR) return NONE;
  const start = Date.now();
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: ' {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 200,
  });
  bar.start(total, 0, { rate: '0' });
  let done = 0;
  return {
    tick() {
      done++;
      const rate = done / Math.max(0.001, (Date.now() - start) / 1000);
      bar.update(done, { rate: rate.toFixed(0) });
    },
    stop() {
      bar.stop();
    },
  };
}
