// Compare a record with its expected file and say, by dotted path, what differs:
//   statistics.requests.received.total: expected 11, got 10
// Key order does not matter; the absolute path does not either (see normalizeForCheck).

import { basename } from 'node:path';
import type { OutputRecord } from '../schema.js';

/** Most differences listed per file; a changed table can differ in hundreds of places. */
const MAX_LINES = 40;

/** Characters of context shown on each side of where two long strings part. */
const CONTEXT = 30;

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Two long strings cut around where they first differ, so that the difference shows. */
function showApart(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const from = Math.max(0, at - CONTEXT);
  const cut = (s: string): string => `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, at + CONTEXT))}${at + CONTEXT < s.length ? '…' : ''}`;
  return `expected ${cut(expected)}, got ${cut(actual)} (they differ from character ${at + 1} on; lengths ${expected.length} and ${actual.length})`;
}

function walk(expected: unknown, actual: unknown, path: string, out: string[]): void {
  if (out.length > MAX_LINES) return;
  if (Object.is(expected, actual)) return;
  const bothObjects = expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object';
  if (bothObjects && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = Array.isArray(expected)
      ? Array.from({ length: Math.max(expected.length, (actual as unknown[]).length) }, (_, i) => String(i))
      : [...new Set([...Object.keys(expected as object), ...Object.keys(actual as object)])].sort();
    for (const k of keys) walk((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    return;
  }
  const long = typeof expected === 'string' && typeof actual === 'string' && Math.max(expected.length, actual.length) > 70;
  out.push(`${path || '(record)'}: ${long ? showApart(expected, actual) : `expected ${show(expected)}, got ${show(actual)}`}`);
}

/** The differences between two records, one line each (capped, with a count of the rest). */
export function diffRecords(expected: unknown, actual: unknown): string[] {
  const out: string[] = [];
  walk(expected, actual, '', out);
  if (out.length > MAX_LINES) return [...out.slice(0, MAX_LINES), `… and more differences`];
  return out;
}

/** What is stored and compared: the record with its path made relative to its own folder. */
export function normalizeForCheck(record: OutputRecord): OutputRecord {
  return { ...record, source: { ...record.source, path: record.source.path === null ? null : basename(record.source.path) } };
}
