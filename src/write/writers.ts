// Record writers: JSON Lines (default), one JSON array, or CSV. Each streams: a record is
// written as soon as it is ready and never kept.

import { stringify } from 'csv-stringify/sync';
import type { OutputRecord } from '../schema.js';
import { CSV_COLUMNS, TEXT_COLUMNS, csvRow } from './columns.js';
import { shortName } from './codebook.js';

export type Format = 'jsonl' | 'json' | 'csv';
export const FORMATS: readonly Format[] = ['jsonl', 'json', 'csv'];

/** CSV header names: the canonical dotted paths, or short names for Stata, R and pandas (codebook.ts). */
export type ColumnNaming = 'canonical' | 'short';
export const COLUMN_NAMINGS: readonly ColumnNaming[] = ['canonical', 'short'];

const csvOptions = {
  cast: { string: (value: string, context: { index: number }) => (TEXT_COLUMNS.has(context.index) ? { value, quoted: true } : value) },
};

/** One record's text in a format; the writer below puts records together. */
export function formatRecord(format: Format, r: OutputRecord): string {
  switch (format) {
    case 'jsonl':
      return JSON.stringify(r) + '\n';
    case 'json':
      return JSON.stringify(r);
    case 'csv':
      return stringify([csvRow(r)], csvOptions);
  }
}

/** What stands around the records' texts: a CSV header, the JSON array's brackets and commas. */
export interface RecordWriter {
  /** Text to write before the first record. */
  head(): string;
  /** What stands before the record at position `index` (the JSON array's commas). */
  before(index: number): string;
  /** Text to write after the last record. */
  tail(count: number): string;
}

const UTF8_BOM = '\ufeff';

export function makeWriter(format: Format, options: { excel?: boolean; columns?: ColumnNaming } = {}): RecordWriter {
  switch (format) {
    case 'jsonl':
      return { head: () => '', before: () => '', tail: () => '' };
    case 'json':
      return {
        head: () => '[',
        before: (i) => (i === 0 ? '\n' : ',\n'),
        tail: (count) => (count === 0 ? ']\n' : '\n]\n'),
      };
    case 'csv':
      // Excel only shows Chinese in a CSV that starts with a BOM; other readers may not want one.
      return {
        head: () => (options.excel ? UTF8_BOM : '') + stringify([options.columns === 'short' ? CSV_COLUMNS.map(shortName) : [...CSV_COLUMNS]]),
        before: () => '',
        tail: () => '',
      };
  }
}

/** Drop what only archives of text need: section text and table cells (numbers stay). */
export function slim(record: OutputRecord): OutputRecord {
  if ('error' in record) return record;
  type S = (typeof record.sections)[number];
  const strip = (s: S): S => ({ ...s, text: '', children: s.children.map(strip) });
  return { ...record, sections: record.sections.map(strip), tables: record.tables.map((t) => ({ ...t, rows: [] })) };
}
