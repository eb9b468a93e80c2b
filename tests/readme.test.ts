// The README documents the closed list of warning codes: every code in src/diagnostics.ts has a row
// in its table, and the table names no code the parser cannot emit.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../src/diagnostics.js';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README warning table', () => {
  const section = README.slice(README.indexOf('Warning codes ('), README.indexOf('## Performance'));
  const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);

  it('lists every warning code once, in the order of src/diagnostics.ts', () => {
    expect(listed).toEqual(Object.keys(WARNING_CODES));
  });
});
