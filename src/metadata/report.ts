// What a report is: title, agency, statistics year, period, publication date, contacts. Its layout is the
// normalizer's to decide (normalize/layout.ts), from the tables' wording before the year.

import type { SourceLine } from '../parse/lines.js';
import type { ParagraphLines } from '../parse/paragraphs.js';
import { charCount } from '../lexical/chars.js';
import { chooseAgency } from './agency.js';
import { agencyKey } from './agency-key.js';
import { extractContact, type Contact } from './contact.js';
import { dateOfLine, findDates, type FoundDate } from '../lexical/dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { footerStart } from './page-footer.js';
import { findPeriod } from './period.js';
import { opening, publisherField, subject } from './statements.js';
import { matchHeading } from '../lexical/headings.js';
import { HEAD_CHARS, readText, type MetaLine, type MetaText } from './text.js';
import { agencyOfTitle, findTitle, isAgencyName, yearOfTitle } from './title.js';

export interface ReportMeta {
  title: string | null;
  agency: string | null;
  agencyKey: string | null;
  year: number | null;
  period: { start: string; end: string } | null;
  publishedOn: string | null;
  contact: Contact;
  /** What the metadata could not take: a date that is no day of the calendar. */
  warnings: Diagnostic[];
}

/** How many lines at the end may hold the signature block (agency, then date). */
const SIGNATURE_LINES = 5;
const MAX_SIGNATURE_CHARS = 30;

// Field patterns read the fold (half-width, simplified). Every run of spaces is bounded, so that no
// pattern can try a long blank run in more than one way (`填报单位` over 50 000 blank lines).
/** A web page's publication stamp over the text: `发布时间：2020-01-15 来源：…`, the catalogue's `生成日期：2021-01-20`. */
const POSTED_ON = /(?:发布|成文|印发|生成|发文)(?:时间|日期)\s{0,4}:\s{0,4}([^|\n]{6,30})/;
/** `本报告由平罗县卫生和计划生育局编制` / `…根据`: who made the report, when the title does not say. */
const MADE_BY = /本(?:年度)?报告由([^,。、\s]{2,30}?)(?:编制|制作|根据|依据|按照|,)/d;
const FILLED_BY = /填报单位\s{0,4}(?:\(\s{0,4}盖章\s{0,4}\))?\s{0,4}:\s{0,4}([^\s|,;:]{1,40})/d;
const FILLED_ON = /填报(?:日期|时间)\s{0,4}:\s{0,4}([^|\n]{1,40})/;
const YEAR_OF_TABLE = /\(\s{0,4}((?:19|20)\d{2})\s{0,4}年度?\s{0,4}\)/;

/** The text as written where a pattern (with the `d` flag) found its first group in the fold. */
function written(t: MetaText, m: RegExpExecArray | null): string | null {
  const at = m?.indices?.[1];
  return at ? t.text.slice(at[0], at[1]) : null;
}

/** The paragraphs of the fold, made as they are read (not a copy of every paragraph at once). */
function* foldedParagraphs(t: MetaText): Generator<{ no: number; text: string }> {
  for (const p of t.paragraphs) yield { no: p.line, text: t.fold.slice(p.start, p.end) };
}

/** The line of the last heading of the prose (`六、其他需要报告的事项`), or `from` when none comes later. */
function lastHeadingLine(prose: readonly MetaLine[], from: number): number {
  for (let i = prose.length - 1; i >= 0 && prose[i]!.no > from; i--) if (matchHeading(prose[i]!.text)) return prose[i]!.no;
  return from;
}

