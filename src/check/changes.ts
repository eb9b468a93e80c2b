// What `check --update` changes in a golden file, told before it is frozen: every difference it
// writes, part by part of the record — the metadata, every statistic whose value changes (old →
// new), every check whose status flips or whose figures change, the warnings added and removed,
// the tables, sections and provenance — so that nothing is accepted unseen (a changed year no
// less than a changed number).

import { STATISTICS_PATHS, valueAt } from '../statistics.js';
import { differences, showDifference } from './compare.js';

/** Most lines shown per part of the record; the counts always cover all. */
const MAX_SHOWN = 20;

/** The parts of a record in the order their changes are told: what a reader must not miss first. */
const PART_ORDER = ['error', 'source', 'report', 'statistics', 'checks', 'warnings', 'tables', 'sections', 'provenance'];

/** Where a part's changes stand among the others; a part the list does not know comes last. */
function rank(part: string): number {
  return PART_ORDER.includes(part) ? PART_ORDER.indexOf(part) : PART_ORDER.length;
}

type Loose = Record<string, unknown> | undefined;

interface LooseCheck {
  rule: string;
  path?: string;
  column?: string;
  status: string;
}

interface LooseWarning {
  code: string;
  line: number | null;
  message: string;
}

function showValue(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

/** Each check by a key of its rule, row and column (`requests.balance requests.received total`). */
function checksByKey(record: Loose): Map<string, LooseCheck> {
  const out = new Map<string, LooseCheck>();
  for (const c of (record?.checks ?? []) as LooseCheck[]) {
    const key = [c.rule, c.path ?? '', c.column ?? ''].filter((p) => p !== '').join(' ');
    let unique = key;
    for (let n = 2; out.has(unique); n++) unique = `${key} #${n}`; // one rule about one row, twice
    out.set(unique, c);
  }
  return out;
}

export interface UpdateChanges {
  /** `statistics.x.y: 11 → 12`. */
  values: string[];
  /** `requests.balance total: pass → fail`. */
  flips: string[];
  /** Every other difference, by part of the record (`report`, `checks`, `warnings`, `tables` …), in PART_ORDER. */
  other: Array<{ part: string; lines: string[] }>;
}

function statisticChanges(oldRecord: Loose, newRecord: Loose): string[] {
  const values: string[] = [];
  for (const path of STATISTICS_PATHS) {
    const a = valueAt(oldRecord?.statistics, path);
    const b = valueAt(newRecord?.statistics, path);
    if (a !== b) values.push(`statistics.${path}: ${showValue(a)} → ${showValue(b)}`);
  }
  return values;
}

/** Status flips, and the other fields of a check that keeps its status (its figures, its message). */
function checkChanges(oldRecord: Loose, newRecord: Loose): { flips: string[]; changed: string[] } {
  const before = checksByKey(oldRecord);
  const after = checksByKey(newRecord);
  const flips: string[] = [];
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.status !== b?.status) flips.push(`${key}: ${a?.status ?? 'absent'} → ${b?.status ?? 'absent'}`);
    else for (const d of differences(a, b)) changed.push(`check ${key}: ${d.path} ${showDifference(d, 'update')}`);
  }
  return { flips, changed };
}

/** Warnings removed and added (a warning is its code, line and message: one that moved is both). */
function warningChanges(oldRecord: Loose, newRecord: Loose): string[] {
  const keyOf = (w: LooseWarning): string => JSON.stringify([w.code, w.line, w.message]);
  const count = (record: Loose): Map<string, { w: LooseWarning; n: number }> => {
    const out = new Map<string, { w: LooseWarning; n: number }>();
    for (const w of (record?.warnings ?? []) as LooseWarning[]) {
      const entry = out.get(keyOf(w)) ?? { w, n: 0 };
      entry.n++;
      out.set(keyOf(w), entry);
    }
    return out;
  };
  const show = (w: LooseWarning): string => `${w.code}${w.line === null ? '' : ` (line ${w.line})`}: ${w.message.length > 80 ? `${w.message.slice(0, 77)}…` : w.message}`;
  const before = count(oldRecord);
  const after = count(newRecord);
  const lines: string[] = [];
  for (const [key, { w, n }] of before) for (let i = after.get(key)?.n ?? 0; i < n; i++) lines.push(`warning removed: ${show(w)}`);
  for (const [key, { w, n }] of after) for (let i = before.get(key)?.n ?? 0; i < n; i++) lines.push(`warning added: ${show(w)}`);
  return lines;
}

export function updateChanges(oldRecord: Loose, newRecord: Loose): UpdateChanges {
  const { flips, changed } = checkChanges(oldRecord, newRecord);
  const byPart = new Map<string, string[]>([
    ['checks', changed],
    ['warnings', warningChanges(oldRecord, newRecord)],
  ]);
  const toldApart = new Set(['statistics', 'checks', 'warnings']);
  for (const part of new Set([...Object.keys(oldRecord ?? {}), ...Object.keys(newRecord ?? {})])) {
    if (toldApart.has(part)) continue;
    byPart.set(part, differences(oldRecord?.[part], newRecord?.[part]).map((d) => `${d.path ? `${part}.${d.path}` : part}: ${showDifference(d, 'update')}`));
  }
  const other = [...byPart]
    .filter(([, lines]) => lines.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([part, lines]) => ({ part, lines }));
  return { values: statisticChanges(oldRecord, newRecord), flips, other };
}

function capped(lines: readonly string[], part: string): string[] {
  if (lines.length <= MAX_SHOWN) return [...lines];
  return [...lines.slice(0, MAX_SHOWN), `… and ${lines.length - MAX_SHOWN} more in ${part}`];
}

/** The lines printed under a file's `updated` line: the counts, then every part's changes in PART_ORDER. */
export function describeChanges(changes: UpdateChanges): string[] {
  const otherCount = changes.other.reduce((n, p) => n + p.lines.length, 0);
  const otherParts = changes.other.map((p) => `${p.part} ${p.lines.length}`).join(', ');
  const lines = [`${changes.values.length} statistic(s) changed, ${changes.flips.length} check(s) flipped` + (otherCount > 0 ? `, ${otherCount} other difference(s) (${otherParts})` : '')];
  // The metadata before the statistics; the checks' other changes after their flips.
  for (const p of changes.other.filter((p) => rank(p.part) < rank('statistics'))) lines.push(...capped(p.lines, p.part));
  lines.push(...capped(changes.values, 'statistics'));
  lines.push(...capped(changes.flips.map((f) => `check ${f}`), 'checks'));
  for (const p of changes.other.filter((p) => rank(p.part) > rank('statistics'))) lines.push(...capped(p.lines, p.part));
  return lines;
}
