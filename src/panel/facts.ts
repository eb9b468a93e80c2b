// What the panel needs of one record: small enough to keep for a whole archive.

import { createHash } from 'node:crypto';
import type { OutputRecord } from '../schema.js';

const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'orgSubtotal', 'total'] as const;
const DOCUMENT_ROWS = ['regulations', 'normativeDocuments'] as const;

export interface Valued {
  value: number;
  line: number;
}

export interface PanelFacts {
  path: string | null;
  agencyKey: string;
  year: number;
  layout: string;
  carriedOver: Record<string, Valued>;
  carriedForward: Record<string, Valued>;
  /** 规章 / 行政规范性文件: issued, repealed, inForce (2021 layout). */
  documents: Record<string, Record<string, Valued>>;
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
  const pick = (prefix: string, keys: readonly string[]): Record<string, Valued> => {
    const out: Record<string, Valued> = {};
    for (const k of keys) {
      const p = record.provenance[`${prefix}.${k}`];
      const v = prefix.split('.').concat(k).reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], record.statistics);
      if (typeof v === 'number' && p) out[k] = { value: v, line: p.line };
    }
    return out;
  };
  return {
    path: record.source.path,
    agencyKey: record.report.agencyKey,
    year: record.report.year,
    layout: record.report.layout,
    carriedOver: pick('requests.carriedOver', APPLICANT_COLUMNS),
    carriedForward: pick('requests.carriedForward', APPLICANT_COLUMNS),
    documents: Object.fromEntries(DOCUMENT_ROWS.map((r) => [r, pick(`proactive.${r}`, ['issued', 'repealed', 'inForce'])])),
    statisticsHash: createHash('sha256').update(canonical(record.statistics)).digest('hex').slice(0, 16),
  };
}
