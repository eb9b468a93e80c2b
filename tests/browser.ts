// The gate of a test file that drives Debian's Chromium: without the browser its tests are skipped,
// saying so, except under CI (CI set), where a test that fails takes their place (.ci/run installs it).

import { describe, it } from 'vitest';
import { CHROMIUM, haveChromium } from '../docs/chromium.mjs';

export interface BrowserGate {
  available: boolean;
  /** The describe title: as given, or saying why it is skipped. */
  title(name: string): string;
}

export function browserGate(file: string): BrowserGate {
  const available = haveChromium();
  const why = `no Chromium at ${CHROMIUM} (install it with: apt-get install chromium; or set CHROMIUM_PATH)`;
  if (!available && !process.env.CI) console.warn(`${file}: the browser tests are SKIPPED: ${why}`);
  if (!available && process.env.CI) {
    describe(`the browser tests of ${file} in CI`, () => {
      it('have Chromium: CI never skips them', () => {
        throw new Error(`${why}; .ci/run installs it with apt`);
      });
    });
  }
  return { available, title: (name) => (available ? name : `${name}: SKIPPED, ${why}`) };
}
