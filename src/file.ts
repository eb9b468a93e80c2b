// One file path → one record, whatever happens: this is where "nothing is ever lost" is kept.

import { readInput } from './input/read.js';
import { errorRecord, parseDocument, unreadSource, type ParseOptions } from './pipeline.js';
import type { OutputRecord } from './schema.js';

export interface FileOptions extends Omit<ParseOptions, 'path'> {
  maxBytes?: number;
  /** The bytes of the name, when `path` is the escaped form of a name that is not UTF-8. */
  readFrom?: Uint8Array;
}

export async function parseFile(path: string, options: FileOptions = {}): Promise<OutputRecord> {
  const { readFrom, ...parseOptions } = options;
  const read = await readInput(readFrom ?? path, options.maxBytes);
  if (!read.ok) return errorRecord(unreadSource(path, read.bytes), read.code, read.message);
  try {
    return await parseDocument(read.bytes, { ...parseOptions, path });
  } catch (err) {
    // A parser bug must cost one record, not the batch.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return errorRecord(unreadSource(path, read.bytes.byteLength), 'E_INTERNAL', message);
  }
}
