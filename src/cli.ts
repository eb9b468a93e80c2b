// The command line. `run` takes its arguments and streams and returns the exit code, so tests
// drive it in-process; bin/disclose-parse.js only wires it to the process.

import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './check/run.js';
import { FORCEABLE_ENCODINGS, type ForcedEncoding } from './parse/decode.js';
import { DEFAULT_MAX_BYTES } from './parse/read.js';
import { DEFAULT_GLOB, parsePathList } from './parse/walk.js';
import { collectInputsApart } from './run/walk-apart.js';
import { defaultJobs, renderAll, shard } from './run/batch.js';
import { makeProgress } from './run/progress.js';
import { SummaryCounter } from './run/summary.js';
import { panelLines } from './panel/checks.js';
import { panelFacts, type PanelFacts } from './panel/facts.js';
import { recordJsonSchema, type OutputRecord } from './schema.js';
import { Sink } from './write/sink.js';
import { FORMATS, makeWriter, type Format } from './write/writers.js';

/**
 * Default per-file time limit. A real report parses in milliseconds; a minute is generous enough
 * never to cut one off on a slow machine, and stops a runaway file from holding a batch.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Exit codes: what a script can rely on. */
export const EXIT = {
  /** Every input gave a record. */
  OK: 0,
  /** Some inputs gave error records (the others were still written); or `check` found differences. */
  SOME_ERRORS: 1,
  /** Bad usage: unknown option, bad value, nothing to read. */
  USAGE: 2,
} as const;

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

