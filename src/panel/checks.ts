// Relations between the reports of one agency (formats.md R7, H1): what a single report cannot
// show. One output line per agency-year pair checked, with both values and both source files.
//   panel.carryOver   上年结转 of year N = 结转下年度继续办理 of year N−1, per applicant column
//   panel.inForce     现行有效件数 N = 现行有效件数 N−1 + 本年制发件数 N − 本年废止件数 N (2021
//                     layout; amendments and lapses make it approximate, so `warn`, not `fail`)
//   panel.duplicate   two files of one agency and year with the same statistics (one report
//                     twice, e.g. a PDF conversion and a web copy): flagged, not merged
//   panel.sameYear    two files of one agency and year whose statistics differ
//   panel.joined      names taken as one agency (join.ts: 洪泽区人民政府 = 淮安市洪泽区人民政府)

import { CROSS_YEAR_LINKS, type CarryLink, type StockLink } from '../forms/cross-year.js';
import type { PanelFacts } from './facts.js';
import { joinPlaceForms } from './join.js';

export interface PanelLine {
  rule: 'panel.carryOver' | 'panel.inForce' | 'panel.duplicate' | 'panel.sameYear' | 'panel.joined';
  agencyKey: string;
  year?: number;
  previousYear?: number;
  status: 'pass' | 'fail' | 'warn' | 'flag' | 'info';
  /** panel.joined: the agency keys taken as one, the kept one last. */
  names?: string[];
  values?: Array<Record<string, number | string | null>>;
  source?: string | null;
  previousSource?: string | null;
  sources?: Array<string | null>;
  message: string;
}

/** A line about the pair (year N−1, year N) of one agency. */
function pairLine(rule: PanelLine['rule'], prev: PanelFacts, cur: PanelFacts, status: PanelLine['status'], values: PanelLine['values'], message: string): PanelLine {
  return { rule, agencyKey: cur.agencyKey, year: cur.year, previousYear: prev.year, status, values, source: cur.path, previousSource: prev.path, message };
}

function carryOver(prev: PanelFacts, cur: PanelFacts, links: readonly CarryLink[]): PanelLine | null {
  const values = links.flatMap((l) => {
    const previous = prev.values[l.previous];
    const current = cur.values[l.current];
    if (!previous || !current) return [];
    return [{ column: l.column, previous: previous.value, previousLine: previous.line, current: current.value, line: current.line, status: previous.value === current.value ? 'pass' : 'fail' }];
  });
  if (values.length === 0) return null;
  const failed = values.filter((v) => v.status === 'fail').map((v) => v.column);
  const message = failed.length === 0 ? `上年结转 ${cur.year} = 结转下年度 ${prev.year} in ${values.length} column(s)` : `上年结转 ${cur.year} ≠ 结转下年度 ${prev.year} in ${failed.join(', ')}`;
  return pairLine('panel.carryOver', prev, cur, failed.length === 0 ? 'pass' : 'fail', values, message);
}

function inForce(prev: PanelFacts, cur: PanelFacts, links: readonly StockLink[]): PanelLine | null {
  const values = links.flatMap((l) => {
    const [p, c, issued, repealed] = [prev.values[l.stock], cur.values[l.stock], cur.values[l.inflow], cur.values[l.outflow]];
    if (!p || !c || !issued || !repealed) return [];
    const expected = p.value + issued.value - repealed.value;
    return [{ row: l.row, previousInForce: p.value, previousLine: p.line, issued: issued.value, repealed: repealed.value, expected, inForce: c.value, line: c.line, status: expected === c.value ? 'pass' : 'warn' }];
  });
  if (values.length === 0) return null;
  const off = values.filter((v) => v.status === 'warn').map((v) => v.row);
  const message = off.length === 0 ? '现行有效件数 follows from the year before' : `现行有效件数 ≠ last year's + 本年制发件数 − 本年废止件数 for ${off.join(', ')} (amendments make this approximate)`;
  return pairLine('panel.inForce', prev, cur, off.length === 0 ? 'pass' : 'warn', values, message);
}

const CARRY = CROSS_YEAR_LINKS.filter((l): l is CarryLink => l.rule === 'panel.carryOver');
const STOCK = CROSS_YEAR_LINKS.filter((l): l is StockLink => l.rule === 'panel.inForce');

/** Every panel line for a set of reports, in the order agency, year. */
export function panelLines(given: readonly PanelFacts[]): PanelLine[] {
  const { facts: all, joined } = joinPlaceForms(given);
  const joinedByKey = new Map(joined.map((j) => [j.key, j]));
  const byAgency = new Map<string, PanelFacts[]>();
  for (const f of all) {
    const list = byAgency.get(f.agencyKey) ?? [];
    list.push(f);
    byAgency.set(f.agencyKey, list);
  }
  const out: PanelLine[] = [];
  for (const key of [...byAgency.keys()].sort()) {
    const join = joinedByKey.get(key);
    if (join) {
      const extra = join.names.slice(0, -1).join(', ');
      out.push({ rule: 'panel.joined', agencyKey: key, status: 'info', names: join.names, message: `${extra} taken as ${key}: the same name with the place before it, the only such name in the batch` });
    }
    const reports = byAgency.get(key)!.sort((a, b) => a.year - b.year || String(a.path).localeCompare(String(b.path)));
    const byYear = new Map<number, PanelFacts[]>();
    for (const r of reports) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    for (const [year, same] of byYear) {
      if (same.length < 2) continue;
      const identical = same.every((r) => r.statisticsHash === same[0]!.statisticsHash);
      out.push({
        rule: identical ? 'panel.duplicate' : 'panel.sameYear',
        agencyKey: key,
        year,
        status: 'flag',
        sources: same.map((r) => r.path),
        message: identical ? `${same.length} files are one report (same agency, year and statistics)` : `${same.length} files of one agency and year with different statistics`,
      });
    }
    for (const [year, same] of byYear) {
      const prev = byYear.get(year - 1)?.[0];
      if (!prev) continue;
      const cur = same[0]!;
      const lines = [carryOver(prev, cur, CARRY), inForce(prev, cur, STOCK)].filter((l): l is PanelLine => l !== null);
      out.push(...lines);
    }
  }
  return out;
}
