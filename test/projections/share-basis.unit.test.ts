import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { historyOf } from '../../projections/views/history.js';
import { envelopes, on } from './build.js';

// A synthetic 1-for-10 reverse split: every 10 shares become 1, effective 2024-02-01, disclosed 2024-02-05.
const history = envelopes([
  {
    type: 'SecurityDescribed',
    data: {
      ...on('2024-01-01'),
      securityId: 'pref',
      title: 'Pref',
      kind: 'convertible-preferred',
      statedValue: 1_000,
      conversionPrice: 0.5,
      conversionPriceFloor: null,
      sharesPerUnit: null,
      exercisableFrom: null,
      expiresOn: null,
    },
  },
  { type: 'SharesOutstandingReported', data: { ...on('2024-01-01'), count: 10_000_000, reportedBy: 'issuer' } },
  {
    type: 'SharesPurchased',
    data: {
      ...on('2024-01-02'),
      personId: 'fund',
      shares: 1_000_000,
      method: 'open-market',
      pricePerShare: 1.5,
      totalPrice: null,
    },
  },
  {
    type: 'PreferredIssued',
    data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 10, purchasePrice: null },
  },
  { type: 'StockSplit', data: { ...on('2024-02-01', '2024-02-05'), from: 10, to: 1 } },
  {
    type: 'SharesPurchased',
    data: {
      ...on('2024-03-01'),
      personId: 'fund',
      shares: 5_000,
      method: 'open-market',
      pricePerShare: 15,
      totalPrice: null,
    },
  },
]);

describe('the share basis of holdings', () => {
  describe('before a 1-for-10 reverse split', () => {
    it('as reported, gives the counts in the share basis in force then, and names the later split', () => {
      // Given the holdings on 2024-01-31, the day before the split
      // When they are asked as reported
      const view = holdingsFromEnvelopes(history, { asOf: '2024-01-31' });
      const fund = view.holders[0]!;
      // Then 1,000,000 shares + 10 x $1,000 / $0.50 = 20,000 issuable
      expect(fund.aggregate).toBe(1_000_000 + 20_000);
      expect(view.shareBasis).toBe('as-reported');
      expect(view.shareBasisAdjustment).toBeNull();
      expect(view.shareBasisNote).toMatch(/1 later split known: 1-for-10 reverse split effective 2024-02-01/);
    });

    it('adjusted, restates counts x 1/10 and prices x 10 into the basis of the latest split', () => {
      // When they are asked adjusted to today's shares
      const view = holdingsFromEnvelopes(history, { asOf: '2024-01-31' }, { shareBasis: 'adjusted' });
      const fund = view.holders[0]!;
      const pref = fund.securities.find((s) => s.securityId === 'pref')!;
      // Then 1,000,000 / 10 = 100,000 shares; 20,000 / 10 = 2,000 issuable (10 x $1,000 / $5.00)
      expect(fund.sharesOwned.direct).toBe(100_000);
      expect(pref.sharesIssuable).toBe(2_000);
      expect(pref.quantity).toBe(10); // preferred shares do not split
      expect(pref.conversionPrice).toBeCloseTo(0.5 * 10, 10);
      expect(fund.aggregate).toBe(100_000 + 2_000);
      expect([fund.soleVotingPower, fund.soleDispositivePower]).toEqual([102_000, 102_000]);
      // And outstanding 10,000,000 / 10 = 1,000,000; percent of class is a ratio and unchanged by the split:
      // 1,020,000 / (10,000,000 + 20,000) = 102,000 / (1,000,000 + 2,000) = 10.1796...%
      expect(view.sharesOutstanding?.value).toBe(1_000_000);
      expect(fund.percentOfClass).toBeCloseTo((1_020_000 / (10_000_000 + 20_000)) * 100, 10);
      expect(fund.percentOfClass).toBeCloseTo((102_000 / (1_000_000 + 2_000)) * 100, 10);
      // And the JSON says which factor and which splits
      expect(view.shareBasis).toBe('adjusted');
      expect(view.shareBasisAdjustment).toMatchObject({ factor: 0.1, numerator: 1, denominator: 10 });
      expect(view.shareBasisAdjustment?.splits.map((s) => s.effectiveDate)).toEqual(['2024-02-01']);
    });

    it('adjusted equals what the fold gives right after the split', () => {
      const adjusted = holdingsFromEnvelopes(history, { asOf: '2024-01-31' }, { shareBasis: 'adjusted' }).holders[0]!;
      const after = holdingsFromEnvelopes(history, { asOf: '2024-02-01' }).holders[0]!;
      // Both: 1,000,000 / 10 = 100,000 shares + 2,000 issuable = 102,000
      expect([adjusted.aggregate, after.aggregate]).toEqual([102_000, 102_000]);
      expect(adjusted.sharesOwned).toEqual({ direct: 100_000, indirect: 0 });
      expect(after.sharesOwned).toEqual({ direct: 100_000, indirect: 0 });
    });

    it('uses only the splits known to the clocks: filed by 2024-02-04 the split is not yet disclosed', () => {
      // Given the split was disclosed on 2024-02-05
      const view = holdingsFromEnvelopes(
        history,
        { asOf: '2024-01-31', filedBy: '2024-02-04' },
        { shareBasis: 'adjusted' },
      );
      // Then there is nothing to restate
      expect(view.holders[0]!.aggregate).toBe(1_020_000);
      expect(view.shareBasisAdjustment?.factor).toBe(1);
      expect(view.shareBasisNote).toMatch(/no later split known/);
    });
  });

  it('after the split, as reported and adjusted agree', () => {
    const asReported = holdingsFromEnvelopes(history, { asOf: '2024-03-01' }).holders[0]!;
    const adjusted = holdingsFromEnvelopes(history, { asOf: '2024-03-01' }, { shareBasis: 'adjusted' }).holders[0]!;
    // 100,000 + 5,000 bought after the split, + 2,000 issuable
    expect(asReported.aggregate).toBe(107_000);
    expect(adjusted.aggregate).toBe(107_000);
  });
});

describe('the share basis of history', () => {
  const facts = selectFacts(history);

  it('as reported, keeps each change in the share count and price of its date', () => {
    const view = historyOf(facts, 'fund');
    const common = view.changes.filter((e) => e.securityId === 'common');
    expect(common.map((e) => [e.date, e.change, e.quantityAfter, e.pricePerShare])).toEqual([
      ['2024-01-02', 1_000_000, 1_000_000, 1.5],
      ['2024-02-01', -900_000, 100_000, null],
      ['2024-03-01', 5_000, 105_000, 15],
    ]);
    expect(view.shareBasis).toBe('as-reported');
  });

  it('adjusted, restates earlier changes into post-split shares: 1,000,000 at $1.50 is 100,000 at $15.00', () => {
    const view = historyOf(facts, 'fund', null, { shareBasis: 'adjusted' });
    const common = view.changes.filter((e) => e.securityId === 'common');
    expect(common.map((e) => [e.date, e.change, e.quantityAfter])).toEqual([
      ['2024-01-02', 100_000, 100_000],
      ['2024-02-01', 0, 100_000],
      ['2024-03-01', 5_000, 105_000],
    ]);
    expect(common[0]!.pricePerShare).toBeCloseTo(1.5 * 10, 10);
    expect(common[0]!.splitFactorApplied).toBe(0.1);
    expect(common[2]!.splitFactorApplied).toBe(1);
    expect(view.splits).toHaveLength(1);
  });
});
