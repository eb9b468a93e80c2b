// One report's audit page: what the record says, and where in the text each part of it came from.
// The page is one self-contained HTML file: no script at all, no request of any kind (its
// Content-Security-Policy forbids both), so that it opens from a file manager and can be mailed.
// Hover or focus on a marked number shows what it became; every link stays inside the page.

import type { Check, ErrorRecord, OutputRecord, ReportRecord, Table, Warning } from '../schema.js';
import { STATISTICS_PATHS } from '../statistics.js';
import { html, lineText, raw, type Html } from './html.js';
import { entriesOf, marksByLine, type Entry, type LineMarks, type Method } from './marks.js';
import { pagesOf } from './pdf-pages.js';
import type { SourceText } from './source.js';
import { STYLE } from './style.js';

export interface PageOptions {
  /** The tool's version, written in the page's footer. */
  version: string;
  /** Where the batch's index is, relative to the page, when the page is one of a batch. */
  indexHref?: string;
}

/** No script, no request: styles inline only. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
/** A PDF's page: its own scripts (pdf.js and the page's, by hash) and nothing else; still no request. */
const PDF_PAGE_POLICY = (scripts: string): string => `default-src 'none'; script-src ${scripts}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;

const METHOD_NAMES: Record<Method, string> = {
  table: 'table cell',
  narrative: 'stated in the text',
  implied: 'blank cell the table proves to be 0',
};

export function documentShell(title: string, policy: string, body: Html, head: Html = html``): Html {
  return html`<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(STYLE)}</style>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

function lineLink(line: number): Html {
  return html`<a href="#L${line}">${line}</a>`;
}

/** Links to some lines: the first few, and how many more. */
function lineLinks(lines: readonly number[], max = 12): Html {
  if (lines.length === 0) return html`<span class="lines-of">no line named</span>`;
  const shown = lines.slice(0, max).map((l, i) => html`${i > 0 ? ', ' : ''}${lineLink(l)}`);
  return html`<span class="lines-of">line${lines.length > 1 ? 's' : ''} ${shown}${lines.length > max ? ` and ${lines.length - max} more` : ''}</span>`;
}

/** Line numbers a message names (`line 47`, `lines 217–292`). */
function linesInMessage(message: string): number[] {
  const out: number[] = [];
  for (const m of message.matchAll(/\blines? (\d{1,9})(?:[–-](\d{1,9}))?/g)) {
    out.push(Number(m[1]));
    if (m[2] !== undefined) out.push(Number(m[2]));
  }
  return out;
}

/**
 * The lines a check is about: those its message names (`prose.table`: the text's line and the
 * table's), with its path's; else where the values it adds up came from, as far as the record
 * tells: the values under its path (a row: `requests.received`; for a total,
 * `appeals.review.total`, the row it totals), or, for a check of one column without a path
 * (`requests.balance`), that column's values in its part of the form.
 */
export function linesOfCheck(check: Check, record: ReportRecord): number[] {
  const named = linesInMessage(check.message);
  const lines = new Set(named);
  const part = check.rule.split('.')[0]!;
  const row = named.length > 0 ? check.path : check.path?.replace(/\.total$/, '');
  for (const [path, p] of Object.entries(record.provenance)) {
    const involved =
      row !== undefined
        ? path === check.path || path === row || path.startsWith(`${row}.`)
        : check.column !== undefined && path.startsWith(`${part}.`) && path.endsWith(`.${check.column}`);
    if (involved) lines.add(p.line);
  }
  return [...lines].sort((a, b) => a - b);
}

function linesOfWarning(w: Warning): number[] {
  return [...new Set([...(w.line !== null ? [w.line] : []), ...linesInMessage(w.message)])].sort((a, b) => a - b);
}

function tip(entries: readonly Entry[]): Html {
  const parts = entries.map((e) => {
    const p = e.prov;
    const where = p.table !== undefined ? `${p.table} row ${p.row} col ${p.col}, ` : '';
    return html`<span><b>${e.path}</b><br>${e.label}<br>= ${e.value ?? '(absent)'}<br><i>${METHOD_NAMES[e.method]}: ${where}line ${p.line}${p.raw !== '' ? html`, text “${p.raw}”` : ''}</i></span>`;
  });
  return html`<span class="tip" role="tooltip">${parts}</span>`;
}

function markClass(method: Method): string {
  return `v v-${method}`;
}

