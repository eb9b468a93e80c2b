// One record → its output text and the facts a run summary counts.

import { failedRulesOf, warningCodesOf } from '../record-codes.js';
import type { OutputRecord } from '../schema.js';
import { panelFacts, type PanelFacts } from '../panel/facts.js';
import { formatRecord, slim, type Format } from '../write/writers.js';
import { indexRow, pageName, viewPage, type IndexRow, type ViewOptions } from '../view/index.js';
import type { SourceOptions } from '../view/source.js';

export interface RenderOptions {
  format: Format | 'record';
  slim?: boolean;
  /** Also return what the panel checks need (`--panel`). */
  panel?: boolean;
  /**
   * Return the text as UTF-8 bytes (on worker threads): the main thread then writes bytes it
   * neither decodes nor encodes, and holds no large string on its heap.
   */
  bytes?: boolean;
}

/** What the summary needs of a record, small enough to pass between threads for free. */
export interface Brief {
  path: string | null;
  error: string | null;
  layout: string | null;
  failedChecks: boolean;
  /** Each warning code of the record once, in the order first met. */
  warningCodes: string[];
  /** Each rule with a failed check once, in the order first met. */
  failedRules: string[];
}

export interface Rendered {
  /** The record's text in the output format (without the JSON array's separators). */
  output: string | Uint8Array;
  brief: Brief;
  /** The record itself, only when asked for (`format: 'record'`). */
  record?: OutputRecord;
  /** The panel's facts of the record, when asked for and the record has an agency and year. */
  panel?: PanelFacts | null;
}

const encoder = new TextEncoder();

/** A record's page for the batch: the HTML (as UTF-8 bytes off the main thread) and its index row. */
export interface View {
  page: string | Uint8Array;
  row: IndexRow;
}

export interface Viewed extends Rendered {
  view?: View;
}

/** What a page needs to read its file again, when pages are made (`html`); else undefined. */
export function viewOptions(html: boolean | undefined, options: SourceOptions, readFrom?: Uint8Array | null): ViewOptions | undefined {
  if (!html) return undefined;
  return { encoding: options.encoding, maxBytes: options.maxBytes, ...(readFrom ? { readFrom } : {}) };
}

export function briefOf(r: OutputRecord): Brief {
  const path = r.source.path;
  if ('error' in r) return { path, error: r.error.code, layout: null, failedChecks: false, warningCodes: [], failedRules: [] };
  const failedRules = failedRulesOf(r);
  return { path, error: null, layout: r.report.layout, failedChecks: failedRules.length > 0, warningCodes: warningCodesOf(r), failedRules };
}

export function renderRecord(record: OutputRecord, options: RenderOptions): Rendered {
  const brief = briefOf(record);
  const panel = options.panel ? { panel: panelFacts(record) } : {};
  if (options.format === 'record') return { output: '', brief, record, ...panel };
  const r = options.slim ? slim(record) : record;
  // Separators that depend on the position (the JSON array's commas) are the writer's (writers.ts).
  const text = formatRecord(options.format, r);
  return { output: options.bytes ? encoder.encode(text) : text, brief, ...panel };
}

/** The record rendered for the output format and, when `view` is given, its page and index row too. */
export async function renderViewed(record: OutputRecord, render: RenderOptions, view: ViewOptions | undefined): Promise<Viewed> {
  const rendered: Viewed = renderRecord(record, render);
  if (view) {
    const page = await viewPage(record, { ...view, inBatch: true });
    rendered.view = { page: render.bytes ? encoder.encode(page) : page, row: indexRow(record, pageName(record.source.path)) };
  }
  return rendered;
}
