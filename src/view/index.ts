// A record's page, as `disclose-parse view` and the batch (run/render.ts) make it: its text read
// from the file once more, with every value marked.

import type { OutputRecord } from '../schema.js';
import { reportPage } from './page.js';
import { sourceText, type SourceOptions } from './source.js';

export { indexPage, indexRow, pageName, type IndexRow } from './index-page.js';
export { reportPage } from './page.js';
export { linesOf, sourceText } from './source.js';

import { VERSION } from '../version.js';

export { VERSION };

/** The name of the batch's index in the pages' folder. */
export const INDEX_NAME = 'index.html';

export interface ViewOptions extends SourceOptions {
  /** The page is one of a batch: it links to the index beside it. */
  inBatch?: boolean;
}


/** The page of one record, its file read and decoded again. */
export async function viewPage(record: OutputRecord, options: ViewOptions = {}): Promise<string> {
  const text = await sourceText(record, options);
  return reportPage(record, text, { version: VERSION, ...(options.inBatch ? { indexHref: INDEX_NAME } : {}) });
}