interface ParseCommandOptions {
  glob: string;
  filesFrom?: string;
  encoding?: ForcedEncoding;
  maxBytes: number;
  followSymlinks: boolean;
  format: Format;
  excel: boolean;
  output?: string;
  slim: boolean;
  quiet: boolean;
  summary?: string;
  jobs: number;
  shard?: { k: number; n: number };
  timeoutMs?: number;
  panel?: string;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

function shardSpec(value: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new InvalidArgumentError(`expected K/N with 1 ≤ K ≤ N, got "${value}"`);
  return { k, n };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function namedPaths(paths: string[], opts: ParseCommandOptions, io: Io): Promise<string[] | null> {
  const named = [...paths];
  if (opts.filesFrom !== undefined) {
    try {
      const list = opts.filesFrom === '-' ? await readAll(io.stdin) : await readFile(opts.filesFrom, 'utf8');
      named.push(...parsePathList(list));
    } catch (err) {
      io.stderr.write(`disclose-parse: cannot read --files-from ${opts.filesFrom}: ${(err as Error).message}\n`);
      return null;
    }
  }
  return named;
}

async function runParse(paths: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  const named = await namedPaths(paths, opts, io);
  if (named === null) return EXIT.USAGE;
  if (named.length === 0) {
    io.stderr.write('disclose-parse: no input: name files, folders or globs, or use --files-from (see --help)\n');
    return EXIT.USAGE;
  }
  let inputs = await collectInputsApart(named, { glob: opts.glob, followSymlinks: opts.followSymlinks });
  if (opts.shard) inputs = shard(inputs, opts.shard.k, opts.shard.n);
  if (inputs.length === 0 && !opts.quiet) io.stderr.write(`disclose-parse: no report files found (pattern ${opts.glob})\n`);

  const sink = opts.output ? Sink.toFile(opts.output) : Sink.toStream(io.stdout);
  const writer = makeWriter(opts.format, { excel: opts.excel });
  const summary = new SummaryCounter(inputs.length);
  const progress = makeProgress(io.stderr, inputs.length, opts.quiet);
  const facts: PanelFacts[] = [];
  let ok = false;
  try {
    await sink.write(writer.head());
    let index = 0;
    const rendered = renderAll(inputs, { format: opts.format, slim: opts.slim, panel: opts.panel !== undefined }, { jobs: opts.jobs, timeoutMs: opts.timeoutMs, encoding: opts.encoding, maxBytes: opts.maxBytes });
    for await (const { output, brief, panel } of rendered) {
      summary.add(brief);
      if (panel) facts.push(panel);
      progress.tick();
      const before = writer.before(index++);
      if (before !== '') await sink.write(before);
      if (!(await sink.write(output))) {
        await rendered.return(undefined); // the reader went away: stop quietly
        break;
      }
    }
    await sink.write(writer.tail(index));
    ok = true;
  } finally {
    progress.stop();
    await sink.close(ok);
  }
  if (!opts.quiet) io.stderr.write(summary.text());
  if (opts.summary) await writeFile(opts.summary, JSON.stringify(summary.result(), null, 2) + '\n');
  if (opts.panel) await writeFile(opts.panel, panelLines(facts).map((l) => JSON.stringify(l) + '\n').join(''));
  return summary.errorCount > 0 ? EXIT.SOME_ERRORS : EXIT.OK;
}

/** `disclose-parse panel FILE…`: read records (streaming), print the panel lines. */
async function runPanel(files: string[], io: Io): Promise<number> {
  const facts: PanelFacts[] = [];
  for (const file of files) {
    let input: Readable;
    try {
      input = file === '-' ? io.stdin : createReadStream(file);
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        const f = panelFacts(JSON.parse(line) as OutputRecord);
        if (f) facts.push(f);
      }
    } catch (err) {
      io.stderr.write(`disclose-parse panel: cannot read ${file}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
  }
  for (const l of panelLines(facts)) io.stdout.write(JSON.stringify(l) + '\n');
  return EXIT.OK;
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('disclose-parse');
  program
    .description('Turn 政府信息公开工作年度报告 text files into JSON records, one line per input file.')
    .argument('[paths...]', 'report files, folders (walked recursively) or glob patterns')
    .option('--glob <pattern>', 'which files to take inside folders', DEFAULT_GLOB)
    .option('--files-from <file>', 'read more paths from FILE, one per line ("-" for stdin)')
    .addOption(new Option('--encoding <name>', 'decode every file with this encoding instead of detecting it').choices(FORCEABLE_ENCODINGS))
    .option('--max-bytes <n>', 'files larger than this give an E_TOO_LARGE record', positiveInt, DEFAULT_MAX_BYTES)
    .option('--follow-symlinks', 'follow symbolic links while walking folders', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('jsonl'))
    .option('--excel', 'with --format csv: start the file with a UTF-8 BOM so that Excel shows Chinese', false)
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--slim', 'leave out section text and table cells (numbers, provenance and checks stay)', false)
    .option('-q, --quiet', 'no progress bar and no summary on stderr', false)
    .option('--summary <file>', 'write the run summary as JSON to FILE')
    .option('-j, --jobs <n>', 'worker threads (1: parse in the main thread)', positiveInt, defaultJobs())
    .option('--shard <K/N>', 'process only the K-th of N slices of the sorted input', shardSpec)
    .option('--timeout-ms <n>', 'per-file time limit; a file over it gives an E_TIMEOUT record', positiveInt, DEFAULT_TIMEOUT_MS)
    .option('--panel <file>', 'also run the panel checks across the batch and write them as JSON lines to FILE')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .action(async (paths: string[], opts: ParseCommandOptions) => {
      setCode(await runParse(paths, opts, io));
    });

  program
    .command('check')
    .description('compare every report file that has a NAME.expected.json beside it with that file; "N passed, M failed"')
    .argument('[dirs...]', 'folders or files of the fixture corpus', [])
    .option('--update', 'write (or rewrite) the expected files instead of comparing', false)
    .option('--glob <pattern>', 'which files to take inside folders', DEFAULT_GLOB)
    .option('-j, --jobs <n>', 'worker threads', positiveInt, 1)
    .action(async (dirs: string[], opts: { update: boolean; glob: string; jobs: number }) => {
      setCode(await runCheck(dirs, opts, io.stdout));
    });

  program
    .command('panel')
    .description('check the reports of each agency across years, from JSON Lines the CLI wrote; one JSON line per check')
    .argument('<files...>', 'JSON Lines files of records ("-" for stdin)')
    .action(async (files: string[]) => {
      setCode(await runPanel(files, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of one output record')
    .action(() => {
      io.stdout.write(JSON.stringify(recordJsonSchema(), null, 2) + '\n');
      setCode(EXIT.OK);
    });
  return program;
}

/** Run the CLI with `argv` (without the node and script names); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    throw err;
  }
  return code;
}

export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  process.exitCode = code;
}
