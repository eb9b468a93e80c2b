// The main command: named paths → one record each, written in order. Everything that can be
// told before the work starts is told then (an output that cannot be written, an output that is
// one of the inputs, a shard the scheduler does not give), so that a long batch never fails at
// its end for a typo.

import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { ForcedEncoding } from '../parse/decode.js';
import { parsePathList, type Inputs } from '../input/walk.js';
import { panelLines } from '../panel/checks.js';
import type { PanelFacts } from '../panel/facts.js';
import { cannotWriteFolder, PageFolder, PageWriteError } from './page-folder.js';
import { codebookRows } from '../write/codebook.js';
import { CSV_COLUMNS } from '../write/columns.js';
import { Sink, writeFileAtomically } from '../write/sink.js';
import { cannotWrite, cannotWriteMessage, reasonOf } from '../write/writable.js';
import { makeWriter, type ColumnNaming, type Format } from '../write/writers.js';
import { maxJobs, renderAll, shard } from './batch.js';
import { makeProgress } from './progress.js';
import { resolveShard, type ShardSpec } from './shard-spec.js';
import { codebookOf, formatOf, outputClash, type NamedOutput } from './outputs.js';
import { readAll, STDIN_NAME, stdinToFile, type StdinFile } from './stdin-input.js';
import { plural, SummaryCounter } from './summary.js';
import { wantsProgressBar } from './terminal.js';
import { walkInputsApart } from './walk-apart.js';

export interface ConvertOptions {
  glob: string;
  filesFrom?: string;
  encoding?: ForcedEncoding;
  maxBytes: number;
  followSymlinks: boolean;
  /** Given with -f; else taken from -o's extension, else JSON Lines (run/outputs.ts). */
  format?: Format;
  /** --files-from lists names separated by NUL bytes (`find -print0`), as xargs -0 reads them. */
  null?: boolean;
  columns: ColumnNaming;
  codebook?: string;
  excel: boolean;
  output?: string;
  slim: boolean;
  quiet: boolean;
  summary?: string;
  jobs: number;
  shard?: ShardSpec;
  timeoutMs?: number;
  panel?: string;
  /** Write an HTML page per report and an index into this folder. */
  html?: string;
}

export interface ConvertIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
}

const OK = 0;
const SOME_ERRORS = 1;
const USAGE = 2;

/** Notes of one kind shown at most; the rest are counted. */
const MAX_NOTES = 10;

function isFileOrNew(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

async function namedPaths(paths: string[], opts: ConvertOptions, io: ConvertIo): Promise<Array<string | Uint8Array> | string> {
  const named: Array<string | Uint8Array> = [...paths];
  if (opts.filesFrom === undefined) return named;
  try {
    const list = opts.filesFrom === '-' ? await readAll(io.stdin) : await readFile(opts.filesFrom);
    named.push(...parsePathList(list, { nul: opts.null }));
  } catch (err) {
    return `cannot read --files-from ${opts.filesFrom}: ${(err as Error).message}`;
  }
  return named;
}

/** The files this run writes besides stdout, with the option that names each. */
function outputsOf(opts: ConvertOptions): NamedOutput[] {
  const named: Array<[string, string | undefined]> = [['-o', opts.output], ['--summary', opts.summary], ['--panel', opts.panel], ['--codebook', opts.codebook]];
  return named.filter((n): n is [string, string] => n[1] !== undefined).map(([option, path]) => ({ option, path }));
}

function notes(io: ConvertIo, lines: string[]): void {
  for (const line of lines.slice(0, MAX_NOTES)) io.stderr.write(`disclose-parse: ${line}\n`);
  if (lines.length > MAX_NOTES) io.stderr.write(`disclose-parse: … and ${lines.length - MAX_NOTES} more like these\n`);
}

/** `8 .html, 2 .pdf`. */
function byExtension(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([ext, n]) => `${n} ${ext}`)
    .join(', ');
}

/** What the walk found worth saying: names read once, folders walked once, folders without reports, report-like files the pattern left out. */
function walkNotes(inputs: Inputs, glob: string): string[] {
  return [
    ...inputs.sameFolders.map(([link, walked]) => `${link} is the same folder as ${walked}: walked once, as ${walked}`),
    ...inputs.duplicates.map(([dropped, kept]) => `${dropped} is the same file as ${kept}: read once, as ${kept}`),
    ...inputs.emptyFolders.map((dir) => `no report files found in ${dir} (pattern ${glob})`),
    ...inputs.untaken.map(([dir, counts]) => {
      const n = Object.values(counts).reduce((a, b) => a + b, 0);
      return `${dir}: ${plural(n, 'file')} the pattern ${glob} does not take (${byExtension(counts)}); --glob names the files to take`;
    }),
  ];
}

