// Character references in a page's prose (`电&nbsp;&nbsp;话：`, `&ldquo;三安全一稳定&rdquo;`), written
// out so that the metadata and the prose figures read the characters, not the markup. Each
// reference becomes its character followed by spaces to the reference's length: every later
// character keeps its column and every line its number, and the spaces a CJK neighbour has are
// collapsed by the line cleanup as typesetting (电 话 → 电话). `&lt;` and `&gt;` stay as they are:
// written out they would make markup of the text (`&lt;table&gt;`).

/** The named references of Chinese report pages, by name. */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', ideographicspace: '\u3000',
  amp: '&', quot: '"', apos: "'", middot: '·', bull: '•', hellip: '…', mdash: '—', ndash: '–',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', times: '×', divide: '÷',
  deg: '°', plusmn: '±', yen: '¥', copy: '©', reg: '®', sect: '§', permil: '‰',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,16}));/g;

/** The character a reference stands for, when it is one to write out. */
function characterOf(decimal: string | undefined, hex: string | undefined, name: string | undefined): string | null {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? null;
  const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
  // Not markup, not a control character, not a surrogate, within Unicode.
  if (code === 0x3c || code === 0x3e || code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
  return String.fromCodePoint(code);
}

/** `html` with the references inside `ranges` written out, each padded with spaces to its own length. */
export function writeOutEntities(html: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    const piece = html.slice(start, end);
    if (!piece.includes('&')) continue;
    out += html.slice(at, start) + piece.replace(REFERENCE, (ref, decimal?: string, hex?: string, name?: string) => {
      const char = characterOf(decimal, hex, name);
      return char === null ? ref : char + ' '.repeat(ref.length - char.length);
    });
    at = end;
  }
  return at === 0 ? html : out + html.slice(at);
}
