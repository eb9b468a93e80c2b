// A saved web page → text. The page is decoded by its own declaration (html-charset.ts), its chrome
// blanked (html-chrome.ts: menus, breadcrumbs, tool bars and footers turned into spaces, every line
// break kept), and the rest handed on as it is: the text path already reads the markup of a page,
// its `<table>`s with their spans included (tables/shapes/html.ts). So every line number of the
// record is a line of the page's source, and the audit page shows that source.

import { blankRanges, chromeRanges } from './html-chrome.js';
import { decodePage } from './html-charset.js';
import type { DocumentRead, ReaderOptions } from './types.js';

export const HTML_READER = 'html';

export async function readHtml(bytes: Uint8Array, options: ReaderOptions = {}): Promise<DocumentRead> {
  const decoded = decodePage(bytes, options.encoding);
  if (!decoded.ok) return { ok: false, format: 'html', code: decoded.code, message: decoded.message, reader: HTML_READER, ...(decoded.encoding && { encoding: decoded.encoding }) };
  const chrome = chromeRanges(decoded.text);
  const text = chrome ? blankRanges(decoded.text, chrome) : decoded.text;
  return {
    ok: true,
    format: 'html',
    reader: HTML_READER,
    text,
    origins: [],
    warnings: decoded.warnings,
    encoding: decoded.encoding,
    lineEnding: decoded.lineEnding,
    ...(decoded.replaced && { replaced: decoded.replaced }),
    ...(text !== decoded.text && { shown: decoded.text }),
  };
}
