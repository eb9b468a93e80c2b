#!/usr/bin/env node
// Compares every golden record (fixtures/**/*.expected.json) of the work tree with its version at a
// git revision, leaving out the fields a change means to add, and lists every golden that differs
// in anything else. Written for issue 22, where `source.format` and `source.reader` were added to
// every record: the update had to change those two fields and nothing else.
//
//   node tools/compare-goldens.mjs [REV] [FIELD …]      default: HEAD~1 source.format source.reader
//
// Exit 0 when every golden that existed at REV equals its new version without the fields, 1 when
// any differs (each printed with the first path that differs), 2 on bad usage.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [rev = 'HEAD~1', ...named] = process.argv.slice(2);
const fields = named.length > 0 ? named : ['source.format', 'source.reader'];

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });

function drop(record, path) {
  const keys = path.split('.');
  let at = record;
  for (const k of keys.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return;
    at = at[k];
  }
  if (at !== null && typeof at === 'object') delete at[keys.at(-1)];
}

/** Whether the record has the field (null counts: the field is there, saying "none"). */
function has(record, path) {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => (o !== null && typeof o === 'object' ? o[k] : undefined), record);
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, keys.at(-1));
}

/** The first path at which two JSON values differ (key order does not count), or null. */
function firstDifference(a, b, path = '') {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || '(root)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return null;
}

const goldens = git('ls-files', '--cached', '--others', '--exclude-standard', 'fixtures').split('\n').filter((p) => p.endsWith('.expected.json'));
let same = 0;
let added = 0;
const differ = [];
for (const path of goldens) {
  let old;
  try {
    old = JSON.parse(git('show', `${rev}:${path}`));
  } catch {
    added++; // not at REV: a new golden, nothing to compare
    continue;
  }
  const now = JSON.parse(readFileSync(path, 'utf8'));
  const missing = fields.filter((f) => !has(now, f));
  if (missing.length > 0) differ.push(`${path}: the new record lacks ${missing.join(', ')}`);
  for (const f of fields) drop(now, f);
  for (const f of fields) drop(old, f);
  const d = firstDifference(old, now);
  if (d) differ.push(`${path}: differs at ${d}`);
  else same++;
}
console.log(`${goldens.length} golden(s): ${same} equal to ${rev} but for ${fields.join(', ')}; ${added} new; ${differ.length} differing`);
for (const line of differ) console.log(`  ${line}`);
process.exit(differ.length > 0 ? 1 : 0);
