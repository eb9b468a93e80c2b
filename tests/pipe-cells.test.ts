// Tables written one cell a line with pipes (src/tables/shapes/pipe-cells.ts, issue 21): every
// mixture of the variants real pages write (pipe-cells-variants.ts), applied to a known table,
// reads to the same cells; a page cut inside a table keeps the cells it completes and no other.
// (The real pages of fixtures/pages/ are held by their goldens: check fixtures.)

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema.js';
import { fixture, parseFixture } from './helpers.js';
import { HEADINGS, tdsOf, writePage, type KnownTable } from './pipe-cells-variants.js';

/** Fixed so that a failure can be replayed; fast-check prints the seed and path when one fails. */
const SEED = 20261208;
/**
 * A failing page is reported as it is, not shrunk: shrinking a generated page of hundreds of lines
 * takes longer than the suite has; the seed and path replay it.
 */
const NO_SHRINK = { endOnFailure: true } as const;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** Every leaf of the statistics, by dotted path. */
function leaves(o: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof o === 'number') out.set(prefix, o);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** The statistics a record's tables give (a cell, or a blank cell its sums prove 0). */
function fromTables(r: ReportRecord): Map<string, number> {
  const all = leaves(r.statistics);
  return new Map([...all].filter(([path]) => r.provenance[path]?.table !== undefined));
}

interface Known {
  name: string;
  tables: KnownTable[];
  expected: Map<string, number>;
  golden: ReportRecord;
  /** The statistics path of a value cell: `table:row:col` of the grid. */
  pathOf: Map<string, string>;
}

/**
 * The tables of a record as markdown rows under their headings: the tables alone, without the
 * report's prose (a total its prose states may prove blanks zero that the tables alone do not).
 */
function asMarkdown(r: ReportRecord): string {
  let s = '';
  let heading = '';
  for (const t of r.tables) {
    if (HEADINGS[t.kind] !== heading) s += `${(heading = HEADINGS[t.kind]!)}\n`;
    t.rows.forEach((row, k) => {
      s += `| ${row.join(' | ')} |\n`;
      if (k === 0) s += `|${'---|'.repeat(row.length)}\n`;
    });
    s += '\n';
  }
  return s;
}

/**
 * A known report: the tables a golden record rebuilt from a tidy conversion, and the statistics
 * they give alone (the record's cells, and the blanks the tables' own sums prove zero).
 */
function known(name: string, rel: string): Known {
  const r = JSON.parse(readFileSync(fixture(rel), 'utf8')) as ReportRecord;
  const ids = r.tables.map((t) => t.id);
  const pathOf = new Map<string, string>();
  for (const [path, p] of Object.entries(r.provenance)) if (p.table && p.method !== 'implied') pathOf.set(`${ids.indexOf(p.table)}:${p.row}:${p.col}`, path);
  return { name, tables: r.tables.map((t) => tdsOf(t.kind, t.rows)), expected: fromTables(parseText(asMarkdown(r))), golden: r, pathOf };
}

const KNOWN: Known[] = [
  // The 2021 form, every cell filled (洪泽区 2025 through w3m).
  known('hz2025 (2021 form)', 'fixtures/corpus/hz2025.w3m-box.expected.json'),
  // The 2019 form, every cell filled (seed 001, tab-separated).
  known('seed 001 (2019 form)', 'fixtures/seeds/001_437bbae1d74230cf.expected.json'),
];

/**
 * The 2019 form with every zero left blank (上海市人民政府办公厅 2019), one cell a line: NOT yet
 * read right. A requests row whose label wraps and whose cells are mostly empty loses its place
 * (TABLE_ROW_BY_POSITION, ROW_EMPTY), and a page cut inside it took 3 for 14 in
 * requests.outcomes.denied.stateSecret.naturalPerson (seed below). Held as a known failure
 * (`it.fails`): it turns red the day the reader gets it right, and must then become a property.
 */
const KNOWN_FAILING: Known[] = [known('sh2019 (2019 form, blanks)', 'fixtures/converters/sh2019.pandoc-gfm.expected.json')];

/** Every value a record takes from a table stands on its provenance line. */
function provenanceHolds(r: ReportRecord, text: string): void {
  const lines = text.split('\n');
  for (const [path, p] of Object.entries(r.provenance)) {
    if (p.table === undefined || p.method === 'implied') continue;
    expect(lines[p.line - 1], path).toContain(p.raw);
  }
}

describe('the known tables, written as markdown rows, give the values their golden records took from them', () => {
  for (const k of [...KNOWN, ...KNOWN_FAILING]) {
    it(k.name, () => {
      const golden = fromTables(k.golden);
      for (const [path, value] of k.expected) expect(value, path).toBe(golden.get(path));
      for (const [path, p] of Object.entries(k.golden.provenance)) if (p.table && p.method !== 'implied') expect(k.expected.get(path), path).toBe(golden.get(path));
    });
  }
});

describe('one cell a line with pipes: every mixture of the variants reads to the same cells', () => {
  for (const k of [...KNOWN, ...KNOWN_FAILING]) {
    (KNOWN_FAILING.includes(k) ? it.fails : it)(`${k.name}: ${RUNS} pages, seed ${SEED}`, () => {
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const page = writePage(k.tables, g);
          const r = parseText(page.text);
          expect(Object.fromEntries(fromTables(r))).toEqual(Object.fromEntries(k.expected));
          expect(r.tables.map((t) => t.format)).toEqual(k.tables.map(() => 'pipe'));
          expect(r.warnings).toEqual([]);
          provenanceHolds(r, page.text);
        }),
        { seed: SEED, numRuns: RUNS, ...NO_SHRINK },
      );
    });
  }
});

describe('a page cut inside a table keeps the cells it completes, and nothing else', () => {
  for (const k of [...KNOWN, ...KNOWN_FAILING]) {
    (KNOWN_FAILING.includes(k) ? it.fails : it)(`${k.name}: ${RUNS} cuts, seed ${SEED}`, () => {
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const page = writePage(k.tables, g);
          const at = page.start + g(() => fc.nat(page.text.length - page.start));
          const text = page.text.slice(0, at);
          const r = parseText(text);
          const got = fromTables(r);
          // Nothing but the known values (a blank is proved 0 only by sums the text completes).
          for (const [path, value] of got) expect(value, path).toBe(k.expected.get(path));
          // Every value cell whose pipe the text still has is read.
          for (const w of page.cells) {
            if (w.end > at || w.td.label || w.td.text === '') continue;
            // A cut row without a label whose page starts rows with a lone pipe cannot tell that
            // pipe from an empty first cell (one-row.ts): it is left out, with TABLE_CUT.
            if (page.rowStart && k.tables[w.table]!.kind === 'appeals') {
              if (text.length < page.text.length && !got.has('appeals.review.total')) expect(r.warnings.map((x) => x.code)).toContain('TABLE_CUT');
              continue;
            }
            const path = k.pathOf.get(`${w.table}:${w.td.row}:${w.td.col}`);
            expect(path, `${w.td.text} at ${w.table}:${w.td.row}:${w.td.col}`).toBeDefined();
            expect(got.get(path!), path).toBe(k.expected.get(path!));
          }
          provenanceHolds(r, text);
        }),
        { seed: SEED, numRuns: RUNS, ...NO_SHRINK },
      );
    });
  }
});
