import { describe, expect, it } from 'vitest';
import { fmt } from '../../projections/format.js';

describe('counts in notes and messages', () => {
  it('group thousands with commas, as in the filings: 214940800 is "214,940,800"', () => {
    expect(fmt(214_940_800)).toBe('214,940,800');
    expect(fmt(1_000)).toBe('1,000');
  });

  it('leave counts under a thousand as they are', () => {
    expect(fmt(999)).toBe('999');
    expect(fmt(0)).toBe('0');
  });

  it('keep the sign of a negative net', () => {
    expect(fmt(-1_234_567)).toBe('-1,234,567');
  });

  it('use a point for a fraction, in US English whatever the machine locale', () => {
    expect(fmt(1_234.5)).toBe('1,234.5');
  });
});