/** A marked number: focusable, its tooltip inside. */
function mark(method: Method, text: string, entries: readonly Entry[], extra = ''): Html {
  const paths = entries.map((e) => e.path).join(' ');
  return html`<mark class="${markClass(method)}${extra}" tabindex="0" data-path="${paths}">${text}${tip(entries)}</mark>`;
}

function lineContent(text: string, marks: LineMarks | undefined): Html {
  if (!marks) return lineText(text);
  const out: Html[] = [];
  let at = 0;
  for (const s of marks.spans) {
    out.push(lineText(text.slice(at, s.start)), mark(s.method, text.slice(s.start, s.end), s.entries));
    at = s.end;
  }
  out.push(lineText(text.slice(at)));
  for (const e of marks.badges) out.push(mark(e.method, e.method === 'implied' ? '0' : String(e.value ?? '?'), [e], ' badge'));
  return html`${out}`;
}

function sourceLine(no: number, text: string, marks: LineMarks | undefined, flagged: boolean): Html {
  const cls = `l${marks ? ' hl' : ''}${flagged ? ' flag' : ''}`;
  return html`<div class="${cls}" id="L${no}"><a class="n" href="#L${no}">${no}</a><span class="t">${lineContent(text, marks)}</span></div>\n`;
}

/** A rebuilt table as a grid: its values marked as in the text, each a link to its line. */
function grid(table: Table, entries: readonly Entry[]): Html {
  const at = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.prov.table !== table.id) continue;
    const key = `${e.prov.row}:${e.prov.col}`;
    at.set(key, [...(at.get(key) ?? []), e]);
  }
  const rows = table.rows.map((cells, r) => {
    const tds: Html[] = [];
    for (let c = 0; c < cells.length; ) {
      const found = at.get(`${r}:${c}`);
      if (found) {
        const method = found[0]!.method;
        const shown = cells[c] !== '' ? cells[c]! : method === 'implied' ? '0' : String(found[0]!.value ?? '');
        // A link to the value's line, where the mark holds the whole tooltip; here the browser's own.
        const title = found.map((e) => `${e.path} = ${e.value ?? '(absent)'}: ${e.label}`).join('\n');
        tds.push(html`<td class="num"><a class="${markClass(method)}" href="#L${found[0]!.prov.line}" data-path="${found.map((e) => e.path).join(' ')}" title="${title}">${shown}</a></td>`);
        c++;
        continue;
      }
      // Cells of one spanning label repeat in the rebuilt grid: shown once, across their columns.
      let span = 1;
      while (c + span < cells.length && cells[c + span] === cells[c] && cells[c] !== '' && !at.has(`${r}:${c + span}`)) span++;
      const colspan = span > 1 ? html` colspan="${span}"` : html``;
      // A label that repeats the one above (a group label spanning rows) is drawn as one.
      const above = table.rows[r - 1];
      const same = above !== undefined && above[c] === cells[c] && cells[c] !== '' && !at.has(`${r - 1}:${c}`) ? html` class="same"` : html``;
      tds.push(c === 0 ? html`<th scope="row"${colspan}${same}>${cells[c]}</th>` : html`<td${colspan}${same}>${cells[c]}</td>`);
      c += span;
    }
    return html`<tr>${tds}</tr>\n`;
  });
  return html`<table class="grid">${rows}</table>`;
}

function tableHeading(t: Table): Html {
  return html`<h3 id="${t.id}">${t.id} · ${t.kind} · ${t.format} · lines ${lineLink(t.line)}–${lineLink(t.endLine)}${t.caption !== null ? ` · ${t.caption}` : ''}</h3>`;
}

/** Runs of lines: plain ones, and the lines of one or more overlapping tables with their grids. */
function segments(lineCount: number, tables: readonly Table[]): Array<{ from: number; to: number; tables: Table[] }> {
  const out: Array<{ from: number; to: number; tables: Table[] }> = [];
  let next = 1;
  for (const t of [...tables].sort((a, b) => a.line - b.line)) {
    const from = Math.max(t.line, 1);
    const to = Math.min(t.endLine, lineCount);
    const last = out[out.length - 1];
    if (last && last.tables.length > 0 && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.tables.push(t);
      next = last.to + 1;
      continue;
    }
    if (from > lineCount) continue;
    if (from > next) out.push({ from: next, to: from - 1, tables: [] });
    out.push({ from, to, tables: [t] });
    next = to + 1;
  }
  if (next <= lineCount) out.push({ from: next, to: lineCount, tables: [] });
  return out;
}

