// The HTML pages (disclose-parse view, --html DIR) without a browser: what the pages hold, that
// every value of every fixture is marked in place, that nothing in a report can become markup,
// and how the batch writes them. tests/view-browser.test.ts looks at the same pages in Chromium.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/file.js';
import type { ReportRecord } from '../src/schema.js';
import { escapeHtml, html, inlineScript, raw, scriptJson } from '../src/view/html.js';
import { pageName, viewPage } from '../src/view/index.js';
import { marksByLine } from '../src/view/marks.js';
import { reportPage } from '../src/view/page.js';
import { sourceText } from '../src/view/source.js';
import { cli, expectCliError, fixture, parseFixture, ROOT, SEEDS } from './helpers.js';

const HOSTILE = 'fixtures/view/hostile.txt';
const HOSTILE_UTF16 = 'fixtures/view/hostile-utf16le.txt';

async function pageOf(rel: string): Promise<string> {
  return viewPage(await parseFile(fixture(rel)));
}

/** The markup of line N of a page: its whole `<div … id="LN">…</div>`. */
function lineOf(page: string, n: number): string {
  const m = new RegExp(`<div class="[^"]*" id="L${n}">.*?</div>\\n`).exec(page);
  if (!m) throw new Error(`no line ${n}`);
  return m[0];
}

/** The data-path of each marked value, in the order of the markup. */
function markedPaths(markup: string): string[] {
  return [...markup.matchAll(/<mark class="v [^"]*" tabindex="0" data-path="([^"]*)"/g)].map((m) => m[1]!);
}

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'script', 'body', 'header', 'nav', 'main', 'section', 'footer', 'aside', 'div', 'p', 'span',
  'a', 'b', 'i', 'br', 'code', 'mark', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd', 'ul', 'li', 'details', 'summary', 'table', 'thead', 'tbody',
  'tr', 'th', 'td', 'label', 'input', 'output', 'button', 'figure', 'figcaption', 'canvas', 'wbr',
]);
const ATTRIBUTES = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'tabindex', 'role', 'title', 'scope', 'colspan',
  'data-path', 'data-i', 'data-type', 'data-label', 'data-filter', 'aria-label', 'aria-sort', 'type', 'placeholder', 'autocomplete',
]);

/**
 * Every `<` of the page starts a tag this program writes, with attributes it writes, quoted; no
 * event handler, no `javascript:` link. Script bodies are our own (checked apart), so they are
 * cut out first; style bodies hold no `<`.
 */
function structureProblems(page: string): string[] {
  const problems: string[] = [];
  const body = page.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
  const tag = /<(?:!DOCTYPE html|(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*)>/y;
  for (let at = body.indexOf('<'); at >= 0; at = body.indexOf('<', at + 1)) {
    tag.lastIndex = at;
    const m = tag.exec(body);
    if (!m) {
      problems.push(`stray < at ${at}: ${body.slice(at, at + 60)}`);
      continue;
    }
    if (m[2] !== undefined && !TAGS.has(m[2])) problems.push(`tag ${m[2]}`);
    for (const a of (m[3] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
      if (!ATTRIBUTES.has(a[1]!)) problems.push(`attribute ${a[1]} on ${m[2]}`);
      if (a[1] === 'href' && /^\s*[a-z][a-z0-9+.-]*:/i.test(a[2] ?? '')) problems.push(`link with a scheme: ${a[2]}`);
    }
  }
  return problems;
}

describe('escaping', () => {
  it('escapes markup, and shows control, invisible and reordering characters and lone surrogates as symbols', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml('a\u2028b\u2029c\u202ed\ufeffe\u0085f')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
    expect(escapeHtml('\u0000\u0007\u001b\u007f')).toBe('\u2400\u2407\u241b\u2421');
    expect(escapeHtml('孤\ud800立\udc00字')).toBe('孤\ufffd立\ufffd字');
    expect(escapeHtml('\ud83d\ude00 \t')).toBe('\ud83d\ude00 \t'); // a pair and a tab stay
  });

  it('html`` escapes what it is given, except html`` itself', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"onmouseover="x'}">${inner}${['<', raw('&amp;')]}${null}${false}${3}</p>`.text).toBe(
      '<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;&amp;3</p>',
    );
  });

  it('JSON in a script element cannot end it, and reads back the same', () => {
    const value = { agency: '</script><script>alert(1)</script><!--', sep: '\u2028\u2029', lone: '\ud800' };
    const text = scriptJson(value).text;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(() => inlineScript('var s = "</script>";', 'test')).toThrow(/cannot be inlined/);
  });

  for (const rel of [HOSTILE, HOSTILE_UTF16]) {
    it(`the hostile fixture ${rel}: nothing in it becomes markup`, async () => {
      const page = await pageOf(rel);
      expect(structureProblems(page)).toEqual([]);
      expect(page).not.toMatch(/<script/);
      expect(page).not.toMatch(/[\ud800-\udfff\u2028\u2029\u202e]/u);
      // The payloads are there, as text.
      expect(page).toContain('&lt;script&gt;window.__pwned = &#39;title-line&#39;&lt;/script&gt;');
      expect(page).toContain('<h1>测试县&quot;onmouseover=&quot;window.__pwned=&#39;attr&#39;&quot;卫生局2018年政府信息公开工作年度报告</h1>');
      expect(page).toContain('&lt;/textarea&gt;&lt;svg onload=');
      expect(page).toContain('网址：javascript:window.__pwned=&#39;url&#39;');
      // A control character in a line is shown by its ASCII name, which every font draws (not ␇, ␛).
      expect(page).toContain('控制字符<span class="ctl" title="control character U+0007 BEL">BEL</span>与<span class="ctl" title="control character U+001B ESC">ESC</span>[31m转义');
    });
  }

  it('the lone surrogates of the UTF-16 fixture reach the page as U+FFFD', async () => {
    expect(lineOf(await pageOf(HOSTILE_UTF16), 5)).toContain('本局主动\ufffd公开\ufffd政府信息');
  });
});

