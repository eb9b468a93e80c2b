// The output contract (docs/canonical-model.md) as zod schemas: the single source of the record's
// shape. `disclose-parse schema` prints the JSON Schema generated from these (write/json-schema.ts),
// with a description of every field (a test holds them to it); a statistics field is described
// there by its wording on the official forms (forms/labels.ts), which this ground layer cannot see.

import { z } from 'zod';
import { WARNING_CODES, type WarningCode } from './diagnostics.js';

export const SCHEMA_ID = 'disclose-parse/report@1';

export const EncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', 'big5']);
export const LineEndingSchema = z.enum(['lf', 'crlf', 'cr', 'mixed']);
export const LayoutSchema = z.enum(['pre2019', '2019', '2021', 'unknown']);
/** What a file is, by its bytes (src/parse/documents/sniff.ts). */
export const DOCUMENT_FORMATS = ['text', 'html', 'pdf', 'docx', 'zip', 'ole2'] as const;
export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);

const LINE = 'A 1-based line of the decoded file';

export const SourceSchema = z.object({
  path: z.string().nullable().describe('The path as the user named it; null for text parsed in memory'),
  bytes: z.number().int().nonnegative().nullable().describe('The size of the file in bytes; null when it could not be read'),
  sha256: z.string().nullable().describe('SHA-256 of the raw bytes, hex'),
  encoding: EncodingSchema.nullable().describe('How the bytes were decoded (the encoding of most of them where stretches differ); null when they were not'),
  lineEnding: LineEndingSchema.nullable().describe('The line breaks the file had (lf also for a file without any); they are LF in the text the record counts lines of'),
  format: DocumentFormatSchema.nullable().describe(
    'What the file is, told by its bytes and not its name: text, html (a web page), pdf, docx, zip (a ZIP that is no DOCX), ole2 (a legacy binary Office file: .doc, .wps, .xls); null when the file could not be read',
  ),
  reader: z
    .string()
    .nullable()
    .describe('What made the text whose lines the record counts: text (the file decoded as it is), html (a page decoded by its charset, its menus and footers blanked), docx (the document XML), or the PDF reader; null when no reader took the file'),
  replaced: z
    .object({
      count: z.number().int().positive().describe('How many invalid byte sequences became U+FFFD'),
      firstLine: z.number().int().positive().describe('The line of the first'),
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
  phones: z.array(z.string()).describe('Telephone numbers the report gives for its disclosure office, as printed'),
  faxes: z.array(z.string()).describe('Fax numbers, as printed'),
  emails: z.array(z.string()).describe('E-mail addresses'),
  address: z.string().nullable().describe('The postal address, as printed'),
  postcode: z.string().nullable().describe('The six-digit postcode, as text (a leading 0 stays)'),
  websites: z.array(z.string()).describe('Web addresses the contact part names'),
});

export const ReportSchema = z.object({
  title: z.string().nullable().describe('The title as printed (joined where a line break cut it); null when none was found'),
  agency: z.string().nullable().describe('The agency as the report names it (title, signature, 填报单位 …); never guessed'),
  agencyKey: z.string().nullable().describe('The agency name normalised for matching its reports across years (docs/record.md: agency key)'),
  year: z.number().int().nullable().describe('The statistics year, not the publication year'),
  period: z
    .object({ start: IsoDate.describe('First day, YYYY-MM-DD'), end: IsoDate.describe('Last day, YYYY-MM-DD') })
    .nullable()
    .describe('The statistics period the report states; null when it states none (never derived from the year)'),
  publishedOn: IsoDate.nullable().describe('The date of the report (under the title, the signature, 填报日期, or the page’s 发布时间), YYYY-MM-DD'),
  layout: LayoutSchema.describe('The statistics layout: by the tables’ wording, else by the year (pre2019 up to 2018, 2019 for 2019–2020, 2021 from 2021)'),
  contact: ContactSchema.describe('How to reach the agency’s disclosure office, as the report gives it'),
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
  id: z.string().describe('The section’s place in the tree: 0 for the preamble, then 1, 1.2, …'),
  marker: z.string().describe('The heading marker as printed; empty for the preamble'),
  level: z.number().int().positive().describe('Depth in the tree, 1 at the top'),
  title: z.string().describe('The heading’s title (up to the first 。 where the heading carries its body)'),
  line: z.number().int().positive().describe(`${LINE}: where the section starts`),
  endLine: z.number().int().positive().describe(`${LINE}: where it ends, its subsections included`),
  text: z.string().describe('The body text, paragraphs joined (empty with --slim)'),
  tables: z.array(z.string()).describe('Ids of the tables inside it'),
  get children() {
    return z.array(SectionSchema).describe('Its subsections');
  },
});

export const TableKindSchema = z.enum(['proactive', 'requests', 'appeals', 'pre2019', 'other']);

export const TableSchema = z.object({
  id: z.string().describe('t1, t2, … in the order of the text; provenance names a table by it'),
  format: z.string().describe('How the text drew the table: pipe, tab, grid, aligned, …'),
  kind: TableKindSchema.describe('Which official table it is (rebuilt on that form), or other (kept as drawn)'),
  section: z.string().nullable().describe('The id of the section it stands in'),
  caption: z.string().nullable().describe('The caption of a 第二十条 item (第二十条第（一）项 …); null otherwise'),
  line: z.number().int().positive().describe(`${LINE}: the table’s first`),
  endLine: z.number().int().positive().describe(`${LINE}: its last`),
  rows: z.array(z.array(z.string())).describe('The rebuilt grid, rectangular: header rows, then one row a form row (empty with --slim)'),
});

export const WarningCodeSchema = z.enum(Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]]);

