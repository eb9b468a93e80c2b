// What `check --update` changes in a golden file, told before it is frozen: every statistic whose
// value changes (old → new) and every check whose status flips, so that a wrong number cannot be
// written unnoticed.

import { STATISTICS_PATHS, valueAt } from '../statistics.js';

/** Most lines shown per file; the counts always cover all. */
const MAX_SHOWN = 20;

type Loose = Record<string, unknown> | undefined;

function showValue(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

function checkStatuses(record: Loose): Map<string, string> {
  const out = new Map<string, string>();
  const checks = (record?.checks ?? []) as Array<{ rule: string; path?: string; column?: string; status: string }>;
  for (const c of checks) {
    const key = [c.rule, c.path ?? '', c.column ?? ''].filter((p) => p !== '').join(' ');
    let unique = key;
    for (let n = 2; out.has(unique); n++) unique = `${key} #${n}`; // one rule about one row, twice
    out.set(unique, c.status);
  }
  return out;
}

export interface UpdateChanges {
  /** `statistics.x.y: 11 → 12`, and the error code where that changed. */
  values: string[];
  /** `requests.balance total: pass → fail`. */
  flips: string[];
}

export function updateChanges(oldRecord: Loose, newRecord: Loose): UpdateChanges {
  const values: string[] = [];
  const oldError = (oldRecord?.error as { code?: string } | undefined)?.code;
  const newError = (newRecord?.error as { code?: string } | undefined)?.code;
  if (oldError !== newError) values.push(`error: ${oldError ?? 'none'} → ${newError ?? 'none'}`);
  for (const path of STATISTICS_PATHS) {
    const a = valueAt(oldRecord?.statistics, path);
    const b = valueAt(newRecord?.statistics, path);
    if (a !== b) values.push(`statistics.${path}: ${showValue(a)} → ${showValue(b)}`);
  }
  const before = checkStatuses(oldRecord);
  const after = checkStatuses(newRecord);
  const flips: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a !== b) flips.push(`${key}: ${a ?? 'absent'} → ${b ?? 'absent'}`);
  }
  return { values, flips };
}

/** The lines printed under a file's `updated` line. */
export function describeChanges(changes: UpdateChanges): string[] {
  const lines = [`${changes.values.length} statistic(s) changed, ${changes.flips.length} check(s) flipped`];
  const all = [...changes.values, ...changes.flips.map((f) => `check ${f}`)];
  lines.push(...all.slice(0, MAX_SHOWN));
  if (all.length > MAX_SHOWN) lines.push(`… and ${all.length - MAX_SHOWN} more`);
  return lines;
}
