import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import type { Holder, SecurityHolding } from '../../projections/views/holdings.js';
import type { DomainEvent } from '../../src/domain/index.js';
import { envelopes, on } from './build.js';

// Synthetic histories (the bundled filing has no grant or vesting dates: it reports the options of
// Messrs. Ault, Horne, Nisser and Cragun only as "currently exercisable or exercisable within 60 days").
const OUTSTANDING = 10_000_000;
const none = {
  statedValue: null,
  conversionPrice: null,
  conversionPriceFloor: null,
  sharesPerUnit: null,
  exercisableFrom: null,
  expiresOn: null,
};
const base: DomainEvent[] = [
  {
    type: 'PersonIdentified',
    data: {
      ...on('2024-01-02'),
      personId: 'officer',
      name: 'An Officer',
      kind: 'individual',
      typeOfReportingPerson: ['IN'],
      citizenshipOrPlace: 'U.S.A.',
      cik: null,
    },
  },
  {
    type: 'SecurityDescribed',
    data: {
      ...on('2024-01-02'),
      ...none,
      securityId: 'options',
      title: 'Stock options',
      kind: 'option',
      sharesPerUnit: 1,
    },
  },
  { type: 'SharesOutstandingReported', data: { ...on('2024-01-02'), count: OUTSTANDING, reportedBy: 'issuer' } },
];
const grant = (date: string, shares: number, exercisableFrom: string | null): DomainEvent => ({
  type: 'OptionsGranted',
  data: {
    ...on(date),
    personId: 'officer',
    securityId: 'options',
    shares,
    exercisePrice: 2.5,
    exercisableFrom,
    expiresOn: null,
  },
});
const vest = (date: string, shares: number): DomainEvent => ({
  type: 'OptionsVested',
  data: { ...on(date), personId: 'officer', securityId: 'options', shares },
});

function officerAt(events: DomainEvent[], asOf: string): { holder: Holder; options: SecurityHolding } {
  const holder = holdingsFromEnvelopes(envelopes(events), { asOf }).holders.find((h) => h.personId === 'officer');
  if (holder === undefined) throw new Error(`no holder "officer" at ${asOf}`);
  const options = holder.securities.find((s) => s.securityId === 'options');
  if (options === undefined) throw new Error(`no options at ${asOf}`);
  return { holder, options };
}

