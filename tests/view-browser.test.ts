// The HTML pages as a person sees them, in Debian's Chromium driven by playwright-core: the value
// of requests.received.total marked on its provenance line with its path on hover and focus, a
// failed check that takes you to its line, the index sorted by year and filtered, the agency
// chart drawn, and the hostile fixture running nothing. Screenshots are taken on the way (the
// folder is printed; VIEW_SCREENSHOTS=DIR to choose it).
//
// Without Chromium (apt-get install chromium) these tests are skipped, saying so; in CI (CI set)
// they fail instead: .ci/run installs the browser (tests/helpers.ts: needs).

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../docs/chromium.mjs';
import { pageName } from '../src/view/index.js';
import { browserGate, openWatched, type Opened } from './browser.js';
import { cli, fixture, SEEDS } from './helpers.js';

const gate = browserGate();

/** A batch of eleven reports with their pages, and a browser started: beyond vitest's 10 s for a hook on two busy cores. */
const SETUP_TIME = 60_000;

const HOSTILE_NAME = `"><img src=x onerror="window.__pwned='name'">.txt`;

describe.skipIf(gate.skip)(gate.title('the pages in Chromium'), () => {
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
    gate.ensure();
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
  }, SETUP_TIME);

  afterAll(async () => {
    await browser?.close();
  });

  const open = (file: string, hash = ''): Promise<Opened> => openWatched(browser.context, file, hash);

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

  /**
   * Where the text of `selector`'s elements wraps: for each line break inside one element, the
   * character before it and the one after (`['_', 'M']` for `TABLES_` / `MISSING`).
   */
  function breaksIn(page: Page, selector: string): Promise<Array<{ text: string; breaks: string[][] }>> {
    return page.locator(selector).evaluateAll((elements) =>
      elements.map((el) => {
        // Each visible character with the top of its line; a break at a space is no break inside a word.
        const chars: Array<{ c: string; top: number; afterSpace: boolean }> = [];
        let space = false;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i]!)) {
              space = true;
              continue;
            }
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            chars.push({ c: text[i]!, top: range.getBoundingClientRect().top, afterSpace: space });
            space = false;
          }
        }
        const breaks: string[][] = [];
        for (let i = 1; i < chars.length; i++) if (chars[i]!.top > chars[i - 1]!.top + 2 && !chars[i]!.afterSpace) breaks.push([chars[i - 1]!.c, chars[i]!.c]);
        return { text: el.textContent ?? '', breaks };
      }),
    );
  }

  for (const width of [420, 700, 1400]) {
    it(`the index at ${width} px: no header overlaps, a year, layout, count or code never breaks inside a word, nothing scrolls sideways`, async () => {
      const { page, trouble } = await open(join(pages, 'index.html'));
      await page.setViewportSize({ width, height: 900 });
      // The charts follow a resize on the next frames (Chart.js's resize observer): measure after two.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const heads = await page.locator('#reports thead th').evaluateAll((ths) => ths.map((th) => {
        const r = th.querySelector('button')!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }));
      expect(heads).toHaveLength(7);
      for (let i = 0; i < heads.length; i++) {
        for (let j = i + 1; j < heads.length; j++) {
          const [a, b] = [heads[i]!, heads[j]!];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `header ${i} and ${j} overlap at ${width} px`).toBe(false);
        }
      }
      // A year, a layout and a count stay on one line (`20|13`, `pre2|019`, `unkn|own` were the faults).
      for (const cell of await breaksIn(page, '#reports td.num, #reports td.tok, #reports thead button')) expect(cell.breaks, `"${cell.text}" at ${width} px`).toEqual([]);
      // A code, a rule and a path break only after a separator.
      for (const cell of await breaksIn(page, '#reports td.codes .tok, #reports td.file a, dl.triage button')) {
        for (const [before] of cell.breaks) expect('_./-', `"${cell.text}" broken after "${before}" at ${width} px`).toContain(before!);
      }
      await shoot(page, `index-${width}.png`, true);
      expect(trouble).toEqual([]);
    });
  }

  it('the index draws every chart without being scrolled, and a 0 as a visible bar', async () => {
    const { page, trouble } = await open(join(pages, 'index.html'));
    await page.waitForSelector('figure.chart[data-drawn="true"]', { state: 'attached' });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const bars = await page.locator('figure.chart canvas').evaluate((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: unknown): { getDatasetMeta(i: number): { data: Array<{ x: number; y: number; base: number }> }; data: { datasets: Array<{ data: Array<number | null> }> } } } }).Chart.getChart(canvas)!;
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data; // read once: several reads make Chromium warn
      const scale = c.width / c.getBoundingClientRect().width;
      return chart.data.datasets.map((d, i) =>
        d.data.map((value, j) => {
          const bar = chart.getDatasetMeta(i).data[j]!;
          const alpha = pixels[(Math.round(((bar.y + bar.base) / 2) * scale) * c.width + Math.round(bar.x * scale)) * 4 + 3]!;
          return { value, height: Math.abs(bar.base - bar.y), inked: alpha > 0 };
        }),
      );
    });
    // granted 2023 and carried over in both years are 0: drawn, thin, and inked.
    for (const zero of [bars[1]![0]!, bars[2]![0]!, bars[2]![1]!]) {
      expect(zero.value).toBe(0);
      expect(zero.height).toBeGreaterThanOrEqual(2);
      expect(zero.height).toBeLessThan(6);
      expect(zero.inked).toBe(true);
    }
    expect(bars[0]![1]).toMatchObject({ value: 95, inked: true });
    await shoot(page, 'index-unscrolled-full.png', true);
    expect(trouble, trouble.join('\n')).toEqual([]);
  });

  it('the index filters by a warning code or a failed rule, typed or from its button at the top', async () => {
    const { page, trouble } = await open(join(pages, 'index.html'));
    const shownFiles = (): Promise<string[]> => page.locator('#reports tbody tr:not([hidden]) td.file').allInnerTexts();
    await page.locator('#filter').fill('PROSE_TABLE_MISMATCH');
    expect(await shownFiles()).toEqual([named.corpus, fixture('fixtures/cli/hzq2024.pdftotext-layout.text')].sort());
    await page.locator('#filter').fill('appeals.total');
    expect(await shownFiles()).toEqual([fixture('fixtures/cli/hzq2023.pdftotext-layout.text')]);
    await page.locator('#filter').fill('');
    await page.locator('dl.triage button[data-filter="prose.table"]').click();
    expect(await page.locator('#filter').inputValue()).toBe('prose.table');
    expect(await page.locator('#shown').innerText()).toBe('2 of 11 shown');
    expect(trouble).toEqual([]);
  });

  it("a report page shows a form feed as the letters FF, which every font draws (not ␌, missing from CJK fonts)", async () => {
    const { page, trouble } = await open(pageOf(named.corpus));
    const marks = page.locator('#text .t .ctl');
    expect(await marks.count()).toBe(5); // mutool's five page breaks
    expect(await marks.first().innerText()).toBe('FF');
    expect(await marks.first().getAttribute('title')).toBe('control character U+000C FF');
    const box = await marks.first().boundingBox();
    expect(box!.width).toBeGreaterThan(8);
    expect(await page.locator('#text').innerText()).not.toContain('\u240c');
    expect(trouble).toEqual([]);
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
