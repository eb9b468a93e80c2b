// How well PDFs read directly score against the corpus's hand labels (issue 22): the published WPS
// PDFs at least as well as `pdftotext -raw` through the parser (every cell), and the PDFs Chromium
// (with and without its printed margins) and LibreOffice make of the HTML and DOCX reports at
// ≥ 99 % of cells, year, agency and layout all right, and no wrong value in a record without a
// warning on its line. The labels are scored/pdf/labels/ (scored/pdf/labels.mjs copied them, each
// cell with its statistics path); the scorer is scripts/score.mjs's. The PDFs are in scored/pdf/,
// and the two with goldens in fixtures/pdf/.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../src/file.js';
import type { OutputRecord } from '../src/schema.js';
import { emptyScore, scoreRecord } from '../scripts/score.mjs';
import { fixture } from './helpers.js';

interface Label {
  meta: { year?: number; agency?: string; layout?: string };
  cells: Array<{ row: string; col: string; value: number | string; unit?: string; path: string }>;
}

const DIR = fixture('scored/pdf/labels');
const pdfOf = (name: string): string => (existsSync(fixture(`fixtures/pdf/${name}.pdf`)) ? fixture(`fixtures/pdf/${name}.pdf`) : fixture(`scored/pdf/${name}.pdf`));
const labels = readdirSync(DIR)
  .filter((f) => f.endsWith('.expect.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.expect\.json$/, ''), label: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Label }));

/** The published PDFs: their bar is pdftotext -raw's, every cell. */
const PUBLISHED = new Set(['hzq2023', 'hzq2024', 'szfgs2024']);

interface Score {
  cells: number;
  right: number;
  /** Values present but not the labelled one, and of those the ones without a warning on their line. */
  wrong: string[];
  silent: number;
  year: boolean;
  agency: boolean;
  layout: boolean;
}

const allRight = ([right, asked]: [number, number]): boolean => right === asked;

function score(name: string, record: OutputRecord, label: Label): Score {
  if ('error' in record) throw new Error(`${record.source.path}: ${record.error.code} ${record.error.message}`);
  const s = scoreRecord(emptyScore(), name, label, record);
  return {
    cells: s.cells[1],
    right: s.cells[0],
    wrong: s.wrong,
    silent: s.wrongUnwarned,
    year: allRight(s.year),
    agency: allRight(s.agency),
    layout: allRight(s.layout),
  };
}

describe('PDFs read directly, scored against the corpus labels', () => {
  const scores = new Map<string, Score>();
  beforeAll(async () => {
    for (const { name, label } of labels) scores.set(name, score(name, await parseFile(pdfOf(name)), label));
  }, 240_000);

  it('has the labels of the published PDFs, Chromium with and without margins, and LibreOffice', () => {
    expect(labels.map((l) => l.name)).toEqual([
      'hzq2023', 'hzq2024',
      'pingtan2017.chromium-bare', 'pingtan2017.chromium', 'pingtan2017.libreoffice',
      'pingtan2024.chromium-bare', 'pingtan2024.chromium', 'pingtan2024.libreoffice',
      'sh2019.chromium-bare', 'sh2019.chromium', 'sh2019.libreoffice',
      'szfgs2024', 'template2021.libreoffice',
    ]);
    expect(labels.reduce((n, l) => n + l.label.cells.length, 0)).toBe(572 + 3 * (179 + 12 + 200));
  });

  it('the published PDFs: every labelled cell, as pdftotext -raw gets them', () => {
    for (const name of PUBLISHED) {
      const s = scores.get(name)!;
      expect({ name, right: s.right, wrong: s.wrong }).toEqual({ name, right: s.cells, wrong: [] });
    }
  });

  it('the printed and converted PDFs: at least 99 % of cells, year, agency and layout all right', () => {
    let cells = 0;
    let right = 0;
    for (const [name, s] of scores) {
      if (PUBLISHED.has(name)) continue;
      cells += s.cells;
      right += s.right;
      expect({ name, year: s.year, agency: s.agency, layout: s.layout }).toEqual({ name, year: true, agency: true, layout: true });
    }
    expect(cells).toBe(3 * (179 + 12 + 200));
    expect(right / cells).toBeGreaterThanOrEqual(0.99);
  });

  it('no wrong value in a record without a warning', () => {
    expect([...scores.values()].reduce((n, s) => n + s.silent, 0)).toBe(0);
  });
});
