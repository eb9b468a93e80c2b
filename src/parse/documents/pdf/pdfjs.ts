// Mozilla's pdf.js (pdfjs-dist, its legacy build: the one made for Node.js), loaded the first time a
// PDF is met, so that a batch of text files never pays for it. It runs on the calling thread (its
// "main-thread worker"): our batch already gives each file a worker thread of its own, and a second
// thread per document would only add start-up time and a message copy of every operator list.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loading: Promise<PdfJs> | null = null;

/** pdf.js's worker code (a module without type declarations: imported by a name held in a string). */
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** The folder of the installed pdfjs-dist, whose CMaps and standard fonts pdf.js reads from disk. */
function packageFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

let name: string | null = null;

/** `pdfjs-dist 5.4.624`: what `source.reader` names, known without loading the library. */
export function readerName(): string {
  name ??= `pdfjs-dist ${(JSON.parse(readFileSync(join(packageFolder(), 'package.json'), 'utf8')) as { version: string }).version}`;
  return name;
}

/**
 * pdf.js's legacy build brings core-js polyfills, and two of them replace built-ins that Node.js
 * already has, for every module of the thread: `Array.prototype.push` and `JSON.parse` (core-js
 * swaps them for spec corner cases: pushing onto a frozen length, JSON.parse's source text). The
 * replacement push is an ordinary function called for every push in pdf.js (a third of its time on
 * a Chinese PDF) and in the parser; the built-ins are put back once the modules are loaded.
 */
async function load(): Promise<PdfJs> {
  const push = Array.prototype.push;
  const parse = JSON.parse;
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js looks for its worker's message handler here before it would start a worker of its own.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(WORKER);
    return pdfjs;
  } finally {
    Array.prototype.push = push;
    JSON.parse = parse;
  }
}

export function pdfjs(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}

/** The options every document is opened with. */
export function openOptions(data: Uint8Array) {
  const root = packageFolder();
  return {
    data,
    // Chinese PDFs name their fonts' encodings by CMap (UniGB-UCS2-H …): without these, no text.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
    // No fonts for a screen: we read glyph positions, never draw them.
    disableFontFace: true,
    // No code made from the document's fonts (pdf.js would compile glyph outlines with `new Function`).
    isEvalSupported: false,
    // Nothing from outside the file: no system fonts, no fetches.
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  };
}
