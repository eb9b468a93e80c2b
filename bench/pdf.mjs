#!/usr/bin/env node
// `npm run bench:pdf`: how long a PDF report takes, warm, on one thread — the issue's bar is a
// 10-page report in 150 ms. Reads bench/pdf/ten-pages.pdf (two published WPS reports back to back)
// and the Chromium print of sh2019 (7 pages) ROUNDS times in one process, the first two rounds to
// warm up, and prints for each the median and best wall and CPU time per file, split into pdf.js
// opening the file, its text content, its operator lists, and our own work (items → lines, rules →
// cells, the parse). CPU time counts every thread of the process (pdf.js runs on the calling thread,
// but the garbage collector has helpers): on a busy machine it is the steadier of the two.
//
//   npm run build && node bench/pdf.mjs [FILE.pdf ...]     ROUNDS=20 for more rounds
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseText } from '../dist/pipeline.js';
import { readPdf } from '../dist/parse/documents/pdf.js';
import { openOptions, pdfjs } from '../dist/parse/documents/pdf/pdfjs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const WARM = 2;
const files = process.argv.length > 2 ? process.argv.slice(2) : ['bench/pdf/ten-pages.pdf', 'fixtures/pdf/sh2019.chromium.pdf'].map((f) => join(root, f));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const clock = () => ({ wall: performance.now(), cpu: cpu() });
const since = (t) => ({ wall: performance.now() - t.wall, cpu: cpu() - t.cpu });

/** pdf.js alone, phase by phase: what our reader cannot go below. */
async function phases(lib, bytes) {
  const out = { open: 0, text: 0, ops: 0 };
  let t = clock();
  const task = lib.getDocument(openOptions(new Uint8Array(bytes)));
  const doc = await task.promise;
  out.open = since(t).cpu;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    t = clock();
    await page.getTextContent();
    out.text += since(t).cpu;
    t = clock();
    await page.getOperatorList();
    out.ops += since(t).cpu;
  }
  await task.destroy();
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const best = (xs) => Math.min(...xs);
const ms = (x) => `${x.toFixed(0)} ms`;

const lib = await pdfjs();
for (const file of files) {
  const bytes = readFileSync(file);
  const whole = [];
  const split = [];
  let pages = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t = clock();
    const read = await readPdf(bytes);
    if (!read.ok) throw new Error(`${file}: ${read.code} ${read.message}`);
    parseText(read.text);
    const took = since(t);
    pages = Math.max(...read.origins.map((o) => o.page ?? 0));
    const p = await phases(lib, bytes);
    if (round >= WARM) {
      whole.push(took);
      split.push(p);
    }
  }
  const cpus = whole.map((w) => w.cpu);
  const walls = whole.map((w) => w.wall);
  const ours = whole.map((w, i) => w.cpu - split[i].open - split[i].text - split[i].ops);
  console.log(`${file.replace(`${root}/`, '')}: ${pages} pages, ${bytes.length} bytes, ${ROUNDS - WARM} warm rounds`);
  console.log(`  whole (readPdf + parse): wall median ${ms(median(walls))}, best ${ms(best(walls))}; CPU median ${ms(median(cpus))}, best ${ms(best(cpus))}; per page ${ms(median(cpus) / pages)} CPU`);
  console.log(`  pdf.js alone (CPU median): open ${ms(median(split.map((s) => s.open)))}, text content ${ms(median(split.map((s) => s.text)))}, operator lists ${ms(median(split.map((s) => s.ops)))}; ours ${ms(median(ours))}`);
}
