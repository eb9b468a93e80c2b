// Goldens guarded across conversions (issue 20): the golden files of one source document, whatever
// converter or encoding made their text, must give every statistic they share the same value. A
// golden that froze a wrong number (a value shifted into the next column, no warning) then fails
// here even though `check fixtures` holds it. The one excuse: a warning of that record on the
// value's own line, which tells the reader the value may be wrong. Which files are one source is
// data, fixtures/sources.json, not a guess from their names.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../src/schema.js';
import { STATISTICS_PATHS, statisticAt } from '../src/statistics.js';
import { FIXTURES } from './helpers.js';

const GOLDEN = '.expected.json';

interface Sources {
  sources: Record<string, { document: string; files: string[] }>;
}

/** One golden of a source: its name (under fixtures/, without .expected.json) and its record. */
interface Golden {
  name: string;
  record: ReportRecord;
}

const SOURCES = (JSON.parse(readFileSync(join(FIXTURES, 'sources.json'), 'utf8')) as Sources).sources;

function goldenNames(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return goldenNames(path);
    return entry.endsWith(GOLDEN) ? [relative(FIXTURES, path).slice(0, -GOLDEN.length)] : [];
  });
}

function readGolden(name: string): Golden {
  return { name, record: JSON.parse(readFileSync(join(FIXTURES, name + GOLDEN), 'utf8')) as ReportRecord };
}

/** The document a converter fixture names in the first part of its file name (`sh2019.w3m.txt` → sh2019). */
const namedSource = (name: string): string => basename(name).split('.')[0]!;

/**
 * Every statistics path on which the goldens of one source disagree, leaving out each value whose
 * record warns on its line; one entry per path, with every golden's value and line.
 */
function disagreements(source: string, goldens: readonly Golden[]): string[] {
  const out: string[] = [];
  for (const path of STATISTICS_PATHS) {
    const seen: Array<{ name: string; value: number; line: number | undefined; warned: boolean }> = [];
    for (const { name, record } of goldens) {
      if ('error' in record) continue;
      const value = statisticAt(record.statistics, path);
      if (value === undefined) continue;
      const line = record.provenance[path]?.line;
      seen.push({ name, value, line, warned: line !== undefined && record.warnings.some((w) => w.line === line) });
    }
    const unexcused = new Set(seen.filter((s) => !s.warned).map((s) => s.value));
    if (unexcused.size < 2) continue;
    const byValue = new Map<number, string[]>();
    for (const s of seen) byValue.set(s.value, [...(byValue.get(s.value) ?? []), `${s.name} (line ${s.line ?? '?'}${s.warned ? ', warned there' : ''})`]);
    const values = [...byValue].sort((a, b) => b[1].length - a[1].length).map(([value, names]) => `    ${value} in ${names.join(', ')}`);
    out.push([`${source}: ${path}:`, ...values].join('\n'));
  }
  return out;
}

describe('fixtures/sources.json names the goldens of each source document', () => {
  const all = goldenNames(FIXTURES);

  it('every file it lists is a golden, listed once', () => {
    const listed = Object.values(SOURCES).flatMap((s) => s.files);
    expect(listed.filter((name) => !all.includes(name))).toEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('every golden whose file name names a listed source is listed with it (a new conversion cannot be forgotten)', () => {
    const sourceOfName = new Map<string, string>();
    for (const [source, { files }] of Object.entries(SOURCES)) for (const name of files) sourceOfName.set(namedSource(name), source);
    const unlisted = all.filter((name) => {
      const source = sourceOfName.get(namedSource(name));
      return source !== undefined && !SOURCES[source]!.files.includes(name);
    });
    expect(unlisted).toEqual([]);
  });
});

describe('the goldens of one source agree on every statistic they share', () => {
  for (const [source, { document, files }] of Object.entries(SOURCES)) {
    it(`${source}: ${files.length} goldens of ${document}`, () => {
      const found = disagreements(source, files.map(readGolden));
      expect(found.length, `the goldens of ${source} disagree where no warning names the line:\n${found.join('\n')}`).toBe(0);
    });
  }
});

describe('the agreement check can fail', () => {
  const huaian = SOURCES.huaian2024!.files.map(readGolden);
  const PATH = 'requests.received.naturalPerson';

  it('a value moved into another column of one golden, without a warning, is reported with every golden and line', () => {
    const [first, ...rest] = huaian.map((g) => structuredClone(g));
    const { record } = first!;
    record.statistics.requests!.received!.naturalPerson = 53; // 商业企业's value, as a dropped blank cell shifts it
    const line = record.provenance[PATH]!.line;
    const found = disagreements('huaian2024', [first!, ...rest]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`huaian2024: ${PATH}:`);
    expect(found[0]).toContain('3001 in ');
    expect(found[0]).toContain(`53 in ${first!.name} (line ${line})`);
  });

  it('a warning on the value’s line excuses it, a warning on another line does not', () => {
    const [first, ...rest] = huaian.map((g) => structuredClone(g));
    const { record } = first!;
    record.statistics.requests!.received!.naturalPerson = 53;
    const line = record.provenance[PATH]!.line;
    record.warnings.push({ code: 'TABLE_PLACEMENT_INFERRED', message: 'test', line: line + 1 });
    expect(disagreements('huaian2024', [first!, ...rest])).toHaveLength(1);
    record.warnings.push({ code: 'TABLE_PLACEMENT_INFERRED', message: 'test', line });
    expect(disagreements('huaian2024', [first!, ...rest])).toEqual([]);
  });
});
