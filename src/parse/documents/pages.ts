// A record read from a paged document (a PDF) says on which page each value stands: its line's
// origin names the page, and the provenance entry gets it, so that a researcher holding the PDF
// finds the number without the text the line numbers count.

import type { ReportRecord } from '../../schema.js';
import type { LineOrigin } from './types.js';

/** The record with `page` in every provenance entry whose line has a page; the record itself when none has. */
export function withPages(record: ReportRecord, origins: readonly LineOrigin[]): ReportRecord {
  if (!origins.some((o) => o.page !== undefined)) return record;
  const provenance: ReportRecord['provenance'] = {};
  for (const [path, p] of Object.entries(record.provenance)) {
    const page = origins[p.line - 1]?.page;
    provenance[path] = page !== undefined ? { ...p, page } : p;
  }
  return { ...record, provenance };
}
