// What the panel needs of one record: small enough to keep for a whole archive. The values kept are
// those the forms' cross-year links read (forms/cross-year.ts), each with its line.

import { createHash } from 'node:crypto';
import { CROSS_YEAR_PATHS } from '../forms/cross-year.js';
import type { OutputRecord } from '../schema.js';
import { statisticAt } from '../statistics.js';

export interface Valued {
  value: number;
  line: number;
}

export interface PanelFacts {
  path: string | null;
  agencyKey: string;
  year: number;
  layout: string;
  /** Statistics path → value and line, for the paths of CROSS_YEAR_PATHS the record has. */
  values: Record<string, Valued>;
  /** Hash of the statistics, to tell two copies of one report from two reports. */
  statisticsHash: string;
}

/** Canonical JSON: keys sorted, so that the hash does not depend on key order. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

export function panelFacts(record: OutputRecord): PanelFacts | null {
  if ('error' in record || record.report.agencyKey === null || record.report.year === null) return null;
  const values: Record<string, Valued> = {};
  for (const path of CROSS_YEAR_PATHS) {
    const p = record.provenance[path];
    const v = statisticAt(record.statistics, path);
    if (v !== undefined && p) values[path] = { value: v, line: p.line };
  }
  return {
    path: record.source.path,
    agencyKey: record.report.agencyKey,
    year: record.report.year,
    layout: record.report.layout,
    values,
    statisticsHash: createHash('sha256').update(canonical(record.statistics)).digest('hex').slice(0, 16),
  };
}
