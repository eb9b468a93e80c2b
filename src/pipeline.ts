// One report, start to finish: bytes → text → lines → tables → sections → metadata → record.
// Each stage is a pure function of what the previous one returned.

import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.js';
import { decode, type ForcedEncoding } from './parse/decode.js';
import { withPages } from './parse/documents/pages.js';
import { readDocument } from './parse/documents/registry.js';
import { sniff } from './parse/documents/sniff.js';
import { splitLines } from './parse/lines.js';
import { joinParagraphs } from './parse/paragraphs.js';
import { yearOfTitle } from './metadata/title.js';
import { statisticsEmpty } from './normalize/coverage.js';
import { normalize } from './normalize/index.js';
import { extractReport } from './metadata/report.js';
import { SCHEMA_ID, type ErrorCode, type ErrorRecord, type OutputRecord, type ReportRecord, type Source, type Table, type Warning } from './schema.js';
import { splitSections, type Section } from './sections/split.js';
import { ANCHOR_CHARS } from './tables/anchors.js';
import { insideTables, readTables } from './tables/index.js';

export interface ParseOptions {
  /** The path to report in `source.path`. */
  path?: string | null;
  /** Decode with this encoding instead of detecting one. */
  encoding?: ForcedEncoding;
  /** Receives the time each stage took (the benchmark's per-stage figures); costs nothing when absent. */
  timer?: StageTimer;
  /**
   * The per-file time limit (`--timeout-ms`), looked at after each stage: past it, parseBuffer gives
   * an E_TIMEOUT record (parseText, which returns only reports, throws).
   */
  deadline?: Deadline;
}

export interface Deadline {
  /** Date.now() past which the parse stops. */
  at: number;
  /** The limit it was set from, for the message. */
  limitMs: number;
}

export function timeoutMessage(limitMs: number): string {
  return `parsing took longer than ${limitMs} ms (--timeout-ms)`;
}

/**
 * Thrown between stages once the deadline has passed, and turned into an E_TIMEOUT record by
 * parseBuffer: the worker stops the file itself, at the next stage, and goes on with the next
 * file (batch.ts stops a worker only when one stage alone runs far past the limit).
 */
class TimeLimitReached extends Error {}

function checkDeadline(deadline: Deadline | undefined): void {
  if (deadline !== undefined && Date.now() > deadline.at) throw new TimeLimitReached(timeoutMessage(deadline.limitMs));
}

export type Stage = 'decode' | 'lines' | 'tables' | 'sections' | 'metadata' | 'normalize';
export type StageTimer = Partial<Record<Stage, number>>;

/** One stage: timed when a timer is given, and followed by a look at the deadline. */
function timed<T>(options: Pick<ParseOptions, 'timer' | 'deadline'>, stage: Stage, work: () => T): T {
  const timer = options.timer;
  if (!timer) {
    const out = work();
    checkDeadline(options.deadline);
    return out;
  }
  const start = performance.now();
  const out = work();
  timer[stage] = (timer[stage] ?? 0) + performance.now() - start;
  checkDeadline(options.deadline);
  return out;
}

/** Parse decoded text. `source` describes where it came from; parseText fills in a default. */
export function parseText(text: string, options: ParseOptions & { source?: Source; decodeWarnings?: readonly Warning[] } = {}): ReportRecord {
  const unixText = text.replace(/\r\n?/g, '\n');
  const source: Source = options.source ?? {
    path: options.path ?? null,
    bytes: Buffer.byteLength(text, 'utf8'),
    sha256: sha256(Buffer.from(text, 'utf8')),
    encoding: 'utf-8',
    lineEnding: text.includes('\r\n') ? 'crlf' : text.includes('\r') ? 'cr' : 'lf',
    format: 'text',
    reader: TEXT_READER,
  };
  const lines = timed(options, 'lines', () => splitLines(unixText, ANCHOR_CHARS));
  const { built, inTable } = timed(options, 'tables', () => {
    const built = readTables(lines);
    return { built, inTable: insideTables(built.spans, lines.length) };
  });
  const ids = built.tables.map((_, i) => `t${i + 1}`);
  const { paragraphs, sections } = timed(options, 'sections', () => {
    const paragraphs = joinParagraphs(lines, inTable);
    const spans = built.tables.map((t, i) => ({ id: ids[i]!, line: t.table.line, endLine: t.table.endLine }));
    return { paragraphs, sections: splitSections(paragraphs, spans) };
  });
  const sectionOf = sectionsByTable(sections);
  const tables: Table[] = built.tables.map((t, i) => ({ id: ids[i]!, section: sectionOf.get(ids[i]!) ?? null, ...t.table }));
  const report = timed(options, 'metadata', () => extractReport(lines, inTable, paragraphs));
  const normalized = timed(options, 'normalize', () =>
    normalize({
      tables: built.tables.flatMap((t, i) => (t.placed && t.grid ? [{ id: ids[i]!, placed: t.placed, grid: t.grid }] : [])),
      paragraphs,
      lines,
      year: report.year,
      titleYear: report.title ? yearOfTitle(report.title) : null,
      periodYear: report.period && report.period.start.slice(0, 4) === report.period.end.slice(0, 4) ? Number(report.period.start.slice(0, 4)) : null,
    }),
  );
  const { contact, warnings: metaWarnings, ...withoutContact } = report;
  return {
    schema: SCHEMA_ID,
    source,
    // The record's field order (canonical-model.md): layout between publishedOn and contact.
    report: { ...withoutContact, layout: normalized.layout, contact },
    sections,
    tables,
    statistics: normalized.statistics,
    provenance: normalized.provenance,
    checks: normalized.checks,
    warnings: [
      ...(options.decodeWarnings ?? []),
      ...built.warnings,
      ...metaWarnings,
      ...normalized.warnings,
      // A text that is no report says so; one that is and gave nothing says that.
      ...(looksLikeReport(report, sections, tables) ? statisticsEmpty(normalized.statistics) : [NOT_A_REPORT]),
    ],
  };
}

