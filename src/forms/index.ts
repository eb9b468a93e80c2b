// Every official form the parser knows, and the forms whose arithmetic a layout's reports must
// satisfy. Adding a form (a province's variant) is one entry here and one data module.

import { APPEALS_FORM } from './appeals.js';
import { FUJIAN_FORM } from './fujian.js';
import { PRE2019_FORM } from './pre2019.js';
import { PROACTIVE_FORMS } from './proactive.js';
import { REQUESTS_FORM } from './requests.js';
import type { Form, FormLayout } from './types.js';

/**
 * In the order a table's words are tried against their signatures: the pre-2019 forms' words (申请,
 * 行政复议) also occur in the later forms', so they come first. The 第二十条 items share one
 * signature and are told apart by caption and rows (tables/place/index.ts).
 */
export const FORMS: readonly Form[] = [PRE2019_FORM, FUJIAN_FORM, REQUESTS_FORM, APPEALS_FORM, ...PROACTIVE_FORMS];

/** The forms that say where their table starts in text that draws none (tables/anchors.ts). */
export const ANCHORED_FORMS: readonly Form[] = FORMS.filter((f) => f.anchor);

/** Characters one of which every anchor line holds: 第 of every 第二十条 caption, and the forms' hints. */
export const ANCHOR_HINTS = `第${ANCHORED_FORMS.map((f) => f.anchor!.hints).join('')}`;

/** The forms a table is classified by: one per signature, in FORMS order. */
export const FORMS_BY_SIGNATURE: readonly Form[] = FORMS.filter((f, i) => FORMS.findIndex((g) => g.signature.source === f.signature.source) === i);

export { APPEALS_FORM, FUJIAN_FORM, PRE2019_FORM, PROACTIVE_FORMS, REQUESTS_FORM };
export { captionItem, itemOfRow, proactiveFormOf } from './proactive.js';
export { isOutlineTitle } from './outline.js';

/**
 * The forms whose relations a report of a layout is checked against, whether or not its tables
 * were found (a prose-only pre-2019 report still gets the pre-2019 checks, as `skip`).
 */
export function formsOfLayout(layout: FormLayout | 'unknown'): readonly Form[] {
  if (layout === 'pre2019') return [PRE2019_FORM];
  if (layout === '2019' || layout === '2021') return [...PROACTIVE_FORMS.filter((f) => f.layout === layout), REQUESTS_FORM, APPEALS_FORM];
  return [];
}
