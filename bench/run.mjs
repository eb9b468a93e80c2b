#!/usr/bin/env node
// `npm run bench`: how fast disclose-parse converts an archive, against what no parser can beat.
//
// 1. Builds a corpus of BENCH_FILES files (default 20 000) in a temporary folder: the fixtures,
//    replicated, with their numbers and the agency name varied in every copy so nothing is cached.
// 2. Times, in the same run, side by side, on the first 500 files and on the whole archive: the
//    floor (read + decode every file, write its length); the CLI with --jobs 1, 2, 4 … up to the
//    cores. Prints files/s, the speed-up over --jobs 1, the ratio to the floor, peak RSS and the
//    CPU time of all threads (workers, the compiler's and collector's background threads) per file.
//    Then one small file end to end (the CLI's start-up), and the load average: wall times on a
//    busy machine say little, CPU times more.
// 3. Prints the time per stage for one job, so the next optimisation goes where the time goes.
// 4. Per distinct source file, warm: the median time per file and the ten slowest files per KB, so that
//    one pathological layout cannot hide in an average.
// 5. Where a warm parse spends its time: per kind of line (bench/kinds.mjs: the line index, each table
//    shape and placement per table line, the later stages per line of prose) and by module (a CPU
//    profile of parsing every source file).
// 6. A size series: the largest converter output repeated 1×, 2×, 4× and 8× in one file, with time ratios
//    (linear time means 8× the text costs no more than about 8× the time).
//
// The sources are every fixture, and fixtures/converters holds the 73 real converter outputs of
// ../shared/corpus (pdftotext, mutool, pandoc, w3m, ELinks, Links, Lynx, html2text, LibreOffice, docx2txt,
// antiword): the archive looks like what researchers convert, not only like tidy fixtures.
//
// BENCH_FILES=100000 npm run bench checks that memory does not grow with the number of files.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { decode, parseBuffer } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = Number(process.env.BENCH_FILES ?? 20000);
const PER_FOLDER = 500;

