import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import type { Holder } from '../../projections/views/holdings.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

const OUTSTANDING = 35_846_318; // Item 5: "based upon 35,846,318 Shares outstanding"
// Item 5(a): "(ii) 200,000,000 Shares issuable upon conversion of 44,000 shares of Series C Preferred Stock" (44,000 x
// $1,000 / $0.22)
const SERIES_C_AS_CONVERTED = 200_000_000;
const WARRANTS = 13_008_131 + 1_907_440; // Series C Warrants + Warrants (Item 3): 14,915,571
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

function holder(asOf: string, personId: string): Holder {
  const view = holdingsFromEnvelopes(sampleEnvelopes(), { asOf });
  const found = view.holders.find((h) => h.personId === personId);
  if (!found) throw new Error(`no holder ${personId}`);
  return found;
}

describe('holdings', () => {
  describe('at 2024-07-23, from the events of Amendment No. 8 alone', () => {
    it('gives Ault & Company every cover figure, with rights computed from the securities held', () => {
      // Given the bundled history
      // When holdings are folded at the event date
      const company = holder('2024-07-23', 'ault-and-company');
      // Then each security counts what Items 3 and 5(a) state: 25,229 Shares, 200,000,000 on the 44,000 Series C
      // (44,000 x $1,000 / $0.22), 13,008,131 and 1,907,440 on the warrants
      const counted = Object.fromEntries(
        company.securities.map((s) => [s.securityId, [s.quantity, s.sharesIssuable, s.countedShares]]),
      );
      expect(counted).toEqual({
        common: [25_229, null, 25_229],
        'series-c-preferred': [44_000, SERIES_C_AS_CONVERTED, SERIES_C_AS_CONVERTED],
        'series-c-warrants': [13_008_131, 13_008_131, 13_008_131],
        'note-warrants': [1_907_440, 1_907_440, 1_907_440],
      });
      // And the aggregate is the cover's row 11: 25,229 + 200,000,000 + 14,915,571 = 214,940,800
      expect(company.aggregate).toBe(214_940_800);
      // Rule 13d-3(d)(1)(i): 214,940,800 / (35,846,318 + 200,000,000 + 14,915,571) = 85.715...%
      expect(company.percentOfClass).toBeCloseTo(
        (214_940_800 / (OUTSTANDING + SERIES_C_AS_CONVERTED + WARRANTS)) * 100,
        10,
      );
      expect(round2(company.percentOfClass)).toBe(85.72);
      expect([
        company.soleVotingPower,
        company.sharedVotingPower,
        company.soleDispositivePower,
        company.sharedDispositivePower,
      ]).toEqual([214_940_800, 0, 214_940_800, 0]);
      expect(company.basis).toBe('reported');
    });

    it("gives Mr. Ault his own 2,245 shares and 81 options sole, and Ault & Company's holdings shared", () => {
      const ault = holder('2024-07-23', 'milton-c-ault-iii');
      // Cover rows 7 and 11: 2,245 + 81 = 2,326 sole; 2,326 + 214,940,800 = 214,943,126
      const own = 2_326;
      expect(ault.aggregate).toBe(214_943_126);
      expect([
        ault.soleVotingPower,
        ault.sharedVotingPower,
        ault.soleDispositivePower,
        ault.sharedDispositivePower,
      ]).toEqual([own, 214_940_800, own, 214_940_800]);
      // His own denominator adds his 81 options and the entity's rights, nobody else's.
      expect(ault.percentOfClass).toBeCloseTo((214_943_126 / (OUTSTANDING + 81 + 200_000_000 + WARRANTS)) * 100, 10);
      expect(round2(ault.percentOfClass)).toBe(85.72);
    });

    it.each([
      ['william-b-horne', 81, 81],
      ['henry-c-w-nisser', 82, 81],
      ['kenneth-s-cragun', 28, 49],
    ])('gives %s shares plus options, all sole, under 1%%', (personId, shares, options) => {
      const person = holder('2024-07-23', personId);
      expect(person.aggregate).toBe(shares + options);
      expect(person.soleVotingPower).toBe(shares + options);
      expect(person.soleDispositivePower).toBe(shares + options);
      expect(person.sharedVotingPower).toBe(0);
      expect(person.sharedDispositivePower).toBe(0);
      expect(person.percentOfClass).toBeLessThan(1);
      expect(person.percentOfClass).toBeCloseTo(((shares + options) / (OUTSTANDING + options)) * 100, 12);
    });

    it('names the unexplained differences instead of smoothing them', () => {
      const company = holder('2024-07-23', 'ault-and-company');
      const differences = Object.fromEntries(
        company.unexplainedDifferences.map((d) => [d.securityId, [d.reported, d.computed]]),
      );
      expect(differences.common).toEqual([25_229, 88 + 55 + 36 + 10_000]);
      expect(differences['series-c-preferred']).toEqual([44_000, 41_500 + 4 * 500]);
      expect(differences['series-c-warrants']).toEqual([13_008_131, 12_269_031 + 4 * 147_820]);
    });
  });

  describe('on dates between transactions', () => {
    it('holds 88 + 55 common shares between the two note conversions, from transactions only', () => {
      // Given the 88-share closing (2020-01-15) and the first conversion (2020-08-20)
      const company = holder('2021-01-01', 'ault-and-company');
      // Then
      expect(company.sharesOwned.direct).toBe(88 + 55);
      expect(company.securities.find((s) => s.securityId === 'convertible-note-2020')?.quantity).toBe(
        1_000_000 - 600_000,
      );
      expect(company.basis).toBe('transactions');
      // And percent is unknown, with the reason
      expect(company.percentOfClass).toBeNull();
      expect(company.percentOfClassReason).toMatch(/shares outstanding are not known/);
    });

    it('adds the 10,000 open-market shares from 2024-06-17 and not the day before', () => {
      expect(holder('2024-06-16', 'ault-and-company').sharesOwned.direct).toBe(88 + 55 + 36);
      expect(holder('2024-06-17', 'ault-and-company').sharesOwned.direct).toBe(88 + 55 + 36 + 10_000);
    });
  });

  describe('the 60-day rule', () => {
    it('treats the note warrants as exercisable within 60 days from 2024-02-15, not on 2024-02-14', () => {
      // The Warrants became exercisable on 2024-04-15 (first business day after 2024-04-13); 60 days before is
      // 2024-02-15.
      const warrants = (asOf: string) =>
        holder(asOf, 'ault-and-company').securities.find((s) => s.securityId === 'note-warrants')!;
      expect(warrants('2024-02-14').exercisableWithin60Days).toBe(false);
      expect(warrants('2024-02-15').exercisableWithin60Days).toBe(true);
    });
  });

  describe('an exchange cap', () => {
    const history = envelopes([
      {
        type: 'SecurityDescribed',
        data: {
          ...on('2024-01-01'),
          securityId: 'pref',
          title: 'Pref',
          kind: 'convertible-preferred',
          statedValue: 1_000,
          conversionPrice: 1,
          conversionPriceFloor: null,
          sharesPerUnit: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      { type: 'SharesOutstandingReported', data: { ...on('2024-01-01'), count: 1_000_000, reportedBy: 'issuer' } },
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-01'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['pref'],
          exchange: 'NYSE American',
        },
      },
      {
        type: 'PreferredIssued',
        data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 500, purchasePrice: 500_000 },
      },
      { type: 'ExchangeCapLifted', data: { ...on('2024-03-01'), capId: 'cap', approvedBy: 'NYSE American' } },
    ]);

    it('blocks the rights above 19.99% until it is lifted, then counts them all', () => {
      // Given 500 preferred x $1,000 / $1.00 = 500,000 shares issuable, a cap of 19.99% of 1,000,000 = 199,900
      const before = holdingsFromEnvelopes(history, { asOf: '2024-02-29' }).holders[0]!;
      const after = holdingsFromEnvelopes(history, { asOf: '2024-03-01' }).holders[0]!;
      // Then before the approval
      expect(before.aggregate).toBe(199_900);
      expect(before.securities[0]!.blockedByCap).toBe(500_000 - 199_900);
      expect(before.percentOfClass).toBeCloseTo((199_900 / (1_000_000 + 199_900)) * 100, 10);
      // And from the approval
      expect(after.aggregate).toBe(500_000);
      expect(after.securities[0]!.blockedByCap).toBe(0);
    });
  });

  describe('when one exchange cap covers several securities', () => {
    // Given 1,000,000 shares outstanding, a 19.99% cap over the preferred and then the warrants, 100 preferred
    // (100 x $1,000 / $1.00 = 100,000 shares issuable) and warrants for 150,000 shares
    const history = envelopes([
      {
        type: 'SecurityDescribed',
        data: {
          ...on('2024-01-01'),
          securityId: 'pref',
          title: 'Pref',
          kind: 'convertible-preferred',
          statedValue: 1_000,
          conversionPrice: 1,
          conversionPriceFloor: null,
          sharesPerUnit: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      {
        type: 'SecurityDescribed',
        data: {
          ...on('2024-01-01'),
          securityId: 'warrants',
          title: 'Warrants',
          kind: 'warrant',
          statedValue: null,
          conversionPrice: null,
          conversionPriceFloor: null,
          sharesPerUnit: 1,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      { type: 'SharesOutstandingReported', data: { ...on('2024-01-01'), count: 1_000_000, reportedBy: 'issuer' } },
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-01'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['pref', 'warrants'],
          exchange: 'NYSE American',
        },
      },
      {
        type: 'PreferredIssued',
        data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 100, purchasePrice: 100_000 },
      },
      {
        type: 'WarrantsIssued',
        data: {
          ...on('2024-01-02'),
          personId: 'fund',
          securityId: 'warrants',
          shares: 150_000,
          exercisePrice: 1.5,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
    ]);

    it('shares one allowance among them, in the order the cap lists them', () => {
      // When holdings are asked with the cap in force
      const fund = holdingsFromEnvelopes(history, { asOf: '2024-02-01' }).holders[0]!;
      const byId = Object.fromEntries(fund.securities.map((s) => [s.securityId, [s.countedShares, s.blockedByCap]]));
      // Then the allowance is 19.99% of 1,000,000 = 199,900: all 100,000 preferred shares, then 99,900 of the
      // 150,000 warrant shares (50,100 blocked), never 199,900 for each
      expect(byId.pref).toEqual([100_000, 0]);
      expect(byId.warrants).toEqual([99_900, 50_100]);
      expect(fund.aggregate).toBe(199_900);
    });
  });

  describe('a reverse split', () => {
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
          shares: 1_000_005,
          method: 'open-market',
          pricePerShare: 1,
          totalPrice: null,
        },
      },
      {
        type: 'PreferredIssued',
        data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 10, purchasePrice: null },
      },
      { type: 'StockSplit', data: { ...on('2024-02-01'), from: 10, to: 1 } },
    ]);

    it('divides share counts, outstanding and as-converted rights by ten from its effective date', () => {
      const before = holdingsFromEnvelopes(history, { asOf: '2024-01-31' }).holders[0]!;
      const after = holdingsFromEnvelopes(history, { asOf: '2024-02-01' });
      const fund = after.holders[0]!;
      // Before: 1,000,005 shares + 10 x $1,000 / $0.50 = 20,000
      expect(before.aggregate).toBe(1_000_005 + 20_000);
      // After 1-for-10: floor(1,000,005 / 10) = 100,000 shares; price $5.00 -> 2,000 shares issuable
      expect(fund.sharesOwned.direct).toBe(100_000);
      expect(fund.securities.find((s) => s.securityId === 'pref')?.sharesIssuable).toBe((10 * 1_000) / 5);
      expect(after.sharesOutstanding?.value).toBe(10_000_000 / 10);
      expect(after.sharesOutstanding?.basis).toBe('derived');
    });
  });
});
