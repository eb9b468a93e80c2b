// The command line. `run` takes its arguments and streams and returns the exit code, so tests
// drive it in-process; bin/disclose-parse.js only wires it to the process (main).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './check/run.js';
import { parseFile } from './file.js';
import { FORCEABLE_ENCODINGS } from './parse/decode.js';
import { DEFAULT_MAX_BYTES } from './input/read.js';
import { DEFAULT_GLOB } from './input/walk.js';
import { panelLines } from './panel/checks.js';
import type { PanelFacts } from './panel/facts.js';
import { readPanelFacts } from './panel/read.js';
import { defaultJobs, maxJobs } from './run/batch.js';
import { runConvert, type ConvertOptions } from './run/convert.js';
import { commandTypo } from './run/did-you-mean.js';
import { parseShardSpec } from './run/shard-spec.js';
import { isSummary, mergeSummaries, type Summary } from './run/summary.js';
import { wantsColor } from './run/terminal.js';
import { VERSION } from './version.js';
import { viewPage } from './view/index.js';
import { readerGone, removeTemporaryFiles, writeFileAtomically } from './write/sink.js';
import { recordJsonSchema } from './write/json-schema.js';
import { cannotWrite, cannotWriteMessage, reasonOf } from './write/writable.js';
import { COLUMN_NAMINGS, FORMATS } from './write/writers.js';

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
  /** Bad usage: unknown option, bad value, nothing to read; an output that cannot be written. */
  USAGE: 2,
} as const;

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** The environment (NO_COLOR, CI, TERM, the job array's variables); process.env when absent. */
  env?: Record<string, string | undefined>;
}

/** A usage error found by the CLI itself (not by commander): one line, exit 2. */
class UsageError extends Error {}


function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

/** Write a subcommand's text to stdout, or atomically to `-o FILE` (checked before any work). */
async function emit(text: string, output: string | undefined, io: Io): Promise<number> {
  try {
    if (output === undefined) await writeStdout(io.stdout, text);
    else await writeFileAtomically(output, text);
    return EXIT.OK;
  } catch (err) {
    io.stderr.write(cannotWriteMessage(output ?? 'stdout', reasonOf(err)));
    return EXIT.USAGE;
  }
}

/** Write to stdout and wait until it is written; a failure (a full disk) throws, a reader gone (`| head`) does not. */
function writeStdout(stdout: Writable, text: string): Promise<void> {
  if (stdout.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stdout.write(text, (err) => (err && !readerGone(err) ? reject(err) : resolve()));
  });
}

function checkWritable(output: string | undefined): void {
  const reason = output === undefined ? null : cannotWrite(output);
  if (reason !== null) throw new UsageError(`cannot write ${output}: ${reason}`);
}

/** `disclose-parse panel FILE…`: read records (streaming), print the panel lines. */
async function runPanel(files: string[], output: string | undefined, io: Io): Promise<number> {
  checkWritable(output);
  const facts: PanelFacts[] = [];
  for (const file of files) {
    try {
      await readPanelFacts(file, io.stdin, facts);
    } catch (err) {
      throw new UsageError(`panel: cannot read ${file}: ${(err as Error).message}`);
    }
  }
  return emit(panelLines(facts).map((l) => JSON.stringify(l) + '\n').join(''), output, io);
}

/** `disclose-parse summary FILE…`: the --summary files of several runs (shards) added up. */
async function runSummary(files: string[], output: string | undefined, io: Io): Promise<number> {
  checkWritable(output);
  const parts: Summary[] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`summary: cannot read ${file}: ${(err as Error).message}`);
    }
    if (!isSummary(value)) throw new UsageError(`summary: ${file} is not a summary that --summary wrote`);
    parts.push(value);
  }
  return emit(JSON.stringify(mergeSummaries(parts), null, 2) + '\n', output, io);
}

/** What `--help` says after the options: everyday examples, and what the exit code means. */
const MAIN_HELP = `
Examples:
  disclose-parse archive/ > reports.jsonl             every report under archive/, one JSON line each
  disclose-parse archive/ -o reports.csv              one CSV row a report (the format from the name),
                                                      reports.codebook.csv beside it
  disclose-parse archive/ -o r.jsonl --summary run.json --html pages/
                                                      records, a triage summary, and a page per report
  cat report.txt | disclose-parse -                   one report from stdin
  find archive -name '*.txt' -print0 | disclose-parse --files-from - -0
  disclose-parse check fixtures/                      compare with the golden files (CI)
  disclose-parse view report.txt -o report.html       see where every number was read

Exit codes:
  0      every input gave a report record
  1      some inputs gave error records (every other record is still written)
  2      bad usage, or an output that cannot be written (told before any work where it can be)
  128+N  ended by signal N (130 Ctrl-C, 143 SIGTERM); an -o file is left as it was

More in README.md and docs/guide.md (docs/ is shipped with the package).
`;

