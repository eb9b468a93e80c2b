// A Word document (DOCX: a ZIP of XML parts) → text. The ZIP is opened with fflate, taking only
// the three parts read (the document, its list numbering, its styles); the XML is walked with saxes
// (docx-xml.ts), the body turned into lines by docx-body.ts. A ZIP that is not a Word document
// says what it is instead.

import { unzipSync } from 'fflate';
import { readBody } from './docx-body.js';
import { numberingOf, type Numbering } from './docx-numbering.js';
import { xmlText } from './docx-xml.js';
import { CONVERT_TO_DOCX } from './legacy.js';
import type { DocumentRead } from './types.js';

export const DOCX_READER = 'docx';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
const PARTS = new Set([DOCUMENT, NUMBERING, STYLES]);

/**
 * The most bytes a part may unpack to. The document XML of the largest report seen (a province's,
 * every table filled) is under 1 MB and the corpus's are 55–250 KB; 32 MB leaves room for any real
 * one while a ZIP bomb (a few KB that claim gigabytes) is refused before it is unpacked. The part
 * becomes a string of up to twice its size in a worker's 192 MB heap.
 */
const MAX_PART_BYTES = 32 * 1024 * 1024;

/** Entries that tell what a ZIP that is no Word document is. */
const OTHER_KINDS: Array<[RegExp, string]> = [
  [/^content\.xml$/, `an OpenDocument file (.odt, .ods), which is not read: convert it to DOCX first (${CONVERT_TO_DOCX})`],
  [/^xl\/workbook\.xml$/, 'an Excel workbook (.xlsx), not a report document: read the report itself (DOCX, PDF, a web page or text)'],
  [/^ppt\/presentation\.xml$/, 'a PowerPoint presentation (.pptx), not a report document'],
];

function fail(code: 'E_NOT_DOCX' | 'E_CORRUPT' | 'E_TOO_LARGE' | 'E_NO_TEXT', message: string, format: 'zip' | 'docx' = 'docx'): DocumentRead {
  return { ok: false, format, code, message, reader: DOCX_READER };
}

/** What a ZIP without word/document.xml holds, in words. */
function notDocx(names: readonly string[]): string {
  for (const [entry, what] of OTHER_KINDS) if (names.some((n) => entry.test(n))) return what;
  if (names.length === 0) return 'an empty ZIP archive, not a Word document';
  const files = names.filter((n) => !n.endsWith('/'));
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
  return `a ZIP archive of ${files.length} file(s) (${shown}), not a Word document (it has no ${DOCUMENT}): unpack it and read the files it holds`;
}

export async function readDocx(bytes: Uint8Array): Promise<DocumentRead> {
  const names: string[] = [];
  let oversized: { name: string; size: number } | null = null;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        if (!PARTS.has(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          oversized = { name: file.name, size: file.originalSize };
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    return fail('E_CORRUPT', `a ZIP archive that cannot be opened (${err instanceof Error ? err.message : String(err)}): a truncated or damaged file`, 'zip');
  }
  if (oversized) {
    const { name, size } = oversized as { name: string; size: number };
    return fail('E_TOO_LARGE', `${name} unpacks to ${size} bytes, over the ${MAX_PART_BYTES} a report's document may have`);
  }
  const document = parts[DOCUMENT];
  if (!document) return fail('E_NOT_DOCX', notDocx(names), 'zip');

  let numbering: Numbering;
  try {
    numbering = numberingOf(parts[NUMBERING], parts[STYLES]);
  } catch {
    // Broken numbering costs the generated list numbers, not the document.
    numbering = numberingOf(undefined, undefined);
  }
  let body;
  try {
    body = readBody(xmlText(document), numbering);
  } catch (err) {
    return fail('E_CORRUPT', `${DOCUMENT} is not well-formed XML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  if (body.lines.every((l) => l.trim() === '')) {
    const scan = body.pictures > 0 ? `, only ${body.pictures} picture(s): a scan, whose text would need OCR` : '';
    return fail('E_NO_TEXT', `the Word document holds no text${scan}`);
  }
  return { ok: true, format: 'docx', reader: DOCX_READER, text: body.lines.join('\n'), origins: body.origins, warnings: [] };
}
