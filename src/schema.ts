// The output contract (shared/spec/canonical-model.md) as zod schemas: the single source of the
// record's shape. `disclose-parse schema` prints the JSON Schema generated from these.

import { z } from 'zod';
import { WARNING_CODES, type WarningCode } from './diagnostics.js';

export const SCHEMA_ID = 'disclose-parse/report@1';

export const EncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', 'big5']);
export const LineEndingSchema = z.enum(['lf', 'crlf', 'cr', 'mixed']);
export const LayoutSchema = z.enum(['pre2019', '2019', '2021', 'unknown']);
/** What a file is, by its bytes (src/parse/documents/sniff.ts). */
export const DOCUMENT_FORMATS = ['text', 'html', 'pdf', 'docx', 'zip', 'ole2'] as const;
export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);

export const SourceSchema = z.object({
  path: z.string().nullable().describe('The path as the user named it; null for text parsed in memory'),
  bytes: z.number().int().nonnegative().nullable(),
  sha256: z.string().nullable().describe('SHA-256 of the raw bytes, hex'),
  encoding: EncodingSchema.nullable(),
  lineEnding: LineEndingSchema.nullable(),
  format: DocumentFormatSchema.nullable().describe(
    'What the file is, told by its bytes and not its name: text, html (a web page), pdf, docx, zip (a ZIP that is no DOCX), ole2 (a legacy binary Office file: .doc, .wps, .xls); null when the file could not be read',
  ),
  reader: z
    .string()
    .nullable()
    .describe('What made the text whose lines the record counts: text (the file decoded as it is), html (a page decoded by its charset, its menus and footers blanked), docx (the document XML), or the PDF reader; null when no reader took the file'),
  replaced: z
    .object({
      count: z.number().int().positive(),
      firstLine: z.number().int().positive(),
    })
    .optional()
    .describe('Present when decoding replaced invalid byte sequences with U+FFFD: how many, and the line of the first'),
});

/** A day of the calendar, as YYYY-MM-DD (`2014-04-31` is refused). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  }, 'not a day of the calendar');

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
  agencyKey: z.string().nullable().describe('The agency name normalised for matching its reports across years (README: agency key)'),
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

export const WarningCodeSchema = z.enum(Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]]);

export const WarningSchema = z.object({
  code: WarningCodeSchema.describe('One of the closed list of warning codes (README: Warning codes)'),
  message: z.string(),
  line: z.number().int().positive().nullable(),
});

export const ProvenanceSchema = z.object({
  line: z.number().int().positive(),
  raw: z.string(),
  table: z.string().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  method: z.enum(['table', 'narrative', 'implied']).optional().describe('narrative: a figure stated in prose; implied: a blank cell the table proves to be 0'),
  page: z.number().int().positive().optional().describe('The 1-based page of the PDF the line stands on, where the value came from a PDF: where to find the number in the document'),
});

export const CheckSchema = z.object({
  rule: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  column: z.string().optional(),
  /** The statistics path the check is about (an extension of the contract: which row failed). */
  path: z.string().optional(),
  message: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Canonical statistics: one model for the pre-2019, 2019 and 2021 layouts. Every field is
// optional: present only where the report states it. Money is in 万元.

const n = z.number();
const fields = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, n.optional()])) as Record<K, z.ZodOptional<z.ZodNumber>>);

