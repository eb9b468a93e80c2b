// The audit page of a PDF (issue 22): the PDF's own pages with each value's box, in one file.
// Without Chromium the browser half is skipped, saying so; in CI (CI set) it fails instead.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../docs/chromium.mjs';
import { parseFile } from '../src/file.js';
import { pageName, viewPage } from '../src/view/index.js';
import { browserGate, openWatched } from './browser.js';
import { cli, fixture } from './helpers.js';

const HZQ2023 = fixture('fixtures/pdf/hzq2023.pdf');

describe('the page of a PDF', () => {
  let page = '';
  beforeAll(async () => {
    page = await viewPage(await parseFile(HZQ2023));
  }, 60_000);

  it('draws its five pages and boxes each value on its page, linked to its line', () => {
    expect(page.match(/<div class="pdf-page" id="page-\d+"/g)).toHaveLength(5);
    const box = /<a class="box box-table" href="#L61" data-path="requests.received.total" style="left:([\d.]+)%;top:([\d.]+)%;[^"]*"/.exec(page);
    expect(box).not.toBeNull();
    // The 总计 21 of the requests table on page 3: 492.4 of 595 points from the left, 483.2 of 842 from the top.
    expect(Number(box![1])).toBeCloseTo((100 * 492.4) / 595, 0);
    expect(Number(box![2])).toBeCloseTo((100 * 483.2) / 842, 0);
    const onPage3 = page.slice(page.indexOf('id="page-3"'), page.indexOf('id="page-4"'));
    expect(onPage3).toContain('data-path="requests.received.total"');
    // A figure stated in prose is boxed too: 主动公开政府信息 1136 条 on page 1.
    expect(page.slice(page.indexOf('id="page-1"'), page.indexOf('id="page-2"'))).toMatch(/class="box box-narrative" href="#L18" data-path="proactive.published"/);
  });

  it('carries the PDF and pdf.js, and its policy allows those scripts by hash and no request', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replace(/&#39;/g, "'");
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'$/);
    expect(page).toContain('<script type="application/octet-stream" id="pdf-data">JVBERi0');
    expect(page.match(/<script type="module">/g)).toHaveLength(3);
  });

  it('a text report keeps its page without any script', async () => {
    const text = await viewPage(await parseFile(fixture('fixtures/converters/hzq2023.pdftotext-raw.txt')));
    expect(text).not.toContain('<script');
    expect(text).not.toContain('id="pages"');
  });
});

const gate = browserGate();

describe.skipIf(gate.skip)(gate.title('the page of a PDF in Chromium'), () => {
  const pages = join(mkdtempSync(join(tmpdir(), 'dp-pdf-view-')), 'pages');
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    gate.ensure();
    const res = await cli([HZQ2023, '--html', pages, '-q', '-o', '/dev/null']);
    expect(res.code).toBe(0);
    browser = await launchChromium({ width: 1300, height: 900 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('pdf.js draws the pages; a click on the 总计 21 of line 61 shows its box on page 3; nothing is fetched', async () => {
    const file = join(pages, pageName(HZQ2023));
    const { page, requests, trouble } = await openWatched(browser.context, file);
    await page.waitForSelector('#page-1[data-drawn="yes"]', { timeout: 30_000 });
    // The first page is drawn: its canvas holds dark pixels (text), not only white.
    const ink = await page.locator('#page-1 canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 3]! > 0) dark++;
      return dark;
    });
    expect(ink).toBeGreaterThan(1000);
    const mark = page.locator('#L61 mark[data-path="requests.received.total"]');
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    const box = page.locator('#page-3 .box[data-path="requests.received.total"]');
    await page.waitForFunction(() => document.querySelector('#page-3 .box[data-path="requests.received.total"]')?.classList.contains('hit'));
    expect(await box.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
    })).toBe(true);
    await page.waitForSelector('#page-3[data-drawn="yes"]');
    expect(await box.getAttribute('href')).toBe('#L61');
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(trouble).toEqual([]);
  }, 60_000);
});
