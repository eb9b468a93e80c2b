// Plausibility relations (formats.md: SOFT) of the forms: they hold in most reports but not by
// definition, so a break is a warning about the report, never a failed check.

import { applies, evaluate, statisticsLookup } from '../forms/relations.js';
import type { Form } from '../forms/types.js';
import { pathOf } from '../forms/types.js';
import type { StatisticsBuilder } from './collect.js';

export function softWarnings(stats: StatisticsBuilder, forms: readonly Form[]): void {
  for (const form of forms) {
    for (const r of form.relations) {
      const value = statisticsLookup(form, (path) => stats.get(path));
      if (r.kind !== 'atMost' || !applies(r, (ref) => value(ref) !== undefined)) continue;
      const e = evaluate(r, value);
      if (e.holds === false) stats.warn('SOFT_RELATION', `${r.what}: ${e.left} > ${e.right}`, stats.provenance[pathOf(form, r.left[0]!)]!.line);
    }
  }
}
