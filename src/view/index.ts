// A record's page, as the batch and `disclose-parse view` make it: the record rendered for the
// main output as usual, and beside it the page (read from the file once more) and the index row.

import { readFileSync } from 'node:fs';
import type { OutputRecord } from '../schema.js';
import { renderRecord, type Rendered, type RenderOptions } from '../write/render.js';
import { indexRow, pageName, type IndexRow } from './index-page.js';
import { reportPage } from './page.js';
import { sourceText, type SourceOptions } from './source.js';

export { indexPage, pageName, type IndexRow } from './index-page.js';
export { reportPage } from './page.js';
export { linesOf, sourceText } from './source.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The name of the batch's index in the pages' folder. */
export const INDEX_NAME = 'index.html';

export interface ViewOptions extends SourceOptions {
  /** The page is one of a batch: it links to the index beside it. */
  inBatch?: boolean;
}

/** A record's page for the batch: the HTML (as UTF-8 bytes off the main thread) and its index row. */
export interface View {
  page: string | Uint8Array;
  row: IndexRow;
}

export interface Viewed extends Rendered {
  view?: View;
}

/** The page of one record, its file read and decoded again. */
export async function viewPage(record: OutputRecord, options: ViewOptions = {}): Promise<string> {
  const text = await sourceText(record, options);
  return reportPage(record, text, { version: VERSION, ...(options.inBatch ? { indexHref: INDEX_NAME } : {}) });
}

/** What a page needs to read its file again, when pages are made (`html`); else undefined. */
export function viewOptions(html: boolean | undefined, options: SourceOptions, readFrom?: Uint8Array | null): ViewOptions | undefined {
  if (!html) return undefined;
  return { encoding: options.encoding, maxBytes: options.maxBytes, ...(readFrom ? { readFrom } : {}) };
}

const encoder = new TextEncoder();

/** The record rendered for the output format and, when `view` is given, its page and index row too. */
export async function renderViewed(record: OutputRecord, render: RenderOptions, view: ViewOptions | undefined): Promise<Viewed> {
  const rendered: Viewed = renderRecord(record, render);
  if (view) {
    const page = await viewPage(record, { ...view, inBatch: true });
    rendered.view = { page: render.bytes ? encoder.encode(page) : page, row: indexRow(record, pageName(record.source.path)) };
  }
  return rendered;
}
