// The canonical statistics' paths, from the schema: every dotted path a record can hold (in the
// schema's order, the CSV's columns), their union as a type, so that a form row, a prose rule or
// a column naming a path the contract lacks fails to compile, and the one getter of a value by path.

import type { z } from 'zod';
import { StatisticsSchema, type Statistics } from './schema.js';

/** The dotted paths of the leaves (numbers) of an object type: `requests.received.total` … */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends number ? `${Prefix}${K}` : LeafPaths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** A path of the canonical statistics (canonical-model.md), checked by the compiler. */
export type StatisticsPath = LeafPaths<Statistics>;

function leaves(schema: z.ZodType, prefix: string, out: string[]): string[] {
  let t = schema as unknown as { def: { type: string; innerType?: z.ZodType }; shape?: Record<string, z.ZodType> };
  while (t.def.type === 'optional') t = t.def.innerType as unknown as typeof t;
  if (t.def.type === 'object' && t.shape) {
    for (const [key, child] of Object.entries(t.shape)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else out.push(prefix);
  return out;
}

/** Every statistics path a record can hold, in schema order. */
export const STATISTICS_PATHS: readonly StatisticsPath[] = leaves(StatisticsSchema, '', []) as StatisticsPath[];

/** The value at a dotted path of any nested object (a record's statistics, a golden file's), or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
  let node = obj;
  let from = 0;
  for (;;) {
    if (node === null || typeof node !== 'object') return undefined;
    const dot = path.indexOf('.', from);
    const key = dot < 0 ? path.slice(from) : path.slice(from, dot);
    node = (node as Record<string, unknown>)[key];
    if (dot < 0) return node;
    from = dot + 1;
  }
}

/** The number at a statistics path, or undefined. */
export function statisticAt(statistics: unknown, path: string): number | undefined {
  const v = valueAt(statistics, path);
  return typeof v === 'number' ? v : undefined;
}
