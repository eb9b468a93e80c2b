#!/usr/bin/env node
// Resolves, once, the canonical statistics path of every hand-label cell and stores it in the cell
// as `path` (null where the label has no canonical home), so that the repository's scorer
// (scripts/score.mjs) and tests read the paths without the label map. The map is the corpus's own,
// ../shared/tools/labelmap.mjs (`labelPath`, one context per file, cells in their order, as its
// scorer calls it): only re-running this script needs ../shared (or LABELMAP=FILE).
//
// usage: node scripts/resolve-labels.mjs FROM_DIR [TO_DIR]    (without TO_DIR: in place)
//
// Every *.expect.json of FROM_DIR is written to TO_DIR with nothing changed but `path`, put after
// `col` so that a diff against the original shows added lines only; the script reads each file back
// and stops if anything else (a value, a row, a column, the meta) differs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LABELMAP = resolve(process.env.LABELMAP ?? join(ROOT, '..', 'shared', 'tools', 'labelmap.mjs'));
/** The labels are written with one space of indent, as the labellers wrote them. */
const INDENT = 1;

/** A cell without its resolved path: what the labeller wrote. */
function written(cell) {
  const { path: _resolved, ...rest } = cell;
  return rest;
}

/** The cell with `path` after `col` (or last, for a cell without one). */
function withPath(cell, path) {
  const out = {};
  for (const [key, value] of Object.entries(written(cell))) {
    out[key] = value;
    if (key === 'col') out.path = path;
  }
  if (!('path' in out)) out.path = path;
  return out;
}

function resolveFile(text, labelPath) {
  const label = JSON.parse(text);
  const context = {};
  if (!Array.isArray(label.cells)) return { label, resolved: label };
  const cells = label.cells.map((cell) => withPath(cell, labelPath(written(cell), context) ?? null));
  return { label, resolved: { ...label, cells } };
}

async function main() {
  const [from, to = from] = process.argv.slice(2);
  if (!from) {
    process.stderr.write('usage: node scripts/resolve-labels.mjs FROM_DIR [TO_DIR]\n');
    process.exit(2);
  }
  const { labelPath } = await import(pathToFileURL(LABELMAP).href);
  mkdirSync(to, { recursive: true });
  let files = 0, cells = 0, unmapped = 0;
  for (const name of readdirSync(from).filter((f) => f.endsWith('.expect.json')).sort()) {
    const text = readFileSync(join(from, name), 'utf8');
    const { label, resolved } = resolveFile(text, labelPath);
    const out = JSON.stringify(resolved, null, INDENT) + (text.endsWith('\n') ? '\n' : '');
    writeFileSync(join(to, name), out);
    const back = JSON.parse(readFileSync(join(to, name), 'utf8'));
    const same = isDeepStrictEqual({ ...back, cells: back.cells?.map(written) }, { ...label, cells: label.cells?.map(written) });
    if (!same) throw new Error(`${join(to, name)}: the copy differs from ${join(from, name)} in more than the paths`);
    files++;
    cells += resolved.cells?.length ?? 0;
    unmapped += resolved.cells?.filter((c) => c.path === null).length ?? 0;
  }
  process.stdout.write(`${files} label files, ${cells} cells, ${unmapped} without a canonical path: ${from} → ${to}\n`);
}

await main();
