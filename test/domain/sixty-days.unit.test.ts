import { describe, expect, it } from 'vitest';
import { exercisableWithin60Days, sixtyDayHorizon } from '../../src/domain/index.js';
import { NOTE_WARRANTS_EXERCISABLE_FROM } from '../../data/ault-alliance/transactions.js';

describe('the 60-day rule (Rule 13d-3(d)(1)(i))', () => {
  describe('the horizon of a date', () => {
    it('is the date plus 60 calendar days, across month ends and 29 February', () => {
      // 2024-02-15: 14 days left in February 2024 (a leap year), 31 in March, 15 in April = 60
      expect(sixtyDayHorizon('2024-02-15')).toBe('2024-04-15');
      // 2023-02-15: 13 days left in February 2023, 31 in March, 16 in April = 60
      expect(sixtyDayHorizon('2023-02-15')).toBe('2023-04-16');
      // 2024-11-15: 15 days left in November, 31 in December, 14 in January = 60
      expect(sixtyDayHorizon('2024-11-15')).toBe('2025-01-14');
    });
  });

  describe('when the horizon is computed once and passed in (the holdings hot path)', () => {
    // The Warrants (Senior Note) became exercisable on 2024-04-15, the first business day after 2024-04-13
    const from = NOTE_WARRANTS_EXERCISABLE_FROM;

    it('counts the note warrants from 2024-02-15 (horizon 2024-04-15), not on 2024-02-14 (horizon 2024-04-14)', () => {
      expect(from).toBe('2024-04-15');
      expect(exercisableWithin60Days(from, '2024-02-15', '2024-04-15')).toBe(true);
      expect(exercisableWithin60Days(from, '2024-02-14', '2024-04-14')).toBe(false);
    });

    it('gives what the two-argument form gives, day by day around the boundary', () => {
      // Given every date from 2024-02-10 to 2024-02-20
      const days = Array.from({ length: 11 }, (_, i) => `2024-02-${String(10 + i).padStart(2, '0')}`);
      // Then both forms agree, and the right counts from 2024-02-15 on
      expect(days.map((asOf) => exercisableWithin60Days(from, asOf, sixtyDayHorizon(asOf)))).toEqual(
        days.map((asOf) => asOf >= '2024-02-15'),
      );
      expect(days.map((asOf) => exercisableWithin60Days(from, asOf))).toEqual(days.map((asOf) => asOf >= '2024-02-15'));
    });

    it('counts a right exercisable at once (null) at any date', () => {
      expect(exercisableWithin60Days(null, '2000-01-01', sixtyDayHorizon('2000-01-01'))).toBe(true);
    });
  });
});
