// Every official form the parser knows, and the forms whose arithmetic a layout's reports must
// satisfy. Adding a form (a province's variant) is one entry here and one data module.

import { APPEALS_FORM } from './appeals.js';
import { FUJIAN_FORM } from './fujian.js';
import { PRE2019_FORM } from './pre2019.js';
import { PROACTIVE_FORMS } from './proactive.js';
import { REQUESTS_FORM } from './requests.js';
import type { Form, FormLayout } from './types.js';

export const FORMS: readonly Form[] = [...PROACTIVE_FORMS, REQUESTS_FORM, APPEALS_FORM, PRE2019_FORM, FUJIAN_FORM];

export { APPEALS_FORM, FUJIAN_FORM, PRE2019_FORM, PROACTIVE_FORMS, REQUESTS_FORM };

/**
 * The forms whose relations a report of a layout is checked against, whether or not its tables
 * were found (a prose-only pre-2019 report still gets the pre-2019 checks, as `skip`).
 */
export function formsOfLayout(layout: FormLayout | 'unknown'): readonly Form[] {
  if (layout === 'pre2019') return [PRE2019_FORM];
  if (layout === '2019' || layout === '2021') return [...PROACTIVE_FORMS.filter((f) => f.layout === layout), REQUESTS_FORM, APPEALS_FORM];
  return [];
}
