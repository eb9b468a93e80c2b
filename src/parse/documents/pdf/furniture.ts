// Page furniture: what a page prints in its margins that is not the report — page numbers
// (`- 3 -`, `第3页 共5页`, a bare `3`), running heads and feet, and the margins a browser prints on
// each page of a web page saved as PDF (date and time and the page's title at the top, its address
// and `1/5` at the bottom). A line in the top or bottom band of its page is furniture when it reads
// as a page number or a printed margin, or when the same words (digits aside) stand in that band
// on other pages too.

import { PAGE_NUMBER, PRINT_MARGIN } from '../../lines.js';
import type { PageLine } from './lines.js';

/** The top and bottom bands of a page (a share of its height) where furniture is looked for. */
const BAND = 0.09;
/** Words in the band on at least this share of the pages (and two of them) run on every page. */
const RUNNING = 0.5;

/** A bare page number (`3`), or a browser's page of pages on its own (`1/5`). */
const BARE_NUMBER = /^\d{1,4}$/;

export interface PageOfLines {
  height: number;
  lines: readonly PageLine[];
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');
/** The words of a line with its numbers blanked: a running head is the same on every page but for them. */
const shape = (s: string): string => squeeze(s).replace(/\d+/g, '#');

function inBand(line: PageLine, height: number): 'top' | 'bottom' | null {
  if (line.y1 <= BAND * height) return 'top';
  if (line.y0 >= (1 - BAND) * height) return 'bottom';
  return null;
}

function readsAsPageMark(text: string): boolean {
  const t = text.trim();
  const s = squeeze(t);
  return PAGE_NUMBER.test(t) || PAGE_NUMBER.test(s) || PRINT_MARGIN.test(t) || BARE_NUMBER.test(s) || /^(?:file|https?):\/\/\S+$/.test(t);
}

/** For each page, the indices of its lines that are furniture. */
export function furniture(pages: readonly PageOfLines[]): Array<Set<number>> {
  const seen = new Map<string, Set<number>>(); // band and shape → the pages it stands on
  pages.forEach((p, n) => {
    for (const l of p.lines) {
      const band = inBand(l, p.height);
      if (!band) continue;
      const k = `${band}:${shape(l.text)}`;
      (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(n);
    }
  });
  const minPages = Math.max(2, Math.ceil(RUNNING * pages.length));
  return pages.map((p) => {
    const out = new Set<number>();
    p.lines.forEach((l, i) => {
      const band = inBand(l, p.height);
      if (!band) return;
      if (readsAsPageMark(l.text) || (seen.get(`${band}:${shape(l.text)}`)?.size ?? 0) >= minPages) out.add(i);
    });
    return out;
  });
}
