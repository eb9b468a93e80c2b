// A PDF → the text every later stage reads, and where each of its lines stands on which page.
// Mozilla's pdf.js reads the file (pdf/pdfjs.ts); per page, its text items become runs with boxes
// (pdf/items.ts), its drawing operators ruling lines (pdf/rules.ts) and the lines tables of cells
// (pdf/cells.ts); the pages are then written out as lines and HTML tables in reading order, page
// furniture left out (pdf/compose.ts, pdf/furniture.ts).
//
// Whatever the file holds, the answer is a DocumentRead: a file pdf.js cannot open, one that needs
// a password, one cut short, or one without any text (a scan) is an error with its code, never a
// throw.

import type { DocumentRead } from './types.js';
import { tablesOf } from './pdf/cells.js';
import { compose, type PageRead } from './pdf/compose.js';
import type { Matrix } from './pdf/geometry.js';
import { runsOf, type FontStyle, type TextItemLike } from './pdf/items.js';
import { openOptions, pdfjs, readerName, type PdfDocument } from './pdf/pdfjs.js';
import { rulesOf } from './pdf/rules.js';

/** The end-of-file marker every complete PDF ends with (after its last cross-reference section). */
const EOF_MARKER = '%%EOF';

/** Does the file still have its end? A download cut short has lost its `%%EOF` with its tail. */
function hasEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(EOF_MARKER, undefined, 'latin1') >= 0;
}

function failure(code: 'E_NO_TEXT' | 'E_ENCRYPTED' | 'E_CORRUPT', message: string): DocumentRead {
  return { ok: false, format: 'pdf', code, message, reader: readerName() };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function readPages(doc: PdfDocument, ops: Awaited<ReturnType<typeof pdfjs>>['OPS']): Promise<PageRead[]> {
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const transform = viewport.transform as unknown as Matrix;
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is typeof i & TextItemLike => 'str' in i);
    const runs = runsOf(items, content.styles as Record<string, Partial<FontStyle>>, transform);
    // A page without text has no table to read: its drawing is not looked at (a scan's image is not decoded).
    const rules = runs.length > 0 ? await page.getOperatorList().then((list) => rulesOf(list.fnArray, list.argsArray, ops, transform)) : [];
    pages.push({ number: n, width: viewport.width, height: viewport.height, runs, tables: tablesOf(rules) });
    page.cleanup();
  }
  return pages;
}

/** Read a PDF's bytes. Never throws for the file's sake. */
export async function readPdf(bytes: Uint8Array): Promise<DocumentRead> {
  if (!hasEnd(bytes)) return failure('E_CORRUPT', 'the PDF is cut short: its end-of-file marker (%%EOF) is missing (an interrupted download?)');
  const lib = await pdfjs();
  let task: ReturnType<typeof lib.getDocument> | null = null;
  let doc: PdfDocument;
  try {
    // pdf.js may take the buffer it is given for its own (and refuses a Buffer): it gets a copy.
    task = lib.getDocument(openOptions(new Uint8Array(bytes)));
    doc = await task.promise;
  } catch (err) {
    await task?.destroy();
    if (err instanceof Error && err.name === 'PasswordException') return failure('E_ENCRYPTED', 'the PDF needs a password to be opened');
    return failure('E_CORRUPT', `pdf.js cannot open the PDF: ${describe(err)}`);
  }
  try {
    const pages = await readPages(doc, lib.OPS);
    if (!pages.some((p) => p.runs.length > 0)) {
      return failure('E_NO_TEXT', `none of the ${pages.length} page(s) has a text layer: a scan or pictures of text; run OCR on it (ocrmypdf) first`);
    }
    const { text, origins } = compose(pages);
    const sizes = pages.map((p) => ({ width: p.width, height: p.height }));
    return { ok: true, format: 'pdf', reader: readerName(), text, origins, warnings: [], pages: sizes };
  } catch (err) {
    return failure('E_CORRUPT', `pdf.js cannot read the PDF: ${describe(err)}`);
  } finally {
    await task.destroy();
  }
}