describe('the report page', () => {
  it('marks requests.received.total of seed 001 on its provenance line, with its path, label and value', async () => {
    const record = await parseFixture(SEEDS.s001);
    expect(record.provenance['requests.received.total']).toMatchObject({ line: 120, raw: '11', table: 't6' });
    const page = await viewPage(record);
    const line = lineOf(page, 120);
    expect(line).toMatch(/^<div class="l hl" id="L120">/);
    expect(line).toContain(
      '<mark class="v v-table" tabindex="0" data-path="requests.received.total">11<span class="tip" role="tooltip"><span><b>requests.received.total</b><br>（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量 / 申请人情况 / 总计（2019、2021）<br>= 11<br>',
    );
    // The statistics list links back to the line.
    expect(page).toContain('<tr id="s-requests.received.total"><td><code>requests.received.total</code><span class="label">（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量 / 申请人情况 / 总计（2019、2021）</span></td><td class="value"><a class="v v-table" href="#L120">11</a></td></tr>');
    // Its table is rebuilt beside the lines it came from.
    const segment = /<div class="seg tbl">(?:(?!<div class="seg).)*id="L120"(?:(?!<div class="seg).)*<\/aside><\/div>/s.exec(page)?.[0] ?? '';
    expect(segment).toContain('id="L92"');
    expect(segment).toContain('id="L354"');
    expect(segment).toContain('<h3 id="t6">t6 · requests · tab · lines');
    expect(segment).toContain('<td class="num"><a class="v v-table" href="#L120" data-path="requests.received.total" title="requests.received.total = 11: （一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量 / 申请人情况 / 总计（2019、2021）">11</a></td>');
  });

  it('marks a figure stated in prose as narrative (seed 004)', async () => {
    const page = await pageOf(SEEDS.s004);
    expect(lineOf(page, 17)).toContain('<mark class="v v-narrative" tabindex="0" data-path="proactive.published">主动公开政府信息56条<span class="tip"');
  });

  it('marks an implied zero as a badge on its row line and in its empty grid cell', async () => {
    const rel = 'fixtures/converters/sh2019.libreoffice-calc-tsv.txt';
    const record = await parseFixture(rel);
    const p = record.provenance['requests.received.research']!;
    expect(p).toMatchObject({ method: 'implied', raw: '' });
    const page = await viewPage(record);
    expect(lineOf(page, p.line)).toContain('<mark class="v v-implied badge" tabindex="0" data-path="requests.received.research">0<span class="tip"');
    expect(page).toContain(`<a class="v v-implied" href="#L${p.line}" data-path="requests.received.research" title="requests.received.research = 0: 一、本年新收政府信息公开申请数量 / 申请人情况 / 法人或其他组织 / 科研机构">0</a>`);
    expect(page).toContain('blank cell the table proves to be 0');
  });

  it('marks the cells of one line in their columns (an aligned table of huaian2024)', async () => {
    const record = await parseFixture('fixtures/corpus/huaian2024.pdftotext-layout.txt');
    const line = record.provenance['requests.received.total']!.line;
    const onLine = Object.entries(record.provenance)
      .filter(([, p]) => p.line === line)
      .sort(([, a], [, b]) => a.col! - b.col!)
      .map(([path]) => path);
    expect(onLine).toEqual(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => `requests.received.${c}`));
    const markup = lineOf(await viewPage(record), line);
    expect(markedPaths(markup)).toEqual(onLine);
    expect([...markup.matchAll(/data-path="requests[^"]*">(\d+)</g)].map((m) => m[1])).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
  });

  it('finds every value of every fixture report in place on its line', async () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : []));
    let marked = 0;
    for (const file of walk(join(ROOT, 'fixtures'))) {
      const record = await parseFile(file);
      if ('error' in record) continue;
      const text = await sourceText(record);
      if (text.lines === null) throw new Error(`${file}: ${text.why}`);
      for (const [no, marks] of marksByLine(record, text.lines)) {
        expect(marks.badges.filter((e) => e.method !== 'implied').map((e) => e.path), `${file}:${no}`).toEqual([]);
        for (const span of marks.spans) {
          // A prose figure's raw is the words as written; a cell's is its cleaned text (`251000 元` → `251000元`).
          const shown = text.lines[no - 1]!.slice(span.start, span.end);
          for (const e of span.entries) {
            if (e.method === 'narrative') expect(shown, `${file}:${no} ${e.path}`).toContain(e.prov.raw);
            else expect(shown.replace(/[\s\u3000\u00a0]/g, ''), `${file}:${no} ${e.path}`).toContain(e.prov.raw.replace(/[\s\u3000\u00a0]/g, ''));
          }
          marked += span.entries.length;
        }
      }
    }
    expect(marked).toBeGreaterThan(2500);
  });

  it('puts a failed check at the top with links to its lines, and marks those lines (hzq2024)', async () => {
    const page = await pageOf('fixtures/converters/hzq2024.mutool-txt.txt');
    const failed = /<h2>Failed checks \(1\)<\/h2>\n<ul class="problems checks"><li class="fail">(.*?)<\/li>/.exec(page)?.[1] ?? '';
    expect(failed).toContain('<code>prose.table</code> <code>requests.received.total</code>: requests.received.total: the text says 17 (line 49), the table 95 (line 167)');
    expect(failed).toContain('lines <a href="#L49">49</a>, <a href="#L167">167</a>');
    expect(page.indexOf('id="problems"')).toBeLessThan(page.indexOf('id="text"'));
    expect(lineOf(page, 49)).toMatch(/^<div class="l flag" id="L49">/); // the text's figure: named, not kept
    expect(lineOf(page, 167)).toMatch(/^<div class="l hl flag" id="L167">/);
    expect(page).toContain('<li class="warning"><code>PROSE_TABLE_MISMATCH</code>');
  });

  it('a failed total check names the lines of the row it totals (the hostile fixture\'s 行政复议)', async () => {
    const page = await pageOf(HOSTILE);
    expect(page).toContain('<li class="fail"><code>pre2019.review</code> <code>appeals.review.total</code>: 行政复议数量 = 维持 + 纠错 + 其他: 1 ≠ 0 (expected 1, got 0) <span class="lines-of">lines <a href="#L29">29</a>, <a href="#L30">30</a>, <a href="#L31">31</a>, <a href="#L32">32</a></span>');
  });

  it('an error record gets a page with its code and no text', async () => {
    const page = await pageOf('fixtures/bad/pdf-as-text.txt');
    expect(page).toContain('<div class="error-box" id="error"><code>E_CORRUPT</code>');
    expect(page).not.toContain('id="text"');
    expect(structureProblems(page)).toEqual([]);
  });

  it('does not show a text that changed after it was parsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-view-'));
    const file = join(dir, 'r.txt');
    copyFileSync(fixture(SEEDS.s004), file);
    const record = (await parseFile(file)) as ReportRecord;
    writeFileSync(file, readFileSync(file, 'utf8').replace('56', '57'));
    expect(await sourceText(record)).toEqual({ lines: null, why: 'the file changed after it was parsed (its SHA-256 differs)' });
    expect(reportPage(record, await sourceText(record), { version: 'x' })).toContain('The text cannot be shown: the file changed after it was parsed');
  });

  it('names pages by the file and a hash of the whole path', () => {
    expect(pageName('a/b/2024.txt')).toMatch(/^2024\.[0-9a-f]{10}\.html$/);
    expect(pageName('a/b/2024.txt')).not.toBe(pageName('c/b/2024.txt'));
    expect(pageName('x/"><img src=x onerror=alert(1)>.txt')).toMatch(/^img_src_x_onerror_alert_1_\.[0-9a-f]{10}\.html$/);
    expect(pageName('x/.hidden.txt')).toMatch(/^hidden\./);
  });
});

