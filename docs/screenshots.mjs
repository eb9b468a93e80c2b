#!/usr/bin/env node
// The screenshots of docs/guide.md: the pages of the fixtures written with --html, photographed in
// Debian's Chromium. Run from the repository, after npm install:
//   node docs/screenshots.mjs
// It needs chromium and a Chinese font (apt-get install chromium fonts-wqy-zenhei).
//   docs/report-checks.png  a report page's top: metadata, the failed check, the warning
//   docs/report-page.png    its text beside the rebuilt table, a value's tooltip shown
//   docs/index.png          the index of the batch, sorted by year, with the agency's chart
//   docs/pdf-page.png       a PDF's page: the document drawn by pdf.js, its values boxed, one clicked

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageName } from '../dist/view/index.js';
import { launchChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'dp-docs-'));
const report = 'fixtures/converters/hzq2024.mutool-txt.txt';
const inputs = ['fixtures/seeds', 'fixtures/corpus', report, 'fixtures/cli/hzq2023.pdftotext-layout.text', 'fixtures/cli/hzq2024.pdftotext-layout.text'];
const run = spawnSync(process.execPath, ['bin/disclose-parse.js', ...inputs, '--html', out, '-o', '/dev/null', '-q'], { cwd: root, encoding: 'utf8' });
if (run.status !== 0 && run.status !== 1) throw new Error(`disclose-parse failed: ${run.stderr}`);
// A PDF in a folder of its own, so that the index above stays the text reports'.
const pdf = 'fixtures/pdf/hzq2023.pdf';
const pdfOut = join(out, 'pdf');
const pdfRun = spawnSync(process.execPath, ['bin/disclose-parse.js', pdf, '--html', pdfOut, '-o', '/dev/null', '-q'], { cwd: root, encoding: 'utf8' });
if (pdfRun.status !== 0) throw new Error(`disclose-parse failed on ${pdf}: ${pdfRun.stderr}`);

const browser = await launchChromium({ width: 1400, height: 860 });
try {
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(join(out, pageName(report))).href);
  await page.screenshot({ path: join(root, 'docs', 'report-checks.png') });

  await page.goto(pathToFileURL(join(out, pageName(report))).href + '#L152');
  await page.locator('#L167 mark[data-path="requests.received.total"]').hover();
  await page.screenshot({ path: join(root, 'docs', 'report-page.png') });

  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await page.locator('#reports thead button', { hasText: 'Year' }).click();
  await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('figure.chart[data-drawn="true"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(root, 'docs', 'index.png'), fullPage: true });

  await page.setViewportSize({ width: 1300, height: 900 });
  await page.goto(pathToFileURL(join(pdfOut, pageName(pdf))).href);
  const mark = page.locator('#L61 mark[data-path="requests.received.total"]');
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  await page.waitForSelector('#page-3[data-drawn="yes"]');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(root, 'docs', 'pdf-page.png') });
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
console.log('docs/report-checks.png, docs/report-page.png, docs/index.png, docs/pdf-page.png written');
