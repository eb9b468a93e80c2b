// Which reader reads which kind of file: one entry per kind the bytes tell apart (sniff.ts).
// Text is not here: it takes the text path of pipeline.ts (decode, then parse), unchanged, so that
// the common case costs nothing more. A reader plugs in as one entry: `pdf: readPdf,`.

import { readHtml } from './html.js';
import { readLegacyOffice } from './legacy.js';
import { readPdf } from './pdf.js';
import type { Sniffed } from './sniff.js';
import type { DocumentRead, DocumentReader, ReaderOptions } from './types.js';

export type DocumentKind = Exclude<Sniffed, 'text'>;

/**
 * The DOCX reader, loaded when a ZIP comes: its unzipper and XML parser (fflate, saxes) build their
 * tables as they load, a tenth of a small text file's start-up (issue 23). The PDF reader loads
 * pdf.js itself the same way.
 */
const readDocxWhenNeeded: DocumentReader = async (bytes) => (await import('./docx.js')).readDocx(bytes);

/** The reader of each kind of document; null where this build has none. */
export const READERS: Record<DocumentKind, DocumentReader | null> = {
  html: readHtml,
  pdf: readPdf,
  zip: readDocxWhenNeeded,
  ole2: readLegacyOffice,
};

/** What a kind without a reader gives: the record the text path gave it before there were readers. */
const WITHOUT_READER: Record<DocumentKind, string> = {
  html: 'the file is a web page, and no reader of web pages is registered',
  pdf: 'the file is a PDF document, not text',
  zip: 'the file is a ZIP archive (or .docx/.xlsx), and no DOCX reader is registered',
  ole2: 'the file is a legacy Office document, and no reader of those is registered',
};

const FORMAT_OF: Record<DocumentKind, DocumentRead['format']> = { html: 'html', pdf: 'pdf', zip: 'zip', ole2: 'ole2' };

/** The document's text by the reader of its kind, or why there is none. */
export async function readDocument(kind: DocumentKind, bytes: Uint8Array, options: ReaderOptions = {}): Promise<DocumentRead> {
  const reader = READERS[kind];
  if (!reader) return { ok: false, format: FORMAT_OF[kind], code: 'E_BINARY', message: WITHOUT_READER[kind] };
  return reader(bytes, options);
}
