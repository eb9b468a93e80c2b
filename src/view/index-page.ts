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
import { failedRulesOf, warningCodesOf } from '../record-codes.js';
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
  /** Each rule with a failed check once, and each warning code once: what the index filters by. */
  failedRules: string[];
  warningCodes: string[];
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
    return { page, path: record.source.path, agency: null, agencyKey: null, year: null, layout: null, failedChecks: 0, warnings: 0, failedRules: [], warningCodes: [], error: record.error.code, values: [] };
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
    failedRules: failedRulesOf(record),
    warningCodes: warningCodesOf(record),
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

/**
 * A name that may break only after a separator (`/`, `.`, `_`, `-`): a path wraps between its
 * parts and a code between its words (`TABLES_` / `MISSING`), never inside one. Short values (a
 * year, a layout) do not wrap at all (`20|13`, `pre2|019` were the faults).
 */
function breakable(text: string): Html {
  const parts = text.split(/(?<=[/._-])/);
  return html`${parts.map((p, i) => html`${i > 0 ? raw('<wbr>') : ''}${p}`)}`;
}

/** The codes of a row: its error code, its failed rules and its warning codes, each a token of its own. */
function codesCell(r: IndexRow): Html {
  const tokens = [
    ...(r.error !== null ? [html`<span class="tok bad">${r.error}</span>`] : []),
    ...r.failedRules.map((rule) => html`<span class="tok rule" title="failed check">${breakable(rule)}</span>`),
    ...r.warningCodes.map((code) => html`<span class="tok code" title="warning">${breakable(code)}</span>`),
  ];
  return html`<td class="codes" data-label="Codes">${tokens.map((t, i) => html`${i > 0 ? ' ' : ''}${t}`)}</td>`;
}

function reportRow(r: IndexRow): Html {
  const problem = r.error !== null || r.failedChecks > 0 || r.warnings > 0;
  const count = (label: string, n: number): Html => (r.error !== null ? html`<td class="num" data-label="${label}"></td>` : html`<td class="num${n > 0 ? ' bad' : ''}" data-label="${label}">${n}</td>`);
  return html`<tr${problem ? html` class="problem"` : ''}><td class="file"><a href="${href(r.page)}">${breakable(r.path ?? '(text)')}</a></td><td class="agency" data-label="Agency">${r.agency}</td><td class="num" data-label="Year">${r.year}</td><td class="tok" data-label="Layout">${r.layout}</td>${count('Failed checks', r.failedChecks)}${count('Warnings', r.warnings)}${codesCell(r)}</tr>\n`;
}

