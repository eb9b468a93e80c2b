// A saved page's encoding: its BOM, else what the page declares (`<meta charset>`, the
// `http-equiv` Content-Type, an XML declaration), else the text path's detection. A declaration is
// checked against the bytes, because pages are re-saved without it being changed: a page whose
// bytes are valid UTF-8 with Chinese in them is UTF-8 whatever it says, and a declared encoding
// that decodes badly gives way to detection.

import { decode, type Decoded, type ForcedEncoding } from '../decode.js';

/**
 * How far into the page a declaration is looked for. The HTML standard's prescan reads 1024 bytes;
 * pages of government CMSs put scripts and comments first and their `<meta>` further down, so more
 * is read (still a small part of a page).
 */
const DECLARATION_WITHIN = 4096;

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

/** WHATWG labels of the encodings these pages use; others (a page claiming `iso-8859-1`) are not trusted. */
const LABELS: Record<string, ForcedEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  csgb2312: 'gb18030', chinese: 'gb18030', 'iso-ir-58': 'gb18030', 'gb_2312-80': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'cn-big5': 'big5', csbig5: 'big5', 'x-x-big5': 'big5',
};

/** The encoding the page declares, when it is one of the labels above. */
export function declaredEncoding(bytes: Uint8Array): ForcedEncoding | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WITHIN)).toString('latin1');
  const label = (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1]?.toLowerCase();
  return label ? (LABELS[label] ?? null) : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  let nonAscii = false;
  for (let i = 0; i < bytes.length && !nonAscii; i++) nonAscii = bytes[i]! >= 0x80;
  if (!nonAscii) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode a page: `--encoding` if given, its BOM, its declaration where the bytes bear it out, else detection. */
export function decodePage(bytes: Uint8Array, forced?: ForcedEncoding): Decoded {
  if (forced) return decode(bytes, forced);
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return decode(bytes);
  const declared = declaredEncoding(bytes);
  if (declared && declared !== 'utf-8' && !isUtf8WithNonAscii(bytes)) {
    const decoded = decode(bytes, declared);
    // Too many invalid sequences for what it says: the declaration is wrong, detect instead.
    if (decoded.ok && decoded.warnings.length === 0) return decoded;
  }
  return decode(bytes);
}