function buildCorpus(dir) {
  const sources = sourceFiles().map((f) => readFileSync(join(root, f)));
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

/** The floor of the files under `dir` (the archive, or one of its folders). */
function floor(dir) {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let total = 0;
  const files = fg.sync('**/*.txt', { cwd: dir }).sort();
  for (const f of files) {
    const d = decode(readFileSync(join(dir, f)));
    total += d.ok ? d.text.length : 0;
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
  let cpu;
  const each = new Array(files.length);
  for (let pass = 0; pass < 2; pass++) {
    timer = {};
    write = 0;
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < files.length; i++) {
      const t0 = performance.now();
      const record = parseBuffer(bytes[i], { path: files[i], timer });
      const t = performance.now();
      JSON.stringify(record);
      write += performance.now() - t;
      each[i] = performance.now() - t0;
    }
    const used = process.cpuUsage(cpu0);
    cpu = (used.user + used.system) / 1000;
    total = performance.now() - start;
  }
  return { files: files.length, total, cpuMs: cpu, medianMs: median(each), timer: { ...timer, write } };
}

function sourceFiles() {
  return fg.sync('fixtures/**/*.txt', { cwd: root, ignore: ['fixtures/bad/**'] }).sort();
}

// Warm time of one text, in ms: the median of `runs` parses after `warm` unmeasured ones.
function timeOf(bytes, path, runs = 7, warm = 3) {
  for (let i = 0; i < warm; i++) parseBuffer(bytes, { path });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    JSON.stringify(parseBuffer(bytes, { path }));
    times.push(performance.now() - t);
  }
  return median(times);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function perFile() {
  const rows = sourceFiles().map((f) => {
    const bytes = readFileSync(join(root, f));
    return { file: f, kb: bytes.length / 1024, ms: timeOf(bytes, f) };
  });
  // Second sweep, so the first files are not measured while the compiler is still cold.
  for (const r of rows) r.ms = timeOf(readFileSync(join(root, r.file)), r.file);
  const medianMs = median(rows.map((r) => r.ms));
  const medianPerKb = median(rows.map((r) => r.ms / r.kb));
  const slowest = [...rows].sort((a, b) => b.ms / b.kb - a.ms / a.kb).slice(0, 10);
  return { files: rows.length, medianMs, medianPerKb, slowest };
}

/** Self time per module of dist/ (and the collector), from a CPU profile of bench/profile.mjs. */
function byModule() {
  const dir = mkdtempSync(join(tmpdir(), 'dp-prof-'));
  try {
    const res = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'bench', 'profile.mjs'), root, ...sourceFiles()], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`profile failed: ${res.stderr}`);
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
    const self = new Map(profile.nodes.map((n) => [n.id, 0]));
    profile.samples.forEach((id, i) => self.set(id, self.get(id) + (profile.timeDeltas[i] ?? 0)));
    const modules = new Map();
    let total = 0;
    for (const n of profile.nodes) {
      const t = self.get(n.id);
      total += t;
      const url = n.callFrame.url;
      const name = url.includes('/dist/') ? `src/${url.slice(url.indexOf('/dist/') + 6).replace(/\.js$/, '.ts')}` : url.includes('node_modules') ? url.replace(/.*node_modules\/([^/]+).*/, '$1 (npm)') : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : url === '' ? '(regular expressions, built-ins)' : url.startsWith('node:') ? url : 'other';
      modules.set(name, (modules.get(name) ?? 0) + t);
    }
    return [...modules].sort((a, b) => b[1] - a[1]).map(([name, t]) => ({ name, share: t / total }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sizeSeries() {
  // The longest converter output by characters (a UTF-16 file is not longer for its two bytes a character).
  const texts = sourceFiles()
    .filter((f) => f.startsWith('fixtures/converters/'))
    .map((f) => {
      const d = decode(readFileSync(join(root, f)));
      return { f, text: d.ok ? d.text : '' };
    })
    .sort((a, b) => b.text.length - a.text.length);
  const { f: biggest, text } = texts[0];
  const out = [];
  for (const times of [1, 2, 4, 8]) {
    const bytes = Buffer.from(Array(times).fill(text).join('\n'), 'utf8');
    out.push({ times, kb: bytes.length / 1024, ms: timeOf(bytes, biggest, 5, 2) });
  }
  return { file: biggest, out };
}

const mb = (b) => (b / 1e6).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** --jobs values to compare: 1, 2, 4 … and the number of cores. */
function jobCounts(cores) {
  const out = [];
  for (let j = 1; j < cores; j *= 2) out.push(j);
  out.push(cores);
  return [...new Set(out)];
}

/** The floor and the CLI at each --jobs on the files under `dir`, side by side. */
function sideBySide(label, dir, files, bytes, cores) {
  const base = floor(dir);
  const runs = jobCounts(cores).map((jobs) => ({ jobs, ...cli(dir, jobs) }));
  console.log(`${label}: ${files} files, ${mb(bytes)} MB (load average ${load()})`);
  console.log(`  ${'run'.padEnd(20)} ${'files/s'.padStart(8)} ${'speed-up'.padStart(9)} ${'x floor'.padStart(8)} ${'peak RSS MB'.padStart(11)} ${'CPU s'.padStart(7)} ${'CPU ms/file'.padStart(11)}`);
  const row = (name, r, speedUp) =>
    `  ${name.padEnd(20)} ${(files / r.seconds).toFixed(0).padStart(8)} ${speedUp.padStart(9)} ${(r.seconds / base.seconds).toFixed(2).padStart(8)} ${mb(r.rss).padStart(11)} ${r.cpu.toFixed(1).padStart(7)} ${((1000 * r.cpu) / files).toFixed(2).padStart(11)}`;
  console.log(row('floor (read+decode)', base, ''));
  for (const r of runs) console.log(row(`disclose-parse -j ${r.jobs}`, r, `${(runs[0].seconds / r.seconds).toFixed(2)}x`));
  for (const r of runs) if (r.records !== files) console.log(`  !! -j ${r.jobs} wrote ${r.records} records, expected ${files}`);
  console.log('');
  return { base, runs };
}

/** One small file end to end, as a CI job checking a file runs it: the median wall time of a few runs of the CLI, and the CPU of one. */
function oneFile() {
  const file = fg.sync('fixtures/seeds/004_*.txt', { cwd: root })[0];
  const walls = [];
  for (let i = 0; i < ONE_FILE_RUNS; i++) {
    const start = performance.now();
    const res = spawnSync(process.execPath, [join(root, 'bin', 'disclose-parse.js'), '-q', file], { cwd: root, encoding: 'utf8' });
    walls.push(performance.now() - start);
    if (res.status !== 0) throw new Error(`one file failed: ${res.stderr}`);
  }
  const res = spawnSync(process.execPath, [join(root, 'bench', 'measure.mjs'), '-q', file], { cwd: root, encoding: 'utf8' });
  const { cpuSeconds } = JSON.parse(res.stdout.trim().split('\n').at(-1));
  return { file, wallMs: median(walls), bestMs: Math.min(...walls), cpuMs: cpuSeconds * 1000 };
}

/** Runs of the one-file measure: its median hides a run slowed by another process. */
const ONE_FILE_RUNS = 5;
/** The size of the smaller of the two side-by-side archives: one folder of the corpus. */
const SMALL_ARCHIVE = PER_FOLDER;

const dir = mkdtempSync(join(tmpdir(), 'dp-bench-'));
try {
  const t0 = performance.now();
  const bytes = buildCorpus(dir);
  const cores = availableParallelism();
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cores} cores, Node ${process.version}, load average ${load()}`);
  console.log(`corpus: ${FILES} files, ${mb(bytes)} MB, built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})\n`);

  const one = oneFile();
  console.log(`one small file end to end (${one.file}): ${one.wallMs.toFixed(0)} ms wall (median of ${ONE_FILE_RUNS}, best ${one.bestMs.toFixed(0)}), ${one.cpuMs.toFixed(0)} ms CPU (load average ${load()})\n`);

  let first = null;
  if (FILES > SMALL_ARCHIVE) {
    const small = join(dir, '0000');
    const smallBytes = fg.sync('*.txt', { cwd: small }).reduce((n, f) => n + statSync(join(small, f)).size, 0);
    first = sideBySide(`first ${SMALL_ARCHIVE}`, small, SMALL_ARCHIVE, smallBytes, cores);
  }
  const whole = sideBySide('whole archive', dir, FILES, bytes, cores);

  const st = stages(dir);
  console.log(`\nper stage, one job, ${st.files} files already read, second pass (ms per file):`);
  for (const [stage, ms] of Object.entries(st.timer)) console.log(`  ${stage.padEnd(10)} ${(ms / st.files).toFixed(3)}`);
  console.log(`  ${'total'.padEnd(10)} ${(st.total / st.files).toFixed(3)}`);
  const warmMean = st.cpuMs / st.files;
  console.log(`warm, one core, ${st.files} archive files: CPU ${warmMean.toFixed(3)} ms per file (mean), ${st.medianMs.toFixed(3)} ms (median wall per file) (load average ${load()})`);

  // The goals of issue 23, from the figures above.
  const speedUp = (x) => (x && x.runs.length > 1 ? x.runs[0].seconds / x.runs.find((r) => r.jobs === 2).seconds : NaN);
  const top = whole.runs.at(-1);
  const goals = [
    [`-j 2 >= 1.8x -j 1 on ${SMALL_ARCHIVE} files`, speedUp(first) >= 1.8, `${speedUp(first).toFixed(2)}x`],
    [`-j 2 >= 1.8x -j 1 on ${FILES} files`, speedUp(whole) >= 1.8, `${speedUp(whole).toFixed(2)}x`],
    ['>= 2000 files/s on the whole archive', FILES / top.seconds >= 2000, `${(FILES / top.seconds).toFixed(0)} files/s at -j ${top.jobs}`],
    ['<= 4x the floor', top.seconds / whole.base.seconds <= 4, `${(top.seconds / whole.base.seconds).toFixed(1)}x`],
    ['peak RSS < 300 MB', Math.max(...whole.runs.map((r) => r.rss)) < 300e6, `${mb(Math.max(...whole.runs.map((r) => r.rss)))} MB`],
    ['<= 1.0 ms CPU per file warm (mean)', warmMean <= 1.0, `${warmMean.toFixed(3)} ms`],
    ['one file end to end <= 150 ms', one.wallMs <= 150, `${one.wallMs.toFixed(0)} ms wall, ${one.cpuMs.toFixed(0)} ms CPU`],
  ];
  console.log(`\nissue 23's goals (load average ${load()}):`);
  for (const [goal, met, figure] of goals) console.log(`  ${met ? 'met    ' : 'not met'}  ${goal.padEnd(40)} ${figure}`);

  const pf = perFile();
  console.log(`\nper source file, warm, one thread (${pf.files} distinct files): median ${pf.medianMs.toFixed(3)} ms per file, ${pf.medianPerKb.toFixed(3)} ms per KB`);
  console.log('ten slowest per KB (x = times the median per KB):');
  for (const r of pf.slowest)
    console.log(`  ${(r.ms / r.kb).toFixed(3).padStart(7)} ms/KB ${(r.ms / r.kb / pf.medianPerKb).toFixed(1).padStart(5)}x ${r.ms.toFixed(2).padStart(8)} ms ${r.kb.toFixed(0).padStart(5)} KB  ${r.file}`);

  // Per line kind: its own process, because it wraps the shapes' read functions to time them.
  const kinds = spawnSync(process.execPath, [join(root, 'bench', 'kinds.mjs'), root, ...sourceFiles()], { encoding: 'utf8' });
  if (kinds.status !== 0) throw new Error(`per line kind failed: ${kinds.stderr}`);
  console.log(`\n${kinds.stdout.trimEnd()}`);

  console.log('\nwhere a warm parse spends its time (self time by module, top 15):');
  for (const m of byModule().slice(0, 15)) console.log(`  ${(100 * m.share).toFixed(1).padStart(5)} %  ${m.name}`);

  const ss = sizeSeries();
  console.log(`\nsize series, ${ss.file} repeated in one file:`);
  for (const r of ss.out)
    console.log(`  ${String(r.times).padStart(2)}x ${r.kb.toFixed(0).padStart(6)} KB ${r.ms.toFixed(2).padStart(9)} ms  ratio ${(r.ms / ss.out[0].ms).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

