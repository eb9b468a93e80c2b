// Official tables without delimiters: aligned columns or one cell per line. They can only be
// read through the official form (official/tokens.ts); the format says which the text was.

import type { TableFormat } from './types.js';
import { anchorOf, readOfficialText } from './official/tokens.js';

export const officialTextFormat: TableFormat = {
  name: 'aligned|cells',
  detect(lines, at) {
    return anchorOf(lines[at]!.text) !== null;
  },
  extract(lines, at) {
    const reading = readOfficialText(lines, at);
    if (reading.table === null) return { table: null, next: Math.max(at + 1, reading.next) };
    const { table } = reading;
    return {
      table: {
        format: reading.aligned ? 'aligned' : 'cells',
        line: table.line,
        endLine: table.endLine,
        rows: table.rows,
        official: [table],
      },
      next: reading.next,
    };
  },
};
