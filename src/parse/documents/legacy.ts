// Legacy binary Office files (OLE2 compound files: Word 97–2003 `.doc`, WPS Office `.wps`, Excel
// `.xls`) are not read: no maintained npm package reads their text and tables well enough for
// these reports. The record says what the file is and how to convert it. The compound file's
// directory names its streams, which tells a Word document from a workbook, and an encrypted
// DOCX (Office wraps one in a compound file holding `EncryptedPackage`) from both.

import type { DocumentRead } from './types.js';

export const CONVERT_TO_DOCX = 'libreoffice --headless --convert-to docx FILE';

/** Directory entries read at most: a real document has a few dozen; a loop in a broken chain must end. */
const MAX_DIRECTORY_ENTRIES = 4096;
const DIRECTORY_ENTRY_BYTES = 128;
const HEADER_BYTES = 512;
/** FAT sector numbers at or above this mark the end of a chain or a free sector (MS-CFB 2.1). */
const MAX_REGULAR_SECTOR = 0xfffffffa;
/** The header lists the first 109 FAT sectors itself (MS-CFB 2.2); longer files are not needed to find the directory. */
const HEADER_DIFAT_ENTRIES = 109;

/** The names of the streams and storages in the compound file's directory (empty when it cannot be walked). */
export function compoundFileNames(bytes: Uint8Array): string[] {
  if (bytes.length < HEADER_BYTES) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s >= MAX_REGULAR_SECTOR) break;
    fatSectors.push(s);
  }
  const perFatSector = sectorSize / 4;
  const next = (sector: number): number => {
    const fat = fatSectors[Math.floor(sector / perFatSector)];
    if (fat === undefined) return MAX_REGULAR_SECTOR;
    const at = sectorAt(fat) + (sector % perFatSector) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : MAX_REGULAR_SECTOR;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = view.getUint32(0x30, true); sector < MAX_REGULAR_SECTOR && !seen.has(sector); sector = next(sector)) {
    seen.add(sector);
    const start = sectorAt(sector);
    for (let at = start; at + DIRECTORY_ENTRY_BYTES <= Math.min(start + sectorSize, bytes.length); at += DIRECTORY_ENTRY_BYTES) {
      const length = view.getUint16(at + 0x40, true);
      if (length >= 2 && length <= 64) {
        let name = '';
        for (let i = 0; i < length / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
        names.push(name);
      }
      if (names.length >= MAX_DIRECTORY_ENTRIES) return names;
    }
  }
  return names;
}

export async function readLegacyOffice(bytes: Uint8Array): Promise<DocumentRead> {
  const names = new Set(compoundFileNames(bytes));
  const fail = (code: 'E_LEGACY_OFFICE' | 'E_ENCRYPTED', message: string): DocumentRead => ({ ok: false, format: 'ole2', code, message });
  if (names.has('EncryptedPackage')) {
    return fail('E_ENCRYPTED', 'a password-protected Office document (an encrypted DOCX): open it with its password, save it without one, and read that');
  }
  if (names.has('WordDocument')) {
    return fail('E_LEGACY_OFFICE', `a legacy binary Word document (.doc or .wps), which is not read: convert it to DOCX first (${CONVERT_TO_DOCX})`);
  }
  if (names.has('Workbook') || names.has('Book')) {
    return fail('E_LEGACY_OFFICE', 'a legacy Excel workbook (.xls), not a report document: read the report itself (DOCX, PDF, a web page or text)');
  }
  return fail('E_LEGACY_OFFICE', `a legacy binary Office file (OLE2 compound file), which is not read: if it is a Word document, convert it to DOCX first (${CONVERT_TO_DOCX})`);
}
