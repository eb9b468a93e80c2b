// Writing HTML from untrusted text. Report text is scraped from the web and may hold anything
// (`<script>`, `"onmouseover=`, `</textarea>`, lone surrogates, U+2028, bidirectional overrides),
// so the pages are built with one tagged template, `html`, that escapes every value put into it
// unless the value is itself `html` already. Markup is only ever written by this module's callers
// as template literals; nothing else becomes markup.

/** A piece of HTML that is safe as it stands (built by `html` or `raw`). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/**
 * What escaping replaces: the five characters with meaning in HTML text or a quoted attribute;
 * control characters (shown as their Control Pictures, U+2400 …, so a stray NUL or ESC is seen);
 * and characters that reorder or break the text on screen without showing (C1 controls, U+2028,
 * U+2029, bidirectional embeddings, overrides and isolates, U+FEFF) and lone surrogates, which
 * become U+FFFD. With the `u` flag, `\ud800-\udfff` matches only a surrogate that is not half of
 * a pair.
 */
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;

function replacement(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&#39;';
  }
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** The ASCII names of the C0 control characters and DEL, as a page shows them in a report's lines. */
const CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

/** A control character that a report's line may hold and a page must show (tab, LF and CR are layout). */
const SHOWN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text of a report's line for a text node: escaped, with each control character shown by its ASCII
 * name in a small box (`FF` for the form feed pdftotext puts at each page), which every font can
 * draw; the Control Pictures (`␌`) that escapeHtml uses elsewhere are missing from some CJK fonts.
 */
export function lineText(text: string): Html {
  if (!SHOWN_CONTROL.test(text)) return new Html(escapeHtml(text));
  let out = '';
  for (const piece of text.split(new RegExp(`(${SHOWN_CONTROL.source})`))) {
    if (piece.length === 1 && SHOWN_CONTROL.test(piece)) {
      const code = piece.charCodeAt(0);
      const name = code === 0x7f ? 'DEL' : CONTROL_NAMES[code]!;
      out += `<span class="ctl" title="control character U+${code.toString(16).toUpperCase().padStart(4, '0')} ${name}">${name}</span>`;
    } else out += escapeHtml(piece);
  }
  return new Html(out);
}

/** Text made safe for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, replacement);
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof Html) return value.text;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value as readonly Value[]) out += render(v);
    return out;
  }
  return '';
}

/**
 * The template tag of every page: `html\`<td>${text}</td>\`` escapes `text`; a value that is
 * `Html` (another `html\`…\``) goes in as it is; arrays are joined; null, undefined and false
 * write nothing. Attribute values in the templates are always quoted.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup this program wrote itself (a style sheet, a script): taken as it is. */
export function raw(text: string): Html {
  return new Html(text);
}

/**
 * A value as JSON inside `<script type="application/json">`: `<`, `>` and `&` are escaped so
 * that no `</script>` or `<!--` can end or change the element, and U+2028/U+2029 too. Lone
 * surrogates are escaped by JSON.stringify itself.
 */
export function scriptJson(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Script text this program inlines (its own code, a bundled library): refused when it holds
 * what would end the element early or switch the parser's state.
 */
export function inlineScript(code: string, name: string): Html {
  if (/<\/script|<script|<!--/i.test(code)) throw new Error(`${name} cannot be inlined: it holds </script>, <script or <!--`);
  return new Html(code);
}
