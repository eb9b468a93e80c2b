// Command-line inputs → the sorted list of report files, with every named path accounted for.
// Arguments may be files, directories (walked recursively), glob patterns, and paths listed in a
// file (`--files-from`). A path that does not exist is kept, so that it yields an error record
// instead of vanishing; so is a pattern that matches nothing and a folder that cannot be read.
//
// The walk is our own (readdir + picomatch) rather than fast-glob's, because it must see what a
// glob library hides: folders it cannot read, names that are not UTF-8, and symbolic links: each
// real folder is entered once, by its real path, whatever the number of links that lead to it
// (following every path instead is exponential: each folder holding two links to the next makes
// 2^depth paths), and a link back into a folder above it (a loop) is not followed.

import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ErrorCode } from '../schema.js';

/**
 * The files a folder walk takes by default: the text and the documents the parser reads (a file is
 * then read by what its bytes are, whatever its name says). `.doc`/`.wps` are not taken unless
 * named or matched by `--glob`: they are read by no reader, and an archive holds them beside the
 * DOCX or PDF of the same report.
 */
export const DEFAULT_GLOB = '**/*.{txt,html,htm,shtml,pdf,docx}';

export interface WalkOptions {
  /** Pattern for files inside walked directories. */
  glob?: string;
  /** Follow symbolic links while walking directories (off: a link cannot lead the walk out). */
  followSymlinks?: boolean;
  /** Files the run will write: an input that is one of them is reported in `clashes`. */
  outputs?: readonly string[];
}

/** Why a named path gets an error record without being read. */
export interface InputProblem {
  code: ErrorCode;
  message: string;
}

export interface Inputs {
  /** What to read (or report), sorted; names that are not UTF-8 appear escaped (`\xB5`). */
  paths: string[];
  /** Paths that get an error record without being read: a pattern that matches nothing, a folder that cannot be read. */
  problems: Map<string, InputProblem>;
  /** The bytes of each escaped name in `paths`, to open it by. */
  rawNames: Map<string, Uint8Array>;
  /** Names that are a file already taken under another name: [dropped, kept]. */
  duplicates: Array<[string, string]>;
  /** Folders named that hold no file the pattern takes. */
  emptyFolders: string[];
  /** Per folder named: files the pattern does not take that look like reports (`.html`, `.pdf` …), by extension. */
  untaken: Array<[string, Record<string, number>]>;
  /** [output, input]: an output file that is also an input. */
  clashes: Array<[string, string]>;
  /** Links to a folder walked already under another name (not a folder above them): [link, name walked]. */
  sameFolders: Array<[string, string]>;
}

/**
 * Extensions of files that may well be reports in another form (a saved page, an office file, a
 * converter's other output): a folder's such files that the pattern leaves out are named in a
 * note, so that `--glob` can take them. Other files (`.json`, `.py`, a README.md) are passed over
 * in silence.
 */
const REPORT_LIKE = new Set(['.htm', '.html', '.shtml', '.xhtml', '.mht', '.mhtml', '.pdf', '.doc', '.docx', '.wps', '.odt', '.rtf', '.text', '.tsv']);

