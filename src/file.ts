// One file path → one record, whatever happens: this is where "nothing is ever lost" is kept.

import { readInput } from './parse/read.js';
import { errorRecord, parseBuffer, type ParseOptions } from './pipeline.js';
import type { OutputRecord } from './schema.js';

export interface FileOptions extends Omit<ParseOptions, 'path'> {
  maxBytes?: number;
}

export async function parseFile(path: string, options: FileOptions = {}): Promise<OutputRecord> {
  const read = await readInput(path, options.maxBytes);
  if (!read.ok) return errorRecord({ path, bytes: read.bytes, sha256: null, encoding: null, lineEnding: null }, read.code, read.message);
  try {
    return parseBuffer(read.bytes, { ...options, path });
  } catch (err) {
    // A parser bug must cost one record, not the batch.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return errorRecord({ path, bytes: read.bytes.byteLength, sha256: null, encoding: null, lineEnding: null }, 'E_INTERNAL', message);
  }
}
