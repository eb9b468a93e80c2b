// What the terminal gets: colour and a progress bar only where a person is watching, following
// the conventions other tools keep (no-color.org; no bar in CI, on a dumb terminal, or when the
// records themselves go to the terminal the bar would be drawn on).

import { fstatSync } from 'node:fs';
import type { Writable } from 'node:stream';

type Env = Record<string, string | undefined>;

function isTTY(stream: Writable): boolean {
  return (stream as Writable & { isTTY?: boolean }).isTTY === true;
}

/** `CI=true` (any value but empty, 0 or false) as CI services set it. */
export function inCI(env: Env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Whatever a terminal can be asked for: not in CI, not on a dumb one. */
function plainTerminal(env: Env): boolean {
  return inCI(env) || env.TERM === 'dumb';
}

/** Colour on `stream`: a terminal, and no NO_COLOR (any non-empty value turns colour off). */
export function wantsColor(stream: Writable, env: Env): boolean {
  return isTTY(stream) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && !plainTerminal(env);
}

function deviceOf(stream: Writable): number | null {
  const fd = (stream as Writable & { fd?: number }).fd;
  if (typeof fd !== 'number') return null;
  try {
    return fstatSync(fd).rdev;
  } catch {
    return null;
  }
}

/** Two terminal streams are one terminal unless their devices say otherwise. */
function sameTerminal(a: Writable, b: Writable): boolean {
  if (!isTTY(a) || !isTTY(b)) return false;
  const da = deviceOf(a);
  const db = deviceOf(b);
  return da === null || db === null || da === db;
}

/**
 * A progress bar on `stderr`: only on an interactive terminal, and not when the records go to
 * stdout on that same terminal (the bar would be drawn between them).
 */
export function wantsProgressBar(stderr: Writable, stdout: Writable | null, env: Env): boolean {
  if (!isTTY(stderr) || plainTerminal(env)) return false;
  return stdout === null || !sameTerminal(stdout, stderr);
}
