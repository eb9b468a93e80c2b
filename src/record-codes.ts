// What a researcher triages a record by: the rules of its failed checks and its warning codes, each
// once, in the order first met. The summary counts them, the CSV has them as columns and the index
// filters by them: one definition for the three.

import type { ReportRecord } from './schema.js';

/** Each rule with a failed check, once. */
export function failedRulesOf(record: Pick<ReportRecord, 'checks'>): string[] {
  return [...new Set(record.checks.filter((c) => c.status === 'fail').map((c) => c.rule))];
}

/** Each warning code, once. */
export function warningCodesOf(record: Pick<ReportRecord, 'warnings'>): string[] {
  return [...new Set(record.warnings.map((w) => w.code))];
}
