// Headless Chromium for the browser tests (tests/view-browser.test.ts) and the documentation's
// screenshots (docs/screenshots.mjs): Debian's `chromium` package driven by playwright-core,
// which downloads no browser of its own. Every launch gets a fresh profile folder, removed after.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The browser: Debian's, unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, and nothing that reaches out: no QUIC, no component updates, no sync, no background requests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function haveChromium() {
  return existsSync(CHROMIUM);
}

/** A browser context on a fresh profile (`--user-data-dir`); `close()` ends it and removes the profile. */
export async function launchChromium(viewport = { width: 1400, height: 900 }) {
  const profile = mkdtempSync(join(tmpdir(), 'dp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
