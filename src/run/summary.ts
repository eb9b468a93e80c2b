// What a run did, counted as it goes: for the closing lines on stderr and `--summary FILE`. Besides
// the counts, what a researcher triages by: how many reports carry each warning code and each
// failed check rule, with the first few files of each (in the batch's order), so that one look at
// the summary says where to start.

import type { Brief } from './render.js';

/** Files named per warning code and per failed rule: enough to open one, few enough to read. */
export const MAX_EXAMPLES = 3;

/** How many reports carry something (a warning code, a failed rule), and the first of them. */
export interface Tally {
  reports: number;
  examples: string[];
}

export interface Summary {
  files: number;
  records: number;
  errors: Record<string, number>;
  layouts: Record<string, number>;
  reportsWithFailedChecks: number;
  reportsWithWarnings: number;
  /** Per warning code: the reports that carry it (each report once) and the first of them. */
  warningCodes: Record<string, Tally>;
  /** Per check rule: the reports where it failed and the first of them. */
  failedRules: Record<string, Tally>;
}

function emptySummary(): Summary {
  return { files: 0, records: 0, errors: {}, layouts: {}, reportsWithFailedChecks: 0, reportsWithWarnings: 0, warningCodes: {}, failedRules: {} };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function addTallies(into: Record<string, Tally>, from: Record<string, Tally>): void {
  for (const [k, v] of Object.entries(from)) {
    const t = (into[k] ??= { reports: 0, examples: [] });
    t.reports += v.reports;
    t.examples = [...t.examples, ...v.examples].slice(0, MAX_EXAMPLES);
  }
}

function tally(into: Record<string, Tally>, key: string, path: string | null): void {
  const t = (into[key] ??= { reports: 0, examples: [] });
  t.reports++;
  if (t.examples.length < MAX_EXAMPLES) t.examples.push(path ?? '(text)');
}

/** The same object with its keys sorted, so that a summary reads the same whatever the order met. */
function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The summary of several runs (the shards of one archive, in order): every count added up, and the
 * examples of the first shards first, so that it equals the summary of one run over the whole.
 * A summary written before the triage fields existed adds nothing to them.
 */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const total = emptySummary();
  for (const p of parts) {
    total.files += p.files;
    total.records += p.records;
    addCounts(total.errors, p.errors);
    addCounts(total.layouts, p.layouts);
    total.reportsWithFailedChecks += p.reportsWithFailedChecks;
    total.reportsWithWarnings += p.reportsWithWarnings ?? 0;
    addTallies(total.warningCodes, p.warningCodes ?? {});
    addTallies(total.failedRules, p.failedRules ?? {});
  }
  return { ...total, errors: sortedKeys(total.errors), layouts: sortedKeys(total.layouts), warningCodes: sortedKeys(total.warningCodes), failedRules: sortedKeys(total.failedRules) };
}

/** Whether a parsed JSON value is a summary this tool wrote. */
export function isSummary(v: unknown): v is Summary {
  const s = v as Summary | null;
  return s !== null && typeof s === 'object' && typeof s.files === 'number' && typeof s.records === 'number' && typeof s.errors === 'object' && typeof s.layouts === 'object';
}

/** `3 files`, `1 file`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export class SummaryCounter {
  private readonly s: Summary = emptySummary();

  constructor(files: number) {
    this.s.files = files;
  }

  add(brief: Brief): void {
    this.s.records++;
    if (brief.error !== null) {
      this.s.errors[brief.error] = (this.s.errors[brief.error] ?? 0) + 1;
      return;
    }
    this.s.layouts[brief.layout!] = (this.s.layouts[brief.layout!] ?? 0) + 1;
    if (brief.failedChecks) this.s.reportsWithFailedChecks++;
    if (brief.warningCodes.length > 0) this.s.reportsWithWarnings++;
    for (const code of brief.warningCodes) tally(this.s.warningCodes, code, brief.path);
    for (const rule of brief.failedRules) tally(this.s.failedRules, rule, brief.path);
  }

  get errorCount(): number {
    return Object.values(this.s.errors).reduce((a, b) => a + b, 0);
  }

  result(): Summary {
    return mergeSummaries([this.s]);
  }

  /** A few short lines for a person: counts only (the examples are in --summary FILE). */
  text(): string {
    const list = (o: Record<string, number>): string =>
      Object.entries(o)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none';
    const reports = (o: Record<string, Tally>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([k, t]) => [k, t.reports]));
    const s = this.s;
    const rules = s.reportsWithFailedChecks > 0 ? ` (${list(reports(s.failedRules))})` : '';
    const lines = [
      `${plural(s.files, 'file')}, ${plural(s.records, 'record')}, ${plural(this.errorCount, 'error record')} (${list(s.errors)})`,
      `layouts ${list(s.layouts)}; ${plural(s.reportsWithFailedChecks, 'report')} with failed checks${rules}`,
      ...(s.reportsWithWarnings > 0 ? [`${plural(s.reportsWithWarnings, 'report')} with warnings (${list(reports(s.warningCodes))})`] : []),
    ];
    return lines.map((l) => `disclose-parse: ${l}\n`).join('');
  }
}
