// A saved web page → text. The page is decoded by its own declaration (html-charset.ts), its chrome
// blanked (html-chrome.ts: menus, breadcrumbs, tool bars and footers turned into spaces, every line
// break kept), the character references of its prose written out in place (html-entities.ts), and
// the rest handed on as it is: the text path already reads the markup of a page, its `<table>`s
// with their spans included (tables/shapes/html.ts). Nothing moves: every line number of the
// record is the line of the page's source, every character keeps its column, and the audit page
// shows the source so read, the chrome blank.

import { blankRanges, pageLayout } from './html-chrome.js';
import { decodePage } from './html-charset.js';
import { writeOutEntities } from './html-entities.js';
import type { DocumentRead, ReaderOptions } from './types.js';

export const HTML_READER = 'html';

export async function readHtml(bytes: Uint8Array, options: ReaderOptions = {}): Promise<DocumentRead> {
  const decoded = decodePage(bytes, options.encoding);
  if (!decoded.ok) return { ok: false, format: 'html', code: decoded.code, message: decoded.message, reader: HTML_READER, ...(decoded.encoding && { encoding: decoded.encoding }) };
  const layout = pageLayout(decoded.text);
  let text = decoded.text;
  if (layout) {
    text = writeOutEntities(text, layout.prose);
    if (layout.chrome) text = blankRanges(text, layout.chrome);
  }
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
  };
}
