// Where the output goes: stdout, or a file written atomically (a temporary file in the same
// folder, renamed over the target at the end), so that a crash, a signal or a full disk never
// leaves half a file: the old file stays, or none. A symbolic link is written through, to its
// target (write/writable.ts says why).

import { createWriteStream, rmSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { temporaryBeside, writeTarget } from './writable.js';

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

/** Count a file of this run as temporary (removed on a signal too); the function removes it now. */
export function temporaryFile(path: string): () => void {
  temporaries.add(path);
  return () => {
    temporaries.delete(path);
    rmSync(path, { force: true });
  };
}

/** The reader went away (`| head`): not a failure, the end of the output. */
export function readerGone(err: NodeJS.ErrnoException): boolean {
  return err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED';
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
    out.on('error', (err: NodeJS.ErrnoException) => this.failed(err));
  }

  private failed(err: NodeJS.ErrnoException): void {
    this.closed = true;
    if (!readerGone(err)) this.error ??= err;
  }

  static toStream(out: Writable): Sink {
    return new Sink(out, null);
  }

  static toFile(path: string): Sink {
    const target = writeTarget(path);
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to as it is:
    // renaming a temporary file over it would replace the device with a regular file.
    if (isSpecialFile(target)) return new Sink(createWriteStream(target), null, true);
    const temp = temporaryBeside(target);
    temporaries.add(temp);
    return new Sink(createWriteStream(temp), { target, temp });
  }

  get open(): boolean {
    return !this.closed && !this.out.destroyed;
  }

  /** Whether the output ended because its reader went away (`| head`), not by a failure. */
  get readerWentAway(): boolean {
    return this.closed && this.error === null;
  }

  /** Write, waiting when the reader is slower; false once the reader has gone or a write failed. */
  async write(data: string | Uint8Array): Promise<boolean> {
    if (!this.open || data.length === 0) return this.open;
    let more: boolean;
    try {
      more = this.out.write(data);
    } catch (err) {
      // A file as stdout (`> /dev/full`) is written synchronously: its failure is thrown here.
      this.failed(err as NodeJS.ErrnoException);
      return false;
    }
    if (!more) {
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
      if (this.out.errored) this.failed(this.out.errored as NodeJS.ErrnoException);
      if (this.error) throw this.error;
      return;
    }
    if (!this.out.destroyed) await new Promise<void>((resolve) => this.out.end(resolve));
    // A write that failed as the stream ended (one small write on a full disk) may not have been
    // told yet by its 'error' event: the stream knows it already, and nothing is renamed then.
    if (this.out.errored) this.failed(this.out.errored as NodeJS.ErrnoException);
    temporaries.delete(this.file.temp);
    if (ok && !this.error) await rename(this.file.temp, this.file.target);
    else await rm(this.file.temp, { force: true });
    if (this.error) throw this.error;
  }
}

/** Write a whole file atomically (the summary, the panel, the codebook): the old file stays, or none, if the write fails. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const sink = Sink.toFile(path);
  await sink.write(text);
  await sink.close(true);
}