/** The reader of text files: the bytes decoded (parse/decode.ts), nothing taken out. */
export const TEXT_READER = 'text';

/** Parse raw bytes as text (a file's content, whatever it is, decoded); never throws for bad content. Past `options.deadline`, an E_TIMEOUT record. */
export function parseBuffer(bytes: Uint8Array, options: ParseOptions = {}): OutputRecord {
  const base: Source = {
    path: options.path ?? null,
    bytes: bytes.byteLength,
    sha256: sha256(bytes),
    encoding: null,
    lineEnding: null,
    format: 'text',
    reader: TEXT_READER,
  };
  if (bytes.byteLength === 0) return errorRecord(base, 'E_EMPTY', 'the file is empty');
  let source = base;
  try {
    const decoded = timed({ timer: options.timer }, 'decode', () => decode(bytes, options.encoding));
    if (!decoded.ok) return errorRecord({ ...base, encoding: decoded.encoding ?? null }, decoded.code, decoded.message);
    source = { ...base, encoding: decoded.encoding, lineEnding: decoded.lineEnding, ...(decoded.replaced && { replaced: decoded.replaced }) };
    if (decoded.text.trim() === '') return errorRecord({ ...base, encoding: decoded.encoding, lineEnding: decoded.lineEnding }, 'E_EMPTY', 'the file holds only whitespace');
    checkDeadline(options.deadline); // the decoding stage's look, once the record can say what the file is
    return parseText(decoded.text, { source, timer: options.timer, deadline: options.deadline, decodeWarnings: decoded.warnings });
  } catch (err) {
    if (err instanceof TimeLimitReached) return errorRecord(source, 'E_TIMEOUT', err.message);
    throw err;
  }
}

/**
 * Parse a file's bytes by what they are (parse/documents/sniff.ts, a few byte comparisons): text
 * takes parseBuffer as before; a page, a Word document or a PDF goes to the reader of its kind
 * (parse/documents/registry.ts), whose text is then parsed as any text, its lines the record's line
 * numbers. Never throws for bad content.
 */
export async function parseDocument(bytes: Uint8Array, options: ParseOptions = {}): Promise<OutputRecord> {
  const kind = sniff(bytes);
  if (kind === 'text') return parseBuffer(bytes, options);
  const start = options.timer ? performance.now() : 0;
  const read = await readDocument(kind, bytes, { ...(options.encoding && { encoding: options.encoding }) });
  if (options.timer) options.timer.decode = (options.timer.decode ?? 0) + performance.now() - start;
  const base: Source = { path: options.path ?? null, bytes: bytes.byteLength, sha256: sha256(bytes), encoding: read.encoding ?? null, lineEnding: null, format: read.format, reader: read.reader ?? null };
  if (!read.ok) return errorRecord(base, read.code, read.message);
  const source: Source = { ...base, lineEnding: read.lineEnding ?? null, ...(read.replaced && { replaced: read.replaced }) };
  if (read.text.trim() === '') return errorRecord(source, 'E_EMPTY', `the ${read.format} document holds only whitespace`);
  try {
    checkDeadline(options.deadline); // reading a PDF or DOCX is one stage: looked at once it is done
    return withPages(parseText(read.text, { source, timer: options.timer, deadline: options.deadline, decodeWarnings: read.warnings }), read.origins);
  } catch (err) {
    if (err instanceof TimeLimitReached) return errorRecord(source, 'E_TIMEOUT', err.message);
    throw err;
  }
}

/** The source of a file that was never read as what it is: its path, and its size where known. */
export function unreadSource(path: string, bytes: number | null = null): Source {
  return { path, bytes, sha256: null, encoding: null, lineEnding: null, format: null, reader: null };
}

export function errorRecord(source: Source, code: ErrorCode, message: string): ErrorRecord {
  return { schema: SCHEMA_ID, source, error: { code, message } };
}

const NOT_A_REPORT: Diagnostic = {
  code: 'NOT_A_REPORT',
  message: 'no title, year, numbered heading or table of an annual report: perhaps an error page or another document',
  line: null,
};

/** Anything at all of an annual report: an error page saved as .txt has none of these. */
function looksLikeReport(report: { title: string | null; year: number | null }, sections: readonly Section[], tables: readonly Table[]): boolean {
  return report.title !== null || report.year !== null || tables.length > 0 || sections.some((s) => s.marker !== '');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sectionsByTable(sections: readonly Section[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (s: Section): void => {
    for (const t of s.tables) out.set(t, s.id);
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}