function sourceSection(record: ReportRecord, lines: readonly string[], entries: readonly Entry[], flagged: ReadonlySet<number>): Html {
  const marks = marksByLine(record, lines);
  const segs = segments(lines.length, record.tables).map((seg) => {
    const body: Html[] = [];
    for (let no = seg.from; no <= seg.to; no++) body.push(sourceLine(no, lines[no - 1]!, marks.get(no), flagged.has(no)));
    if (seg.tables.length === 0) return html`<div class="seg"><div class="lines">${body}</div></div>\n`;
    const grids = seg.tables.map((t) => html`${tableHeading(t)}${grid(t, entries)}`);
    return html`<div class="seg tbl"><div class="lines">${body}</div><aside><div class="sticky">${grids}</div></aside></div>\n`;
  });
  return html`<div class="src">${segs}</div>`;
}

function legend(): Html {
  return html`<div class="legend"><span><mark class="v v-table">12</mark> a table cell</span><span><mark class="v v-narrative">共受理申请12件</mark> a figure stated in the text</span><span><mark class="v v-implied">0</mark> a blank cell the table proves to be 0</span><span class="l hl legend-line">a line that gave values</span><span class="l flag legend-line"><span class="n"></span>a line a failed check or warning names</span></div>
<p class="note">Hover over a marked value, or move to it with Tab, to see its canonical path, the official label of its row and column, and its value. Each table is rebuilt beside its lines.</p>`;
}

function metaRow(name: string, value: Html | string | number | null): Html {
  return html`<dt>${name}</dt><dd>${value === null || value === '' ? html`<span class="note">—</span>` : value}</dd>`;
}

function sourceMeta(record: OutputRecord): Html[] {
  const s = record.source;
  return [
    metaRow('file', s.path),
    metaRow('bytes', s.bytes),
    metaRow('format', s.format),
    metaRow('read by', s.reader),
    metaRow('encoding', s.encoding),
    metaRow('line ending', s.lineEnding),
    metaRow('SHA-256', s.sha256 !== null ? html`<code>${s.sha256}</code>` : null),
    ...(s.replaced ? [metaRow('replaced', `${s.replaced.count} invalid byte sequence(s), the first on line ${s.replaced.firstLine}`)] : []),
  ];
}

function reportMeta(record: ReportRecord): Html {
  const r = record.report;
  const c = r.contact;
  const list = (xs: readonly string[]): string => xs.join('; ');
  return html`<dl class="meta">${[
    metaRow('agency', r.agency),
    metaRow('agency key', r.agencyKey),
    metaRow('year', r.year),
    metaRow('layout', r.layout),
    metaRow('period', r.period ? `${r.period.start} – ${r.period.end}` : null),
    metaRow('published on', r.publishedOn),
    metaRow('phones', list(c.phones)),
    metaRow('faxes', list(c.faxes)),
    metaRow('e-mails', list(c.emails)),
    metaRow('websites', list(c.websites)),
    metaRow('address', c.address),
    metaRow('postcode', c.postcode),
    ...sourceMeta(record),
  ]}</dl>`;
}

/** A check; with the lines it is about, when it failed. */
function checkItem(c: Check, lines?: readonly number[]): Html {
  const where = [c.path, c.column].filter((x) => x !== undefined).join(' · ');
  const numbers = c.expected !== undefined && c.expected !== null ? ` (expected ${c.expected}, got ${c.actual ?? '—'})` : '';
  return html`<li class="${c.status}"><code>${c.rule}</code>${where !== '' ? html` <code>${where}</code>` : ''}: ${c.message}${numbers} ${lines ? lineLinks(lines) : ''}</li>\n`;
}

