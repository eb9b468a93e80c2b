// The XML of a DOCX part, walked as a stream of start tags, end tags and text (saxes: strict,
// linear, namespace-aware). Elements are matched by namespace and local name, not by prefix: `w:`
// is only a habit, and Strict OOXML uses another namespace for the same elements.

import { SaxesParser, type SaxesTagNS } from 'saxes';

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

function nameOf(tag: SaxesTagNS): string {
  if (WORD_NAMESPACES.has(tag.uri)) return tag.local;
  if (tag.uri === MC_NAMESPACE) return `mc:${tag.local}`;
  return '';
}

/** Bytes of a part → text: UTF-8, or UTF-16 where a BOM says so (the only encodings OOXML allows). */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Walk `xml`; throws an Error naming the line where the XML is not well-formed. */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const word = WORD_NAMESPACES.has(tag.uri);
    handlers.open({
      name: nameOf(tag),
      attr(local) {
        for (const key in tag.attributes) {
          const a = tag.attributes[key]!;
          if (a.local === local && (word ? WORD_NAMESPACES.has(a.uri) : true)) return a.value;
        }
        return undefined;
      },
    });
    // A self-closing tag gets its closetag event from saxes too.
  });
  parser.on('closetag', (tag) => handlers.close(nameOf(tag)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', (err) => {
    throw err;
  });
  parser.write(xml).close();
}
