// Read one input path into bytes, or say why not. Never throws.

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ErrorCode } from '../schema.js';

/**
 * Default ceiling on a report's size. The largest real reports (a province's, with every
 * table) are a few hundred kilobytes of text; 20 MB leaves room for any real one while keeping
 * a stray log file or data dump from eating memory.
 */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; code: ErrorCode; message: string; bytes: number | null };

function describe(err: unknown): { code: string; message: string } {
  const e = err as NodeJS.ErrnoException;
  return { code: e.code ?? 'UNKNOWN', message: e.message ?? String(err) };
}

/**
 * Read a file. The file is opened without blocking and checked on the open descriptor, so that a
 * path swapped for a FIFO between listing and reading cannot block the batch. Reading is
 * synchronous: it runs on a worker thread, where waiting costs nothing and the promise
 * round-trips of fs/promises cost more than the read. `path` may be the bytes of a name that is
 * not UTF-8.
 */
export async function readInput(path: string | Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  let fd: number;
  try {
    fd = openSync(path as string, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const { code, message } = describe(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, code: 'E_NOT_FOUND', message: 'no such file', bytes: null };
    return { ok: false, code: 'E_READ', message: `cannot read: ${message}`, bytes: null };
  }
  try {
    const info = fstatSync(fd);
    // Devices, FIFOs and sockets are reported, never read.
    if (info.isDirectory()) return { ok: false, code: 'E_NOT_FILE', message: 'is a directory', bytes: null };
    if (!info.isFile()) return { ok: false, code: 'E_NOT_FILE', message: 'not a regular file (device, FIFO or socket)', bytes: null };
    if (info.size > maxBytes) {
      return { ok: false, code: 'E_TOO_LARGE', message: `${info.size} bytes is over the limit of ${maxBytes} (--max-bytes)`, bytes: info.size };
    }
    const bytes = readFileSync(fd);
    // The file may have grown since it was opened.
    if (bytes.byteLength > maxBytes) {
      return { ok: false, code: 'E_TOO_LARGE', message: `${bytes.byteLength} bytes is over the limit of ${maxBytes} (--max-bytes)`, bytes: bytes.byteLength };
    }
    return { ok: true, bytes };
  } catch (err) {
    return { ok: false, code: 'E_READ', message: `cannot read: ${describe(err).message}`, bytes: null };
  } finally {
    closeSync(fd);
  }
}