const HINT = (command: string): string => `(run disclose-parse${command ? ` ${command}` : ''} --help for usage)`;

function buildProgram(io: Io, env: Record<string, string | undefined>, setCode: (code: number) => void): Command {
  const program = new Command('disclose-parse');
  const mainFlags = (): Set<string> => new Set(program.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined));
  program
    .description('Turn 政府信息公开工作年度报告 text files into JSON records, one line per input file.')
    .version(VERSION, '-V, --version', 'print the version')
    .argument('[paths...]', 'report files, folders (walked recursively), glob patterns, or - for one report on stdin')
    .option('--glob <pattern>', 'which files to take inside folders', DEFAULT_GLOB)
    .option('--files-from <file>', 'read more paths from FILE, one per line ("-" for stdin)')
    .option('-0, --null', 'with --files-from: names are separated by NUL bytes, as find -print0 writes them (a list holding a NUL is read so anyway)', false)
    .addOption(new Option('--encoding <name>', 'decode every file with this encoding instead of detecting it').choices(FORCEABLE_ENCODINGS))
    .option('--max-bytes <n>', 'files larger than this give an E_TOO_LARGE record', positiveInt, DEFAULT_MAX_BYTES)
    .option('--follow-symlinks', 'follow symbolic links while walking folders (each real file once)', false)
    .addOption(new Option('-f, --format <format>', 'output format (default: as -o NAME.csv, .json or .jsonl names it, else jsonl)').choices(FORMATS))
    .addOption(new Option('--columns <naming>', 'CSV header: canonical dotted paths, or short names Stata, R and pandas accept').choices(COLUMN_NAMINGS).default('canonical'))
    .option('--codebook <file>', 'with --format csv: write the codebook (short name, canonical path, label) to FILE (default with -o: NAME.codebook.csv beside it)')
    .option('--excel', 'with --format csv: start the file with a UTF-8 BOM so that Excel shows Chinese', false)
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--slim', 'leave out section text and table cells (numbers, provenance and checks stay)', false)
    .option('-q, --quiet', 'no progress bar, notes or summary on stderr', false)
    .option('--summary <file>', 'write the run summary as JSON to FILE')
    .option('-j, --jobs <n>', `worker threads, at most one per core (here ${maxJobs()})`, positiveInt, defaultJobs())
    .option('--shard <K/N|auto>', 'process only the K-th of N slices of the sorted input; auto: from a Slurm array or Kubernetes Indexed Job (auto/N)', parseShardSpec)
    .option('--timeout-ms <n>', 'per-file time limit; a file over it gives an E_TIMEOUT record', positiveInt, DEFAULT_TIMEOUT_MS)
    .option('--panel <file>', 'also run the panel checks across the batch and write them as JSON lines to FILE')
    .option('--html <dir>', 'also write an HTML page per report (its text with every value marked) and index.html into DIR')
    .enablePositionalOptions()
    .addHelpText('after', MAIN_HELP)
    .showHelpAfterError(HINT(''))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`disclose-parse: ${s.replace(/^error: /, '')}`),
    })
    .action(async (paths: string[], opts: ConvertOptions) => {
      const typo = commandTypo(paths[0], program.commands.map((c) => c.name()));
      if (typo !== null) throw new UsageError(`${paths[0]} is no file, folder or command: did you mean disclose-parse ${typo}? (./${paths[0]} names a file)`);
      setCode(await runConvert(paths, opts, { ...io, env }));
    });

  // Options of the main command given before a subcommand would be ignored by it: refuse them.
  program.hook('preSubcommand', (_program, sub) => {
    const given = program.options.filter((o) => program.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long ?? o.short);
    if (given.length > 0) throw new UsageError(`${given.join(', ')} before ${sub.name()}: ${sub.name()} takes its own options after its name`);
  });

  /** A subcommand whose unknown options say when they belong to the main command. */
  const sub = (name: string): Command => {
    const command = program.command(name).showHelpAfterError(HINT(name));
    command.configureOutput({
      outputError: (s, write) => {
        const flag = /unknown option '([^']+)'/.exec(s)?.[1];
        const main = flag !== undefined && mainFlags().has(flag.split('=')[0]!);
        write(main ? `disclose-parse: ${name} does not take ${flag} (an option of the main command)\n` : `disclose-parse: ${s.replace(/^error: /, '')}`);
      },
    });
    return command;
  };

  sub('check')
    .description('compare every report file that has a NAME.expected.json beside it with that file; "N passed, M failed"')
    .argument('<dirs...>', 'folders or files of the fixture corpus')
    .option('--update', 'write (or rewrite) the expected files instead of comparing, saying what changed', false)
    .option('--glob <pattern>', 'which files to take inside folders', DEFAULT_GLOB)
    .option('-j, --jobs <n>', 'worker threads', positiveInt, 1)
    .action(async (dirs: string[], opts: { update: boolean; glob: string; jobs: number }) => {
      setCode(await runCheck(dirs, { ...opts, jobs: Math.min(opts.jobs, maxJobs()), color: wantsColor(io.stdout, env) }, io.stdout));
    });

  sub('panel')
    .description('check the reports of each agency across years, from the records the CLI wrote (JSON Lines or --format json); one JSON line per check')
    .argument('<files...>', 'files of records ("-" for stdin)')
    .option('-o, --output <file>', 'write the panel lines to FILE instead of stdout')
    .action(async (files: string[], opts: { output?: string }) => {
      setCode(await runPanel(files, opts.output, io));
    });

  sub('summary')
    .description('add up the --summary files of several runs (the shards of one archive)')
    .argument('<files...>', 'summary files')
    .option('-o, --output <file>', 'write the merged summary to FILE instead of stdout')
    .action(async (files: string[], opts: { output?: string }) => {
      setCode(await runSummary(files, opts.output, io));
    });

  sub('view')
    .description('write the HTML page of one report: its text with every extracted value marked, its tables, checks and statistics')
    .argument('<file>', 'a report file')
    .option('-o, --output <file>', 'write the page to FILE instead of stdout')
    .addOption(new Option('--encoding <name>', 'decode the file with this encoding instead of detecting it').choices(FORCEABLE_ENCODINGS))
    .option('--max-bytes <n>', 'a larger file gives an E_TOO_LARGE page', positiveInt, DEFAULT_MAX_BYTES)
    .action(async (file: string, opts: { output?: string; encoding?: ConvertOptions['encoding']; maxBytes: number }) => {
      checkWritable(opts.output);
      if (opts.output !== undefined && resolve(opts.output) === resolve(file)) throw new UsageError(`cannot write ${opts.output}: it is the input ${file}, which would be overwritten`);
      const record = await parseFile(file, { encoding: opts.encoding, maxBytes: opts.maxBytes });
      const code = await emit(await viewPage(record, { encoding: opts.encoding, maxBytes: opts.maxBytes }), opts.output, io);
      if (code === EXIT.OK && 'error' in record) io.stderr.write(`disclose-parse: ${file}: ${record.error.code} ${record.error.message} (its page, which says so, was written)\n`);
      setCode(code === EXIT.OK && 'error' in record ? EXIT.SOME_ERRORS : code);
    });

  sub('schema')
    .description('print the JSON Schema of one output record')
    .option('-o, --output <file>', 'write the schema to FILE instead of stdout')
    .action(async (opts: { output?: string }) => {
      checkWritable(opts.output);
      setCode(await emit(JSON.stringify(recordJsonSchema(), null, 2) + '\n', opts.output, io));
    });
  return program;
}

/** Run the CLI with `argv` (without the node and script names); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, io.env ?? process.env, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`disclose-parse: ${err.message}\n`);
      return EXIT.USAGE;
    }
    // stdout that cannot be written (`> /dev/full`): one line and exit 2, never a trace, never a
    // code 1 that a script would take for a batch with error records.
    if ((err as NodeJS.ErrnoException).syscall === 'write') {
      io.stderr.write(cannotWriteMessage('stdout', reasonOf(err)));
      return EXIT.USAGE;
    }
    throw err;
  }
  return code;
}

/**
 * The reader of stdout went away (`| head -1`): that ends the output, not the process with a trace.
 * Any other failure of stdout (a full disk, an I/O error) is one line and exit 2.
 */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (readerGone(err)) return;
  process.stderr.write(cannotWriteMessage('stdout', reasonOf(err)));
  removeTemporaryFiles();
  process.exit(EXIT.USAGE);
}

export async function main(): Promise<void> {
  process.stdout.on('error', onStdoutError);
  // Ctrl-C or a scheduler's SIGTERM during `-o`: remove the temporary file (the old output stays),
  // then end as the signal would have.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeTemporaryFiles();
      process.kill(process.pid, signal);
    });
  }
  const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
  process.exitCode = code;
}