function problemsSection(record: ReportRecord, failedLines: ReadonlyMap<Check, number[]>): Html {
  const failed = [...failedLines.keys()];
  const others = record.checks.filter((c) => c.status !== 'fail');
  const passed = others.filter((c) => c.status === 'pass').length;
  return html`<section id="problems">
<h2>Failed checks (${failed.length})</h2>
${failed.length > 0 ? html`<ul class="problems checks">${failed.map((c) => checkItem(c, failedLines.get(c)))}</ul>` : html`<p class="note">None.</p>`}
<h2>Warnings (${record.warnings.length})</h2>
${
  record.warnings.length > 0
    ? html`<ul class="problems warnings">${record.warnings.map((w) => html`<li class="warning"><code>${w.code}</code>: ${w.message} ${lineLinks(linesOfWarning(w))}</li>\n`)}</ul>`
    : html`<p class="note">None.</p>`
}
<details><summary>The other checks (${passed} passed, ${others.length - passed} skipped)</summary><ul class="problems">${others.map((c) => checkItem(c))}</ul></details>
</section>`;
}

function statisticsSection(entries: readonly Entry[]): Html {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const known = new Set<string>(STATISTICS_PATHS);
  const order = [...STATISTICS_PATHS.filter((p) => byPath.has(p)), ...[...byPath.keys()].filter((p) => !known.has(p))];
  const rows = order.map((path) => {
    const e = byPath.get(path)!;
    return html`<tr id="s-${path}"><td><code>${path}</code><span class="label">${e.label}</span></td><td class="value"><a class="${markClass(e.method)}" href="#L${e.prov.line}">${e.value ?? '—'}</a></td></tr>\n`;
  });
  return html`<section id="statistics">
<h2>Canonical statistics (${order.length})</h2>
${rows.length > 0 ? html`<table class="stats"><thead><tr><th>path</th><th>value</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="note">The record holds no statistics.</p>`}
</section>`;
}

function header(title: string, record: OutputRecord, options: PageOptions, links: Html): Html {
  return html`<header>
<nav class="top">${options.indexHref !== undefined ? html`<a href="${options.indexHref}">← all reports</a>` : ''}${links}</nav>
<h1>${title}</h1>
${'error' in record ? html`<dl class="meta">${sourceMeta(record)}</dl>` : reportMeta(record)}
</header>`;
}

function footer(options: PageOptions): Html {
  return html`<footer>Written by disclose-parse ${options.version}. Line numbers are lines of the decoded file.</footer>`;
}

function errorPage(record: ErrorRecord, options: PageOptions): Html {
  const title = record.source.path ?? '(text)';
  const body = html`${header(title, record, options, html``)}
<main><section><div class="error-box" id="error"><code>${record.error.code}</code>: ${record.error.message}</div>
<p class="note">An error record holds no report: there is no text, table or value to show.</p></section></main>
${footer(options)}`;
  return documentShell(`${record.error.code} ${title}`, PAGE_POLICY, body);
}

/** The HTML page of one record; `text` is its file's text (sourceText) or why there is none. */
export function reportPage(record: OutputRecord, text: SourceText, options: PageOptions): string {
  if ('error' in record) return errorPage(record, options).text;
  const title = record.report.title ?? record.source.path ?? '(untitled report)';
  const entries = entriesOf(record);
  const failedLines = new Map(record.checks.filter((c) => c.status === 'fail').map((c) => [c, linesOfCheck(c, record)]));
  const flagged = new Set<number>([...[...failedLines.values()].flat(), ...record.warnings.flatMap(linesOfWarning)]);
  const links = html`<a href="#problems">checks and warnings</a><a href="#text">text</a><a href="#statistics">statistics</a>`;
  const source =
    text.lines === null
      ? html`<p class="note">The text cannot be shown: ${text.why}.</p>`
      : html`${legend()}${sourceSection(record, text.lines, entries, flagged)}`;
  // A PDF is shown too, page by page, its values boxed (pdf-pages.ts): the one page that runs scripts.
  const pdf = text.lines !== null && text.document ? pagesOf(record, text.lines, text.document) : null;
  const pageLinks = pdf ? html`<a href="#pages">pages</a>` : html``;
  const body = html`${header(title, record, options, html`${links}${pageLinks}`)}
<main>
${problemsSection(record, failedLines)}
${pdf ? pdf.section : ''}
<section id="text">
<h2>Text (${text.lines?.length ?? 0} lines, ${record.tables.length} table${record.tables.length === 1 ? '' : 's'})</h2>
${source}
</section>
${statisticsSection(entries)}
</main>
${footer(options)}
${pdf ? pdf.scripts : ''}`;
  const policy = pdf ? PDF_PAGE_POLICY(pdf.scriptSources) : PAGE_POLICY;
  return documentShell(`${title} — disclose-parse`, policy, body).text;
}
