// The arithmetic the official forms demand (canonical-model.md "Checks", formats.md §6), run on
// the canonical statistics: every `total` and `balance` relation of the forms of the report's
// layout (forms/). A check never changes a value: it records what was expected, what the report
// says, and whether they agree; `skip` when a value it needs is absent. A relation none of whose
// values the report states is not run (a report without the form's table gets no check of it).

import type { Check } from '../schema.js';
import type { Form, Ref, Relation } from '../forms/types.js';
import { pathOf } from '../forms/types.js';
import type { StatisticsBuilder } from './collect.js';

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

/** Canonical paths of a form's cells, made once per form. */
const paths = new WeakMap<Form, Map<Ref, string>>();
function pathsOf(form: Form): Map<Ref, string> {
  let map = paths.get(form);
  if (!map) {
    map = new Map();
    for (const r of form.relations) for (const ref of [...r.left, ...r.right, ...(r.when?.absent ?? []), ...(r.when?.present ?? []).flat()]) map.set(ref, pathOf(form, ref));
    paths.set(form, map);
  }
  return map;
}

function check(form: Form, r: Relation, stats: StatisticsBuilder): Check | null {
  const path = pathsOf(form);
  const has = (ref: Ref): boolean => stats.has(path.get(ref)!);
  if (r.when?.present && !r.when.present.every((g) => g.some(has))) return null;
  if (r.when?.absent && r.when.absent.some(has)) return null;
  if (![...r.left, ...r.right].some(has)) return null;
  const missing: string[] = [];
  const sum = (refs: readonly Ref[]): number => {
    let value = 0;
    for (const ref of refs) {
      const v = stats.get(path.get(ref)!);
      if (v === undefined) missing.push(path.get(ref)!);
      else value += v;
    }
    return round(value);
  };
  const l = sum(r.left);
  const rt = sum(r.right);
  // Built field by field in the output's key order (rule, column, path, status, …).
  const out = { rule: r.rule } as Check;
  if (r.column) out.column = r.column;
  if (r.path) out.path = r.path;
  if (missing.length > 0) {
    out.status = 'skip';
    out.message = `${r.what}: ${missing.length} value(s) absent (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`;
  } else {
    const pass = l === rt;
    out.status = pass ? 'pass' : 'fail';
    out.expected = l;
    out.actual = rt;
    out.message = `${r.what}: ${l} ${pass ? '=' : '≠'} ${rt}`;
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
