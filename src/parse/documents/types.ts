// What a document reader (PDF, DOCX, a saved web page) gives the pipeline: the document as text
// in the one form every later stage reads — one line per line of the document, a table as HTML
// rows (`<table>`, one `<tr>` a line, `rowspan`/`colspan` kept), which the html table shape reads
// (tables/shapes/html.ts) — and, for each line of that text, where it stands in the document, so
// that provenance can name a page and the audit page can mark a value's box.
//
// The text, not the document, is what line numbers count: "1-based lines of the decoded input"
// (canonical-model.md) are the lines of this text, and the audit page shows it beside the page.

import type { Diagnostic } from '../../diagnostics.js';
import type { DocumentFormat, ErrorCode, Source } from '../../schema.js';
import type { ForcedEncoding } from '../decode.js';

export type { DocumentFormat };

/** A piece of a line as the document placed it (PDF: a text item; DOCX: a run), in document units. */
export interface Placed {
  /** The piece's text, as it stands in the line. */
  text: string;
  /** 1-based page (PDF); absent where the document has no pages (DOCX, HTML). */
  page?: number;
  /** The piece's box on its page, in PDF user-space units from the page's top left: x, y, width, height. */
  box?: readonly [number, number, number, number];
}

/** Where one line of the text came from. */
export interface LineOrigin {
  /** 1-based page of the line's first piece (PDF). */
  page?: number;
  /** 1-based paragraph (DOCX) or line on its page (PDF): what a reader of the document counts. */
  index?: number;
  /** The pieces that make the line, where the reader knows them (PDF), for marking boxes. */
  pieces?: readonly Placed[];
}

export type DocumentRead =
  | {
      ok: true;
      format: DocumentFormat;
      /** The reader that made the text (`pdfjs-dist 5.4.x`, `docx`), recorded in `source.reader`. */
      reader: string;
      text: string;
      /** Per line of `text` (index = line − 1); empty when the reader keeps none. */
      origins: readonly LineOrigin[];
      /** What the reader had to say about the document (a table it could not rebuild, a page without text). */
      warnings: readonly Diagnostic[];
      /** The text encoding, line ends and repairs of a document that is text underneath (a saved page); absent for binary ones. */
      encoding?: Source['encoding'];
      lineEnding?: Source['lineEnding'];
      replaced?: Source['replaced'];
      /** The size of each page (PDF), in the units of the pieces' boxes: the audit page draws them to scale. */
      pages?: ReadonlyArray<{ width: number; height: number }>;
    }
  | {
      ok: false;
      format: DocumentFormat;
      code: ErrorCode;
      message: string;
      /** The reader that tried, when one did (`source.reader` of the error record). */
      reader?: string;
      encoding?: Source['encoding'];
    };

/** Options every reader is handed; a reader may ignore them (a PDF has no text encoding to force). */
export interface ReaderOptions {
  /** `--encoding`: the text encoding of a document that is text underneath (a saved page). */
  encoding?: ForcedEncoding;
}

/** A reader: the document's bytes → its text, or why not. Never throws for bad content. */
export type DocumentReader = (bytes: Uint8Array, options?: ReaderOptions) => Promise<DocumentRead>;
