// Which official table a grid is, from its wording.

import { fold } from '../parse/chars.js';
import type { RawTable } from './types.js';

export type TableKind = 'proactive' | 'requests' | 'appeals' | 'pre2019' | 'other';

/** Tell-tale labels of each official table (folded form), tried in this order. */
const KIND_MARKERS: Array<[TableKind, RegExp]> = [
  ['pre2019', /统计指标|政府信息公开情况统计表/],
  ['requests', /申请人情况|本年新收政府信息公开申请|本年度办理结果/],
  ['appeals', /行政复议.*行政诉讼|行政诉讼.*行政复议|未经复议直接起诉/],
  ['proactive', /第二十条第|信息内容|本年制发件数|本年新制作数量|处理决定数量/],
];

export function classifyTable(table: RawTable): TableKind {
  const text = fold(table.rows.map((r) => r.map((c) => c.text).join('|')).join('\n'));
  for (const [kind, re] of KIND_MARKERS) if (re.test(text)) return kind;
  return 'other';
}
