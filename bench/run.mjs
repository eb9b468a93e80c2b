#!/usr/bin/env node
// `npm run bench`: how fast disclose-parse converts an archive, against what no parser can beat.
//
// 1. Builds a corpus of BENCH_FILES files (default 20 000) in a temporary folder: the fixtures,
//    replicated, with their numbers and the agency name varied in every copy so nothing is cached.
// 2. Times, in the same run: the floor (read + decode every file, write its length); the CLI with
//    --jobs 1; the CLI with all cores. Prints files/s, MB/s, the ratio to the floor, peak RSS and
//    the CPU time of all threads (workers, the compiler's and collector's background threads).
// 3. Prints the time per stage for one job, so the next optimisation goes where the time goes.
//
// BENCH_FILES=100000 npm run bench checks that memory does not grow with the number of files.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { decode, parseBuffer } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = Number(process.env.BENCH_FILES ?? 20000);
const PER_FOLDER = 500;

function buildCorpus(dir) {
  const sources = fg.sync('fixtures/**/*.txt', { cwd: root, ignore: ['fixtures/bad/**'] }).map((f) => readFileSync(join(root, f)));
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const places = ['张店区', '殷都区', '平罗县', '桦川县', '淮安市', '聊城市', '龙岗区', '杨凌区'];
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const src = sources[i % sources.length];
    let out = src;
    const d = decode(src);
    if (d.ok && d.encoding === 'utf-8') {
      // Vary every number (keeping its length) and the place names, so no two files are alike.
      const text = d.text
        .replace(/\d+/g, (m) => String(Math.floor(rand() * 10 ** m.length)).padStart(m.length, '0'))
        .replace(/张店区|殷都区|平罗县|桦川县|淮安市|聊城市/g, () => places[Math.floor(rand() * places.length)]);
      out = Buffer.from(text, 'utf8');
    }
    const folder = join(dir, String(Math.floor(i / PER_FOLDER)).padStart(4, '0'));
    if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `r${String(i).padStart(6, '0')}.txt`), out);
    bytes += out.length;
  }
  return bytes;
}

function floor(dir) {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let total = 0;
  for (const folder of readdirSync(dir).sort()) {
    for (const f of readdirSync(join(dir, folder)).sort()) {
      const d = decode(readFileSync(join(dir, folder, f)));
      total += d.ok ? d.text.length : 0;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - start) / 1000, rss: process.resourceUsage().maxRSS * 1024, cpu: (cpu.user + cpu.system) / 1e6, check: total };
}

function cli(dir, jobs) {
  const summary = join(tmpdir(), `dp-bench-summary-${process.pid}.json`);
  const args = [join(root, 'bench', 'measure.mjs'), dir, '--jobs', String(jobs), '-q', '-o', '/dev/null', '--summary', summary];
  const start = performance.now();
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (res.status !== 0 && res.status !== 1) throw new Error(`disclose-parse failed: ${res.stderr}`);
  const { maxRssBytes, cpuSeconds } = JSON.parse(res.stdout.trim().split('\n').at(-1));
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  rmSync(summary, { force: true });
  return { seconds, rss: maxRssBytes, cpu: cpuSeconds, records: s.records };
}

function stages(dir) {
  const files = [];
  for (const folder of readdirSync(dir).sort().slice(0, 4)) for (const f of readdirSync(join(dir, folder)).sort()) files.push(join(dir, folder, f));
  const bytes = files.map((f) => readFileSync(f));
  // Once to warm the compiler up, once measured: a long run spends nearly all its time warm.
  let timer;
  let write;
  let total;
  for (let pass = 0; pass < 2; pass++) {
    timer = {};
    write = 0;
    const start = performance.now();
    for (let i = 0; i < files.length; i++) {
      const record = parseBuffer(bytes[i], { path: files[i], timer });
      const t = performance.now();
      JSON.stringify(record);
      write += performance.now() - t;
    }
    total = performance.now() - start;
  }
  return { files: files.length, total, timer: { ...timer, write } };
}

const mb = (b) => (b / 1e6).toFixed(1);
const dir = mkdtempSync(join(tmpdir(), 'dp-bench-'));
try {
  const t0 = performance.now();
  const bytes = buildCorpus(dir);
  const cores = availableParallelism();
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cores} cores, Node ${process.version}`);
  console.log(`corpus: ${FILES} files, ${mb(bytes)} MB, built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})\n`);

  const base = floor(dir);
  const one = cli(dir, 1);
  const all = cli(dir, cores);
  const row = (name, r) =>
    `${name.padEnd(22)} ${(FILES / r.seconds).toFixed(0).padStart(8)} ${(bytes / 1e6 / r.seconds).toFixed(1).padStart(8)} ${(r.seconds / base.seconds).toFixed(2).padStart(8)} ${mb(r.rss).padStart(11)} ${r.cpu.toFixed(1).padStart(7)}`;
  console.log(`${'run'.padEnd(22)} ${'files/s'.padStart(8)} ${'MB/s'.padStart(8)} ${'x floor'.padStart(8)} ${'peak RSS MB'.padStart(11)} ${'CPU s'.padStart(7)}`);
  console.log(row('floor (read+decode)', base));
  console.log(row('disclose-parse -j 1', one));
  console.log(row(`disclose-parse -j ${cores}`, all));
  if (one.records !== FILES || all.records !== FILES) console.log(`!! records written: ${one.records} / ${all.records}, expected ${FILES}`);

  const st = stages(dir);
  console.log(`\nper stage, one job, ${st.files} files already read, second pass (ms per file):`);
  for (const [stage, ms] of Object.entries(st.timer)) console.log(`  ${stage.padEnd(10)} ${(ms / st.files).toFixed(3)}`);
  console.log(`  ${'total'.padEnd(10)} ${(st.total / st.files).toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

