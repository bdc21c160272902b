/**
 * The Schedule 13D filing deadline in force on a filing's event date (Rule 13d-1(a), 13d-2(a)).
 * Before 2024-02-05: an original within 10 calendar days of the event, an amendment "promptly"
 * (no number of days). From 2024-02-05: an original within 5 business days, an amendment within 2.
 * A deadline that falls on a Saturday, Sunday or federal holiday moves to the next business day (Rule 0-3).
 */
import { addDays, firstBusinessDayAfter, isBusinessDay } from './dates.js';
import type { IsoDate } from './ids.js';

/** The first event date judged by the 2023 amendments' shorter deadlines (Release 33-11253). */
export const SHORTER_DEADLINES_FROM = '2024-02-05';

export type FilingDeadline =
  { kind: 'date'; due: IsoDate; rule: string } | { kind: 'promptly'; due: null; rule: string };

export interface FilingLag {
  deadline: FilingDeadline;
  /** Calendar days from the event to the filing (negative if the filing is dated before its event). */
  calendarDays: number;
  /** Business days after the event up to and including the filing date. */
  businessDays: number;
  /** True when filed after a dated deadline; null when the rule is "promptly" (no day to miss). */
  late: boolean | null;
}

export function filingDeadline(eventDate: IsoDate, isAmendment: boolean): FilingDeadline {
  if (eventDate < SHORTER_DEADLINES_FROM) {
    if (isAmendment) return { kind: 'promptly', due: null, rule: 'amendment: promptly (before 2024-02-05)' };
    return {
      kind: 'date',
      due: onBusinessDay(addDays(eventDate, 10)),
      rule: 'original: 10 calendar days (before 2024-02-05)',
    };
  }
  const days = isAmendment ? 2 : 5;
  return {
    kind: 'date',
    due: nthBusinessDayAfter(eventDate, days),
    rule: `${isAmendment ? 'amendment' : 'original'}: ${days} business days`,
  };
}

export function filingLag(eventDate: IsoDate, filedOn: IsoDate, isAmendment: boolean): FilingLag {
  const deadline = filingDeadline(eventDate, isAmendment);
  return {
    deadline,
    calendarDays: daysBetween(eventDate, filedOn),
    businessDays: businessDaysAfter(eventDate, filedOn),
    late: deadline.due === null ? null : filedOn > deadline.due,
  };
}

function onBusinessDay(date: IsoDate): IsoDate {
  return isBusinessDay(date) ? date : firstBusinessDayAfter(date);
}

function nthBusinessDayAfter(date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let i = 0; i < n; i++) day = firstBusinessDayAfter(day);
  return day;
}

/** Business days in (from, to]; 0 when `to` is not after `from`. Bounded by the days between. */
function businessDaysAfter(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isBusinessDay(day)) count++;
  return count;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
