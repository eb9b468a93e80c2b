// Tables and prose → canonical statistics, provenance, checks and warnings, and the final layout.

import { formsOfLayout } from '../forms/index.js';
import type { Form } from '../forms/types.js';
import { pathOf } from '../forms/types.js';
import type { SourceLine } from '../parse/lines.js';
import type { Paragraph } from '../parse/paragraphs.js';
import type { Check, Provenance, Statistics, Warning } from '../schema.js';
import type { Grid } from '../tables/place/build.js';
import type { PlacedTable } from '../tables/place/types.js';
import { runChecks } from './checks.js';
import { StatisticsBuilder } from './collect.js';
import { missingTables } from './coverage.js';
import { collectTable, emptyRows } from './from-tables.js';
import { impliedZeros } from './implied.js';
import { decideLayout, type Layout } from './layout.js';
import { extractProse } from './narrative.js';
import { softWarnings } from './soft.js';

export interface NormalizeInput {
  tables: ReadonlyArray<{ id: string; placed: PlacedTable; grid: Grid }>;
  /** Paragraphs outside the tables, for figures stated in prose. */
  paragraphs: readonly Paragraph[];
  /** The decoded lines, so that a prose figure's `raw` is quoted from its line as written. */
  lines: readonly SourceLine[];
  year: number | null;
  titleYear: number | null;
  periodYear: number | null;
}

export interface Normalized {
  layout: Layout;
  statistics: Statistics;
  provenance: Record<string, Provenance>;
  checks: Check[];
  warnings: Warning[];
}

/**
 * The table value a prose figure speaks of: the same path, or the sum of the cells a form splits
 * it into (forms: `statedSums`; 行政诉讼 = 未经复议直接起诉 + 复议后起诉).
 */
function tableCounterpart(stats: StatisticsBuilder, path: string, forms: readonly Form[]): { value: number; line: number } | null {
  if (stats.has(path)) return { value: stats.get(path)!, line: stats.provenance[path]!.line };
  for (const form of forms) {
    for (const sum of form.statedSums ?? []) {
      if (sum.path !== path) continue;
      const parts = sum.parts.map((ref) => pathOf(form, ref));
      if (parts.every((p) => stats.has(p))) return { value: parts.reduce((s, p) => s + stats.get(p)!, 0), line: stats.provenance[parts[0]!]!.line };
    }
  }
  return null;
}

export function normalize(input: NormalizeInput): Normalized {
  const stats = new StatisticsBuilder();
  const placed = input.tables.map((t) => t.placed);
  const decision = decideLayout(placed, input.year);
  if (decision.warning) stats.warn('LAYOUT_YEAR_MISMATCH', decision.warning, placed[0]?.line ?? null);

  const prose = extractProse(input.paragraphs, input.lines, (code, message, line) => stats.warn(code, message, line));
  const stated = new Map(prose.map((f) => [f.path, f.value]));
  for (const t of input.tables) collectTable(t.placed, t.grid, t.id, stats);
  for (const t of input.tables) {
    const sums = (t.placed.form.statedSums ?? []).flatMap((s) => (stated.has(s.path) ? [{ value: stated.get(s.path)!, parts: s.parts }] : []));
    impliedZeros(t.placed, t.grid, t.id, stats, sums);
  }
  for (const t of input.tables) emptyRows(t.placed, stats);

  const covered = placed.flatMap((t) => t.form.covers ?? []);
  const proseChecks: Check[] = [];
  const tableForms = [...new Set(placed.map((t) => t.form))];
  for (const f of prose) {
    const table = tableCounterpart(stats, f.path, tableForms);
    if (table) {
      const pass = table.value === f.value;
      proseChecks.push({
        rule: 'prose.table',
        status: pass ? 'pass' : 'fail',
        expected: table.value,
        actual: f.value,
        path: f.path,
        message: `${f.path}: the text says ${f.value} (line ${f.line}), the table ${table.value} (line ${table.line})`,
      });
      if (!pass) stats.warn('PROSE_TABLE_MISMATCH', `${f.path}: the text says ${f.value} (line ${f.line}), the table ${table.value} (line ${table.line}); the table is kept`, f.line);
      continue;
    }
    if (covered.some((prefix) => f.path.startsWith(prefix))) continue;
    stats.set(f.path, f.value, { line: f.line, raw: f.raw, method: 'narrative' });
  }

  const layoutForms = formsOfLayout(decision.layout);
  const softForms = new Set<Form>([...layoutForms, ...placed.map((t) => t.form)]);
  softWarnings(stats, [...softForms]);
  const checks = [...runChecks(stats, layoutForms, input.titleYear, input.periodYear), ...proseChecks];
  const missing = missingTables(decision.layout, placed.map((t) => t.form), decision.by === 'year');
  return { layout: decision.layout, statistics: stats.result(), provenance: stats.provenance, checks, warnings: [...stats.warnings, ...missing] };
}