export const WarningSchema = z.object({
  code: WarningCodeSchema.describe('One of the closed list of warning codes (docs/record.md: warning codes)'),
  message: z.string().describe('What was found and what was done about it, naming lines and values'),
  line: z.number().int().positive().nullable().describe(`${LINE}: where it applies; null for the record as a whole`),
});

export const ProvenanceSchema = z.object({
  line: z.number().int().positive().describe(`${LINE}: where the number was read`),
  raw: z.string().describe('The text it was read from: the cell as printed, or the matched phrase of prose; empty for an implied 0'),
  table: z.string().optional().describe('The table’s id, for a value from a table'),
  row: z.number().int().nonnegative().optional().describe('The row in that table’s rows'),
  col: z.number().int().nonnegative().optional().describe('The column in that row'),
  method: z.enum(['table', 'narrative', 'implied']).optional().describe('narrative: a figure stated in prose; implied: a blank cell the table proves to be 0'),
  page: z.number().int().positive().optional().describe('The 1-based page of the PDF the line stands on, where the value came from a PDF: where to find the number in the document'),
});

export const CheckSchema = z.object({
  rule: z.string().describe('The relation checked (requests.balance, pre2019.answers, prose.table, report.year …)'),
  status: z.enum(['pass', 'fail', 'skip']).describe('skip: a value the relation needs is absent'),
  expected: z.number().nullable().optional().describe('What the relation says the value should be'),
  actual: z.number().nullable().optional().describe('What the report gives'),
  column: z.string().optional().describe('The applicant or outcome column, for a relation checked per column'),
  /** The statistics path the check is about (an extension of the contract: which row failed). */
  path: z.string().optional().describe('The statistics path of the row it is about (an addition to the contract)'),
  message: z.string().describe('The relation with its numbers, in words'),
});

// ---------------------------------------------------------------------------------------------
// Canonical statistics: one model for the pre-2019, 2019 and 2021 layouts. Every field is
// optional: present only where the report states it. Money is in 万元.

/** A statistic: its description, the forms' wording, is laid on the JSON Schema by write/json-schema.ts. */
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

const SchemaIdSchema = z.literal(SCHEMA_ID).describe('The record format and its version');
const SourceOfRecord = SourceSchema.describe('The input file: where it came from and how it was read');

export const ReportRecordSchema = z.object({
  schema: SchemaIdSchema,
  source: SourceOfRecord,
  report: ReportSchema.describe('What the report is: title, agency, year, period, dates, layout, contact'),
  sections: z.array(SectionSchema).describe('The section tree, by the report’s headings, with line numbers'),
  tables: z.array(TableSchema).describe('Every table of the text, official ones rebuilt on their form'),
  statistics: StatisticsSchema.describe('The figures on one canonical model for all layouts: a field is present only where the report states it; 0 is a statement; money in 万元'),
  provenance: z.record(z.string(), ProvenanceSchema).describe('Per dotted statistics path: the line and text its number came from'),
  checks: z.array(CheckSchema).describe('The arithmetic relations of the official forms, and the prose against the tables'),
  warnings: z.array(WarningSchema).describe('What a reader of the numbers should know: repairs, values left out, missing parts'),
});

export const ERROR_CODES = [
  'E_READ', 'E_NOT_FOUND', 'E_NOT_FILE', 'E_EMPTY', 'E_BINARY', 'E_DECODE', 'E_TOO_LARGE', 'E_TIMEOUT', 'E_OUT_OF_MEMORY', 'E_INTERNAL',
  'E_NOT_DOCX', 'E_LEGACY_OFFICE', 'E_ENCRYPTED', 'E_CORRUPT', 'E_NO_TEXT',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const ErrorRecordSchema = z.object({
  schema: SchemaIdSchema,
  source: SourceOfRecord,
  error: z
    .object({ code: ErrorCodeSchema.describe('Why no report record could be made (docs/guarantees.md: error codes)'), message: z.string().describe('What happened, in words') })
    .describe('The file gave no report: this record stands for it, so that every input has its line'),
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