export function extractReport(lines: readonly SourceLine[], inTable: (no: number) => boolean, paragraphs?: readonly ParagraphLines[]): ReportMeta {
  const t = readText(lines, inTable, paragraphs);
  const title = findTitle(t.prose);
  // A scraped page's footer (page-footer.ts) is no part of the report: not its signature, not its
  // contact. It stands after the title and the last heading (a menu above the title is no footer).
  const footer = footerStart(t.prose, lastHeadingLine(t.prose, title?.endLine ?? 0));
  const prose = footer === null ? t.prose : t.prose.filter((l) => l.no < footer);
  const bodyEnd = footer === null ? t.text.length : (t.paragraphs.find((p) => p.line >= footer)?.start ?? t.text.length);
  const body = t.text.slice(0, bodyEnd);

  const warnings: Diagnostic[] = [];
  /** A date's ISO form, or null and a warning when it is no day of the calendar (`2014年4月31日`). */
  const possible = (d: FoundDate | null | undefined, line: number | null): string | null => {
    if (!d) return null;
    if (!d.impossible) return d.iso;
    warnings.push({ code: 'DATE_IMPOSSIBLE', message: `${d.iso} is no day of the calendar; left out`, line });
    return null;
  };

  // A date right under the title: `（2021年1月28日）`.
  const afterTitle = title ? prose.filter((l) => l.no > title.endLine).slice(0, 2) : [];
  let dateUnderTitle: string | null = null;
  for (const l of afterTitle) {
    const d = dateOfLine(l.text);
    if (!d) continue;
    dateUnderTitle = possible(d, l.no);
    break;
  }

  // The signature block: `张店区卫计局` / `2018 年 2 月 1 日` at the end of the prose.
  const tail = prose.slice(-SIGNATURE_LINES);
  let signatureDate: string | null = null;
  let signatureAgency: string | null = null;
  for (let i = tail.length - 1; i >= 0; i--) {
    const d = dateOfLine(tail[i]!.text);
    if (!d) continue;
    signatureDate = possible(d, tail[i]!.no);
    const above = tail[i - 1]?.text;
    if (above && charCount(above) <= MAX_SIGNATURE_CHARS && isAgencyName(above)) signatureAgency = above;
    break;
  }

  const head = t.fold.slice(0, HEAD_CHARS);
  const filledBy = written(t, FILLED_BY.exec(t.fold));
  const filledOnText = FILLED_ON.exec(t.fold)?.[1];
  const filledOn = filledOnText ? possible(findDates(filledOnText)[0], null) : null;
  const postedText = POSTED_ON.exec(head)?.[1];
  const postedOn = postedText ? possible(findDates(postedText)[0], null) : null;
  const madeBy = written(t, MADE_BY.exec(head));

  const found = findPeriod(foldedParagraphs(t));
  if (found && 'impossible' in found) warnings.push({ code: 'DATE_IMPOSSIBLE', message: `the statistics period ${found.impossible} names a day that is not in the calendar; left out`, line: found.line });
  const period = found && 'start' in found ? found : null;
  const periodYear = period && period.start.slice(0, 4) === period.end.slice(0, 4) ? Number(period.start.slice(0, 4)) : null;
  const tableYear = YEAR_OF_TABLE.exec(t.fold);
  const introduced = opening(t);
  const firstSentence = subject(t);
  const year =
    (title ? yearOfTitle(title.text) : null) ??
    introduced?.year ??
    periodYear ??
    (tableYear ? Number(tableYear[1]) : null) ??
    firstSentence?.year ??
    null;

  const named = (title ? agencyOfTitle(title.text) : null) ?? introduced?.agency ?? null;
  const stated = [signatureAgency, filledBy, madeBy, publisherField(t), firstSentence?.agency ?? null].filter((s): s is string => s !== null);
  const agency = chooseAgency({ title: named, stated, body });

  return {
    title: title?.text ?? null,
    agency,
    agencyKey: agencyKey(agency, body),
    year,
    period: period ? { start: period.start, end: period.end } : null,
    publishedOn: dateUnderTitle ?? signatureDate ?? filledOn ?? postedOn,
    contact: extractContact(body, t.fold.slice(0, bodyEnd)),
    warnings,
  };
}
