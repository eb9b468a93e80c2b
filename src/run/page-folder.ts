// The folder of `--html DIR`: each page written as its record comes out of the batch, the index
// written last (atomically, so a finished index means a finished batch). Only the index rows are
// kept, a few hundred bytes per report; the pages are on disk as soon as they are made.

import { mkdirSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cannotWrite } from '../write/writable.js';
import { INDEX_NAME, VERSION, indexPage, type IndexRow } from '../view/index.js';
import type { View } from './render.js';

/** A page or the index that could not be written: the path and the system's reason. */
export class PageWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

function reasonOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/** Why pages cannot go into `dir` (made when missing), or null when they can: asked before any work. */
export function cannotWriteFolder(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return 'it is not a folder';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return reasonOf(err);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      return reasonOf(e);
    }
  }
  return cannotWrite(join(dir, INDEX_NAME));
}

export class PageFolder {
  private readonly rows: IndexRow[] = [];
  private readonly names = new Set<string>([INDEX_NAME]);

  constructor(private readonly dir: string) {}

  /** Write one record's page; its row is kept for the index. */
  async add(view: View): Promise<void> {
    const row = { ...view.row };
    // Two paths whose names and hashes agree (never seen; 40 bits of hash): the second gets a number.
    for (let n = 2; this.names.has(row.page); n++) row.page = view.row.page.replace(/\.html$/, `-${n}.html`);
    this.names.add(row.page);
    const path = join(this.dir, row.page);
    try {
      await writeFile(path, view.page);
    } catch (err) {
      throw new PageWriteError(path, reasonOf(err));
    }
    this.rows.push(row);
  }

  /** Write the index of every page written. */
  async finish(): Promise<void> {
    const target = join(this.dir, INDEX_NAME);
    const temp = join(this.dir, `.${INDEX_NAME}.${process.pid}.tmp`);
    try {
      await writeFile(temp, indexPage(this.rows, { version: VERSION }));
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw new PageWriteError(target, reasonOf(err));
    }
  }
}
