// The text a page shows: the file decoded again (or read again by its document reader), exactly
// as the parser read it, and cut into the lines the record's line numbers count. The record does
// not carry the text (it would double what a worker sends per file); the file is read once more
// right after it was parsed, on the same thread, and only while its page is written.

import { createHash } from 'node:crypto';
import { decode, type ForcedEncoding } from '../parse/decode.js';
import { readDocument } from '../parse/documents/registry.js';
import type { LineOrigin } from '../parse/documents/types.js';
import { sniff } from '../parse/documents/sniff.js';
import { readInput } from '../input/read.js';
import type { OutputRecord } from '../schema.js';

export interface SourceOptions {
  /** The encoding the file was parsed with (`--encoding`); detected when absent. */
  encoding?: ForcedEncoding;
  maxBytes?: number;
  /** The bytes of the name, when the path shown is an escaped name that is not UTF-8. */
  readFrom?: Uint8Array;
}

/** A paged document the page draws beside its text (a PDF): its bytes, each line's origin, its pages' sizes. */
export interface PagedDocument {
  bytes: Uint8Array;
  origins: readonly LineOrigin[];
  pages: ReadonlyArray<{ width: number; height: number }>;
}

/** The lines of the text (1-based line N is `lines[N - 1]`), or why there are none to show. */
export type SourceText = { lines: string[]; document?: PagedDocument } | { lines: null; why: string };

/** Decoded text → lines, numbered as the parser numbers them (pipeline.ts, parse/lines.ts). */
export function linesOf(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text of a record's file, when it can be had and is still the file the record describes. */
export async function sourceText(record: OutputRecord, options: SourceOptions = {}): Promise<SourceText> {
  if ('error' in record) return { lines: null, why: `the file gave no report (${record.error.code})` };
  const path = record.source.path;
  if (path === null) return { lines: null, why: 'the record was parsed from text in memory' };
  const read = await readInput(options.readFrom ?? path, options.maxBytes);
  if (!read.ok) return { lines: null, why: `the file cannot be read again: ${read.message}` };
  if (createHash('sha256').update(read.bytes).digest('hex') !== record.source.sha256) {
    return { lines: null, why: 'the file changed after it was parsed (its SHA-256 differs)' };
  }
  // A document is shown as its reader gave it to the parser (a saved page as its source, the chrome blank).
  const kind = sniff(read.bytes);
  if (kind !== 'text') {
    const document = await readDocument(kind, read.bytes, options.encoding ? { encoding: options.encoding } : {});
    if (!document.ok) return { lines: null, why: document.message };
    const lines = linesOf(document.text);
    if (document.pages && document.pages.length > 0) return { lines, document: { bytes: read.bytes, origins: document.origins, pages: document.pages } };
    return { lines };
  }
  const decoded = decode(read.bytes, options.encoding);
  if (!decoded.ok) return { lines: null, why: decoded.message };
  return { lines: linesOf(decoded.text) };
}
