// The pre-2019 统计表 with its columns aligned by spaces (a PDF attachment through
// `pdftotext -layout`): one row per line, 统计指标 / 单位 / 统计数 separated by runs of spaces.
//   统计指标                                              单位      统计数
//   （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）     条        78
// A label wrapped onto a line of its own is left out: rows are matched by their key phrase,
// which stands in the first part.

import { charCount, fold } from '../parse/chars.js';
import { cleanText } from '../parse/lines.js';
import { matchHeading } from '../sections/headings.js';
import { isValueToken } from './official/values.js';
import type { Cell, RawTable, TableFormat } from './types.js';

const HEADER = /统计指标.*(?:单位|统计数)/;
const FOOTER = /单位负责人|填报人|审核人|填报日期/;
/** A line longer than this without a column gap is prose: the form is over. */
const MAX_WRAPPED_LABEL_CHARS = 40;

const cellsOf = (raw: string): string[] => raw.trim().split(/\s{2,}|\t/).map((c) => cleanText(c)).filter((c) => c !== '');

export const formLinesFormat: TableFormat = {
  name: 'aligned-form',
  detect(lines, at) {
    // 指 of 统计指标 first: folding keeps ideographs, so a line without it cannot match.
    const text = lines[at]!.text;
    return text.includes('指') && HEADER.test(fold(text)) && cellsOf(lines[at]!.raw).length >= 2;
  },
  extract(lines, at) {
    const rows: Cell[][] = [[{ text: '统计指标', line: lines[at]!.no }, { text: '单位', line: lines[at]!.no }, { text: '统计数', line: lines[at]!.no }]];
    let last = at;
    for (let i = at + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.text === '') continue;
      const cells = cellsOf(line.raw);
      const at3 = (label: string, unit: string, value: string): Cell[] => [label, unit, value].map((text) => ({ text, line: line.no }));
      if (FOOTER.test(line.text)) {
        rows.push(at3(line.text, '', ''));
        last = i;
        break;
      }
      if (cells.length >= 3) rows.push(at3(cells.slice(0, -2).join(''), cells.at(-2)!, cells.at(-1)!));
      else if (cells.length === 2 && isValueToken(cells[1]!) && /\d/.test(cells[1]!)) rows.push(at3(cells[0]!, '', cells[1]!));
      else if (cells.length === 2) rows.push(at3(cells[0]!, cells[1]!, ''));
      else if (charCount(line.text) > MAX_WRAPPED_LABEL_CHARS || (matchHeading(line.text)?.kind === 'cn' && rows.length > 40)) break;
      else continue; // the wrapped rest of a label
      last = i;
    }
    if (rows.length < 3) return { table: null, next: last + 1 };
    const table: RawTable = { format: 'aligned', line: lines[at]!.no, endLine: lines[last]!.no, rows };
    return { table, next: last + 1 };
  },
};
