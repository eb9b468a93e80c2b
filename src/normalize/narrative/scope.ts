// The time a figure covers, from the words before it in its clause and the sentence's leading clause
// (`自2008年以来,…`, `2022年,我局…累计…`). Only the report's year is the report's figure:
//   - another year: 上年, 去年, 前年, 同比 before it in its clause;
//   - several years: 历年, 迄今, 至今, 到目前, 自…以来, 三年来 (not 今年以来, 一年来, 今年来);
//   - 累计 sums over the year when a time within the year governs it (`全年累计`, `2023年度累计`,
//     `一年来…累计`: h009, h017, h028, g050 of the pages), and over years otherwise (`到目前累计`,
//     `截至2019年12月底,累计`: nothing says where the sum starts).

export type Span = 'year' | 'other' | 'years';

const OTHER_YEAR = /上一?年|去年|前年|同比/;
const OVER_YEARS = /历年|迄今|至今(?!年)|到目前|目前为止|截至目前|截止目前|(?<!今年|本年|年初|一年)以来|(?<![一今])年来/;
const ACCUMULATED = /累计/;
/** A time within one year: 全年, 本年(度), 今年, 年内, 一年来, 2023年(度). */
const WITHIN_YEAR = /全年|本年|今年|年内|一年来|\d{4}年/;
/** An end date without a start: `截至2019年12月底` does not say the sum starts with the year. */
const UP_TO = /截至|截止|截到|到目前/;

/** `prefix`: the clause before the figure; `leading`: the sentence's first clause when it comes before the figure's. */
export function spanOf(prefix: string, leading: string): Span {
  if (OTHER_YEAR.test(prefix)) return 'other';
  if (OVER_YEARS.test(prefix) || OVER_YEARS.test(leading)) return 'years';
  const when = leading + prefix;
  if (ACCUMULATED.test(when)) {
    if (!WITHIN_YEAR.test(when) || UP_TO.test(when)) return 'years';
  }
  return 'year';
}
