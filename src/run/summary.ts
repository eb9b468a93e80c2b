// What a run did, counted as it goes: for the closing lines on stderr and `--summary FILE`.

import type { Brief } from './render.js';

export interface Summary {
  files: number;
  records: number;
  errors: Record<string, number>;
  layouts: Record<string, number>;
  reportsWithFailedChecks: number;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** The summary of several runs (the shards of one archive): every count added up. */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const total: Summary = { files: 0, records: 0, errors: {}, layouts: {}, reportsWithFailedChecks: 0 };
  for (const p of parts) {
    total.files += p.files;
    total.records += p.records;
    addCounts(total.errors, p.errors);
    addCounts(total.layouts, p.layouts);
    total.reportsWithFailedChecks += p.reportsWithFailedChecks;
  }
  return total;
}

/** Whether a parsed JSON value is a summary this tool wrote. */
export function isSummary(v: unknown): v is Summary {
  const s = v as Summary | null;
  return s !== null && typeof s === 'object' && typeof s.files === 'number' && typeof s.records === 'number' && typeof s.errors === 'object' && typeof s.layouts === 'object';
}

export class SummaryCounter {
  private readonly s: Summary = { files: 0, records: 0, errors: {}, layouts: {}, reportsWithFailedChecks: 0 };

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
  }

  get errorCount(): number {
    return Object.values(this.s.errors).reduce((a, b) => a + b, 0);
  }

  result(): Summary {
    return structuredClone(this.s);
  }

  /** Two short lines for a person. */
  text(): string {
    const list = (o: Record<string, number>): string =>
      Object.entries(o)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none';
    return (
      `disclose-parse: ${this.s.files} files, ${this.s.records} records, ${this.errorCount} error records (${list(this.s.errors)})\n` +
      `disclose-parse: layouts ${list(this.s.layouts)}; ${this.s.reportsWithFailedChecks} reports with failed checks\n`
    );
  }
}
