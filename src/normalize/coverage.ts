// What a record lacks as a whole, said in its warnings so that a report yielding nothing never
// looks clean: no statistics at all (STATISTICS_EMPTY), or a 2019 or 2021 report without a table
// its layout's template prints (TABLES_MISSING). Absence has no line, so both carry `line: null`.
//
// When they fire:
// - STATISTICS_EMPTY: the text looks like a report (else NOT_A_REPORT already says so) and not one
//   figure was taken, from a table or from prose: a scraped page whose tables were images or ran
//   into one line, an empty template, a download cut before its numbers. A prose-only report
//   before 2019 that states its figures has statistics and no warning: the pre-2019 form was not
//   printed by every agency.
// - TABLES_MISSING: the layout is 2019 or 2021 (from the tables' wording or from the year) and one
//   of its forms was read from no table — the 第二十条 items, the requests table, the appeals
//   table. A page cut short loses the tables after the cut; a table kept as drawn (the form did not
//   fit) counts as not read. Figures the prose states may still stand in for part of it.

import type { Diagnostic } from '../diagnostics.js';
import { formsOfLayout } from '../forms/index.js';
import type { Form } from '../forms/types.js';
import type { Statistics } from '../schema.js';
import type { Layout } from './layout.js';

/** How a form is named in the warning: its caption, or the heading of its part of the template. */
function nameOf(form: Form): string {
  if (form.caption !== null) return form.caption;
  if (form.kind === 'requests') return '三、收到和处理政府信息公开申请情况 (requests)';
  if (form.kind === 'appeals') return '四、政府信息公开行政复议、行政诉讼情况 (appeals)';
  return form.id;
}

/** One placed table stands for a required form when it is the same part of the template. */
function sameItem(placed: Form, required: Form): boolean {
  return placed.kind === required.kind && (required.kind !== 'proactive' || placed.caption === required.caption);
}

/** TABLES_MISSING for a 2019 or 2021 report whose tables do not include each of its layout's forms. */
export function missingTables(layout: Layout, placed: readonly Form[], yearDecided: boolean): Diagnostic[] {
  if (layout !== '2019' && layout !== '2021') return [];
  const missing = formsOfLayout(layout).filter((f) => !placed.some((p) => sameItem(p, f)));
  if (missing.length === 0) return [];
  const how = yearDecided ? `the ${layout} layout (by the report's year)` : `the ${layout} layout (by its tables' wording)`;
  return [
    {
      code: 'TABLES_MISSING',
      message: `${how} prints ${missing.length === 1 ? 'a table' : `${missing.length} tables`} not read from this text: ${missing.map(nameOf).join('; ')}; their statistics are absent unless the prose states them`,
      line: null,
    },
  ];
}

/** STATISTICS_EMPTY for a text that looks like a report and gave no figure at all. */
export function statisticsEmpty(statistics: Statistics): Diagnostic[] {
  if (Object.keys(statistics).length > 0) return [];
  return [
    {
      code: 'STATISTICS_EMPTY',
      message: 'no statistics at all: no official table was read and the prose states no figure (tables as images, an empty template, a page cut short?)',
      line: null,
    },
  ];
}
