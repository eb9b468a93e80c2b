// The HTML pages as a person sees them, in Debian's Chromium driven by playwright-core: the value
// of requests.received.total marked on its provenance line with its path on hover and focus, a
// failed check that takes you to its line, the index sorted by year and filtered, the agency
// chart drawn, and the hostile fixture running nothing. Screenshots are taken on the way (the
// folder is printed; VIEW_SCREENSHOTS=DIR to choose it).
//
// Without Chromium (apt-get install chromium) these tests are skipped, saying so; in CI (CI set)
// they fail instead: .ci/run installs the browser.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../docs/chromium.mjs';
import { pageName } from '../src/view/index.js';
import { browserGate } from './browser.js';
import { cli, fixture, SEEDS } from './helpers.js';

const gate = browserGate('tests/view-browser.test.ts');

const HOSTILE_NAME = `"><img src=x onerror="window.__pwned='name'">.txt`;

describe.skipIf(!gate.available)(gate.title('the pages in Chromium'), () => {
  const shots = process.env.VIEW_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'dp-screenshots-'));
  const pages = join(mkdtempSync(join(tmpdir(), 'dp-browser-')), 'pages');
  const inputs = mkdtempSync(join(tmpdir(), 'dp-browser-in-'));
  const hostile = join(inputs, HOSTILE_NAME);
  const named = {
    seed: fixture(SEEDS.s001),
    corpus: fixture('fixtures/converters/hzq2024.mutool-txt.txt'),
    hostile,
    hostileUtf16: fixture('fixtures/view/hostile-utf16le.txt'),
  };
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    copyFileSync(fixture('fixtures/view/hostile.txt'), hostile);
    const res = await cli([
      fixture('fixtures/seeds'),
      named.corpus,
      fixture('fixtures/cli/hzq2023.pdftotext-layout.text'),
      fixture('fixtures/cli/hzq2024.pdftotext-layout.text'),
      hostile,
      named.hostileUtf16,
      fixture('fixtures/bad/empty.txt'),
      '--html',
      pages,
      '-q',
    ]);
    expect(res.code).toBe(1); // empty.txt is an error record
    browser = await launchChromium({ width: 1400, height: 900 });
    console.info(`tests/view-browser.test.ts: screenshots in ${shots}`);
  }, 60_000); // a batch of the seeds and the hostile files, and a browser to start: slow on a busy machine

  afterAll(async () => {
    await browser?.close();
  });

  interface Opened {
    page: Page;
    /** Every request the page made (its own file: URL is the only one it may). */
    requests: string[];
    /** Console errors (a Content-Security-Policy violation is one), page errors and dialogs. */
    trouble: string[];
  }

  async function open(file: string, hash = ''): Promise<Opened> {
    const page = await browser.context.newPage();
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

  const pageOf = (input: string): string => join(pages, pageName(input));

  /** A screenshot: a PNG as wide as the window (and as tall, or the whole page). */
  async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
    const path = join(shots, name);
    await page.screenshot({ path, fullPage });
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(page.viewportSize()!.width);
    if (fullPage) expect(height).toBe(await page.evaluate(() => document.documentElement.scrollHeight));
    else expect(height).toBe(page.viewportSize()!.height);
  }

  it('seed 001: requests.received.total is marked on line 120, and hover or focus shows its path, label and value', async () => {
    const { page, requests, trouble } = await open(pageOf(named.seed), '#L100');
    const line = page.locator('#L120');
    expect(await line.getAttribute('class')).toBe('l hl');
    const mark = line.locator('mark[data-path="requests.received.total"]');
    expect(await mark.evaluate((el) => el.firstChild?.textContent)).toBe('11');
    expect(await line.locator('.n').innerText()).toBe('120');
    const tip = mark.locator('.tip');
    expect(await tip.isVisible()).toBe(false);
    await mark.hover();
    expect(await tip.isVisible()).toBe(true);
    expect((await tip.innerText()).split('\n')).toEqual(['requests.received.total', '（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量 / 申请人情况 / 总计（2019、2021）', '= 11', 'table cell: t6 row 3 col 9, line 120, text “11”']);
    await shoot(page, 'report-seed001-hover.png');
    await page.mouse.move(5, 5);
    expect(await tip.isVisible()).toBe(false);
    await mark.focus();
    expect(await tip.isVisible()).toBe(true);
    // The rebuilt table beside the lines holds the same value, linked to line 120.
    const cell = page.locator('aside a[data-path="requests.received.total"]');
    expect(await cell.getAttribute('href')).toBe('#L120');
    expect(await cell.evaluate((el) => el.firstChild?.textContent)).toBe('11');
    // Table, narrative and implied values look different (the legend's three samples).
    const looks = await page.locator('.legend mark').evaluateAll((marks) => marks.map((m) => `${getComputedStyle(m).backgroundColor} ${getComputedStyle(m).borderStyle}`));
    expect(new Set(looks).size).toBe(3);
    expect(requests).toEqual([pathToFileURL(pageOf(named.seed)).href]);
    expect(trouble).toEqual([]);
  });

  it('corpus hzq2024: the failed check is at the top and its link takes you to line 167, where the table gives 95', async () => {
    const { page, trouble } = await open(pageOf(named.corpus));
    await shoot(page, 'report-hzq2024-top.png');
    const failed = page.locator('ul.checks li.fail');
    expect(await failed.count()).toBe(1);
    expect(await failed.innerText()).toContain('prose.table requests.received.total: requests.received.total: the text says 17 (line 49), the table 95 (line 167)');
    await failed.locator('a[href="#L167"]').click();
    expect(new URL(page.url()).hash).toBe('#L167');
    const line = page.locator('#L167');
    expect(await line.evaluate((el) => el.matches(':target'))).toBe(true);
    const box = await line.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    // In view, to the pixel: scrolling to a target lands on fractions of a pixel (−0.27 seen).
    expect(box.top).toBeGreaterThanOrEqual(-1);
    expect(box.bottom).toBeLessThanOrEqual(box.height + 1);
    expect(await line.getAttribute('class')).toBe('l hl flag');
    expect(await line.locator('mark[data-path="requests.received.total"]').evaluate((el) => el.firstChild?.textContent)).toBe('95');
    // The other line the check names: the text's figure, flagged.
    await failed.locator('a[href="#L49"]').click();
    expect(await page.locator('#L49 .t').innerText()).toBe('信息公开申请 17 件，均已在法定期限内予以答复。');
    expect(await page.locator('#L49').getAttribute('class')).toBe('l flag');
    expect(trouble).toEqual([]);
  });

  it('the index sorts by year both ways, filters, and draws the chart of the agency with two years', async () => {
    const { page, requests, trouble } = await open(join(pages, 'index.html'));
    const years = (): Promise<string[]> => page.locator('#reports tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[2]!.textContent!.trim()));
    const before = await years();
    expect(before).toHaveLength(11);
    const yearHead = page.locator('#reports thead th', { hasText: 'Year' });
    await yearHead.locator('button').click();
    expect(await yearHead.getAttribute('aria-sort')).toBe('ascending');
    const up = await years();
    const dated = up.filter((y) => y !== '');
    expect(dated).toEqual([...dated].sort());
    expect(dated[0]).toBe('2013');
    expect(up.slice(dated.length).every((y) => y === '')).toBe(true); // rows without a year last
    await yearHead.locator('button').click();
    expect(await yearHead.getAttribute('aria-sort')).toBe('descending');
    const down = (await years()).filter((y) => y !== '');
    expect(down).toEqual([...dated].reverse());
    await shoot(page, 'index-by-year.png', true);

    await page.locator('#filter').fill('洪泽');
    const shown = page.locator('#reports tbody tr:not([hidden])');
    expect(await shown.count()).toBe(3);
    for (const text of await shown.allInnerTexts()) expect(text).toContain('洪泽区人民政府');
    expect(await page.locator('#shown').innerText()).toBe('3 of 11 shown');
    await page.locator('#filter').fill('');
    await page.locator('#only-problems').check();
    expect(await page.locator('#shown').innerText()).toBe('6 of 11 shown');

    const figure = page.locator('figure.chart');
    expect(await figure.count()).toBe(1);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForSelector('figure.chart[data-drawn="true"]');
    const drawn = await figure.locator('canvas').evaluate((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: unknown): { data: { labels: string[]; datasets: Array<{ data: Array<number | null> }> } } } }).Chart.getChart(canvas);
      const pixels = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height).data;
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
      return { labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data), inked };
    });
    expect(drawn.labels).toEqual(['2023', '2024']);
    expect(drawn.data).toEqual([
      [21, 95],
      [0, 50],
      [0, 0],
    ]);
    expect(drawn.inked).toBeGreaterThan(1000);
    await shoot(page, 'index-chart.png');
    expect(requests).toEqual([pathToFileURL(join(pages, 'index.html')).href]);
    expect(trouble).toEqual([]); // no script refused by the policy, no error
  });

  for (const which of ['hostile', 'hostileUtf16'] as const) {
    it(`the hostile fixture (${which}) runs no script: its markup is text on the page`, async () => {
      const { page, requests, trouble } = await open(pageOf(named[which]));
      // Go over everything a person could touch.
      for (const target of await page.locator('h1, dd, mark').all()) await target.hover({ force: true });
      for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);
      expect(await page.locator('body img, body svg, body iframe, body textarea, body style, body script').count()).toBe(0);
      expect(await page.locator('h1').innerText()).toBe(`测试县"onmouseover="window.__pwned='attr'"卫生局2018年政府信息公开工作年度报告`);
      expect(await page.locator('#L1 .t').innerText()).toBe(`<script>window.__pwned = 'title-line'</script>`);
      expect(await page.locator('#L7 .t').innerText()).toBe(`网址：javascript:window.__pwned='url'`);
      expect(await page.locator('#L5 .t').innerText()).toContain(which === 'hostile' ? '本局主动公开政府信息<b onclick=' : '本局主动\ufffd公开\ufffd政府信息<b onclick=');
      expect(await page.locator('#L12 .t').innerText()).toBe('行分隔符\ufffd仍在同一行\ufffd段分隔符也是');
      if (which === 'hostile') await shoot(page, 'report-hostile.png');
      expect(requests).toHaveLength(1);
      expect(trouble).toEqual([]);
    });
  }

  it('the index of the batch with the hostile file name and agency runs no script either', async () => {
    const { page, trouble } = await open(join(pages, 'index.html'));
    for (const target of await page.locator('#reports a').all()) await target.hover({ force: true });
    await page.locator('#filter').fill(`"><img src=x onerror="window.__pwned='filter'">`);
    await page.locator('#filter').fill('');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(3); // the data, Chart.js, the index's own
    expect(await page.locator('body img, body svg, body iframe').count()).toBe(0);
    const link = page.locator('#reports a', { hasText: HOSTILE_NAME });
    expect(await link.innerText()).toBe(hostile);
    expect(await link.getAttribute('href')).toBe(encodeURIComponent(pageName(hostile)));
    expect(trouble).toEqual([]);
  });
});
