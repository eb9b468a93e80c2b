// The gate of a test file that drives Debian's Chromium, by the suite's one rule for a missing tool
// (tests/helpers.ts: needs): without the browser its tests are skipped, saying why; under CI they
// run and fail saying why (.ci/run installs it). Call gate.ensure() first in the file's beforeAll.

import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, haveChromium } from '../docs/chromium.mjs';
import { needs, type Need } from './helpers.js';

export function browserGate(): Need {
  return needs(haveChromium(), `no Chromium at ${CHROMIUM} (install it with: apt-get install chromium; or set CHROMIUM_PATH)`);
}

export interface Opened {
  page: Page;
  /** Every request the page made (its own file: URL is the only one it may). */
  requests: string[];
  /** Console errors and warnings (a Content-Security-Policy violation is one), page errors and dialogs. */
  trouble: string[];
}

/** A page of a file opened in the browser, watched from before it loads: what it asks for and what goes wrong. */
export async function openWatched(context: BrowserContext, file: string, hash = ''): Promise<Opened> {
  const page = await context.newPage();
  const requests: string[] = [];
  const trouble: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') trouble.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href + hash);
  return { page, requests, trouble };
}
