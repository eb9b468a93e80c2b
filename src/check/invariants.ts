// What must hold of every record, whatever the input: checked in one place, run by the tests
// over every fixture and every corpus file, and usable by anyone holding records and their texts.
//   provenance   every number has an entry and every entry a number; a table entry points at a
//                grid cell holding its raw text; `raw` stands on its line (verbatim for prose;
//                for a cell, its characters in order with only spaces between, as a converter
//                may pad or wrap them); an implied zero has an empty raw and its row's line
//   tables       rectangular, lines inside the text
//   sections     nest (a child inside its parent, siblings in order without overlap) and lie
//                inside the text
// The list of warning codes is closed by the schema itself (RecordSchema).

import type { ReportRecord, SectionOut } from '../schema.js';

export interface Violation {
  rule: string;
  message: string;
}

function leaves(o: unknown, prefix: string, out: Map<string, number>): void {
  if (typeof o === 'number') out.set(prefix, o);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
}

const squeeze = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Markup on a line of a web page saved as text (the same tags parse/lines.ts drops from what a reader sees). */
const TAG = /<\/?[A-Za-z][^<>\n]{0,300}>/g;

/**
 * Does `raw` stand on `line`, its characters in order with nothing but spaces between, or markup
 * (a converter pads cells, a value may be written `251000 元`, and a web page's cell `2<span>1</span>`)?
 */
function standsOn(raw: string, line: string): boolean {
  if (line.includes(raw)) return true;
  if (squeeze(line).includes(squeeze(raw))) return true;
  return line.includes('<') && squeeze(line.replace(TAG, '')).includes(squeeze(raw));
}

/** The record's violations of the invariants; `text` is the decoded text the record was made from. */
export function checkInvariants(record: ReportRecord, text: string): Violation[] {
  const out: Violation[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const lineCount = lines.length;
  const fail = (rule: string, message: string): void => void out.push({ rule, message });

  const values = new Map<string, number>();
  leaves(record.statistics, '', values);
  for (const path of values.keys()) if (!record.provenance[path]) fail('provenance.missing', `${path} has no provenance`);
  const tables = new Map(record.tables.map((t) => [t.id, t]));
  for (const [path, p] of Object.entries(record.provenance)) {
    if (!values.has(path)) fail('provenance.orphan', `${path} has provenance but no value`);
    if (p.line < 1 || p.line > lineCount) {
      fail('provenance.line', `${path}: line ${p.line} is outside the text (${lineCount} lines)`);
      continue;
    }
    const line = lines[p.line - 1]!;
    if (p.method === 'implied') {
      if (p.raw !== '') fail('provenance.implied', `${path}: an implied zero with raw "${p.raw}"`);
      if (values.get(path) !== 0) fail('provenance.implied', `${path}: implied but ${values.get(path)}`);
    } else if (p.method === 'narrative') {
      if (!line.includes(p.raw)) fail('provenance.raw', `${path}: "${p.raw}" is not on line ${p.line}`);
    } else if (!standsOn(p.raw, line)) {
      fail('provenance.raw', `${path}: "${p.raw}" is not on line ${p.line}`);
    }
    if (p.table !== undefined) {
      const t = tables.get(p.table);
      const cell = t?.rows[p.row ?? -1]?.[p.col ?? -1];
      if (cell === undefined) fail('provenance.cell', `${path}: no cell ${p.table}[${p.row}][${p.col}]`);
      else if (cell !== p.raw) fail('provenance.cell', `${path}: cell ${p.table}[${p.row}][${p.col}] holds "${cell}", provenance says "${p.raw}"`);
    }
  }

  for (const t of record.tables) {
    const width = t.rows[0]?.length ?? 0;
    if (t.rows.some((r) => r.length !== width)) fail('table.ragged', `${t.id}: rows of different lengths`);
    if (t.line < 1 || t.endLine < t.line || t.endLine > lineCount) fail('table.lines', `${t.id}: lines ${t.line}–${t.endLine} of ${lineCount}`);
  }

  const visit = (s: SectionOut, parent: SectionOut | null): void => {
    if (s.line < 1 || s.endLine < s.line || s.endLine > lineCount) fail('section.lines', `${s.id}: lines ${s.line}–${s.endLine} of ${lineCount}`);
    if (parent && (s.line < parent.line || s.endLine > parent.endLine)) fail('section.nest', `${s.id} (${s.line}–${s.endLine}) is outside ${parent.id} (${parent.line}–${parent.endLine})`);
    let last = 0;
    for (const c of s.children) {
      if (c.line <= last) fail('section.order', `${c.id} starts at ${c.line}, inside or before its sibling ending at ${last}`);
      last = c.endLine;
      visit(c, s);
    }
  };
  let last = 0;
  for (const s of record.sections) {
    if (s.line <= last) fail('section.order', `${s.id} starts at ${s.line}, inside or before its sibling ending at ${last}`);
    last = s.endLine;
    visit(s, null);
  }
  return out;
}