describe('holdings', () => {
  describe('when options are granted unvested and vest in tranches', () => {
    // Given 900 options granted on 2024-01-02, exercisable only as they vest: 300 on 2024-07-01 and 300 on 2025-01-02
    const history = [...base, grant('2024-01-02', 900, null), vest('2024-07-01', 300), vest('2025-01-02', 300)];

    it('shows the 900 options held but counts none of them before the first vesting', () => {
      // When holdings are asked the day before the first vesting
      const { holder, options } = officerAt(history, '2024-06-30');
      // Then the grant is listed, with its 900 shares issuable, and none is exercisable
      expect(options).toMatchObject({
        kind: 'option',
        quantity: 900,
        sharesIssuable: 900,
        exercisableWithin60Days: false,
        countedShares: 0,
        blockedByCap: 0,
      });
      expect([holder.aggregate, holder.rightsCounted, holder.soleVotingPower]).toEqual([0, 0, 0]);
      expect(holder.percentOfClass).toBe(0);
    });

    it('counts the 300 vested options from the vesting date, not all 900', () => {
      // When holdings are asked on the first vesting date
      const { holder, options } = officerAt(history, '2024-07-01');
      // Then floor(900 issuable x 300/900 exercisable) = 300 count
      expect(options).toMatchObject({
        quantity: 900,
        sharesIssuable: 900,
        exercisableWithin60Days: true,
        countedShares: 300,
      });
      expect([holder.aggregate, holder.rightsCounted, holder.soleVotingPower, holder.soleDispositivePower]).toEqual([
        300, 300, 300, 300,
      ]);
      // And Rule 13d-3(d)(1)(i): 300 / (10,000,000 + 300) = 0.0029999...%
      expect(holder.percentOfClass).toBeCloseTo((300 / (10_000_000 + 300)) * 100, 12);
    });

    it('counts 600 after the second vesting, and still not the 300 unvested', () => {
      // When holdings are asked on the second vesting date
      const { holder, options } = officerAt(history, '2025-01-02');
      // Then floor(900 x 600/900) = 600
      expect(options).toMatchObject({ quantity: 900, countedShares: 600 });
      expect(holder.aggregate).toBe(600);
    });
  });

  describe('when lots of one option position become exercisable on different dates', () => {
    // Given 1,000 options exercisable from 2024-03-01 and 500 more, granted 2024-03-01, exercisable from 2024-09-01
    const history = [...base, grant('2024-01-02', 1_000, '2024-03-01'), grant('2024-03-01', 500, '2024-09-01')];

    it('counts only the lot exercisable within 60 days: 1,000 of 1,500 on 2024-07-02', () => {
      // When holdings are asked on 2024-07-02: 2024-07-02 + 60 days = 2024-08-31, before 2024-09-01
      const { holder, options } = officerAt(history, '2024-07-02');
      // Then floor(1,500 issuable x 1,000/1,500 exercisable) = 1,000
      expect(options).toMatchObject({
        quantity: 1_500,
        sharesIssuable: 1_500,
        exercisableWithin60Days: true,
        countedShares: 1_000,
      });
      expect([holder.aggregate, holder.rightsCounted]).toEqual([1_000, 1_000]);
      expect(holder.percentOfClass).toBeCloseTo((1_000 / (10_000_000 + 1_000)) * 100, 12);
    });

    it('counts all 1,500 from 2024-07-03, 60 days before the second lot is exercisable', () => {
      // When holdings are asked on 2024-07-03: + 60 days (28 left in July, 31 in August, 1) = 2024-09-01
      const { options } = officerAt(history, '2024-07-03');
      // Then both lots count
      expect(options.countedShares).toBe(1_500);
    });
  });

  describe('when convertible preferred is held in lots convertible from different dates', () => {
    // Given preferred of $1,000 stated value convertible at $0.30: 300 shares reported on 2024-05-01 as convertible
    // from 2024-12-01, and 400 more bought on 2024-06-01, convertible at once
    const history: DomainEvent[] = [
      ...base,
      {
        type: 'SecurityDescribed',
        data: {
          ...on('2024-01-02'),
          ...none,
          securityId: 'pref',
          title: 'Series X Preferred',
          kind: 'convertible-preferred',
          statedValue: 1_000,
          conversionPrice: 0.3,
        },
      },
      {
        type: 'PositionReported',
        data: {
          ...on('2024-05-01'),
          personId: 'officer',
          securityId: 'pref',
          quantity: 300,
          sharesIssuableReported: 1_000_000,
          exercisableFrom: '2024-12-01',
        },
      },
      {
        type: 'PreferredIssued',
        data: { ...on('2024-06-01'), personId: 'officer', securityId: 'pref', shares: 400, purchasePrice: 400_000 },
      },
    ];

    it('counts the floor of the shares issuable times the part convertible within 60 days', () => {
      // When holdings are asked on 2024-07-01 (+ 60 days = 2024-08-30, before 2024-12-01)
      const holder = holdingsFromEnvelopes(envelopes(history), { asOf: '2024-07-01' }).holders.find(
        (h) => h.personId === 'officer',
      )!;
      const pref = holder.securities.find((s) => s.securityId === 'pref')!;
      // Then 700 x $1,000 / $0.30 = 2,333,333.3, floor 2,333,333 issuable;
      // 400 of the 700 convertible within 60 days: floor(2,333,333 x 400 / 700) = floor(1,333,333.14) = 1,333,333
      expect(pref).toMatchObject({
        quantity: 700,
        sharesIssuable: 2_333_333,
        exercisableWithin60Days: true,
        countedShares: 1_333_333,
      });
      expect(holder.aggregate).toBe(1_333_333);
    });
  });
});

describe('holdings of a part exercisable, counted in whole shares', () => {
  it('counts 15 of 22 options exercisable as 15, not the 14 a floating-point ratio gives (22 x 15/22 = 14.999...)', () => {
    // Given 15 options exercisable at once and 7 from 2025-06-01
    const history = [...base, grant('2024-01-02', 15, '2024-01-02'), grant('2024-01-03', 7, '2025-06-01')];
    // When holdings are asked on 2024-03-01, when only the first lot is within 60 days
    const { options } = officerAt(history, '2024-03-01');
    // Then floor(22 x 15 / 22) = 15 count
    expect(options).toMatchObject({ quantity: 22, sharesIssuable: 22, countedShares: 15 });
  });
});
