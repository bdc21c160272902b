/**
 * Date arithmetic on ISO calendar dates, with luxon. Dates are plain days
 * (no time of day), computed in UTC so no daylight-saving shift can move them.
 */
import { DateTime } from 'luxon';
import type { IsoDate } from './ids.js';
import { federalHolidayObservedOn } from './us-federal-holidays.js';

function day(date: IsoDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return parsed;
}

function iso(value: DateTime): IsoDate {
  return value.toISODate()!;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(day(date).plus({ days }));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  // luxon clamps to the month's last day (2023-08-31 + 6 months = 2024-02-29).
  return iso(day(date).plus({ months }));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return iso(day(date).plus({ years }));
}

/** SEC business days: not a Saturday, a Sunday or an observed US federal holiday (5 U.S.C. 6103). */
export function isBusinessDay(date: IsoDate): boolean {
  return day(date).weekday <= 5 && federalHolidayObservedOn(date) === null;
}

/** The first business day strictly after `date`. */
export function firstBusinessDayAfter(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while (!isBusinessDay(next)) next = addDays(next, 1);
  return next;
}

/**
 * Rule 13d-3(d)(1)(i): a right counts if it can be exercised within 60 days
 * of the date, i.e. on or before date + 60 days. null means exercisable at once.
 * `horizon` is `sixtyDayHorizon(asOf)`: a caller checking many rights at one date
 * computes it once and passes it (the holdings hot path does).
 */
export function exercisableWithin60Days(
  exercisableFrom: IsoDate | null,
  asOf: IsoDate,
  horizon: IsoDate = sixtyDayHorizon(asOf),
): boolean {
  return exercisableFrom === null || exercisableFrom <= horizon;
}

/**
 * The last day a right may become exercisable and still count at `asOf` (Rule 13d-3(d)(1)(i)); compute once per query.
 */
export function sixtyDayHorizon(asOf: IsoDate): IsoDate {
  return addDays(asOf, 60);
}

/** Today's date in US Eastern time, where EDGAR dates its filings. */
export function todayInNewYork(now: Date): IsoDate {
  return DateTime.fromJSDate(now).setZone('America/New_York').toISODate()!;
}
