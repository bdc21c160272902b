import { describe, expect, it } from 'vitest';
import {
  SHARE_BASES,
  adjustmentAfter,
  describeBasis,
  describeSplit,
  isIdentity,
  restateCount,
  restatePrice,
} from '../../projections/views/share-basis.js';
import type { SplitFact } from '../../projections/timeline/prepared-facts.js';

// Synthetic splits of one issuer, oldest first: a 1-for-10 reverse split (every 10 shares become 1) on 2024-02-01,
// then a 3-for-2 forward split (every 2 shares become 3) on 2024-06-03.
const split = (effectiveDate: string, from: number, to: number): SplitFact => ({
  factId: `split-${effectiveDate}`,
  effectiveDate,
  disclosedOn: effectiveDate,
  from,
  to,
});
const reverse = split('2024-02-01', 10, 1);
const forward = split('2024-06-03', 2, 3);
const REVERSE_TEXT = '1-for-10 reverse split effective 2024-02-01';
const FORWARD_TEXT = '3-for-2 split effective 2024-06-03';

describe('the share bases a view can be asked in', () => {
  it('are as reported then, and adjusted to the latest split', () => {
    expect(SHARE_BASES).toEqual(['as-reported', 'adjusted']);
  });
});

describe('the restatement after some of the splits', () => {
  it('with none applied yet, multiplies every `to` over every `from`, across both splits', () => {
    // Given both splits still to come
    // When the restatement is asked after 0 applied
    const adjustment = adjustmentAfter([reverse, forward], 0);
    // Then 1 x 3 = 3 over 10 x 2 = 20: factor 3 / 20 = 0.15, and both splits, oldest first
    expect(adjustment).toEqual({ factor: 0.15, numerator: 3, denominator: 20, splits: [reverse, forward] });
  });

  it('with the first applied, keeps only the later split', () => {
    // 3 over 2: factor 1.5, the 3-for-2 split only
    expect(adjustmentAfter([reverse, forward], 1)).toEqual({
      factor: 1.5,
      numerator: 3,
      denominator: 2,
      splits: [forward],
    });
  });

  it('with every split applied, is 1 over 1 and names no split', () => {
    expect(adjustmentAfter([reverse, forward], 2)).toEqual({ factor: 1, numerator: 1, denominator: 1, splits: [] });
  });

  it('of a single reverse split is 1 over 10', () => {
    expect(adjustmentAfter([reverse], 0)).toEqual({ factor: 0.1, numerator: 1, denominator: 10, splits: [reverse] });
  });
});

describe('whether a restatement changes nothing', () => {
  it('is so when no split is left', () => {
    expect(isIdentity(adjustmentAfter([reverse], 1))).toBe(true);
  });

  it('is so when later splits cancel out: 2-for-1 then 1-for-2 is 2 over 2', () => {
    const restored = adjustmentAfter([split('2024-03-01', 1, 2), split('2024-04-01', 2, 1)], 0);
    expect(restored.splits).toHaveLength(2);
    expect(isIdentity(restored)).toBe(true);
  });

  it('is not so for 3 over 20, nor for 3 over 2', () => {
    expect(isIdentity(adjustmentAfter([reverse, forward], 0))).toBe(false);
    expect(isIdentity(adjustmentAfter([reverse, forward], 1))).toBe(false);
  });
});

describe('a share count restated into the later basis', () => {
  it('drops the fraction: 77 x 1 / 10 = 7.7 is 7 shares', () => {
    expect(restateCount(77, adjustmentAfter([reverse], 0))).toBe(7);
  });

  it('multiplies by the numerator before dividing: 1,001 x 3 / 20 = 150.15 is 150 shares', () => {
    expect(restateCount(1_001, adjustmentAfter([reverse, forward], 0))).toBe(150);
  });

  it('grows under a forward split: 1,000,001 x 3 / 2 = 1,500,001.5 is 1,500,001 shares', () => {
    expect(restateCount(1_000_001, adjustmentAfter([reverse, forward], 1))).toBe(1_500_001);
  });

  it('keeps a count when no split is left', () => {
    expect(restateCount(214_940_800, adjustmentAfter([reverse, forward], 2))).toBe(214_940_800);
  });
});

describe('a per-share price restated into the later basis', () => {
  it('is divided by the factor: $0.50 under 1-for-10 becomes $0.50 x 10 / 1 = $5.00', () => {
    expect(restatePrice(0.5, adjustmentAfter([reverse], 0))).toBeCloseTo(5, 10);
  });

  it('over both splits: $0.60 x 20 / 3 = $4.00', () => {
    expect(restatePrice(0.6, adjustmentAfter([reverse, forward], 0))).toBeCloseTo(4, 10);
  });

  it('under a forward split alone: $4.50 x 2 / 3 = $3.00', () => {
    expect(restatePrice(4.5, adjustmentAfter([reverse, forward], 1))).toBeCloseTo(3, 10);
  });
});

describe('a split in words', () => {
  it('calls fewer shares after than before a reverse split', () => {
    expect(describeSplit(reverse)).toBe(REVERSE_TEXT);
  });

  it('does not call a forward split reverse', () => {
    expect(describeSplit(forward)).toBe(FORWARD_TEXT);
  });

  it('does not call a split that leaves the count as it was (1-for-1) reverse', () => {
    expect(describeSplit(split('2024-09-02', 1, 1))).toBe('1-for-1 split effective 2024-09-02');
  });
});

describe('the share basis line of a view', () => {
  describe('adjusted', () => {
    it('with no restatement given, says no later split is known', () => {
      expect(describeBasis('adjusted', null)).toBe('share basis: adjusted (no later split known; same as reported)');
    });

    it('with a restatement of no split, says the same', () => {
      expect(describeBasis('adjusted', adjustmentAfter([reverse, forward], 2))).toBe(
        'share basis: adjusted (no later split known; same as reported)',
      );
    });

    it('with one split, gives the factor (1 / 10 = 0.1) and the split', () => {
      expect(describeBasis('adjusted', adjustmentAfter([reverse], 0))).toBe(
        `share basis: adjusted to today's shares (x0.1: ${REVERSE_TEXT})`,
      );
    });

    it('with two splits, gives the factor (3 / 20 = 0.15) and both splits oldest first, and ignores laterSplits', () => {
      expect(describeBasis('adjusted', adjustmentAfter([reverse, forward], 0), [forward])).toBe(
        `share basis: adjusted to today's shares (x0.15: ${REVERSE_TEXT}; ${FORWARD_TEXT})`,
      );
    });
  });

  describe('as reported', () => {
    it('with no later split (the default), says only that', () => {
      expect(describeBasis('as-reported', null)).toBe('share basis: as reported');
      expect(describeBasis('as-reported', null, [])).toBe('share basis: as reported');
    });

    it('ignores a restatement given to it', () => {
      expect(describeBasis('as-reported', adjustmentAfter([reverse], 0))).toBe('share basis: as reported');
    });

    it('with one later split, names it in the singular and says how to adjust', () => {
      expect(describeBasis('as-reported', null, [reverse])).toBe(
        `share basis: as reported then (1 later split known: ${REVERSE_TEXT}; use --share-basis adjusted)`,
      );
    });

    it('with two later splits, names both in the plural, oldest first', () => {
      expect(describeBasis('as-reported', null, [reverse, forward])).toBe(
        `share basis: as reported then (2 later splits known: ${REVERSE_TEXT}; ${FORWARD_TEXT}; use --share-basis adjusted)`,
      );
    });
  });
});
