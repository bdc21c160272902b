import { describe, expect, it } from 'vitest';
import {
  addMonths,
  federalHolidayObservedOn,
  federalHolidaysOf,
  firstBusinessDayAfter,
  isBusinessDay,
} from '../../src/domain/index.js';
import { NOTE_WARRANTS_EXERCISABLE_FROM } from '../../data/ault-alliance/transactions.js';

describe('SEC business days', () => {
  describe('the US federal holidays of 2024 (5 U.S.C. 6103)', () => {
    it('falls on the dates the rules give: fixed days, and Mondays or Thursdays counted in the month', () => {
      // Given the rules: third Monday of January and February, last Monday of May, first Monday of
      // September, second Monday of October, fourth Thursday of November, and fixed dates
      // When the 2024 holidays are computed
      const observed = federalHolidaysOf(2024).map((h) => h.observed);
      // Then
      expect(observed).toEqual([
        '2024-01-01',
        '2024-01-15',
        '2024-02-19',
        '2024-05-27',
        '2024-06-19',
        '2024-07-04',
        '2024-09-02',
        '2024-10-14',
        '2024-11-11',
        '2024-11-28',
        '2024-12-25',
      ]);
    });
  });

  describe('a holiday on a weekend', () => {
    it('is observed the Friday before when it falls on a Saturday', () => {
      // Given Independence Day 2026 and Juneteenth 2021 fall on Saturdays
      // Then they are observed on the Fridays before
      expect(federalHolidayObservedOn('2026-07-03')).toBe('Independence Day');
      expect(federalHolidayObservedOn('2021-06-18')).toBe('Juneteenth National Independence Day');
      // And New Year's Day 2022 (a Saturday) closes Friday 2021-12-31, in the year before
      expect(federalHolidayObservedOn('2021-12-31')).toBe("New Year's Day");
      expect(isBusinessDay('2021-12-31')).toBe(false);
    });

    it('is observed the Monday after when it falls on a Sunday', () => {
      // Given New Year's Day 2023 and Independence Day 2021 fall on Sundays
      expect(isBusinessDay('2023-01-02')).toBe(false);
      expect(isBusinessDay('2021-07-05')).toBe(false);
      expect(isBusinessDay('2023-01-03')).toBe(true);
    });
  });

  it('knows Juneteenth only from 2021, when the Act made it a holiday', () => {
    expect(isBusinessDay('2020-06-19')).toBe(true);
    expect(isBusinessDay('2023-06-19')).toBe(false);
  });

  describe('the first business day after a six-month anniversary', () => {
    it('skips the holiday the day after the anniversary', () => {
      // Given a closing on 2024-01-03: its six-month anniversary is Wednesday 2024-07-03
      const anniversary = addMonths('2024-01-03', 6);
      expect(anniversary).toBe('2024-07-03');
      // When the first business day after it is found
      // Then Thursday 2024-07-04, Independence Day, is skipped: Friday 2024-07-05
      expect(firstBusinessDayAfter(anniversary)).toBe('2024-07-05');
      // And 2024-05-27 + 6 months = Wednesday 2024-11-27, the day before Thanksgiving: Friday 2024-11-29
      expect(firstBusinessDayAfter(addMonths('2024-05-27', 6))).toBe('2024-11-29');
    });

    it('skips a weekend and then a Monday holiday', () => {
      // Given 2024-01-12 (a Friday) is followed by a weekend and Martin Luther King Jr. Day, 2024-01-15
      expect(firstBusinessDayAfter('2024-01-12')).toBe('2024-01-16');
    });

    it('still gives the sample warrants 2024-04-15: 2023-10-13 + 6 months = Saturday 2024-04-13, no holiday on Monday', () => {
      // Given the Senior Note closing of 2023-10-13 (Amendment No. 8, Item 6)
      // When the exercisability date is computed with holidays
      // Then Monday 2024-04-15 is not a holiday, so it is unchanged
      expect(federalHolidayObservedOn('2024-04-15')).toBeNull();
      expect(firstBusinessDayAfter(addMonths('2023-10-13', 6))).toBe('2024-04-15');
      expect(NOTE_WARRANTS_EXERCISABLE_FROM).toBe('2024-04-15');
    });
  });
});
