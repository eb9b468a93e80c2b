// Plausibility relations (formats.md: SOFT) of the forms: they hold in most reports but not by
// definition, so a break is a warning about the report, never a failed check.

import type { Form, Ref } from '../forms/types.js';
import { pathOf } from '../forms/types.js';
import type { StatisticsBuilder } from './collect.js';

export function softWarnings(stats: StatisticsBuilder, forms: readonly Form[]): void {
  for (const form of forms) {
    for (const r of form.relations) {
      if (r.kind !== 'atMost') continue;
      const values = (refs: readonly Ref[]): number[] | null => {
        const out: number[] = [];
        for (const ref of refs) {
          const v = stats.get(pathOf(form, ref));
          if (v === undefined) return null;
          out.push(v);
        }
        return out;
      };
      const small = values(r.left);
      const large = values(r.right);
      if (!small || !large) continue;
      const a = small.reduce((s, v) => s + v, 0);
      const b = large.reduce((s, v) => s + v, 0);
      if (a > b) stats.warn('SOFT_RELATION', `${r.what}: ${a} > ${b}`, stats.provenance[pathOf(form, r.left[0]!)]!.line);
    }
  }
}
