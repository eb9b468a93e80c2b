// The documentation a newcomer reads: a README that is a front door (at most ~250 lines, linking
// docs/), every link inside the clone and landing on a heading that exists, nothing outside the
// clone (`../shared/` is not in it), the warning table of docs/record.md in step with
// src/diagnostics.ts, and the copy of the contract naming every field of the schema.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../src/diagnostics.js';
import { ERROR_CODES } from '../src/schema.js';
import { recordJsonSchema } from '../src/write/json-schema.js';
import { ROOT } from './helpers.js';

/** A README a newcomer reads in five minutes (issue 24): what goes in, two commands, a record, workflows, triage. */
const README_MAX_LINES = 250;

const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a page's headings give (outside code blocks). */
function anchorsOf(text: string): Set<string> {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe('the README is a front door', () => {
  it(`has at most ${README_MAX_LINES} lines and links each page of docs/`, () => {
    const readme = read('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
    for (const page of DOCS.filter((d) => d !== 'README.md')) expect(readme, page).toContain(`](${page})`);
  });

  it('shows what goes in, the two commands, a record, the workflows and triage, in that order', () => {
    const headings = [...read('README.md').matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const wanted = ['What goes in', 'Two commands', 'A record', 'Everyday workflows', 'Triage: what went wrong across a batch'];
    expect(headings.filter((h) => wanted.includes(h))).toEqual(wanted);
  });
});

describe('links', () => {
  for (const doc of DOCS) {
    it(`${doc}: every link stays in the clone and lands on a file and heading that exist`, () => {
      const text = read(doc);
      expect(text, 'no path into ../shared/ (a clone does not have it)').not.toMatch(/\.\.\/shared\/|\]\(shared\//);
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // https: and the like
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const path = file === '' ? join(ROOT, doc) : join(ROOT, dirname(doc), file);
        expect(relative(ROOT, path).startsWith('..'), `${target} leaves the clone`).toBe(false);
        expect(existsSync(path), `${doc} links ${target}`).toBe(true);
        if (anchor !== undefined && path.endsWith('.md')) expect([...anchorsOf(readFileSync(path, 'utf8'))], `${doc} links ${target}`).toContain(anchor);
      }
    });
  }
});

describe('docs/record.md: the warning table', () => {
  it('lists every warning code once, in the order of src/diagnostics.ts', () => {
    const record = read('docs/record.md');
    const section = record.slice(record.indexOf('## Warning codes'));
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(WARNING_CODES));
  });
});

describe('docs/canonical-model.md: the contract in the clone', () => {
  it('names every field of the schema and every error code', () => {
    const contract = read('docs/canonical-model.md');
    const fields = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys((node as { properties?: object }).properties ?? {})) fields.add(key);
      Object.values(node).forEach(walk);
    };
    walk(recordJsonSchema());
    expect(fields.size).toBeGreaterThan(150);
    const unnamed = [...fields, ...ERROR_CODES].filter((name) => !new RegExp(`(?<![A-Za-z_])${name}(?![A-Za-z_])`).test(contract));
    expect(unnamed).toEqual([]);
  });
});
