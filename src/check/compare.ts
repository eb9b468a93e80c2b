// Compare a record with its expected file and say, by dotted path, what differs:
//   statistics.requests.received.total: expected 11, got 10
// Key order does not matter; the absolute path does not either (see normalizeForCheck).

import { basename } from 'node:path';
import type { OutputRecord } from '../schema.js';

/** Most differences listed per file; a changed table can differ in hundreds of places. */
const MAX_LINES = 40;

/** Characters of context shown on each side of where two long strings part. */
const CONTEXT = 30;

/** A string longer than this is shown around where it differs rather than whole. */
const LONG_STRING = 70;

/** One place where two values differ: its dotted path (empty for the whole value) and both sides. */
export interface Difference {
  path: string;
  before: unknown;
  after: unknown;
}

export function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Two long strings cut around where they first differ, so that the difference shows. */
function showApart(before: string, after: string, [was, now]: readonly [string, string]): string {
  let at = 0;
  while (at < before.length && at < after.length && before[at] === after[at]) at++;
  const from = Math.max(0, at - CONTEXT);
  const cut = (s: string): string => `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, at + CONTEXT))}${at + CONTEXT < s.length ? '…' : ''}`;
  return `${was} ${cut(before)}, ${now} ${cut(after)} (they differ from character ${at + 1} on; lengths ${before.length} and ${after.length})`;
}

/** Both sides of a difference in words: `expected 2, got 3` for check, `2 → 3` for --update. */
export function showDifference(d: Difference, words: 'check' | 'update'): string {
  const long = typeof d.before === 'string' && typeof d.after === 'string' && Math.max(d.before.length, d.after.length) > LONG_STRING;
  if (words === 'check') return long ? showApart(d.before as string, d.after as string, ['expected', 'got']) : `expected ${show(d.before)}, got ${show(d.after)}`;
  return long ? showApart(d.before as string, d.after as string, ['was', 'now']) : `${show(d.before)} → ${show(d.after)}`;
}

function walk(before: unknown, after: unknown, path: string, out: Difference[], limit: number): void {
  if (out.length >= limit) return;
  if (Object.is(before, after)) return;
  const bothObjects = before !== null && after !== null && typeof before === 'object' && typeof after === 'object';
  if (bothObjects && Array.isArray(before) === Array.isArray(after)) {
    const keys = Array.isArray(before)
      ? Array.from({ length: Math.max(before.length, (after as unknown[]).length) }, (_, i) => String(i))
      : [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])].sort();
    for (const k of keys) walk((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, limit);
    return;
  }
  out.push({ path, before, after });
}

/** Every place where two values differ, by dotted path, in key order (at most `limit`). */
export function differences(before: unknown, after: unknown, limit = Infinity): Difference[] {
  const out: Difference[] = [];
  walk(before, after, '', out, limit);
  return out;
}

/** The differences between two records, one line each (capped, with a note that there are more). */
export function diffRecords(expected: unknown, actual: unknown): string[] {
  const found = differences(expected, actual, MAX_LINES + 1);
  const lines = found.slice(0, MAX_LINES).map((d) => `${d.path || '(record)'}: ${showDifference(d, 'check')}`);
  return found.length > MAX_LINES ? [...lines, `… and more differences`] : lines;
}

/** What is stored and compared: the record with its path made relative to its own folder. */
export function normalizeForCheck(record: OutputRecord): OutputRecord {
  return { ...record, source: { ...record.source, path: record.source.path === null ? null : basename(record.source.path) } };
}
