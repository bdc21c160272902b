import { describe, expect, it } from 'vitest';
import { filingDeadline, filingLag } from '../../src/domain/index.js';

describe('the filing deadline in force on the event date', () => {
  it('gives an original 10 calendar days before 2024-02-05, moved off a holiday to the next business day', () => {
    // 2023-12-22 + 10 days = 2024-01-01, New Year's Day: due the next business day, Tuesday 2024-01-02
    expect(filingDeadline('2023-12-22', false)).toMatchObject({ kind: 'date', due: '2024-01-02' });
    // 2023-03-01 + 10 = 2023-03-11, a Saturday: due Monday 2023-03-13
    expect(filingDeadline('2023-03-01', false).due).toBe('2023-03-13');
  });

  it('says "promptly" for an amendment before 2024-02-05, so it cannot be late', () => {
    expect(filingDeadline('2022-09-01', true)).toMatchObject({ kind: 'promptly', due: null });
    expect(filingLag('2022-09-01', '2022-09-30', true)).toMatchObject({ calendarDays: 29, late: null });
  });

  it('counts business days from 2024-02-05: 5 for an original, 2 for an amendment, skipping holidays', () => {
    // Monday 2024-02-05: Feb 6, 7, 8, 9, 12 -> due 2024-02-12
    expect(filingDeadline('2024-02-05', false).due).toBe('2024-02-12');
    // Friday 2024-02-16: Monday Feb 19 is Washington's Birthday; Feb 20, 21 -> due 2024-02-21
    expect(filingDeadline('2024-02-16', true).due).toBe('2024-02-21');
  });

  it('measures Amendment No. 8 of Ault Alliance: event 2024-07-23, filed the next day, on time', () => {
    // Tuesday 2024-07-23 + 2 business days = Thursday 2024-07-25
    expect(filingLag('2024-07-23', '2024-07-24', true)).toEqual({
      deadline: { kind: 'date', due: '2024-07-25', rule: 'amendment: 2 business days' },
      calendarDays: 1,
      businessDays: 1,
      late: false,
    });
  });

  it('calls a filing after a dated deadline late, and one on the day not late', () => {
    expect(filingLag('2024-02-05', '2024-02-13', false)).toMatchObject({ businessDays: 6, late: true });
    expect(filingLag('2024-02-05', '2024-02-12', false)).toMatchObject({ businessDays: 5, late: false });
  });
});