export const APPLICANT_KEYS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'orgSubtotal', 'total'] as const;
export const OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** The applicant columns of the requests table: 自然人, 法人或其他组织 (five and a 小计), 总计. */
export const ApplicantsSchema = fields(APPLICANT_KEYS);
/** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export const OutcomesSchema = fields(OUTCOME_KEYS);

const group = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, ApplicantsSchema.optional()])) as Record<K, z.ZodOptional<typeof ApplicantsSchema>>);
const documents = fields(['issued', 'published', 'publishedTotal', 'repealed', 'inForce'] as const);
const items = fields(['itemsLastYear', 'itemsChange', 'decisions'] as const);

export const StatisticsSchema = z.strictObject({
  proactive: z
    .strictObject({
      published: n.optional(),
      channels: fields(['gazette', 'website', 'weibo', 'wechat', 'other'] as const).optional(),
      normativeDocsPublished: n.optional(),
      normativeDocsIssued: n.optional(),
      regulations: documents.optional(),
      normativeDocuments: documents.optional(),
      licensing: items.optional(),
      otherServices: items.optional(),
      penalties: items.optional(),
      enforcement: items.optional(),
      fees: fields(['itemsLastYear', 'itemsChange', 'amountWan'] as const).optional(),
      procurement: fields(['items', 'amountWan'] as const).optional(),
    })
    .optional(),
  responses: fields([
    'total', 'hotTopics', 'pressConferences', 'pressConferencesByLeaders', 'onlineInterviews',
    'onlineInterviewsByLeaders', 'interpretations', 'socialMedia', 'other',
  ] as const).optional(),
  requests: z
    .strictObject({
      received: ApplicantsSchema.optional(),
      receivedVia: fields(['inPerson', 'fax', 'online', 'letter', 'other'] as const).optional(),
      carriedOver: ApplicantsSchema.optional(),
      completed: fields(['total', 'onTime', 'extended'] as const).optional(),
      outcomes: z
        .strictObject({
          granted: ApplicantsSchema.optional(),
          partiallyGranted: ApplicantsSchema.optional(),
          denied: group([
            'total', 'stateSecret', 'prohibitedByLaw', 'endangersSafety', 'thirdPartyRights', 'internalAffairs',
            'processInformation', 'enforcementFiles', 'administrativeInquiry', 'commercialSecret', 'privacy',
            'notGovernmentInformation',
          ] as const).optional(),
          unavailable: group(['total', 'notHeld', 'requiresCreation', 'unclearAfterAmendment'] as const).optional(),
          notProcessed: group(['total', 'petitionComplaint', 'duplicate', 'publicationRequest', 'excessiveRepeated', 'confirmationRequest'] as const).optional(),
          other: group(['total', 'noAmendment', 'unpaidFee', 'other'] as const).optional(),
          alreadyPublic: ApplicantsSchema.optional(),
          notThisAgency: ApplicantsSchema.optional(),
          notExist: ApplicantsSchema.optional(),
          amendmentNotified: ApplicantsSchema.optional(),
          otherChannel: ApplicantsSchema.optional(),
          total: ApplicantsSchema.optional(),
        })
        .optional(),
      carriedForward: ApplicantsSchema.optional(),
    })
    .optional(),
  appeals: z
    .strictObject({
      review: OutcomesSchema.optional(),
      litigationDirect: OutcomesSchema.optional(),
      litigationAfterReview: OutcomesSchema.optional(),
      litigation: OutcomesSchema.optional(),
    })
    .optional(),
  complaints: n.optional(),
  feesCollectedWan: n.optional(),
  staffing: fields(['dedicatedUnits', 'readingPoints', 'staff', 'fullTime', 'partTime', 'budgetWan'] as const).optional(),
  meetings: fields(['meetings', 'trainingSessions', 'trainees'] as const).optional(),
});

export type Statistics = z.infer<typeof StatisticsSchema>;

export const ReportRecordSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  source: SourceSchema,
  report: ReportSchema,
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  statistics: StatisticsSchema,
  provenance: z.record(z.string(), ProvenanceSchema),
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
});

export const ERROR_CODES = [
  'E_READ', 'E_NOT_FOUND', 'E_NOT_FILE', 'E_EMPTY', 'E_BINARY', 'E_DECODE', 'E_TOO_LARGE', 'E_TIMEOUT', 'E_INTERNAL',
  'E_NOT_DOCX', 'E_LEGACY_OFFICE', 'E_ENCRYPTED', 'E_CORRUPT', 'E_NO_TEXT',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const ErrorRecordSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  source: SourceSchema,
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});

export const RecordSchema = z.union([ReportRecordSchema, ErrorRecordSchema]);

export type Source = z.infer<typeof SourceSchema>;
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
export type TableKind = z.infer<typeof TableKindSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type OutputRecord = ReportRecord | ErrorRecord;

/** The JSON Schema of one output line, generated from the zod schemas above. */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(RecordSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
