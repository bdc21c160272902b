/**
 * US federal holidays under 5 U.S.C. 6103, by rule, with luxon. SEC business
 * days (Rule 0-3 / Regulation S-T) exclude Saturdays, Sundays and these days.
 *
 * Observance (5 U.S.C. 6103(b), Executive Order 11582): a holiday falling on a
 * Saturday is observed the Friday before, on a Sunday the Monday after. So New
 * Year's Day 2022 (a Saturday) is observed on Friday 2021-12-31.
 *
 * Not modelled: one-off closures by executive order (days of mourning such as
 * 2025-01-09, extra days at Christmas) and Inauguration Day, which closes offices
 * only in the Washington area. The rules for dates before 1971 (Uniform Monday Holiday Act) are
 * not modelled either: Monday holidays are computed as today's rules give them.
 */
import { DateTime } from 'luxon';
import type { IsoDate } from './ids.js';

export interface FederalHoliday {
  name: string;
  /** The holiday's own date. */
  date: IsoDate;
  /** The day offices close (Friday before a Saturday holiday, Monday after a Sunday one). */
  observed: IsoDate;
}

const utc = (year: number, month: number, day: number) => DateTime.utc(year, month, day);

/** The nth `weekday` (1 = Monday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n > 0) {
    const first = utc(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
  }
  const last = utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

function observe(name: string, date: DateTime): FederalHoliday {
  const observed = date.weekday === 6 ? date.minus({ days: 1 }) : date.weekday === 7 ? date.plus({ days: 1 }) : date;
  return { name, date: date.toISODate()!, observed: observed.toISODate()! };
}

/** The holidays of `year` (by their own date), each with its observed day. */
export function federalHolidaysOf(year: number): FederalHoliday[] {
  const holidays = [
    observe("New Year's Day", utc(year, 1, 1)),
    // Martin Luther King Jr. Day: third Monday of January, a federal holiday since 1986.
    ...(year >= 1986 ? [observe('Martin Luther King Jr. Day', nthWeekday(year, 1, 1, 3))] : []),
    observe("Washington's Birthday", nthWeekday(year, 2, 1, 3)),
    observe('Memorial Day', nthWeekday(year, 5, 1, -1)),
    // Juneteenth National Independence Day Act, signed 2021-06-17: observed from 2021.
    ...(year >= 2021 ? [observe('Juneteenth National Independence Day', utc(year, 6, 19))] : []),
    observe('Independence Day', utc(year, 7, 4)),
    observe('Labor Day', nthWeekday(year, 9, 1, 1)),
    observe('Columbus Day', nthWeekday(year, 10, 1, 2)),
    observe('Veterans Day', utc(year, 11, 11)),
    observe('Thanksgiving Day', nthWeekday(year, 11, 4, 4)),
    observe('Christmas Day', utc(year, 12, 25)),
  ];
  return holidays;
}

const observedByYear = new Map<number, Map<IsoDate, string>>();

/** Observed holidays falling in `year`, including next year's New Year's Day observed on 12-31. */
function observedIn(year: number): Map<IsoDate, string> {
  let found = observedByYear.get(year);
  if (found === undefined) {
    found = new Map();
    for (const h of [...federalHolidaysOf(year), ...federalHolidaysOf(year + 1).slice(0, 1)]) {
      if (h.observed.startsWith(`${year}-`)) found.set(h.observed, h.name);
    }
    observedByYear.set(year, found);
  }
  return found;
}

/** The holiday observed on `date`, or null. */
export function federalHolidayObservedOn(date: IsoDate): string | null {
  return observedIn(Number(date.slice(0, 4))).get(date) ?? null;
}
