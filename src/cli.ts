// The command line. `run` takes its arguments and streams and returns the exit code, so tests
// drive it in-process; bin/disclose-parse.js only wires it to the process.

import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORCEABLE_ENCODINGS, type ForcedEncoding } from './parse/decode.js';
import { DEFAULT_MAX_BYTES } from './parse/read.js';
import { DEFAULT_GLOB, collectInputs, parsePathList } from './parse/walk.js';
import { parseFile } from './file.js';
import { recordJsonSchema } from './schema.js';

/** Exit codes: what a script can rely on. */
export const EXIT = {
  /** Every input gave a record. */
  OK: 0,
  /** Some inputs gave error records (the others were still written). */
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
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Write one line, waiting when the reader is slower; false once the reader has gone (EPIPE). */
class LineWriter {
  private closed = false;
  constructor(private readonly out: Writable) {
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else throw err;
    });
  }
  get open(): boolean {
    return !this.closed && !this.out.destroyed;
  }
  async write(line: string): Promise<boolean> {
    if (!this.open) return false;
    if (!this.out.write(line + '\n')) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.out.off('drain', done);
          this.out.off('close', done);
          this.out.off('error', done);
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('close', done);
        this.out.on('error', done);
      });
    }
    return this.open;
  }
}

async function runParse(paths: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  const named = [...paths];
  if (opts.filesFrom !== undefined) {
    try {
      const list = opts.filesFrom === '-' ? await readAll(io.stdin) : await readFile(opts.filesFrom, 'utf8');
      named.push(...parsePathList(list));
    } catch (err) {
      io.stderr.write(`disclose-parse: cannot read --files-from ${opts.filesFrom}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
  }
  if (named.length === 0) {
    io.stderr.write('disclose-parse: no input: name files, folders or globs, or use --files-from (see --help)\n');
    return EXIT.USAGE;
  }
  const inputs = await collectInputs(named, { glob: opts.glob, followSymlinks: opts.followSymlinks });
  if (inputs.length === 0) io.stderr.write(`disclose-parse: no report files found (pattern ${opts.glob})\n`);

  const writer = new LineWriter(io.stdout);
  let errors = 0;
  for (const path of inputs) {
    const record = await parseFile(path, { encoding: opts.encoding, maxBytes: opts.maxBytes });
    if ('error' in record) errors++;
    if (!(await writer.write(JSON.stringify(record)))) break; // the reader went away: stop quietly
  }
  return errors > 0 ? EXIT.SOME_ERRORS : EXIT.OK;
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