/** One file found: the name shown, the real path it is (for duplicates), the bytes to open it by. */
interface Found {
  path: string;
  real: string;
  raw?: Uint8Array;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** A file name's bytes as text, or null when they are not valid UTF-8 (see `escapeName`). */
function decodeName(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A name that is not UTF-8, shown with each byte that is not part of a valid sequence as `\xNN`. */
export function escapeName(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes[i]!);
    const text = n > 0 && i + n <= bytes.length ? decodeName(bytes.subarray(i, i + n)) : null;
    if (text !== null) {
      out += text;
      i += n;
    } else {
      out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code} ${e.syscall ?? ''}`.trim() : String(err);
}

async function realOrResolved(path: string | Uint8Array): Promise<string> {
  try {
    return String(await realpath(path as string));
  } catch {
    return typeof path === 'string' ? resolve(path) : resolve(escapeName(path));
  }
}

async function kindOf(path: string | Uint8Array): Promise<'dir' | 'other' | null> {
  try {
    return (await stat(path as string)).isDirectory() ? 'dir' : 'other';
  } catch {
    return null; // does not exist, or cannot be seen
  }
}

function joinRaw(dir: string | Uint8Array, name: Uint8Array): Uint8Array {
  const head = typeof dir === 'string' ? Buffer.from(dir) : Buffer.from(dir);
  return Buffer.concat([head, Buffer.from('/'), name]);
}

/** A folder to list: its name shown, its bytes when a name on the way is not UTF-8, its real path, and the real paths above it. */
interface Folder {
  path: string;
  raw: string | Uint8Array;
  rel: string;
  real: string;
  above: readonly string[];
}

/** Entries of a folder in the order of their names, as the output is sorted: the name met first is the smallest. */
function byName(a: { name: Uint8Array }, b: { name: Uint8Array }): number {
  return Buffer.compare(a.name, b.name);
}

/**
 * The files under `root` that `match` takes (by the path relative to the root, with `/`).
 * Hidden names (`.git`) are skipped, as a glob without `dot` does. A folder that cannot be read
 * is a problem of its own. Each real folder is entered once, under the first name met (depth
 * first, in name order); with `follow`, a link to a folder entered already is noted in
 * `sameFolders` (a link back into one of the folders it is in, a loop, is not), and a link to
 * a file is taken like a file.
 */
async function walkFolder(root: string, match: (rel: string) => boolean, follow: boolean, inputs: Pick<Inputs, 'problems' | 'sameFolders'>, rootRaw: string | Uint8Array = root, untaken?: Record<string, number>): Promise<Found[]> {
  const found: Found[] = [];
  const rootReal = await realOrResolved(rootRaw);
  const entered = new Map<string, string>([[rootReal, root]]); // real path → name walked
  const stack: Folder[] = [{ path: root, raw: rootRaw, rel: '', real: rootReal, above: [] }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir.raw as string, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      // The folder itself stands in the output for what it holds.
      inputs.problems.set(dir.path, { code: 'E_READ', message: `cannot read folder: ${reason(err)}` });
      found.push({ path: dir.path, real: dir.real });
      continue;
    }
    const below: Folder[] = [];
    for (const entry of entries.sort(byName)) {
      const bytes = entry.name;
      if (bytes[0] === 0x2e) continue; // a hidden name
      const text = decodeName(bytes);
      const name = text ?? escapeName(bytes);
      const path = join(dir.path, name);
      const raw = text !== null && typeof dir.raw === 'string' ? join(dir.raw, text) : joinRaw(dir.raw, bytes);
      const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
      let isDir = entry.isDirectory();
      let real = join(dir.real, name);
      if (entry.isSymbolicLink()) {
        if (!follow) continue; // neither read nor walked: reading never leaves the folders named
        isDir = (await kindOf(raw)) === 'dir';
        real = await realOrResolved(raw);
      }
      if (isDir) {
        const above = [...dir.above, dir.real];
        const walked = entered.get(real);
        if (walked !== undefined) {
          if (!above.includes(real)) inputs.sameFolders.push([path, walked]); // a loop is not worth a note
          continue;
        }
        entered.set(real, path);
        below.push({ path, raw, rel, real, above });
      } else if (match(rel)) {
        found.push(typeof raw === 'string' ? { path, real } : { path, real, raw });
      } else if (untaken) {
        const ext = extname(name).toLowerCase();
        if (REPORT_LIKE.has(ext)) untaken[ext] = (untaken[ext] ?? 0) + 1;
      }
    }
    // Popped in name order: the folders below are walked before the next folder beside this one.
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function matcher(glob: string): (rel: string) => boolean {
  return picomatch(glob, { nocase: true, dot: false });
}

/** What one named path contributes. */
async function expand(arg: string, raw: Uint8Array | undefined, options: WalkOptions, inputs: Inputs): Promise<Found[]> {
  const follow = options.followSymlinks ?? false;
  const open = raw ?? arg;
  const kind = await kindOf(open);
  if (kind === 'dir') {
    const untaken: Record<string, number> = {};
    const found = await walkFolder(arg, matcher(options.glob ?? DEFAULT_GLOB), follow, inputs, open, untaken);
    if (found.length === 0 && !inputs.problems.has(arg)) inputs.emptyFolders.push(arg);
    if (Object.keys(untaken).length > 0) inputs.untaken.push([arg, untaken]);
    return found;
  }
  const scan = picomatch.scan(arg);
  if (kind === null && raw === undefined && scan.isGlob) {
    const base = scan.base === '' ? '.' : scan.base;
    const found = (await kindOf(base)) === 'dir' ? await walkFolder(base, matcher(scan.glob), follow, inputs) : [];
    if (found.length > 0) return found;
    inputs.problems.set(arg, { code: 'E_NOT_FOUND', message: `no such file, and no file matches the pattern ${JSON.stringify(arg)}` });
  }
  const real = await realOrResolved(open);
  return [raw ? { path: arg, real, raw } : { path: arg, real }];
}

/** Every named path, expanded, deduplicated by real path (the name met first is kept), sorted. */
export async function walkInputs(args: ReadonlyArray<string | Uint8Array>, options: WalkOptions = {}): Promise<Inputs> {
  const inputs: Inputs = { paths: [], problems: new Map(), rawNames: new Map(), duplicates: [], emptyFolders: [], untaken: [], clashes: [], sameFolders: [] };
  const outputs = new Map<string, string>();
  for (const o of options.outputs ?? []) outputs.set(await realOrResolved(o), o);
  const taken = new Map<string, string>(); // real path → name kept
  const names = new Set<string>();
  for (const arg of args) {
    const shown = typeof arg === 'string' ? arg : escapeName(arg);
    if (shown === '') continue;
    for (const f of await expand(shown, typeof arg === 'string' ? undefined : arg, options, inputs)) {
      if (names.has(f.path)) continue; // the same name twice: read once
      const kept = inputs.problems.has(f.path) ? undefined : taken.get(f.real);
      if (kept !== undefined) {
        inputs.duplicates.push([f.path, kept]);
        continue;
      }
      names.add(f.path);
      taken.set(f.real, f.path);
      inputs.paths.push(f.path);
      if (f.raw) inputs.rawNames.set(f.path, f.raw);
      const output = outputs.get(f.real);
      if (output !== undefined) inputs.clashes.push([output, f.path]);
    }
  }
  inputs.paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return inputs;
}

/** The sorted list of paths to read (the library's simple form of `walkInputs`). */
export async function collectInputs(args: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  return (await walkInputs(args, options)).paths;
}

/**
 * Paths listed one per line (`find … | disclose-parse --files-from -`); blank lines are skipped.
 * A list separated by NUL bytes (`find … -print0`, `--null`) is split at them only, as xargs -0
 * does: a NUL is the one byte no name can hold, so a list that has one is such a list. A name
 * that is not UTF-8 (a name in another encoding) is kept as its bytes.
 */
export function parsePathList(list: string | Uint8Array, options: { nul?: boolean } = {}): Array<string | Uint8Array> {
  const bytes = typeof list === 'string' ? Buffer.from(list) : Buffer.from(list.buffer, list.byteOffset, list.byteLength);
  const nul = options.nul === true || bytes.includes(0x00);
  const out: Array<string | Uint8Array> = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(nul ? 0x00 : 0x0a, start);
    if (end < 0) end = bytes.length;
    let line = bytes.subarray(start, end);
    if (!nul && line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    start = end + 1;
    const text = decodeName(line);
    if (text === null) out.push(Uint8Array.from(line));
    else if (nul ? text !== '' : text.trim() !== '') out.push(text);
  }
  return out;
}
