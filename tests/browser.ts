// The gate of a test file that drives Debian's Chromium, by the suite's one rule for a missing tool
// (tests/helpers.ts: needs): without the browser its tests are skipped, saying why; under CI they
// run and fail saying why (.ci/run installs it). Call gate.ensure() first in the file's beforeAll.

import { CHROMIUM, haveChromium } from '../docs/chromium.mjs';
import { needs, type Need } from './helpers.js';

export function browserGate(): Need {
  return needs(haveChromium(), `no Chromium at ${CHROMIUM} (install it with: apt-get install chromium; or set CHROMIUM_PATH)`);
}
