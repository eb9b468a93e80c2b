// The closed list of warning codes a record can carry, each with what it means. The schema makes
// them an enum (src/schema.ts), the warning table of docs/record.md lists them, and a test holds the
// two together. Adding a code is one line here and one row in that table.

export const WARNING_CODES = {
  TABLE_ROW_UNMATCHED: 'a table row whose label matches no row of the official form (kept in the grid, not mapped)',
  TABLE_ROW_BY_POSITION: 'a row without a usable label, placed by the form\'s row order (tables without delimiters)',
  TABLE_ORDER_UNCERTAIN: 'appeals numbers in pieces that do not add up; kept in reading order',
  TABLE_NOT_OFFICIAL: 'a table that names an official table but does not fit its form; kept as drawn',
  TABLE_RAGGED: 'rows with fewer cells than the table were padded with empty cells: in a table kept as drawn, or in a row of an official table (its values may stand under the wrong columns)',
  TABLE_MISALIGNED: 'values whose columns the text does not tell and the table\'s sums do not settle; left out',
  TABLE_PLACEMENT_INFERRED: 'the conversion dropped blank cells; values were put in columns by the table\'s sums and the usual column order',
  TABLE_TOO_LARGE: 'a drawn table whose rebuilt cells would far exceed its text (broken geometry); kept as text only',
  TABLE_CUT: 'the text ends inside an official table (a page cut short): its last row keeps the cells the text completes, the rest are absent',
  ROW_EMPTY: 'an official row with no value at all (absent, not zero)',
  VALUE_UNPARSED: 'a value cell that is not a number; left absent',
  VALUE_TOO_LARGE: 'a number beyond Number.MAX_SAFE_INTEGER, or with more than 15 significant digits after the point: too large to be exact; left absent',
  VALUE_GROUPING: 'a number whose digit grouping is malformed (grouping is 1–3 digits, then groups of 3): not a numeral; left absent',
  VALUE_UNIT: 'a money unit in a count cell (value kept)',
  VALUE_NEGATIVE: 'a count below zero, other than 本年增/减 (value kept)',
  VALUE_NOT_INTEGER: 'a count with decimals (value kept)',
  VALUE_CONFLICT: 'two tables give one field different values; the first is kept',
  PROSE_TABLE_MISMATCH: 'the text states a figure the table gives differently; the table is kept',
  PROSE_CONFLICT: 'the text states one figure with different numbers (two totals, a count and a denial); none is kept',
  LAYOUT_YEAR_MISMATCH: 'the tables\' wording and the year imply different layouts; the tables win, unless they mix two layouts and the year implies one of them',
  SOFT_RELATION: 'a plausibility relation of formats.md (G1, P7, P8) does not hold',
  NOT_A_REPORT: 'no title, year, numbered heading or table: perhaps an error page or another document',
  YEAR_DISAGREES: 'two places of the report state different statistics years (title, opening sentence, period, year of the work): the title\'s, else one that another confirms, is kept',
  DATE_IMPOSSIBLE: 'a date written in the report that is no day of the calendar (2014年4月31日, 2019年13月40日): left out, not corrected',
  STATISTICS_EMPTY: 'a text that looks like a report gave no statistics at all: no official table read, no figure in the prose (tables as images, an empty template, a page cut short)',
  TABLES_MISSING: 'a 2019 or 2021 report without a table its layout prints (第二十条 items, requests, appeals): not in the text, or kept as drawn; the message names them',
  DECODE_MIXED: 'a stretch of the file is in another encoding than the rest (concatenated downloads); it was decoded with its own',
  DECODE_REPLACED: 'invalid byte sequences, or lone surrogates of broken UTF-16, were replaced with U+FFFD (source.replaced says how many and where)',
  DECODE_DOUBLED: 'the file was encoded twice (UTF-8 of a Latin-1 or Windows-1252 reading: `å¹³æ½­` for `平潭`); it was decoded from the bytes so recovered',
  DECODE_NUL: 'a few stray NUL characters in otherwise plausible text were dropped (how many, and the line of the first)',
  DECODE_BOM: 'the file begins with a byte-order mark of an encoding it is not in (it reads as mojibake so); it was decoded as what it is',
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

/** A warning while a stage works: the record's `warnings` entries. */
export interface Diagnostic {
  code: WarningCode;
  message: string;
  line: number | null;
}