/** The sha256 sources of the index's Content-Security-Policy, and of its inline scripts. */
function scriptHashes(page: string): { allowed: string[]; actual: string[] } {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]!.replaceAll('&#39;', "'");
  const allowed = [...policy.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]!);
  const actual = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1]!).digest('base64'));
  return { allowed, actual };
}

describe('--html DIR: a page per report and the index', () => {
  const hostileName = `"><img src=x onerror="window.__pwned='name'">.txt`;

  const inputs = mkdtempSync(join(tmpdir(), 'dp-html-in-'));
  for (const [from, to] of [[HOSTILE, hostileName], ['fixtures/cli/hzq2023.pdftotext-layout.text', 'hzq2023.txt'], ['fixtures/cli/hzq2024.pdftotext-layout.text', 'hzq2024.txt']] as const) {
    copyFileSync(fixture(from), join(inputs, to));
  }

  async function batch(jobs: string): Promise<{ dir: string; code: number; stdout: string; stderr: string }> {
    const out = join(mkdtempSync(join(tmpdir(), 'dp-html-')), 'out', 'pages'); // made when missing
    const named = [fixture('fixtures/seeds'), ...[hostileName, 'hzq2023.txt', 'hzq2024.txt', 'missing.txt'].map((n) => join(inputs, n)), fixture('fixtures/bad/empty.txt')];
    const res = await cli([...named, '--html', out, '-j', jobs, '-q']);
    return { dir: out, code: res.code, stdout: res.stdout, stderr: res.stderr };
  }

  it('writes one page per record and an index that links each, with -j 1 and -j 2 alike', async () => {
    const one = await batch('1');
    const two = await batch('2');
    expect(one.code).toBe(1); // the missing file and the empty one are error records
    expect(one.stdout.trim().split('\n')).toHaveLength(10); // the main output is written as ever
    const names = readdirSync(one.dir).sort();
    expect(names).toHaveLength(11);
    expect(names).toContain('index.html');
    expect(readdirSync(two.dir).sort()).toEqual(names);
    for (const name of names.filter((n) => n !== 'index.html')) expect(readFileSync(join(two.dir, name), 'utf8')).toBe(readFileSync(join(one.dir, name), 'utf8'));

    const index = readFileSync(join(one.dir, 'index.html'), 'utf8');
    expect(structureProblems(index)).toEqual([]);
    const rows = [...index.matchAll(/<tr( class="problem")?><td class="file"><a href="([^"]+)">((?:[^<]|<wbr>)*)<\/a><\/td><td class="agency" data-label="Agency">([^<]*)<\/td><td class="num" data-label="Year">(\d*)<\/td><td class="tok" data-label="Layout">([^<]*)<\/td>/g)];
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(existsSync(join(one.dir, decodeURIComponent(r[2]!)))).toBe(true);
    const seed1 = rows.find((r) => r[3]!.replaceAll('<wbr>', '').endsWith('001_437bbae1d74230cf.txt'))!;
    expect([seed1[1], seed1[4], seed1[5], seed1[6]]).toEqual([undefined, '聊城市卫生健康委员会', '2020', '2019']);
    // A path breaks only after a separator.
    expect(seed1[3]!.split('<wbr>').slice(-4)).toEqual(['seeds/', '001_', '437bbae1d74230cf.', 'txt']);
    expect(index).toMatch(/missing\.<wbr>txt<\/a><\/td><td class="agency" data-label="Agency"><\/td><td class="num" data-label="Year"><\/td><td class="tok" data-label="Layout"><\/td><td class="num" data-label="Failed checks"><\/td><td class="num" data-label="Warnings"><\/td><td class="codes" data-label="Codes"><span class="tok bad">E_NOT_FOUND<\/span><\/td>/);
    // The failed rules and the warning codes of a row, each a token; the triage buttons count them.
    expect(index).toContain('<td class="codes" data-label="Codes"><span class="tok rule" title="failed check">prose.<wbr>table</span> <span class="tok code" title="warning">PROSE_<wbr>TABLE_<wbr>MISMATCH</span></td>');
    const triage = /<dl class="triage">(.*?)<\/dl>/.exec(index)![1]!;
    const counted = [...triage.matchAll(/<dt>([^<]+)<\/dt>|data-filter="([^"]+)">[^<]+ <b>(\d+)<\/b>/g)].map((m) => m[1] ?? `${m[2]} ${m[3]}`);
    expect(counted).toEqual(['Errors', 'E_EMPTY 1', 'E_NOT_FOUND 1', 'Failed checks', 'appeals.total 1', 'pre2019.review 1', 'prose.table 1', 'Warnings', 'PROSE_TABLE_MISMATCH 1', 'TABLE_ROW_UNMATCHED 1']);
    // The hostile file name and agency are text in the index.
    expect(index.replaceAll('<wbr>', '')).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=&#39;name&#39;&quot;&gt;.txt</a>');
    expect(index).toContain('<td class="agency" data-label="Agency">测试县&quot;onmouseover=&quot;window.__pwned=&#39;attr&#39;&quot;卫生局</td>');
    // A page links back to the index.
    expect(readFileSync(join(one.dir, decodeURIComponent(seed1[2]!)), 'utf8')).toContain('<a href="index.html">← all reports</a>');
  });

  it('carries Chart.js and its own script, allowed by hash and nothing else, and one chart per agency with several years', async () => {
    const { dir } = await batch('1');
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    const { allowed, actual } = scriptHashes(index);
    expect(actual).toHaveLength(2);
    expect(allowed.sort()).toEqual([...actual].sort());
    expect(index).toContain(' * Chart.js v4.');
    expect(index).not.toContain('sourceMappingURL');
    const data = JSON.parse(/<script type="application\/json" id="agency-data">([^<]*)<\/script>/.exec(index)![1]!);
    // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024): one agency, as the panel takes them.
    expect(data).toEqual([
      {
        years: [2023, 2024],
        series: [
          { label: '本年新收 received', values: [21, 95] },
          { label: '予以公开 granted', values: [0, 50] },
          { label: '上年结转 carried over', values: [0, 0] },
        ],
      },
    ]);
    expect(index).toContain('<figcaption><b>淮安市洪泽区人民政府</b> <span class="note">(洪泽区人民政府 = 淮安市洪泽区人民政府)</span>');
  });

  it('refuses a --html that is a file, before any work (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-html-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    expectCliError(await cli([fixture(SEEDS.s001), '--html', file]), 2, `cannot write ${file}: it is not a folder`);
  });
});

describe('disclose-parse view', () => {
  it('writes the page of one report to -o (exit 0) or stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dp-view-')), 'seed.html');
    const res = await cli(['view', fixture(SEEDS.s001), '-o', out]);
    expect(res.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(page).toContain('<h1>聊城市卫生健康委员会2020年度政府信息公开工作报告</h1>');
    expect(page).not.toContain('all reports'); // no index beside it
    expect((await cli(['view', fixture(SEEDS.s001)])).stdout).toBe(page);
  });

  it('exit 1 with a page for a file that gives an error record; exit 2 for an output onto the input or an option of the main command', async () => {
    const missing = await cli(['view', fixture('fixtures/nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('<code>E_NOT_FOUND</code>: no such file');
    const dir = mkdtempSync(join(tmpdir(), 'dp-view-'));
    const input = join(dir, 'r.txt');
    copyFileSync(fixture(SEEDS.s004), input);
    expectCliError(await cli(['view', input, '-o', input]), 2, `cannot write ${input}: it is the input`);
    expect(readFileSync(input)).toEqual(readFileSync(fixture(SEEDS.s004)));
    expectCliError(await cli(['view', input, '--slim']), 2, 'view does not take --slim', 'view ');
  });
});
