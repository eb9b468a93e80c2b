// Where each extracted value sits in the text: from the record's provenance (line, raw text,
// table cell, method) to a span of characters on its line, so that the page can mark the number
// in place. A table value is its cell's text found on the line; when one line holds several cells
// (a drawn or aligned table), the cells are looked for left to right in column order, so that
// two cells with the same number get their own places. A narrative value is its matched phrase,
// found with the typesetting spaces the record's `raw` leaves out. An implied zero has no text
// (`raw: ""`): it is marked on its row's line as a badge, as is any value whose text is not found
// on its line, so that no value goes unshown.

import type { Provenance, ReportRecord } from '../schema.js';
import { statisticAt } from '../statistics.js';
import { officialLabel } from '../forms/labels.js';

export type Method = 'table' | 'narrative' | 'implied';

export interface Entry {
  /** The canonical statistics path. */
  path: string;
  value: number | undefined;
  /** The official label of the row and column (the codebook's). */
  label: string;
  method: Method;
  prov: Provenance;
}

export interface Span {
  start: number;
  end: number;
  method: Method;
  entries: Entry[];
}

export interface LineMarks {
  /** Marked stretches of the line, in order, not overlapping. */
  spans: Span[];
  /** Values shown after the line: implied zeros, and values whose text is not on the line. */
  badges: Entry[];
}

export function methodOf(p: Provenance): Method {
  return p.method ?? (p.table !== undefined ? 'table' : 'narrative');
}


/** A statistic's official wording (forms/labels.ts), or its path where no form prints it. */
export function labelOfPath(path: string): string {
  return officialLabel(path) ?? path;
}

/** Every provenance entry of the record, with its value, label and method. */
export function entriesOf(record: ReportRecord): Entry[] {
  return Object.entries(record.provenance).map(([path, prov]) => ({
    path,
    value: statisticAt(record.statistics, path),
    label: labelOfPath(path),
    method: methodOf(prov),
    prov,
  }));
}

const DIGITISH = /[0-9０-９.,，．]/;

/** Is `raw` at `at` a whole value, not a piece of a longer number (`1` in `12`, `1.` of a list)? */
function standsAlone(line: string, at: number, raw: string): boolean {
  const before = line[at - 1];
  const after = line[at + raw.length];
  return !(before !== undefined && DIGITISH.test(before)) && !(after !== undefined && (DIGITISH.test(after) || after === '、'));
}

/** The first place at or after `from` where `raw` stands alone on the line, or -1. */
function findValue(line: string, raw: string, from: number): number {
  for (let at = line.indexOf(raw, from); at >= 0; at = line.indexOf(raw, at + 1)) if (standsAlone(line, at, raw)) return at;
  return -1;
}

const SPACE = /[\s\u3000\u00a0]/;

/** `raw` on the line with the spaces of both ignored: [start, end) or null. */
function findPhrase(line: string, raw: string): [number, number] | null {
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < line.length; i++) {
    if (SPACE.test(line[i]!)) continue;
    positions.push(i);
    compact += line[i];
  }
  const wanted = raw.replace(/[\s\u3000\u00a0]/g, '');
  if (wanted === '') return null;
  const at = compact.indexOf(wanted);
  if (at < 0) return null;
  return [positions[at]!, positions[at + wanted.length - 1]! + 1];
}

/** `raw` at or after `from` where no other cell was marked, standing alone or not: [start, end) or null. */
function runTogether(line: string, raw: string, from: number, taken: ReadonlySet<number>): [number, number] | null {
  for (let at = line.indexOf(raw, from); at >= 0; at = line.indexOf(raw, at + 1)) if (!taken.has(at)) return [at, at + raw.length];
  return null;
}

function tableOrder(ids: ReadonlyMap<string, number>) {
  return (a: Entry, b: Entry): number =>
    (ids.get(a.prov.table ?? '') ?? 0) - (ids.get(b.prov.table ?? '') ?? 0) || (a.prov.row ?? 0) - (b.prov.row ?? 0) || (a.prov.col ?? 0) - (b.prov.col ?? 0);
}

/** Spans that overlap (two values read from one phrase) become one span holding both. */
function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.entries.push(...s.entries);
    } else out.push({ ...s, entries: [...s.entries] });
  }
  return out;
}

/** The marks of every line that a value came from, by line number. */
export function marksByLine(record: ReportRecord, lines: readonly string[]): Map<number, LineMarks> {
  const byLine = new Map<number, Entry[]>();
  for (const e of entriesOf(record)) byLine.set(e.prov.line, [...(byLine.get(e.prov.line) ?? []), e]);
  const tableIds = new Map(record.tables.map((t, i) => [t.id, i]));
  const out = new Map<number, LineMarks>();
  for (const [no, entries] of byLine) {
    const line = lines[no - 1] ?? '';
    const spans: Span[] = [];
    const badges: Entry[] = [];
    const taken = new Set<number>();
    let cursor = 0;
    for (const e of entries.filter((x) => x.method === 'table').sort(tableOrder(tableIds))) {
      let at = e.prov.raw === '' ? -1 : findValue(line, e.prov.raw, cursor);
      // Not after the previous cell (a table drawn right to left, a wrapped row): anywhere not taken.
      for (let from = 0; e.prov.raw !== '' && (at < 0 || taken.has(at)); from = at + 1) {
        at = findValue(line, e.prov.raw, from);
        if (at < 0) break;
      }
      if (at < 0) {
        // A cell's text is cleaned (`251000 元` in the line is the cell `251000元`): look for it with spaces ignored.
        // Cells the text ran together (`规章000`: three cells of 0) stand next to each other.
        let found = e.prov.raw === '' ? null : findPhrase(line, e.prov.raw);
        if (e.prov.raw !== '' && (!found || taken.has(found[0]))) found = runTogether(line, e.prov.raw, cursor, taken);
        if (found && !taken.has(found[0])) {
          taken.add(found[0]);
          cursor = found[1];
          spans.push({ start: found[0], end: found[1], method: 'table', entries: [e] });
        } else badges.push(e);
        continue;
      }
      taken.add(at);
      cursor = at + e.prov.raw.length;
      spans.push({ start: at, end: cursor, method: 'table', entries: [e] });
    }
    for (const e of entries.filter((x) => x.method === 'narrative')) {
      const found = findPhrase(line, e.prov.raw);
      if (found) spans.push({ start: found[0], end: found[1], method: 'narrative', entries: [e] });
      else badges.push(e);
    }
    badges.push(...entries.filter((x) => x.method === 'implied').sort(tableOrder(tableIds)));
    out.set(no, { spans: merge(spans), badges });
  }
  return out;
}
