#!/usr/bin/env node
// Where the time goes by kind of line, warm: building the line index (every line), each table shape
// (the lines it reads, and the time it spends asking lines that turn out not to be its table), the
// placement of each table format on the forms, and the later stages per line that is not in a table
// (paragraphs and sections, metadata, prose figures with statistics and checks) or per line (JSON).
//
// Run by bench/run.mjs with the source files as arguments. The shapes are timed by wrapping their
// detect and read (the finder calls them through SHAPES) in a run of the finder of its own, and
// placement by placing what that run found; the stages from parseText's timer. Second pass of two,
// so that the compiler is warm.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, parseText } from '../dist/index.js';
import { splitLines } from '../dist/parse/lines.js';
import { ANCHOR_CHARS } from '../dist/tables/anchors.js';
import { findTables } from '../dist/tables/find.js';
import { placeTable } from '../dist/tables/place/index.js';
import { SHAPES } from '../dist/tables/shapes/index.js';

const [root, ...files] = process.argv.slice(2);
const texts = files.map((f) => decode(readFileSync(join(root, f)))).filter((d) => d.ok).map((d) => d.text);

let spent = new Map(SHAPES.map((s) => [s.name, { ms: 0, lines: 0 }]));
// The shapes are counted in the finder's own run only, not again inside parseText.
let counting = false;
for (const shape of SHAPES) {
  // detect is cheap by contract and called at every line that can start the shape: timing each
  // call would cost more than the call, so it is counted in the finder's loop.
  const { read } = shape;
  shape.read = (lines, at) => {
    if (!counting) return read.call(shape, lines, at);
    const t = performance.now();
    const found = read.call(shape, lines, at);
    const s = spent.get(shape.name);
    s.ms += performance.now() - t;
    if (found.table) s.lines += found.table.endLine - found.table.line + 1;
    return found;
  };
}

function pass() {
  const placed = new Map();
  let allLines = 0;
  let tableLines = 0;
  let findMs = 0;
  let totalMs = 0;
  let writeMs = 0;
  const timer = {};
  for (const text of texts) {
    const lines = splitLines(text, ANCHOR_CHARS);
    allLines += lines.length;
    counting = true;
    let t = performance.now();
    const raws = findTables(lines);
    findMs += performance.now() - t;
    counting = false;
    for (const raw of raws) {
      const n = raw.endLine - raw.line + 1;
      tableLines += n;
      t = performance.now();
      placeTable(raw);
      const p = placed.get(raw.format) ?? { ms: 0, lines: 0 };
      p.ms += performance.now() - t;
      p.lines += n;
      placed.set(raw.format, p);
    }
    t = performance.now();
    const record = parseText(text, { timer });
    const w = performance.now();
    JSON.stringify(record);
    writeMs += performance.now() - w;
    totalMs += performance.now() - t;
  }
  return { allLines, tableLines, findMs, totalMs, writeMs, timer, placed };
}

// One pass to warm the compiler, then the sum of PASSES measured ones.
const PASSES = 4;
pass();
spent = new Map(SHAPES.map((s) => [s.name, { ms: 0, lines: 0 }]));
const r = { indexMs: 0, allLines: 0, tableLines: 0, findMs: 0, totalMs: 0, writeMs: 0, timer: {}, placed: new Map() };
for (let k = 0; k < PASSES; k++) {
  const one = pass();
  for (const key of ['allLines', 'tableLines', 'findMs', 'totalMs', 'writeMs']) r[key] += one[key];
  for (const [stage, ms] of Object.entries(one.timer)) r.timer[stage] = (r.timer[stage] ?? 0) + ms;
  for (const [format, p] of one.placed) {
    const q = r.placed.get(format) ?? { ms: 0, lines: 0 };
    q.ms += p.ms;
    q.lines += p.lines;
    r.placed.set(format, q);
  }
}
const shapesMs = [...spent.values()].reduce((a, s) => a + s.ms, 0);
const lines = (n) => Math.round(n / PASSES);
const us = (ms, n) => (n > 0 ? ((ms * 1000) / n).toFixed(2) : '–').padStart(8);
const row = (name, ms, n) => console.log(`  ${name.padEnd(30)}${String(lines(n)).padStart(8)}${ms.toFixed(1).padStart(10)}${us(ms, n)}${((100 * ms) / r.totalMs).toFixed(1).padStart(8)}`);
console.log(`per line kind, warm, ${texts.length} source files (${lines(r.allLines)} lines), ${PASSES} passes, ${r.totalMs.toFixed(1)} ms in all:`);
console.log(`  ${'kind'.padEnd(30)}${'lines'.padStart(8)}${'ms'.padStart(10)}${'µs/line'.padStart(8)}${'% all'.padStart(8)}`);
const prose = r.allLines - r.tableLines;
row('line index (every line)', r.timer.lines, r.allLines);
row('tables (the whole stage)', r.timer.tables, r.tableLines);
// The finder and the placement again, on their own: how the stage's time divides among shapes and formats.
for (const [name, s] of spent) row(`  find: ${name}`, s.ms, s.lines);
row('  find: the loop and detects', r.findMs - shapesMs, r.allLines);
for (const [format, p] of [...r.placed].sort((a, b) => b[1].ms - a[1].ms)) row(`  place: ${format}`, p.ms, p.lines);
row('paragraphs, sections', r.timer.sections, prose);
row('metadata', r.timer.metadata, prose);
row('normalize (prose, statistics)', r.timer.normalize, prose);
row('record to JSON', r.writeMs, r.allLines);
const staged = r.writeMs + Object.values(r.timer).reduce((a, b) => a + b, 0);
row('other (text checksum, glue)', r.totalMs - staged, r.allLines);
