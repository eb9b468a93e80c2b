// One figure per path from all the readings a report's prose gives of it, or none and a warning.
//
// - A number refused (numerals.ts) stays out, and no other wording of the same fact fills its place.
// - The plainest readings win (rule.ts Level): a clause that names the fact (主动公开政府信息350条)
//   over one in general words (公开政府信息350条) over one that has only its heading to say what it
//   counts. A part whose clause names the fact (`共发布信息1200条,其中主动公开政府信息300条`) shows
//   that the totals of lower levels count something wider: they are not taken.
// - Among the plainest: readings of the whole must agree; where they do not (two totals, a figure
//   and a denial) none is taken and a PROSE_CONFLICT warning names both. The website's count
//   (`通过门户网站主动公开信息754条`) is the total only when no reading of the whole is given and no
//   other channel is counted at that level; other channels' counts are parts of a total the text
//   does not state, and give nothing.

import type { Refusal } from '../../lexical/values.js';
import type { StatisticsPath } from '../../statistics.js';
import type { Channel, Level } from './rule.js';

export interface Reading {
  path: StatisticsPath;
  value: number;
  /** The number is refused: no figure for the path, and a warning. */
  refused?: { code: Refusal; reason: string };
  level: Level;
  /** The channels it counts (channels.ts), or null for the whole. */
  channel: Channel | null;
}

export type Choice<R extends Reading> =
  | { kind: 'figure'; reading: R }
  | { kind: 'none' }
  | { kind: 'refused'; reading: R }
  | { kind: 'conflict'; readings: [R, R] };

/** `vetoed`: a part of a lower-level total named the fact (see above). */
export function choose<R extends Reading>(readings: readonly R[], vetoed: boolean): Choice<R> {
  const refused = readings.find((r) => r.refused);
  if (refused) return { kind: 'refused', reading: refused };
  let level: Level = 2;
  for (const r of readings) if (r.level < level) level = r.level;
  if (vetoed && level > 0) return { kind: 'none' };
  const pool = readings.filter((r) => r.level === level);
  const whole = pool.filter((r) => r.channel === null);
  if (whole.length > 0) return agreed(whole);
  return pool.every((r) => r.channel === 'website') ? agreed(pool) : { kind: 'none' };
}

function agreed<R extends Reading>(pool: readonly R[]): Choice<R> {
  const first = pool[0]!;
  const other = pool.find((r) => r.value !== first.value);
  return other ? { kind: 'conflict', readings: [first, other] } : { kind: 'figure', reading: first };
}
