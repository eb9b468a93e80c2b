// The batch's index: one row per report, sortable and filterable in the page, each row a link to
// the report's page; and for each agency with reports of several years, a chart of its requests
// received, granted and carried over, drawn by Chart.js, which the page carries inline (no CDN,
// no request: the page's Content-Security-Policy allows only its own two scripts, by hash).
// The batch keeps only an IndexRow per report (a few hundred bytes), never the records.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { joinPlaceForms } from '../panel/join.js';
import type { OutputRecord } from '../schema.js';
import { INDEX_SCRIPT } from './client.js';
import { html, inlineScript, raw, scriptJson, type Html } from './html.js';
import { labelOfPath } from './marks.js';
import { statisticAt } from '../statistics.js';
import { documentShell } from './page.js';

/** What the index needs of one record. */
export interface IndexRow {
  /** The report's page, relative to the index (a file name in the same folder). */
  page: string;
  path: string | null;
  agency: string | null;
  agencyKey: string | null;
  year: number | null;
  layout: string | null;
  failedChecks: number;
  warnings: number;
  error: string | null;
  /** The chart's values: requests.received.total, requests.outcomes.granted.total, requests.carriedOver.total. */
  values: Array<number | null>;
}

/** The three series of an agency's chart: canonical path, and its legend. */
export const CHART_SERIES = [
  ['requests.received.total', '本年新收 received'],
  ['requests.outcomes.granted.total', '予以公开 granted'],
  ['requests.carriedOver.total', '上年结转 carried over'],
] as const;

/**
 * The file name of a report's page: the input's name made safe (letters, digits, `.`, `_`, `-`),
 * and a hash of its whole path, so that `a/2024.txt` and `b/2024.txt` get two pages and a name
 * stays the same from run to run (and from shard to shard).
 */
export function pageName(path: string | null): string {
  const base = (path ?? 'text').split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const safe = base.replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^[._]+/, '').slice(0, 80) || 'report';
  return `${safe}.${createHash('sha256').update(path ?? '').digest('hex').slice(0, 10)}.html`;
}

export function indexRow(record: OutputRecord, page: string): IndexRow {
  if ('error' in record) {
    return { page, path: record.source.path, agency: null, agencyKey: null, year: null, layout: null, failedChecks: 0, warnings: 0, error: record.error.code, values: [] };
  }
  const r = record.report;
  return {
    page,
    path: record.source.path,
    agency: r.agency,
    agencyKey: r.agencyKey,
    year: r.year,
    layout: r.layout,
    failedChecks: record.checks.filter((c) => c.status === 'fail').length,
    warnings: record.warnings.length,
    error: null,
    values: CHART_SERIES.map(([path]) => statisticAt(record.statistics, path) ?? null),
  };
}

let chartLibrary: Html | undefined;

