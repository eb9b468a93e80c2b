// The statistics paths are one closed set, from the schema: every form cell, prose rule and
// cross-year link names one of them, and a wrong one fails to compile (forms/types.ts
// StatisticsPaths, narrative/rule.ts Rule.path).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CROSS_YEAR_PATHS } from '../src/forms/cross-year.js';
import { FORMS } from '../src/forms/index.js';
import { pathOf } from '../src/forms/types.js';
import { STATISTICS_PATHS } from '../src/statistics.js';
import { ROOT } from './helpers.js';

/** Type-check a snippet that imports from src/, and return its diagnostics' texts. */
function compile(source: string): string[] {
  const dir = mkdtempSync(join(ROOT, 'tests', '.typecheck-'));
  try {
    const file = join(dir, 'check.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('statistics paths', () => {
  it('every cell of every form that maps to a statistic is a path of the schema', () => {
    const known = new Set<string>(STATISTICS_PATHS);
    for (const form of FORMS) {
      for (const row of form.rows) {
        if (row.group || row.tableOnly || row.key === '' && form.base === '') continue;
        for (const column of form.columns) if (!column.tableOnly) expect(known, `${form.id}: ${pathOf(form, { row: row.key, col: column.key })}`).toContain(pathOf(form, { row: row.key, col: column.key }));
      }
    }
    for (const path of CROSS_YEAR_PATHS) expect(known).toContain(path);
  });

  it('a form cell or prose rule with a wrong path does not compile', () => {
    const errors = compile(`
      import type { CellPaths, StatisticsPaths } from '../../src/forms/types.js';
      import type { Rule } from '../../src/normalize/narrative/rule.js';
      export type Right = StatisticsPaths<CellPaths<'requests', 'outcomes.granted', 'naturalPerson'>>;
      export type Wrong = StatisticsPaths<CellPaths<'requests', 'outcomes.grantd', 'naturalPerson'>>;
      export const rule: Rule = { path: 'proactive.publishd', hint: '主动公开', re: /x/dg };
    `);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"requests.outcomes.grantd.naturalPerson"');
    expect(errors[1]).toContain('"proactive.publishd"');
  }, 60_000);
});