export async function runConvert(paths: string[], given: ConvertOptions, io: ConvertIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`disclose-parse: ${message}\n`);
    return USAGE;
  };
  const decided = formatOf(given.format, given.output);
  if ('refused' in decided) return fail(decided.refused);
  // The codebook goes beside a CSV file; a CSV sent into a device or pipe has no beside.
  const codebook = codebookOf(decided.format, given.output, given.codebook, given.output !== undefined && isFileOrNew(given.output));
  const opts: ConvertOptions & { format: Format } = { ...given, format: decided.format, codebook };
  if (given.codebook !== undefined && opts.format !== 'csv') return fail('--codebook goes with --format csv');
  if (opts.columns !== 'canonical' && opts.format !== 'csv') return fail(`--columns ${opts.columns} goes with --format csv`);
  if (opts.excel && opts.format !== 'csv') return fail('--excel goes with --format csv (or -o NAME.csv)');
  const outputs = outputsOf(opts);
  const clash = outputClash(outputs, opts.html);
  if (clash !== null) return fail(clash);
  for (const { path } of outputs) {
    const reason = cannotWrite(path);
    if (reason !== null) {
      io.stderr.write(cannotWriteMessage(path, reason));
      return USAGE;
    }
  }
  if (opts.html !== undefined) {
    const reason = cannotWriteFolder(opts.html);
    if (reason !== null) {
      io.stderr.write(cannotWriteMessage(opts.html, reason));
      return USAGE;
    }
  }
  const readsStdin = paths.includes(STDIN_NAME);
  if (readsStdin && opts.filesFrom === '-') return fail('- (stdin) and --files-from - both read stdin: name one of them (./- is a file named -)');
  let slice: { k: number; n: number; from: string } | undefined;
  try {
    slice = opts.shard ? resolveShard(opts.shard, io.env) : undefined;
  } catch (err) {
    return fail((err as Error).message);
  }
  let jobs = opts.jobs;
  if (jobs > maxJobs()) {
    if (!opts.quiet) io.stderr.write(`disclose-parse: -j ${jobs} is more than the ${maxJobs()} cores of this machine: using ${maxJobs()} worker threads\n`);
    jobs = maxJobs();
  }

  const named = await namedPaths(paths.filter((p) => p !== STDIN_NAME), opts, io);
  if (typeof named === 'string') return fail(named);
  if (named.length === 0 && !readsStdin) return fail('no input: name files, folders or globs, - for stdin, or use --files-from (run disclose-parse --help)');
  const inputs = await walkInputsApart(named, { glob: opts.glob, followSymlinks: opts.followSymlinks, outputs: outputs.map((o) => o.path) });
  if (inputs.clashes.length > 0) {
    const [output, input] = inputs.clashes[0]!;
    io.stderr.write(cannotWriteMessage(output, `it is the input ${input}, which would be overwritten`));
    return USAGE;
  }
  if (!opts.quiet) notes(io, walkNotes(inputs, opts.glob));
  let stdin: StdinFile | null = null;
  if (readsStdin) {
    stdin = await stdinToFile(io.stdin);
    inputs.rawNames.set(STDIN_NAME, Buffer.from(stdin.path));
    inputs.paths = [STDIN_NAME, ...inputs.paths.filter((p) => p !== STDIN_NAME)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  try {
    return await convert(inputs, slice, jobs, opts, io);
  } finally {
    stdin?.remove();
  }
}

/** The batch itself, once everything that can be told before it has been. */
async function convert(inputs: Inputs, slice: { k: number; n: number; from: string } | undefined, jobs: number, opts: ConvertOptions & { format: Format }, io: ConvertIo): Promise<number> {
  const files = slice ? shard(inputs.paths, slice.k, slice.n) : inputs.paths;
  if (slice && !opts.quiet && slice.from !== '--shard') io.stderr.write(`disclose-parse: shard ${slice.k}/${slice.n} (${slice.from}): ${files.length} of ${inputs.paths.length} files\n`);

  const sink = opts.output ? Sink.toFile(opts.output) : Sink.toStream(io.stdout);
  const writer = makeWriter(opts.format, { excel: opts.excel, columns: opts.columns });
  const summary = new SummaryCounter(files.length);
  const progress = makeProgress(io.stderr, files.length, !opts.quiet && wantsProgressBar(io.stderr, opts.output ? null : io.stdout, io.env));
  const facts: PanelFacts[] = [];
  const pages = opts.html !== undefined ? new PageFolder(opts.html) : null;
  let ok = false;
  let failure: unknown = null;
  try {
    await sink.write(writer.head());
    let index = 0;
    const render = { format: opts.format, slim: opts.slim, panel: opts.panel !== undefined };
    const rendered = renderAll(files, render, { jobs, timeoutMs: opts.timeoutMs, encoding: opts.encoding, maxBytes: opts.maxBytes, problems: inputs.problems, rawNames: inputs.rawNames, html: pages !== null });
    let complete = true;
    for await (const { output, brief, panel, view } of rendered) {
      summary.add(brief);
      if (panel) facts.push(panel);
      if (pages && view) await pages.add(view);
      progress.tick();
      const before = writer.before(index++);
      if (before !== '') await sink.write(before);
      if (!(await sink.write(output))) {
        await rendered.return(undefined); // the reader went away (or a write failed: close says)
        complete = false;
        break;
      }
    }
    await sink.write(writer.tail(index));
    if (pages && complete) await pages.finish();
    ok = true;
  } catch (err) {
    failure = err;
  }
  progress.stop();
  try {
    await sink.close(ok);
  } catch (err) {
    io.stderr.write(cannotWriteMessage(opts.output ?? 'stdout', reasonOf(err)));
    return USAGE;
  }
  if (failure instanceof PageWriteError) {
    io.stderr.write(cannotWriteMessage(failure.path, failure.reason));
    return USAGE;
  }
  if (failure !== null) throw failure;
  // A reader that went away (`| head -1`) ends the run quietly: no summary of what it did not want.
  if (!opts.quiet && !sink.readerWentAway) io.stderr.write(summary.text());
  const extra: Array<[string | undefined, () => string]> = [
    [opts.summary, () => JSON.stringify(summary.result(), null, 2) + '\n'],
    [opts.panel, () => panelLines(facts).map((l) => JSON.stringify(l) + '\n').join('')],
    [opts.codebook, () => stringify(codebookRows(CSV_COLUMNS))],
  ];
  for (const [path, text] of extra) {
    if (path === undefined) continue;
    try {
      await writeFileAtomically(path, text()); // a full disk leaves the old file, or none
    } catch (err) {
      io.stderr.write(cannotWriteMessage(path, reasonOf(err)));
      return USAGE;
    }
  }
  return summary.errorCount > 0 ? SOME_ERRORS : OK;
}
