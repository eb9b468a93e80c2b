// The invariants of src/check/invariants.ts over every input the project has: each fixture and each
// real converter output of fixtures/converters (shared/corpus, copied). A violation names the file,
// the rule and the offending path. (The property over mutated texts of the multi-line readers is in
// tests/hostile.test.ts, with the other fuzzing: a slow suite.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../src/check/invariants.js';
import { decode } from '../src/parse/decode.js';
import { parseBuffer } from '../src/pipeline.js';
import { FIXTURES, ROOT } from './helpers.js';

function texts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...texts(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out.sort();
}

const files = texts(FIXTURES);

describe('invariants of every record', () => {
  it('holds for every fixture', () => {
    expect(files.length).toBeGreaterThan(100);
    const violations: string[] = [];
    let reports = 0;
    for (const path of files) {
      const bytes = readFileSync(path);
      const record = parseBuffer(bytes, { path });
      if ('error' in record) continue;
      reports++;
      const decoded = decode(bytes);
      if (!decoded.ok) continue;
      for (const v of checkInvariants(record, decoded.text)) violations.push(`${relative(ROOT, path)}: ${v.rule}: ${v.message}`);
    }
    expect(reports).toBeGreaterThan(90);
    expect(violations).toEqual([]);
  });

  it('catches a number whose provenance points at the wrong line or cell', () => {
    const bytes = readFileSync(join(FIXTURES, 'seeds/001_437bbae1d74230cf.txt'));
    const record = parseBuffer(bytes, {});
    if ('error' in record) throw new Error(record.error.message);
    const text = decode(bytes);
    if (!text.ok) throw new Error(text.message);
    expect(checkInvariants(record, text.text)).toEqual([]);
    const p = record.provenance['requests.received.total']!;
    record.provenance['requests.received.total'] = { ...p, line: p.line + 1, col: p.col! - 1 };
    expect(checkInvariants(record, text.text).map((v) => v.rule)).toEqual(['provenance.raw', 'provenance.cell']);
    record.tables[0]!.rows[1]!.pop();
    expect(checkInvariants(record, text.text).map((v) => v.rule)).toContain('table.ragged');
  });
});
