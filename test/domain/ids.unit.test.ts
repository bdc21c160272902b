import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  exercisableWithin60Days,
  firstBusinessDayAfter,
  isIsoDate,
  isValidCusip,
  parseCusip,
  parseInstant,
  stableUuid,
} from '../../src/domain/index.js';

describe('CUSIP', () => {
  it('accepts the Ault Alliance CUSIP whose check digit is 7', () => {
    // Given the CUSIP printed on the cover, "09175M 507"
    // When it is parsed
    const cusip = parseCusip('09175M 507');
    // Then the spaces go and the check digit holds
    expect(cusip).toBe('09175M507');
  });

  it('refuses a CUSIP whose check digit is wrong', () => {
    // Given the same base with check digit 8
    // When / Then
    expect(isValidCusip('09175M508')).toBe(false);
    expect(() => parseCusip('09175M508')).toThrow(/not a valid CUSIP/);
  });

  it('accepts other well-known CUSIPs (Apple 037833100)', () => {
    expect(isValidCusip('037833100')).toBe(true);
  });
});

describe('dates', () => {
  it('refuses a day that is not on the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-7-23')).toBe(false);
  });

  it('finds the first business day after the six-month anniversary of 2023-10-13 (a Saturday, so Monday)', () => {
    // Given the note closing 2023-10-13; its six-month anniversary 2024-04-13 is a Saturday
    const anniversary = addMonths('2023-10-13', 6);
    expect(anniversary).toBe('2024-04-13');
    // When the first business day after it is found
    // Then Sunday is skipped too: Monday 2024-04-15
    expect(firstBusinessDayAfter(anniversary)).toBe('2024-04-15');
    // And after a Wednesday it is the Thursday
    expect(firstBusinessDayAfter('2024-04-10')).toBe('2024-04-11');
  });

  it('counts a right exercisable exactly 60 days ahead, and not one a day later', () => {
    // Given a right exercisable from 2024-04-15: 2024-02-15 + 60 days = 2024-04-15
    expect(addDays('2024-02-15', 60)).toBe('2024-04-15');
    // Then it counts on 2024-02-15 and not on 2024-02-14
    expect(exercisableWithin60Days('2024-04-15', '2024-02-15')).toBe(true);
    expect(exercisableWithin60Days('2024-04-15', '2024-02-14')).toBe(false);
    expect(exercisableWithin60Days(null, '2000-01-01')).toBe(true);
  });

  it('reads a bare date given to --recorded-by as the end of that day in New York, where EDGAR dates filings', () => {
    // EDT in summer (UTC-4): 23:59:59.999 on 2024-08-01 in New York is 03:59:59.999 UTC the next day
    expect(parseInstant('2024-08-01')).toBe('2024-08-02T03:59:59.999Z');
    // EST in winter (UTC-5)
    expect(parseInstant('2024-01-15')).toBe('2024-01-16T04:59:59.999Z');
    expect(parseInstant('2024-08-01T12:00:00+02:00')).toBe('2024-08-01T10:00:00.000Z');
    expect(() => parseInstant('yesterday')).toThrow(/not an ISO date or instant/);
  });
});

describe('stable ids', () => {
  it('gives the same UUID v5 for the same key and another for another key', () => {
    const id = stableUuid('sample/x');
    expect(id).toBe(stableUuid('sample/x'));
    expect(id).not.toBe(stableUuid('sample/y'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
