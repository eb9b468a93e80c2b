// Where the output goes: stdout, or a file written atomically (a temporary file in the same
// folder, renamed over the target at the end), so that a crash never leaves half a file.

import { createWriteStream, rmSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

function isSpecialFile(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // not there yet: a new regular file
  }
}

/** Temporary files being written, so that a signal handler can remove them (removeTemporaryFiles). */
const temporaries = new Set<string>();

/** Remove every temporary file still being written: on SIGINT or SIGTERM, before the process ends. */
export function removeTemporaryFiles(): void {
  for (const temp of temporaries) rmSync(temp, { force: true });
  temporaries.clear();
}

export class Sink {
  private closed = false;
  /** A write that failed other than by the reader going away (a full disk): reported by close(). */
  private error: Error | null = null;
  private constructor(
    private readonly out: Writable,
    private readonly file: { target: string; temp: string } | null,
    private readonly owned = file !== null,
  ) {
    out.on('error', (err: NodeJS.ErrnoException) => {
      // The reader went away (`| head`): stop writing, quietly.
      this.closed = true;
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') this.error = err;
    });
  }

  static toStream(out: Writable): Sink {
    return new Sink(out, null);
  }

  static toFile(target: string): Sink {
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to as it is:
    // renaming a temporary file over it would replace the device with a regular file.
    if (isSpecialFile(target)) return new Sink(createWriteStream(target), null, true);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
    temporaries.add(temp);
    return new Sink(createWriteStream(temp), { target, temp });
  }

  get open(): boolean {
    return !this.closed && !this.out.destroyed;
  }

  /** Write, waiting when the reader is slower; false once the reader has gone. */
  async write(data: string | Uint8Array): Promise<boolean> {
    if (!this.open || data.length === 0) return this.open;
    if (!this.out.write(data)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.out.off('drain', done);
          this.out.off('close', done);
          this.out.off('error', done);
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('close', done);
        this.out.on('error', done);
      });
    }
    return this.open;
  }

  /**
   * Finish: a file is renamed into place; `ok: false` removes the temporary file instead. Throws
   * the error of a write that failed (the temporary file is removed then too).
   */
  async close(ok = true): Promise<void> {
    if (!this.file) {
      // A device or pipe this sink opened is closed; the caller's stream (stdout) is left open.
      if (this.owned && !this.out.destroyed) await new Promise<void>((resolve) => this.out.end(resolve));
      if (this.error) throw this.error;
      return;
    }
    if (!this.out.destroyed) await new Promise<void>((resolve) => this.out.end(resolve));
    temporaries.delete(this.file.temp);
    if (ok && !this.error) await rename(this.file.temp, this.file.target);
    else await rm(this.file.temp, { force: true });
    if (this.error) throw this.error;
  }
}
