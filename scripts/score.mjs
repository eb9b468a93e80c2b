#!/usr/bin/env node
// Scores records against hand labels whose cells carry their canonical statistics path (`path`,
// written once by scripts/resolve-labels.mjs), by the rules of the corpus's scorer
// (../shared/tools/score-holdout.mjs), so that the numbers compare:
//   - a label file NAME.expect.json is scored against the record of the input file named NAME
//     (any folder, any extension); a label without a record, or with an error record, misses all;
//   - year: the record's year is the label's (when the label gives one);
//   - layout: the record's layout is the label's, `pre2019-…` variants read as pre2019 (when the
//     label gives one and it is not `unknown`);
//   - agency: with blanks and round brackets dropped, the record's name (more than one character)
//     equals the label's or one holds the other (when the label gives one);
//   - cells: the record holds the label's value at the cell's path (money labelled in 元 is
//     compared in 万元, the contract's unit); a cell without a path counts in neither direction.
// A wrong value is a number that is not the label's; it is "without a warning" when no warning of
// its record names the value's own line (the corpus's scorer asks only whether the record has any
// warning at all, which lets a wrong number pass under an unrelated one).
//
// usage: node scripts/score.mjs [--name NAME] [--only LIST]... [--verbose] RECORDS.jsonl|- LABELS_DIR
// prints one line for the set, or one per --only LIST (a file naming one label a line: devset/web's
// dev.txt and holdout.txt), and with --verbose every miss; tests/hand-labels.test.ts asserts the
// standard on fixtures/converters/labels (tests/documents.test.ts scores its documents one by one
// with scoreRecord), `npm run score` prints every set.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two numbers closer than this are one value (a money value in 万元 from 元 is a fraction). */
const SAME_VALUE = 1e-6;
/** 元 per 万元: the contract keeps money in 万元. */
const YUAN_PER_WAN = 10000;

/** The name a label file gives its input: the file name without its folder and extension. */
const inputName = (path) => basename(path).replace(/\.[^.]*$/, '');

/** Records (JSON Lines) by the name of their input file; two inputs of one name cannot be told apart. */
export function recordsByName(jsonl) {
  const out = new Map();
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    const path = record?.source?.path;
    if (!path) continue;
    const name = inputName(path);
    if (out.has(name)) throw new Error(`two records for inputs named ${name}: ${out.get(name).source.path} and ${path}`);
    out.set(name, record);
  }
  return out;
}

