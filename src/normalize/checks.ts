// The arithmetic the official forms demand (canonical-model.md "Checks", formats.md §6), run on
// the canonical statistics: every `total` and `balance` relation of the forms of the report's
// layout (forms/). A check never changes a value: it records what was expected, what the report
// says, and whether they agree; `skip` when a value it needs is absent. A relation none of whose
// values the report states is not run (a report without the form's table gets no check of it).

import type { Check } from '../schema.js';
import { applies, evaluate, statisticsLookup } from '../forms/relations.js';
import type { Form, Relation } from '../forms/types.js';
import { pathOf } from '../forms/types.js';
import type { StatisticsBuilder } from './collect.js';

function check(form: Form, r: Relation, stats: StatisticsBuilder): Check | null {
  const value = statisticsLookup(form, (path) => stats.get(path));
  if (!applies(r, (ref) => value(ref) !== undefined)) return null;
  const e = evaluate(r, value);
  // A relation none of whose values the report states is not run.
  if (e.stated === 0) return null;
  // Built field by field in the output's key order (rule, column, path, status, …).
  const out = { rule: r.rule } as Check;
  if (r.column) out.column = r.column;
  if (r.path) out.path = r.path;
  if (e.absent.length > 0) {
    const missing = e.absent.map((ref) => pathOf(form, ref));
    out.status = 'skip';
    out.message = `${r.what}: ${missing.length} value(s) absent (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`;
  } else {
    out.status = e.holds ? 'pass' : 'fail';
    out.expected = e.left;
    out.actual = e.right;
    out.message = `${r.what}: ${e.left} ${e.holds ? '=' : '≠'} ${e.right}`;
  }
  return out;
}

/** The checks of the forms a report's layout must satisfy, and `report.year`. */
export function runChecks(stats: StatisticsBuilder, forms: readonly Form[], titleYear: number | null, periodYear: number | null): Check[] {
  const checks: Check[] = [];
  for (const form of forms) {
    for (const r of form.relations) {
      if (r.kind === 'atMost') continue;
      const c = check(form, r, stats);
      if (c) checks.push(c);
    }
  }
  if (titleYear === null || periodYear === null) {
    checks.push({ rule: 'report.year', status: 'skip', message: `the ${titleYear === null ? 'title' : 'statistics period'} gives no year` });
  } else {
    const pass = titleYear === periodYear;
    checks.push({ rule: 'report.year', status: pass ? 'pass' : 'fail', expected: titleYear, actual: periodYear, message: `title year ${titleYear} ${pass ? '=' : '≠'} period year ${periodYear}` });
  }
  return checks;
}
