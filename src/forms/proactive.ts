// 第二十条 proactive-disclosure sub-tables (formats.md §1.1, §2.1): one form per item and format.
// They carry no sums; the only relation is the 2019 plausibility G1 (本年新公开数量 ≤ 对外公开总数量)
// and, across years, the 2021 stock of documents in force (H1).

import type { StatisticsPath } from '../statistics.js';
import type { CellPaths, Form, FormColumn, FormLayout, FormRow, Relation } from './types.js';

const col = <K extends string>(key: K, label: string, match: RegExp, extra: Partial<FormColumn> = {}): FormColumn & { key: K } => ({ ...extra, key, label, match: [match] });
const row = <K extends string>(key: K, label: string, match: RegExp): FormRow & { key: K } => ({ key, labels: [label], match });

/** An item's rows, refused by the compiler when a cell (row × column) is no statistics path. */
type CheckedRows<R extends string, C extends string> = ReadonlyArray<FormRow & { key: R }> &
  (CellPaths<'proactive', R, C> extends StatisticsPath ? unknown : { error: `${Exclude<CellPaths<'proactive', R, C>, StatisticsPath>} is no statistics path` });

/** The part of a 2019 or 2021 report the 第二十条 items stand in. */
const PART = '二、主动公开政府信息情况';

function item<R extends string, C extends string>(
  id: string,
  layout: FormLayout,
  numeral: string,
  columns: ReadonlyArray<FormColumn & { key: C }>,
  rows: CheckedRows<R, C>,
  relations: Relation[] = [],
  crossYear: Form['crossYear'] = undefined,
): Form {
  return {
    id,
    kind: 'proactive',
    layout,
    caption: `第二十条第（${numeral}）项`,
    part: PART,
    item: numeral,
    signature: /第二十条|信息内容/,
    base: 'proactive',
    labelColumns: 1,
    corner: ['信息内容'],
    columns,
    rows,
    relations,
    ...(crossYear ? { crossYear } : {}),
  };
}

const REGULATIONS = row('regulations', '规章', /规章/);
const ITEMS_LAST_YEAR = col('itemsLastYear', '上一年项目数量', /上一年项目数量|上年项目数/);
const ITEMS_CHANGE = col('itemsChange', '本年增/减', /本年增\/?减|增减/, { signed: true });
const DECISIONS_2019 = col('decisions', '处理决定数量', /处理决定数/);
const DECISIONS_2021 = col('decisions', '本年处理决定数量', /处理决定数/);

/** G1 (SOFT): what a year newly published cannot exceed all that is published. */
const atMostPublished = (r: string, label: string): Relation => ({
  rule: 'soft',
  kind: 'atMost',
  left: [{ row: r, col: 'published' }],
  right: [{ row: r, col: 'publishedTotal' }],
  what: `${label} 本年新公开数量 ≤ 对外公开总数量 (G1)`,
});

export const PROACTIVE_FORMS: readonly Form[] = [
  item(
    '2019-item1',
    '2019',
    '一',
    [col('issued', '本年新制作数量', /新制作数/), col('published', '本年新公开数量', /新公开数/), col('publishedTotal', '对外公开总数量', /对外公开总数/)],
    [REGULATIONS, row('normativeDocuments', '规范性文件', /规范性文件/)],
    [atMostPublished('regulations', '规章'), atMostPublished('normativeDocuments', '规范性文件')],
  ),
  item(
    '2021-item1',
    '2021',
    '一',
    [col('issued', '本年制发件数', /制发件数/), col('repealed', '本年废止件数', /废止件数/), col('inForce', '现行有效件数', /现行有效件数/)],
    [REGULATIONS, row('normativeDocuments', '行政规范性文件', /规范性文件/)],
    [],
    [{ rule: 'panel.inForce', kind: 'stock', stock: 'inForce', inflow: 'issued', outflow: 'repealed' }],
  ),
  item('2019-item5', '2019', '五', [ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019], [row('licensing', '行政许可', /行政许可/), row('otherServices', '其他对外管理服务事项', /对外管理服务/)]),
  item('2021-item5', '2021', '五', [DECISIONS_2021], [row('licensing', '行政许可', /行政许可/)]),
  item('2019-item6', '2019', '六', [ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019], [row('penalties', '行政处罚', /行政处罚/), row('enforcement', '行政强制', /行政强制/)]),
  item('2021-item6', '2021', '六', [DECISIONS_2021], [row('penalties', '行政处罚', /行政处罚/), row('enforcement', '行政强制', /行政强制/)]),
  item('2019-item8', '2019', '八', [ITEMS_LAST_YEAR, ITEMS_CHANGE], [row('fees', '行政事业性收费', /收费/)]),
  item('2021-item8', '2021', '八', [col('amountWan', '本年收费金额（单位：万元）', /收费金额/, { money: true })], [row('fees', '行政事业性收费', /收费/)]),
  item(
    '2019-item9',
    '2019',
    '九',
    [col('items', '采购项目数量', /采购项目数/), col('amountWan', '采购总金额', /采购总金额/, { money: true })],
    [row('procurement', '政府集中采购', /采购/)],
  ),
];

const NUMERAL = '[一二三四五六七八九十]{1,2}';
/**
 * A 第二十条 caption in folded text (lexical/fold.ts labelKey), in any bracket width and spacing,
 * also written `第二十条(一)项`, `第二十条第一项` or `（一）第二十条`; group 1 or 2 is the item numeral.
 */
const CAPTION = new RegExp(`^(?:第二十条第?\\(?(${NUMERAL})\\)?项|\\((${NUMERAL})\\)第二十条(?:第?${NUMERAL}项)?)`);
/** The longest caption line: a caption is a line of its own, not a sentence citing the article. */
const MAX_CAPTION_CHARS = 18;

/** The item numeral of a caption (folded text), or null. */
export function captionItem(key: string): string | null {
  if (key.length > MAX_CAPTION_CHARS) return null;
  const m = CAPTION.exec(key);
  return m ? (m[1] ?? m[2]!) : null;
}

/** The item a sub-table drawn without its caption row is about, from its first row's label (folded): the item whose rows name it. */
export function itemOfRow(key: string): string | null {
  for (const form of PROACTIVE_FORMS) if (form.rows.some((r) => r.match.test(key))) return form.item!;
  return null;
}

/**
 * Choosing between the 2019 and the 2021 form of an item: the column words the header shows
 * weigh most; where it names none, a form as wide as the first row's values; at a tie, the
 * later form, which most reports since 2021 use.
 */
const WEIGHT = { columnNamed: 10, widthFits: 5, later: 1 } as const;

/** The 2019 or 2021 form of a 第二十条 item for a header (folded) and the number of values its first row holds. */
export function proactiveFormOf(item: string, headerKey: string, values: number): Form | null {
  let best: Form | null = null;
  let bestScore = -1;
  for (const form of PROACTIVE_FORMS) {
    if (form.item !== item) continue;
    const named = form.columns.filter((c) => c.match.every((re) => re.test(headerKey))).length;
    const score = named * WEIGHT.columnNamed + (form.columns.length === values ? WEIGHT.widthFits : 0) + (form.layout === '2021' ? WEIGHT.later : 0);
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  return best;
}
