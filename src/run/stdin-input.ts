// `-` among the inputs: the report read from stdin (`cat r.txt | disclose-parse -`), as every
// Unix filter does. Its bytes are kept in a temporary file, so that the batch reads it like any
// other file (on a worker, with the time limit, again for its page), and its record's path is `-`.
// A file named `-` is still reached as `./-`.

import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { temporaryFile } from '../write/sink.js';

/** The name that stands for stdin among the inputs. */
export const STDIN_NAME = '-';

/** Read a stream to its end. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export interface StdinFile {
  /** The temporary file holding what stdin gave. */
  path: string;
  /** Remove it (at the end of the run; on a signal, the handler that removes the run's temporary files does). */
  remove(): void;
}

/** Stdin's bytes streamed into a temporary file of their own (a larger input than --max-bytes then gives E_TOO_LARGE, as a file does). */
export async function stdinToFile(stdin: Readable): Promise<StdinFile> {
  const path = join(tmpdir(), `disclose-parse-stdin.${process.pid}.${Date.now()}`);
  const remove = temporaryFile(path);
  try {
    await pipeline(stdin, createWriteStream(path));
  } catch (err) {
    remove();
    throw err;
  }
  return { path, remove };
}
