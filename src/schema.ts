// The output contract (shared/spec/canonical-model.md) as zod schemas: the single source of the
// record's shape. `disclose-parse schema` prints the JSON Schema generated from these.

import { z } from 'zod';

export const SCHEMA_ID = 'disclose-parse/report@1';

export const EncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', 'big5']);
export const LineEndingSchema = z.enum(['lf', 'crlf', 'cr', 'mixed']);
export const LayoutSchema = z.enum(['pre2019', '2019', '2021', 'unknown']);

export const SourceSchema = z.object({
  path: z.string().nullable().describe('The path as the user named it; null for text parsed in memory'),
  bytes: z.number().int().nonnegative().nullable(),
  sha256: z.string().nullable().describe('SHA-256 of the raw bytes, hex'),
  encoding: EncodingSchema.nullable(),
  lineEnding: LineEndingSchema.nullable(),
});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ContactSchema = z.object({
  phones: z.array(z.string()),
  faxes: z.array(z.string()),
  emails: z.array(z.string()),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  websites: z.array(z.string()),
});

export const ReportSchema = z.object({
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable().describe('The statistics year, not the publication year'),
  period: z.object({ start: IsoDate, end: IsoDate }).nullable(),
  publishedOn: IsoDate.nullable(),
  layout: LayoutSchema,
  contact: ContactSchema,
});

export interface SectionOut {
  id: string;
  marker: string;
  level: number;
  title: string;
  line: number;
  endLine: number;
  text: string;
  tables: string[];
  children: SectionOut[];
}

export const SectionSchema: z.ZodType<SectionOut> = z.object({
  id: z.string(),
  marker: z.string().describe('The heading marker as printed; empty for the preamble'),
  level: z.number().int().positive(),
  title: z.string(),
  line: z.number().int().positive(),
  endLine: z.number().int().positive(),
  text: z.string(),
  tables: z.array(z.string()),
  get children() {
    return z.array(SectionSchema);
  },
});

export const TableKindSchema = z.enum(['proactive', 'requests', 'appeals', 'pre2019', 'other']);

export const TableSchema = z.object({
  id: z.string(),
  format: z.string().describe('How the text drew the table: pipe, tab, grid, aligned, …'),
  kind: TableKindSchema,
  section: z.string().nullable(),
  caption: z.string().nullable(),
  line: z.number().int().positive(),
  endLine: z.number().int().positive(),
  rows: z.array(z.array(z.string())),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().nullable(),
});

export const ProvenanceSchema = z.object({
  line: z.number().int().positive(),
  raw: z.string(),
  table: z.string().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  method: z.string().optional(),
});

export const CheckSchema = z.object({
  rule: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  column: z.string().optional(),
  message: z.string(),
});

export const ReportRecordSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  source: SourceSchema,
  report: ReportSchema,
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  statistics: z.record(z.string(), z.unknown()),
  provenance: z.record(z.string(), ProvenanceSchema),
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
});

export const ERROR_CODES = ['E_READ', 'E_NOT_FOUND', 'E_NOT_FILE', 'E_EMPTY', 'E_BINARY', 'E_DECODE', 'E_TOO_LARGE', 'E_INTERNAL'] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const ErrorRecordSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  source: SourceSchema,
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});

export const RecordSchema = z.union([ReportRecordSchema, ErrorRecordSchema]);

export type Source = z.infer<typeof SourceSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type OutputRecord = ReportRecord | ErrorRecord;

/** The JSON Schema of one output line, generated from the zod schemas above. */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(RecordSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
