// The invariants of src/check/invariants.ts over every input the project has: each fixture and each
// real converter output of fixtures/converters (shared/corpus, copied). A violation names the file,
// the rule and the offending path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
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

// The readers that build a cell from several lines or cut one token into several cells (cells
// between lone separators, rows run together, wrapped tab cells) must keep every value on the line
// it stands on, whatever a mutation does to the text around it.
describe('property: mutated texts of the multi-line and run-together readers keep their invariants', () => {
  const SOURCES = ['shapes/sh2019.bs4-get-text.txt', 'shapes/pingtan2024.bs4-get-text.txt', 'shapes/sh2019.py-html2text.txt', 'shapes/pingtan2024.innertext.txt', 'shapes/sh2019.node-html-markdown.txt', 'encodings/seed001.doubled-cp1252.txt', 'seeds/001_437bbae1d74230cf.txt'].map((f) => readFileSync(join(FIXTURES, f)));
  const PIECES = ['\u00a0', '|', '\t', '\n', '  ', '0', '123', '（', '总计', '申请人情况', '\n| \n', '\n\t\n', '行政许可', '\ufffd'].map((p) => Buffer.from(p));

  it('300 runs, seed 11', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 199 })), { minLength: 1, maxLength: 20 }),
        (source, edits) => {
          let b = SOURCES[source]!;
          for (const [op, x, k] of edits) {
            const at = Math.floor(x * b.length);
            if (op === 0) b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (k % 20))]);
            else if (op === 1) b = Buffer.concat([b.subarray(0, at), PIECES[k % PIECES.length]!, b.subarray(at)]);
            else b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + k), b.subarray(at)]);
          }
          const record = parseBuffer(b, {});
          const decoded = decode(b);
          if ('error' in record || !decoded.ok) return;
          expect(checkInvariants(record, decoded.text)).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