/** Chart.js's own minified build, read from node_modules when the first index is written. */
function chartJs(): Html {
  if (chartLibrary === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js'); // …/chart.js/dist/chart.cjs
    const code = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
    // The source map is not shipped with the page.
    chartLibrary = inlineScript(code.replace(/\s*\/\/# sourceMappingURL=\S+\s*$/, '\n'), 'chart.js');
  }
  return chartLibrary;
}

function hashOf(script: Html): string {
  return `'sha256-${createHash('sha256').update(script.text).digest('base64')}'`;
}

interface Agency {
  key: string;
  names: string[];
  years: number[];
  /** Per year, the row charted (the first in the batch's order) and how many rows the year has. */
  rows: Array<{ row: IndexRow; of: number }>;
}

/**
 * Agencies with reports of at least two years. Names that the panel takes as one agency
 * (洪泽区人民政府 and 淮安市洪泽区人民政府: the same name with its city, src/panel/join.ts) are one.
 */
export function agenciesOf(rows: readonly IndexRow[]): Agency[] {
  const dated = rows.filter((r): r is IndexRow & { agencyKey: string; year: number } => r.agencyKey !== null && r.year !== null);
  // The join looks at agency keys only.
  const { joined } = joinPlaceForms([...new Set(dated.map((r) => r.agencyKey))].map((agencyKey) => ({ agencyKey })));
  const keyOf = new Map(joined.flatMap((j) => j.names.map((n) => [n, j.key] as const)));
  const byKey = new Map<string, Map<number, IndexRow[]>>();
  for (const r of dated) {
    const key = keyOf.get(r.agencyKey) ?? r.agencyKey;
    const years = byKey.get(key) ?? new Map<number, IndexRow[]>();
    years.set(r.year, [...(years.get(r.year) ?? []), r]);
    byKey.set(key, years);
  }
  const out: Agency[] = [];
  for (const [key, years] of byKey) {
    if (years.size < 2) continue;
    const sorted = [...years.keys()].sort((a, b) => a - b);
    out.push({
      key,
      names: joined.find((j) => j.key === key)?.names ?? [key],
      years: sorted,
      rows: sorted.map((y) => ({ row: years.get(y)![0]!, of: years.get(y)!.length })),
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

function href(page: string): string {
  return encodeURIComponent(page);
}

function reportRow(r: IndexRow): Html {
  const problem = r.error !== null || r.failedChecks > 0 || r.warnings > 0;
  const count = (n: number): Html => (r.error !== null ? html`<td class="num"></td>` : html`<td class="num${n > 0 ? ' bad' : ''}">${n}</td>`);
  return html`<tr${problem ? html` class="problem"` : ''}><td><a href="${href(r.page)}">${r.path ?? '(text)'}</a></td><td>${r.agency}</td><td class="num">${r.year}</td><td>${r.layout}</td>${count(r.failedChecks)}${count(r.warnings)}<td class="bad">${r.error}</td></tr>\n`;
}

function chartFigure(a: Agency, i: number): Html {
  const names = a.names.length > 1 ? html` <span class="note">(${a.names.join(' = ')})</span>` : '';
  const yearLinks = a.rows.map(({ row, of }, j) => html`${j > 0 ? ' · ' : ''}<a href="${href(row.page)}">${row.year}</a>${of > 1 ? ` (${of} reports: the first charted)` : ''}`);
  const values = CHART_SERIES.map(([path, label], s) => html`<tr><th scope="row" title="${labelOfPath(path)}">${label}</th>${a.rows.map(({ row }) => html`<td class="num">${row.values[s] ?? '—'}</td>`)}</tr>`);
  return html`<figure class="chart" data-i="${i}">
<figcaption><b>${a.key}</b>${names}: ${yearLinks}</figcaption>
<div class="chart-box"><canvas role="img" aria-label="${a.key}: requests received, granted and carried over by year"></canvas></div>
<details><summary>numbers</summary><table class="grid"><tr><th></th>${a.years.map((y) => html`<th>${y}</th>`)}</tr>${values}</table></details>
</figure>\n`;
}

const INDEX_STYLE = `
.controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls input[type=search] { width: 28em; max-width: 100%; padding: 4px 6px; font: inherit; }
table.reports { border-collapse: collapse; font-size: 13px; width: 100%; table-layout: fixed; }
table.reports td { overflow-wrap: anywhere; }
.w6 { width: 6%; } .w8 { width: 8%; } .w9 { width: 9%; } .w10 { width: 10%; } .w12 { width: 12%; } .w21 { width: 21%; } .w34 { width: 34%; }
table.reports th, table.reports td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; }
table.reports td.num { text-align: right; }
table.reports th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: var(--ink); }
table.reports th[aria-sort=ascending] button::after { content: " ▲"; }
table.reports th[aria-sort=descending] button::after { content: " ▼"; }
table.reports td.bad { color: var(--flag); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--rule); padding: 8px; }
figure.chart figcaption { font-size: 13px; margin-bottom: 4px; }
.chart-box { position: relative; height: 190px; }
`;

export interface IndexOptions {
  version: string;
}

/** The index page of a batch. */
export function indexPage(rows: readonly IndexRow[], options: IndexOptions): string {
  const agencies = agenciesOf(rows);
  const data = agencies.map((a) => ({
    years: a.years,
    series: CHART_SERIES.map(([, label], s) => ({ label, values: a.rows.map(({ row }) => row.values[s] ?? null) })),
  }));
  const library = chartJs();
  const script = inlineScript(INDEX_SCRIPT, 'the index script');
  const policy = `default-src 'none'; script-src ${hashOf(library)} ${hashOf(script)}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  const errors = rows.filter((r) => r.error !== null).length;
  const failed = rows.filter((r) => r.failedChecks > 0).length;
  const warned = rows.filter((r) => r.warnings > 0).length;
  const head = (label: string, type: 'number' | 'text'): Html => html`<th aria-sort="none"><button type="button" data-type="${type}">${label}</button></th>`;
  const body = html`<header>
<nav class="top"><a href="#reports">reports</a><a href="#agencies">agencies across years</a></nav>
<h1>disclose-parse: ${rows.length} report${rows.length === 1 ? '' : 's'}</h1>
<p>${errors} error record${errors === 1 ? '' : 's'} · ${failed} with failed checks · ${warned} with warnings · ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'} with several years</p>
</header>
<main>
<section id="reports-section">
<h2>Reports</h2>
<div class="controls">
<label>Filter <input type="search" id="filter" placeholder="file, agency, year, layout, code …" autocomplete="off"></label>
<label><input type="checkbox" id="only-problems"> only reports with failed checks, warnings or errors</label>
<output id="shown">${rows.length} of ${rows.length} shown</output>
</div>
<table class="reports" id="reports">
<colgroup><col class="w34"><col class="w21"><col class="w6"><col class="w8"><col class="w10"><col class="w9"><col class="w12"></colgroup>
<thead><tr>${[head('File', 'text'), head('Agency', 'text'), head('Year', 'number'), head('Layout', 'text'), head('Failed checks', 'number'), head('Warnings', 'number'), head('Error', 'text')]}</tr></thead>
<tbody>
${rows.map(reportRow)}</tbody>
</table>
</section>
<section id="agencies">
<h2>Agencies across years</h2>
${
  agencies.length > 0
    ? html`<p class="note">Requests received (<code>requests.received.total</code>), granted (<code>requests.outcomes.granted.total</code>) and carried over from the year before (<code>requests.carriedOver.total</code>), by statistics year. A missing bar is a value the report does not state.</p>
<div class="charts">
${agencies.map(chartFigure)}</div>`
    : html`<p class="note">No agency has reports of two or more years in this batch.</p>`
}
</section>
</main>
<footer>Written by disclose-parse ${options.version}. Charts drawn with Chart.js (MIT licence), carried in this page.</footer>
<script type="application/json" id="agency-data">${scriptJson(data)}</script>
<script>${library}</script>
<script>${script}</script>`;
  return documentShell(`disclose-parse: ${rows.length} reports`, policy, body, html`<style>${raw(INDEX_STYLE)}</style>\n`).text;
}
