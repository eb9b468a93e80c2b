// The records a panel is built from: JSON Lines (`disclose-parse … > x.jsonl`), or the JSON array
// that `--format json` writes (one record a line between `[` and `]`), read line by line so that
// an archive's worth never sits in memory. Anything else is refused with a message that says
// what is wanted.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { OutputRecord } from '../schema.js';
import { panelFacts, type PanelFacts } from './facts.js';

const WANTED = 'panel reads the JSON Lines the main command writes (or its --format json array)';

/** A line of either format as a record, or null for the array's brackets and blank lines. */
function recordOf(line: string): OutputRecord | null {
  let text = line.trim();
  if (text === '' || text === '[' || text === ']' || text === '[]') return null;
  if (text.endsWith(',')) text = text.slice(0, -1);
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || !('source' in value)) throw new Error('not a record');
  return value as OutputRecord;
}

/** The panel facts of every record in `file` ("-": stdin). Throws a message naming the line. */
export async function readPanelFacts(file: string, stdin: Readable, into: PanelFacts[]): Promise<void> {
  const input = file === '-' ? stdin : createReadStream(file);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    let record: OutputRecord | null;
    try {
      record = recordOf(line);
    } catch {
      throw new Error(`line ${n} is not a record: ${WANTED}`);
    }
    const facts = record && panelFacts(record);
    if (facts) into.push(facts);
  }
}
