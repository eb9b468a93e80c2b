// The XML of a DOCX part, walked as a stream of start tags, end tags and text (saxes: strict,
// linear). Elements are matched by namespace and local name, not by prefix: `w:` is only a habit,
// and Strict OOXML uses another namespace for the same elements.

import { SaxesParser } from 'saxes';

/** WordprocessingML, transitional (what Word, WPS, LibreOffice and pandoc write) and strict. */
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** Markup compatibility: `mc:AlternateContent` holds a `Choice` and a `Fallback` of the same content. */
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface XmlTag {
  /** The local name of a WordprocessingML element (`p`, `tbl`), or `mc:` + local name, or '' for any other. */
  name: string;
  /** A WordprocessingML attribute's value by its local name (`val`). */
  attr(local: string): string | undefined;
}

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
}

/** Bytes of a part → text: UTF-8, or UTF-16 where a BOM says so (the only encodings OOXML allows). */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Namespace URIs by prefix ('' for the default namespace), as the elements in scope declare them. */
type Scope = ReadonlyMap<string, string>;

/**
 * Walk `xml`; throws an Error naming the line where the XML is not well-formed. Prefixes are
 * resolved here from the `xmlns:` declarations in scope rather than by saxes's namespace mode,
 * which resolves every attribute of every element and took a quarter of the time on a real DOCX.
 */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const scopes: Scope[] = [];
  let scope: Scope = new Map();
  // One tag object, its fields set at each start tag: the handlers read it before the next one.
  let attributes: Record<string, string> = {};
  let word = false;
  const tag: XmlTag = {
    name: '',
    attr(wanted) {
      // WordprocessingML's attributes carry its prefix (w:val); an unprefixed one has no namespace.
      for (const key in attributes) {
        const c = key.indexOf(':');
        if (key.slice(c + 1) !== wanted) continue;
        if (!word || (c >= 0 && WORD_NAMESPACES.has(scope.get(key.slice(0, c)) ?? ''))) return attributes[key];
      }
      return undefined;
    },
  };
  parser.on('opentag', (open) => {
    attributes = open.attributes as Record<string, string>;
    let declared: Map<string, string> | null = null;
    for (const key in attributes) {
      // `x` first: most attributes are not declarations, and this runs for every one.
      if (key.charCodeAt(0) === 0x78 && (key === 'xmlns' || key.startsWith('xmlns:'))) (declared ??= new Map(scope)).set(key === 'xmlns' ? '' : key.slice(6), attributes[key]!);
    }
    scopes.push(scope);
    if (declared) scope = declared;
    const colon = open.name.indexOf(':');
    const uri = scope.get(colon < 0 ? '' : open.name.slice(0, colon)) ?? '';
    const local = open.name.slice(colon + 1);
    word = WORD_NAMESPACES.has(uri);
    tag.name = word ? local : uri === MC_NAMESPACE ? `mc:${local}` : '';
    handlers.open(tag);
  });
  parser.on('closetag', (tag) => {
    const colon = tag.name.indexOf(':');
    const uri = scope.get(colon < 0 ? '' : tag.name.slice(0, colon)) ?? '';
    const local = tag.name.slice(colon + 1);
    handlers.close(WORD_NAMESPACES.has(uri) ? local : uri === MC_NAMESPACE ? `mc:${local}` : '');
    scope = scopes.pop() ?? new Map();
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', (err) => {
    throw err;
  });
  parser.write(xml).close();
}
