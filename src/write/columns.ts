// The CSV columns: report metadata, then every leaf of the canonical statistics in the schema's
// own order, so that a 2013 and a 2022 report share one header.

import type { z } from 'zod';
import { StatisticsSchema, type OutputRecord } from '../schema.js';

function leaves(schema: z.ZodType, prefix: string, out: string[]): string[] {
  let t = schema as unknown as { def: { type: string; innerType?: z.ZodType }; shape?: Record<string, z.ZodType> };
  while (t.def.type === 'optional') t = t.def.innerType as unknown as typeof t;
  if (t.def.type === 'object' && t.shape) {
    for (const [key, child] of Object.entries(t.shape)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else out.push(prefix);
  return out;
}

/** Every statistics path a record can hold, in schema order. */
export const STATISTICS_COLUMNS: readonly string[] = leaves(StatisticsSchema, '', []);

const META_COLUMNS = [
  'path', 'bytes', 'sha256', 'encoding', 'lineEnding',
  'title', 'agency', 'agencyKey', 'year', 'periodStart', 'periodEnd', 'publishedOn', 'layout',
  'phones', 'faxes', 'emails', 'address', 'postcode', 'websites',
  'error', 'errorMessage', 'checks_failed', 'warnings', 'warningCodes',
] as const;

export const CSV_COLUMNS: readonly string[] = [...META_COLUMNS, ...STATISTICS_COLUMNS];

/**
 * Columns written quoted: text that looks like a number but is not one. A postcode (`010010`)
 * read as a number loses its leading zero; quoting marks it as text for readers that honour it.
 */
export const TEXT_COLUMNS: ReadonlySet<number> = new Set([CSV_COLUMNS.indexOf('postcode')]);

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** One CSV row for a record (an error record fills the source columns and the error code). */
export function csvRow(record: OutputRecord): Array<string | number | null> {
  const s = record.source;
  const base: Record<string, string | number | null> = {
    path: s.path, bytes: s.bytes, sha256: s.sha256, encoding: s.encoding, lineEnding: s.lineEnding,
  };
  if ('error' in record) {
    base.error = record.error.code;
    base.errorMessage = record.error.message;
  } else {
    const r = record.report;
    Object.assign(base, {
      title: r.title, agency: r.agency, agencyKey: r.agencyKey, year: r.year, periodStart: r.period?.start ?? null, periodEnd: r.period?.end ?? null,
      publishedOn: r.publishedOn, layout: r.layout,
      phones: r.contact.phones.join('; '), faxes: r.contact.faxes.join('; '), emails: r.contact.emails.join('; '),
      address: r.contact.address, postcode: r.contact.postcode, websites: r.contact.websites.join('; '),
      checks_failed: record.checks.filter((c) => c.status === 'fail').length,
      warnings: record.warnings.length,
      // Each code once, in the order first met: what kinds of trouble, for filtering.
      warningCodes: [...new Set(record.warnings.map((w) => w.code))].join('; '),
    });
  }
  const stats = 'error' in record ? undefined : record.statistics;
  return [
    ...META_COLUMNS.map((c) => base[c] ?? null),
    ...STATISTICS_COLUMNS.map((p) => {
      const v = get(stats, p);
      return typeof v === 'number' ? v : null;
    }),
  ];
}
