// The section tree of a report, built from the paragraphs outside table regions.

import type { Paragraph } from '../parse/paragraphs.js';
import type { SectionOut } from '../schema.js';
import { matchHeading, splitHeadingText, type HeadingKind } from '../lexical/headings.js';

/** A section of the record; its shape is the contract's (src/schema.ts). */
export type Section = SectionOut;

/** The usual depth of each kind; used only where the report itself has not shown the nesting. */
const USUAL_RANK: Record<HeadingKind, number> = { part: -1, cn: 0, 'paren-cn': 1, num: 2, 'paren-num': 3, circled: 4 };

interface Open {
  section: Section;
  kind: HeadingKind | null;
  parts: string[];
  parent: Open | null;
}

export interface TableSpan {
  id: string;
  line: number;
  endLine: number;
}

/**
 * Split the report into sections, from the paragraphs outside table regions (headings are never
 * looked for inside a table). Each table is listed in the section it sits in.
 */
export function splitSections(paragraphs: readonly Paragraph[], tables: readonly TableSpan[]): Section[] {
  type Item = { kind: 'p'; line: number; endLine: number; text: string } | { kind: 't'; line: number; endLine: number; id: string };
  const items: Item[] = [
    ...paragraphs.map((p) => ({ kind: 'p' as const, line: p.line, endLine: p.endLine, text: p.text })),
    ...tables.map((t) => ({ kind: 't' as const, ...t })),
  ].sort((a, b) => a.line - b.line);

  const roots: Open[] = [];
  const stack: Open[] = [];
  const opened: Open[] = [];
  let preamble: Open | null = null;
  /** Roots with a heading (the preamble has none): the next root's number is one more. */
  let numberedRoots = 0;

  const touch = (open: Open, endLine: number): void => {
    for (let o: Open | null = open; o; o = o.parent) o.section.endLine = Math.max(o.section.endLine, endLine);
  };
  const current = (item: Item): Open => {
    const top = stack.at(-1);
    if (top) return top;
    if (!preamble) {
      preamble = { section: blank('0', '', 1, '', item.line), kind: null, parts: [], parent: null };
      roots.push(preamble);
      opened.push(preamble);
    }
    return preamble;
  };

  for (const item of items) {
    if (item.kind === 't') {
      const open = current(item);
      open.section.tables.push(item.id);
      touch(open, item.endLine);
      continue;
    }
    const heading = matchHeading(item.text);
    if (!heading) {
      const open = current(item);
      open.parts.push(item.text);
      touch(open, item.endLine);
      continue;
    }
    const { title, body } = splitHeadingText(heading.rest);
    placeHeading(stack, heading.kind);
    const parent = stack.at(-1) ?? null;
    const index = parent ? parent.section.children.length + 1 : numberedRoots + 1;
    const id = parent ? `${parent.section.id}.${index}` : String(index);
    const section = blank(id, heading.marker, stack.length + 1, title, item.line);
    const open: Open = { section, kind: heading.kind, parts: body ? [body] : [], parent };
    if (parent) parent.section.children.push(section);
    else {
      roots.push(open);
      numberedRoots++;
    }
    stack.push(open);
    opened.push(open);
    touch(open, item.endLine);
  }

  for (const o of opened) o.section.text = o.parts.join('\n');
  return roots.map((r) => r.section);
}

/** Pop the stack to where a heading of `kind` belongs. */
function placeHeading(stack: Open[], kind: HeadingKind): void {
  const same = stack.findIndex((o) => o.kind === kind);
  if (same >= 0) {
    stack.length = same; // a sibling of the open heading of the same kind
    return;
  }
  // A kind the report has not used at this depth yet: nest it where it usually goes.
  while (stack.length > 0 && USUAL_RANK[stack.at(-1)!.kind!] >= USUAL_RANK[kind]) stack.pop();
}

function blank(id: string, marker: string, level: number, title: string, line: number): Section {
  return { id, marker, level, title, line, endLine: line, text: '', tables: [], children: [] };
}
