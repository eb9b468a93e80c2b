#!/usr/bin/env node
// `npm run build`'s second step: the CLI and its two thread modules bundled into dist/bundle/,
// from tsc's output in dist/. Loading ~160 modules one by one cost a process (and every worker
// thread) about 0.5 s of CPU before its first file, a bundle about a third of that. The shared
// code goes into chunks, so a worker loads no module twice. bin/disclose-parse.js runs the
// bundle; the library (dist/index.js) and the tests stay on tsc's one module a file.
//
// Left outside, loaded from node_modules: pdfjs-dist, loaded only when a PDF comes
// (parse/documents/pdf/pdfjs.ts), and piscina: both start threads from files beside their own.
// Bundled CommonJS packages get a `require` of their own.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const outdir = `${dist}bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: `${dist}cli.js`, worker: `${dist}run/worker.js`, 'walk-worker': `${dist}run/walk-worker.js` },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'pdfjs-dist/*', 'piscina'],
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
