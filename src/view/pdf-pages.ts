// A PDF's pages on its report page: each page drawn by pdf.js in the browser, and each value's box
// marked on it, so that a researcher sees the number where the document prints it. The boxes come
// from the reader's origins (each line's pieces and their boxes on their page): the span of the
// line that the text marks for a value (marks.ts) falls on pieces, and their part under it is the
// value's box.
//
// The page stays one file: it carries the PDF (base64) and pdf.js's build (its library and its
// worker, run on the page's own thread), inline and allowed by their hashes. A page opened from a
// file manager may not load a module or a worker from another file (the browser takes file: pages
// as of no origin), so pdf.js cannot be one shared file of the --html folder; the cost is about
// 1.5 MB of pdf.js per PDF report page (the text pages carry none).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LineOrigin, Placed } from '../parse/documents/types.js';
import type { ReportRecord } from '../schema.js';
import { html, inlineScript, raw, type Html } from './html.js';
import { marksByLine, type Entry, type Method } from './marks.js';
import { PDF_SCRIPT } from './pdf-client.js';
import type { PagedDocument } from './source.js';

export interface ValueBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  line: number;
  method: Method;
  entries: readonly Entry[];
}

/** Where each piece of a line stands in it: pieces are in line order; a table cell's text is escaped in its row. */
function pieceRanges(line: string, pieces: readonly Placed[]): Array<{ piece: Placed; start: number; end: number }> {
  const out: Array<{ piece: Placed; start: number; end: number }> = [];
  let cursor = 0;
  for (const piece of pieces) {
    const forms = [piece.text, piece.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')];
    for (const form of forms) {
      const at = line.indexOf(form, cursor);
      if (at < 0) continue;
      out.push({ piece, start: at, end: at + form.length });
      cursor = at + form.length;
      break;
    }
  }
  return out;
}

/** The part of a piece's box under characters [a, b) of it (its glyphs taken as evenly set). */
function partOf(piece: Placed, length: number, a: number, b: number): [number, number, number, number] | null {
  if (!piece.box) return null;
  const [x, y, w, h] = piece.box;
  if (h > w * 1.5 && length > 1) return [x, y + (h * a) / length, w, (h * (b - a)) / length]; // set top to bottom
  return [x + (w * a) / length, y, (w * (b - a)) / length, h];
}

/** Every marked value's box on its page. */
export function valueBoxes(record: ReportRecord, lines: readonly string[], origins: readonly LineOrigin[]): ValueBox[] {
  const out: ValueBox[] = [];
  for (const [no, marks] of marksByLine(record, lines)) {
    const origin = origins[no - 1];
    if (!origin?.pieces) continue;
    const ranges = pieceRanges(lines[no - 1] ?? '', origin.pieces);
    for (const span of marks.spans) {
      const parts: Array<[number, number, number, number]> = [];
      let page: number | undefined;
      for (const r of ranges) {
        const a = Math.max(span.start, r.start);
        const b = Math.min(span.end, r.end);
        if (a >= b) continue;
        const part = partOf(r.piece, r.end - r.start, a - r.start, b - r.start);
        if (!part) continue;
        page ??= r.piece.page ?? origin.page;
        parts.push(part);
      }
      if (page === undefined || parts.length === 0) continue;
      const x0 = Math.min(...parts.map((p) => p[0]));
      const y0 = Math.min(...parts.map((p) => p[1]));
      const x1 = Math.max(...parts.map((p) => p[0] + p[2]));
      const y1 = Math.max(...parts.map((p) => p[1] + p[3]));
      out.push({ page, x: x0, y: y0, w: x1 - x0, h: y1 - y0, line: no, method: span.method, entries: span.entries });
    }
  }
  return out;
}

let library: { worker: Html; pdf: Html } | undefined;

/** pdf.js's browser build (library and worker), read from node_modules when the first PDF page is written. */
function pdfJs(): { worker: Html; pdf: Html } {
  if (!library) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const read = (name: string): Html => inlineScript(readFileSync(join(root, 'build', name), 'utf8').replace(/\s*\/\/# sourceMappingURL=\S+\s*$/, '\n'), name);
    library = { worker: read('pdf.worker.min.mjs'), pdf: read('pdf.min.mjs') };
  }
  return library;
}

export function hashOf(script: Html): string {
  return `'sha256-${createHash('sha256').update(script.text).digest('base64')}'`;
}

const pct = (n: number): string => `${(Math.round(n * 10000) / 100).toString()}%`;

/** The pages section, the scripts that draw it, and what the page's policy must allow for them. */
export function pagesOf(record: ReportRecord, lines: readonly string[], doc: PagedDocument): { section: Html; scripts: Html; scriptSources: string } {
  const boxes = valueBoxes(record, lines, doc.origins);
  const byPage = new Map<number, ValueBox[]>();
  for (const b of boxes) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  const pages = doc.pages.map((size, i) => {
    const n = i + 1;
    const marks = (byPage.get(n) ?? []).map((b) => {
      const title = b.entries.map((e) => `${e.path} = ${e.value ?? '(absent)'}: ${e.label} (line ${b.line})`).join('\n');
      const style = `left:${pct(b.x / size.width)};top:${pct(b.y / size.height)};width:${pct(b.w / size.width)};height:${pct(b.h / size.height)}`;
      return html`<a class="box box-${b.method}" href="#L${b.line}" data-path="${b.entries.map((e) => e.path).join(' ')}" style="${style}" title="${title}"></a>`;
    });
    return html`<div class="pdf-page" id="page-${n}" data-page="${n}" style="aspect-ratio:${size.width.toFixed(1)}/${size.height.toFixed(1)}"><canvas aria-hidden="true"></canvas>${marks}<span class="pno">page ${n}</span></div>\n`;
  });
  const section = html`<section id="pages">
<h2>Pages (${doc.pages.length}, ${boxes.length} value${boxes.length === 1 ? '' : 's'} marked)</h2>
<p class="note">The PDF itself, drawn by pdf.js in this page, with a box around each value that was read. Click a marked value in the text to see it here; click a box to go to its line.</p>
<p class="note" id="pdf-status" role="status">Drawing the pages…</p>
<div class="pdf-pages">${pages}</div>
</section>`;
  const { worker, pdf } = pdfJs();
  const script = inlineScript(PDF_SCRIPT, 'the page script');
  const data = Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength).toString('base64');
  const scripts = html`<script type="application/octet-stream" id="pdf-data">${raw(data)}</script>
<script type="module">${worker}</script>
<script type="module">${pdf}</script>
<script type="module">${script}</script>`;
  return { section, scripts, scriptSources: [worker, pdf, script].map(hashOf).join(' ') };
}
