// The CSV columns: report metadata, then every leaf of the canonical statistics in the schema's
// own order, so that a 2013 and a 2022 report share one header. One naming convention for the
// metadata columns: camelCase; a number of things ends in `Count` (`warningCount`); a list of
// things is the plural noun and holds each item once, `; ` between (`warningCodes`, `failedRules`).

import { failedRulesOf, warningCodesOf } from '../record-codes.js';
import type { OutputRecord } from '../schema.js';
import { STATISTICS_PATHS, statisticAt } from '../statistics.js';

const META_COLUMNS = [
  'path', 'bytes', 'sha256', 'encoding', 'lineEnding', 'format', 'reader',
  'title', 'agency', 'agencyKey', 'year', 'periodStart', 'periodEnd', 'publishedOn', 'layout',
  'phones', 'faxes', 'emails', 'address', 'postcode', 'websites',
  'error', 'errorMessage', 'failedCheckCount', 'failedRules', 'warningCount', 'warningCodes',
] as const;

export const CSV_COLUMNS: readonly string[] = [...META_COLUMNS, ...STATISTICS_PATHS];

/**
 * Columns written quoted: text that looks like a number but is not one. A postcode (`010010`)
 * read as a number loses its leading zero; quoting marks it as text for readers that honour it.
 */
export const TEXT_COLUMNS: ReadonlySet<number> = new Set([CSV_COLUMNS.indexOf('postcode')]);

/** One CSV row for a record (an error record fills the source columns and the error code). */
export function csvRow(record: OutputRecord): Array<string | number | null> {
  const s = record.source;
  const base: Record<string, string | number | null> = {
    path: s.path, bytes: s.bytes, sha256: s.sha256, encoding: s.encoding, lineEnding: s.lineEnding, format: s.format, reader: s.reader,
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
      failedCheckCount: record.checks.filter((c) => c.status === 'fail').length,
      // What kinds of trouble, for filtering.
      failedRules: failedRulesOf(record).join('; '),
      warningCount: record.warnings.length,
      warningCodes: warningCodesOf(record).join('; '),
    });
  }
  const stats = 'error' in record ? undefined : record.statistics;
  return [
    ...META_COLUMNS.map((c) => base[c] ?? null),
    ...STATISTICS_PATHS.map((p) => statisticAt(stats, p) ?? null),
  ];
}