/** A record's statistics as path → number. */
function statisticsOf(record) {
  const out = new Map();
  const walk = (node, prefix) => {
    if (typeof node === 'number') out.set(prefix, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(record?.statistics, '');
  return out;
}

const agencyForm = (s) => String(s ?? '').replace(/[\s()（）]+/g, '');
const layoutOf = (layout) => (String(layout).startsWith('pre2019') ? 'pre2019' : String(layout));

function agencyMatches(labelled, found) {
  const a = agencyForm(labelled);
  const b = agencyForm(found);
  return b.length > 1 && (a.includes(b) || b.includes(a));
}

/** [right, asked] counters of one set, its wrong values (each described) and every miss. */
export function emptyScore() {
  return { files: [0, 0], year: [0, 0], layout: [0, 0], agency: [0, 0], cells: [0, 0], wrong: [], wrongUnwarned: 0, unmapped: 0, misses: [] };
}

function count(counter, right) {
  counter[1]++;
  if (right) counter[0]++;
}

/** Adds one record (undefined where there is none) scored against one label to `score`, its misses named `name`. */
export function scoreRecord(score, name, label, record) {
  const ok = record !== undefined && !record.error;
  const miss = (what) => score.misses.push(`${name} ${what}`);
  count(score.files, ok);
  if (!ok) miss(record ? `error record ${record.error.code}` : 'no record');
  const meta = label.meta ?? {};
  if (meta.year != null) {
    count(score.year, ok && record.report.year === meta.year);
    if (!ok || record.report.year !== meta.year) miss(`year: want ${meta.year}, got ${record?.report?.year}`);
  }
  if (meta.layout && meta.layout !== 'unknown') {
    const right = ok && record.report.layout === layoutOf(meta.layout);
    count(score.layout, right);
    if (!right) miss(`layout: want ${layoutOf(meta.layout)}, got ${record?.report?.layout}`);
  }
  if (meta.agency) {
    const right = ok && agencyMatches(meta.agency, record.report.agency);
    count(score.agency, right);
    if (!right) miss(`agency: want ${meta.agency}, got ${record?.report?.agency}`);
  }
  const statistics = ok ? statisticsOf(record) : new Map();
  const warnedLines = new Set(ok ? record.warnings.map((w) => w.line) : []);
  for (const cell of label.cells ?? []) {
    if (!cell.path) {
      score.unmapped++;
      continue;
    }
    const want = cell.unit === '元' ? Number(cell.value) / YUAN_PER_WAN : Number(cell.value);
    const got = statistics.get(cell.path);
    const right = got !== undefined && Math.abs(got - want) < SAME_VALUE;
    count(score.cells, right);
    if (right) continue;
    const what = `${cell.path}: want ${want}, got ${got ?? 'nothing'}`;
    let note = '';
    if (got !== undefined) {
      const line = record.provenance[cell.path]?.line;
      const warned = warnedLines.has(line);
      if (!warned) score.wrongUnwarned++;
      note = ` (line ${line}${warned ? ', warned there' : ', NO WARNING on its line'})`;
      score.wrong.push(`${name} ${what}${note}`);
    }
    miss(`${what}${note}  [${cell.table} | ${cell.row} | ${cell.col}]`);
  }
  return score;
}

/** Scores the records (from recordsByName) against every *.expect.json of labelsDir, or those `only` names. */
export function scoreLabels(records, labelsDir, only = null) {
  const score = emptyScore();
  for (const file of readdirSync(labelsDir).filter((f) => f.endsWith('.expect.json')).sort()) {
    const name = file.slice(0, -'.expect.json'.length);
    if (only && !only.has(name)) continue;
    scoreRecord(score, name, JSON.parse(readFileSync(join(labelsDir, file), 'utf8')), records.get(name));
  }
  return score;
}

const percent = ([right, asked], digits = 1) => (asked ? `${((100 * right) / asked).toFixed(digits)} %` : '-');

/** The share of cells right, 0 to 1 (1 for a set without cells). */
export const cellShare = (score) => (score.cells[1] ? score.cells[0] / score.cells[1] : 1);

/** One line for a set. */
export function scoreLine(name, score) {
  const [right, asked] = score.cells;
  return (
    `${name}: ${score.files[1]} labelled files (${score.files[1] - score.files[0]} without a record), ` +
    `cells ${right}/${asked} (${percent(score.cells, 2)}), year ${percent(score.year)}, layout ${percent(score.layout)}, agency ${percent(score.agency)}, ` +
    `${score.wrong.length} wrong values (${score.wrongUnwarned} without a warning on their line), ${score.unmapped} label cells without a canonical path`
  );
}

/** The label names a list file holds, one a line. */
const namesIn = (list) => new Set(readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));

function main(argv) {
  const args = [...argv];
  const take = (option) => {
    const values = [];
    for (let at = args.indexOf(option); at >= 0; at = args.indexOf(option)) values.push(args.splice(at, 2)[1]);
    return values;
  };
  const [name] = take('--name');
  const lists = take('--only');
  const verbose = args.includes('--verbose');
  const [recordsFile, labelsDir] = args.filter((a) => a !== '--verbose');
  if (!recordsFile || !labelsDir || lists.includes(undefined)) {
    process.stderr.write('usage: node scripts/score.mjs [--name NAME] [--only LIST]... [--verbose] RECORDS.jsonl|- LABELS_DIR\n');
    return 2;
  }
  const records = recordsByName(readFileSync(recordsFile === '-' ? 0 : recordsFile, 'utf8'));
  const sets = lists.length ? lists.map((list) => [`${name ?? labelsDir} (${basename(list)})`, namesIn(list)]) : [[name ?? labelsDir, null]];
  for (const [title, only] of sets) {
    const score = scoreLabels(records, labelsDir, only);
    process.stdout.write(scoreLine(title, score) + '\n');
    if (verbose) for (const m of score.misses) process.stdout.write(`  miss: ${m}\n`);
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
