// The layout where the tables show two wordings (normalize/layout.ts): the year settles it when it
// implies one of them. A property over every mix of the forms' layouts and every year, and the real
// pages of fixtures/pages/meta that needed it (README there has their URLs).

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFixture } from './helpers.js';
import { decideLayout } from '../src/normalize/layout.js';
import { latestLayout, layoutOfYear } from '../src/forms/layout.js';
import { PRE2019_FORM, PROACTIVE_FORMS } from '../src/forms/index.js';
import type { Form, FormLayout } from '../src/forms/types.js';
import type { PlacedTable } from '../src/tables/place/types.js';

const SEED = 21;

describe('2019 reports whose tables once showed the 2021 wording too', () => {
  // Before main's table reading of these pages, item 1 cut to `本年新 | 本年新 | 对外公开总数量` was placed on
  // the 2021 form (h007, w234, w272) and the applicant column 其他 read as the 2021 row 3.其他 (g022):
  // the mix the year settles. Their tables now show one wording, which the year confirms.
  it.each([
    ['h007', 2019],
    ['w234', 2019],
    ['w272', 2020],
    ['g022', 2020],
  ])('%s (%i): the 2019 layout, without a LAYOUT_YEAR_MISMATCH', async (id, year) => {
    const r = await parseFixture(`fixtures/pages/meta/${id}.txt`);
    expect([r.report.year, r.report.layout]).toEqual([year, '2019']);
    expect(r.warnings.filter((w) => w.code === 'LAYOUT_YEAR_MISMATCH')).toEqual([]);
  });
});

/** One real form of each layout: 第二十条第（一）项 of 2019 and of 2021, and the 统计指标 form. */
const FORM_OF: Record<FormLayout, Form> = {
  '2019': PROACTIVE_FORMS.find((f) => f.layout === '2019')!,
  '2021': PROACTIVE_FORMS.find((f) => f.layout === '2021')!,
  pre2019: PRE2019_FORM,
};

function placed(form: Form): PlacedTable {
  return { form, format: 'pipe', caption: null, columns: form.columns, rows: [], line: 1, endLine: 2, headerLine: 1 } as unknown as PlacedTable;
}

describe('property', () => {
  it('the layout is one the tables show; the year’s when they show it among others; a warning exactly when the year or the tables’ latest is overruled', () => {
    const layouts = fc.constantFrom<FormLayout>('2019', '2021', 'pre2019');
    fc.assert(
      fc.property(fc.array(layouts, { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 2005, max: 2026 }), { nil: null }), (shown, year) => {
        const { layout, warning } = decideLayout(shown.map((l) => placed(FORM_OF[l])), year);
        const votes = new Set(shown);
        const byYear = layoutOfYear(year);
        const latest = latestLayout(votes)!;
        expect(votes.has(layout as FormLayout)).toBe(true);
        if (votes.size === 1) expect(layout).toBe(shown[0]);
        if (votes.size > 1 && votes.has(byYear as FormLayout)) expect(layout).toBe(byYear);
        expect(warning !== null).toBe((byYear !== 'unknown' && byYear !== layout) || layout !== latest);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
