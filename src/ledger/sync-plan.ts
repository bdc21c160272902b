/**
 * Which EDGAR form indexes a sync reads for a range of dates (pure). A quarter
 * that ended more than a week ago is read from its quarterly index
 * (`full-index`, final by then: one request for the quarter); the days of a
 * quarter still open from the daily indexes (`daily-index`), business days
 * only (EDGAR disseminates nothing on weekends and federal holidays). Days the
 * watermark covers are left out.
 */
import { addDays, isBusinessDay } from '../domain/index.js';
import { quarterOf, type Quarter } from '../edgar/edgar-paths.js';
import type { Watermark } from './sync-watermark.js';

export type SyncUnit =
  /** The quarterly index, keeping the filings dated from..to. */
  | { kind: 'quarter'; year: number; quarter: Quarter; from: string; to: string }
  /** The daily index of one business day. */
  | { kind: 'day'; date: string };

/** Days after a quarter's end before its quarterly index is taken as final (it is rebuilt nightly). */
export const QUARTER_SETTLES_DAYS = 7;

export function planIndexUnits(since: string, until: string, covered: Watermark | null, today: string): SyncUnit[] {
  const units: SyncUnit[] = [];
  for (const [from, to] of uncoveredRanges(since, until, covered)) {
    for (let start = from; start <= to;) {
      const { year, quarter } = quarterOf(start);
      const end = minDate(to, quarterEnd(year, quarter));
      if (addDays(quarterEnd(year, quarter), QUARTER_SETTLES_DAYS) < today)
        units.push({ kind: 'quarter', year, quarter, from: start, to: end });
      else
        for (let day = start; day <= end; day = addDays(day, 1))
          if (isBusinessDay(day)) units.push({ kind: 'day', date: day });
      start = addDays(end, 1);
    }
  }
  return units;
}

/** since..until without the covered range: none, one or two ranges, in order. */
export function uncoveredRanges(since: string, until: string, covered: Watermark | null): [string, string][] {
  if (since > until) return [];
  if (covered === null || covered.through < since || covered.from > until) return [[since, until]];
  const ranges: [string, string][] = [];
  if (since < covered.from) ranges.push([since, addDays(covered.from, -1)]);
  if (covered.through < until) ranges.push([addDays(covered.through, 1), until]);
  return ranges;
}

export function quarterEnd(year: number, quarter: Quarter): string {
  return addDays(
    `${quarter === 4 ? year + 1 : year}-${String(quarter === 4 ? 1 : quarter * 3 + 1).padStart(2, '0')}-01`,
    -1,
  );
}

export function unitLabel(unit: SyncUnit): string {
  return unit.kind === 'day' ? unit.date : `${unit.year} Q${unit.quarter}`;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