/** Per code (an error code, a failed rule, a warning code): how many reports have it. */
function codeCounts(rows: readonly IndexRow[], codesOf: (r: IndexRow) => readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of rows) for (const c of codesOf(r)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The batch's trouble at a glance: each code with its number of reports, a button that filters by it. */
function triage(rows: readonly IndexRow[]): Html {
  const groups: Array<[string, Array<[string, number]>]> = [
    ['Errors', codeCounts(rows, (r) => (r.error !== null ? [r.error] : []))],
    ['Failed checks', codeCounts(rows, (r) => r.failedRules)],
    ['Warnings', codeCounts(rows, (r) => r.warningCodes)],
  ];
  const shown = groups.filter(([, counts]) => counts.length > 0);
  if (shown.length === 0) return html``;
  return html`<dl class="triage">${shown.map(
    ([name, counts]) => html`<dt>${name}</dt><dd>${counts.map(([code, n]) => html`<button type="button" class="tok" data-filter="${code}">${code} <b>${n}</b></button> `)}</dd>`,
  )}</dl>\n`;
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
.controls { display: flex; gap: 8px 16px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls input[type=search] { width: 28em; max-width: 100%; padding: 4px 6px; font: inherit; }
dl.triage { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 8px 0 0; font-size: 13px; }
dl.triage dt { color: var(--muted); padding-top: 2px; }
dl.triage dd { margin: 0; }
dl.triage button { font: 12px/1.6 var(--mono); border: 1px solid var(--rule); border-radius: 3px; background: var(--paper); padding: 0 6px; margin: 0 2px 2px 0; cursor: pointer; color: var(--ink); }
dl.triage button:hover, dl.triage button:focus { border-color: var(--ink); }
table.reports { border-collapse: collapse; font-size: 13px; width: 100%; }
table.reports th, table.reports td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; }
table.reports td.file { overflow-wrap: anywhere; min-width: 10em; }
table.reports td.agency { overflow-wrap: anywhere; }
table.reports .num { text-align: right; white-space: nowrap; }
table.reports .tok { white-space: nowrap; }
table.reports td.codes { font: 11.5px/1.5 var(--mono); }
table.reports td.codes .tok { white-space: normal; }
table.reports td.codes .rule { color: var(--flag); }
table.reports td.codes .code { color: #8a5300; }
table.reports th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: var(--ink); text-align: left; }
table.reports th[aria-sort=ascending] button::after { content: " ▲"; }
table.reports th[aria-sort=descending] button::after { content: " ▼"; }
table.reports .bad { color: var(--flag); font-weight: 600; }
@media (max-width: 600px) {
  table.reports, table.reports thead, table.reports tbody, table.reports tr, table.reports td { display: block; }
  table.reports thead tr { display: flex; flex-wrap: wrap; gap: 2px 14px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
  table.reports thead th { border: 0; padding: 0; font-size: 12px; }
  table.reports tbody tr { border-bottom: 1px solid var(--rule); padding: 6px 0; }
  table.reports td { border: 0; padding: 1px 0; text-align: left; display: flex; gap: 8px; }
  table.reports .num { text-align: left; }
  table.reports td:empty { display: none; }
  table.reports td[data-label]::before { content: attr(data-label); flex: none; width: 7.5em; color: var(--muted); font: 12px/1.6 var(--sans); }
  table.reports td.codes { flex-wrap: wrap; }
}
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(340px, 100%), 1fr)); gap: 16px; }
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
  const head = (label: string, type: 'number' | 'text'): Html => html`<th${type === 'number' ? html` class="num"` : ''} aria-sort="none"><button type="button" data-type="${type}">${label}</button></th>`;
  const body = html`<header>
<nav class="top"><a href="#reports">reports</a><a href="#agencies">agencies across years</a></nav>
<h1>disclose-parse: ${rows.length} report${rows.length === 1 ? '' : 's'}</h1>
<p>${errors} error record${errors === 1 ? '' : 's'} · ${failed} with failed checks · ${warned} with warnings · ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'} with several years</p>
${triage(rows)}</header>
<main>
<section id="reports-section">
<h2>Reports</h2>
<div class="controls">
<label>Filter <input type="search" id="filter" placeholder="file, agency, year, layout, warning code, check rule …" autocomplete="off"></label>
<label><input type="checkbox" id="only-problems"> only reports with failed checks, warnings or errors</label>
<output id="shown">${rows.length} of ${rows.length} shown</output>
</div>
<table class="reports" id="reports">
<thead><tr>${[head('File', 'text'), head('Agency', 'text'), head('Year', 'number'), head('Layout', 'text'), head('Failed checks', 'number'), head('Warnings', 'number'), head('Codes', 'text')]}</tr></thead>
<tbody>
${rows.map(reportRow)}</tbody>
</table>
</section>
<section id="agencies">
<h2>Agencies across years</h2>
${
  agencies.length > 0
    ? html`<p class="note">Requests received (<code>requests.received.total</code>), granted (<code>requests.outcomes.granted.total</code>) and carried over from the year before (<code>requests.carriedOver.total</code>), by statistics year. A 0 is drawn as a thin bar; a missing bar is a value the report does not state.</p>
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
