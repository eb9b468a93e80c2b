// What a conversion writes besides stdout, settled before any work: the format an output's name
// asks for, options that only make sense with CSV, two outputs on one path (the second would
// overwrite the first and every record be lost), and files that cannot be written. Each is a
// usage error (exit 2) with one line, told before the first file is read.

import { realpathSync } from 'node:fs';
import { extname, join } from 'node:path';
import { INDEX_NAME } from '../view/index.js';
import { codebookPathOf } from '../write/codebook.js';
import { writeTarget } from '../write/writable.js';
import type { Format } from '../write/writers.js';

/** The format an output file's extension names; other extensions say nothing. */
const FORMAT_OF_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** An output and the option that named it, for messages (`--summary x.jsonl`). */
export interface NamedOutput {
  option: string;
  path: string;
}

/**
 * The format of the run: the one given, else the one `-o`'s extension names (`-o out.csv` is CSV),
 * else JSON Lines. A format given that contradicts the extension is refused: `-f jsonl -o out.csv`
 * would write JSON into a file every tool opens as CSV.
 */
export function formatOf(given: Format | undefined, output: string | undefined): { format: Format } | { refused: string } {
  const named = output === undefined ? undefined : FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
  if (given !== undefined && named !== undefined && given !== named) return { refused: `-o ${output} names ${named} by its extension, but --format ${given} was given` };
  return { format: given ?? named ?? 'jsonl' };
}

/** Where a path really lands: a link's target, the real folder. */
function landing(path: string): string {
  const target = writeTarget(path);
  try {
    return realpathSync(target);
  } catch {
    return target;
  }
}

/**
 * Two outputs that land on one file (`-o x.jsonl --summary x.jsonl`, through a link or `./`), or an
 * output that is the index of the `--html` folder: the message for the first such pair, or null.
 */
export function outputClash(outputs: readonly NamedOutput[], html: string | undefined): string | null {
  const all = [...outputs, ...(html !== undefined ? [{ option: '--html', path: join(html, INDEX_NAME) }] : [])];
  const seen = new Map<string, NamedOutput>();
  for (const o of all) {
    const at = landing(o.path);
    const first = seen.get(at);
    if (first !== undefined) return `${first.option} ${first.path} and ${o.option} ${o.path} are one file: the second would overwrite the first`;
    seen.set(at, o);
  }
  return null;
}

/** The codebook a CSV run writes: the one named, else beside a CSV file (`NAME.codebook.csv`). */
export function codebookOf(format: Format, output: string | undefined, named: string | undefined, outputIsFile: boolean): string | undefined {
  if (named !== undefined) return named;
  return format === 'csv' && output !== undefined && outputIsFile ? codebookPathOf(output) : undefined;
}
