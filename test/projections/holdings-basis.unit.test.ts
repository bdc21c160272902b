import { describe, expect, it } from 'vitest';
import type { DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Synthetic histories with no statement filed, so every figure is computed from positions and trades.
const terms = {
  statedValue: null,
  conversionPrice: null,
  conversionPriceFloor: null,
  sharesPerUnit: null,
  exercisableFrom: null,
  expiresOn: null,
};
const describeSecurity = (securityId: string, kind: string, more: Record<string, unknown> = {}): DomainEventInput =>
  ({
    type: 'SecurityDescribed',
    data: { ...on('2024-01-02'), ...terms, securityId, title: securityId, kind, ...more },
  }) as DomainEventInput;
const report = (date: string, personId: string, securityId: string, quantity: number): DomainEventInput => ({
  type: 'PositionReported',
  data: { ...on(date), personId, securityId, quantity, sharesIssuableReported: null, exercisableFrom: null },
});
const purchase = (date: string, personId: string, shares: number): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...on(date), personId, shares, method: 'open-market', pricePerShare: 1, totalPrice: null },
});
const STALE =
  'shares outstanding as of 2024-01-02, the latest known on or before 2024-01-15; later issuances are not known to the ledger';

// Given 1,000,000 shares outstanding on 2024-01-02; a fund reported with 10,000 common and 1,000 warrants of half a
// share each on 2024-01-02, buying 500 shares on 2024-02-01; and Boss,
// who controls the fund from 2024-01-02 and holds 100 shares of its own
const given = givenFacts([
  describeSecurity('common', 'common'),
  describeSecurity('w', 'warrant', { sharesPerUnit: 0.5 }),
  { type: 'SharesOutstandingReported', data: { ...on('2024-01-02'), count: 1_000_000, reportedBy: 'the Issuer' } },
  {
    type: 'ControlEstablished',
    data: { ...on('2024-01-02'), controllerId: 'boss', entityId: 'fund', relationship: 'manager' },
  },
  report('2024-01-02', 'fund', 'common', 10_000),
  report('2024-01-02', 'fund', 'w', 1_000),
  report('2024-01-02', 'boss', 'common', 100),
  purchase('2024-02-01', 'fund', 500),
]);
const NO_TOTALS = "no filing states this person's totals as of 2024-01-02; computed from the positions reported";

describe('holdings computed from positions', () => {
  describe('on the day of the report', () => {
    // Asked inside each test, so that the projection runs under the test that checks it
    const fundOnTheDay = () => given.holder('fund', '2024-01-02');

    it('calls each position reported, the shares outstanding too, and notes nothing stale', () => {
      const view = given.holdings('2024-01-02');
      const fund = fundOnTheDay();
      expect(fund.securities.map((s) => [s.securityId, s.basis, s.reportedAsOf])).toEqual([
        ['common', 'reported', '2024-01-02'],
        ['w', 'reported', '2024-01-02'],
      ]);
      expect(view.sharesOutstanding).toMatchObject({ value: 1_000_000, asOf: '2024-01-02', basis: 'reported' });
      // The totals are computed (no cover page or Item 5 states them): derived, and said so
      expect(fund.basis).toBe('derived');
      expect(fund.notes).toEqual([NO_TOTALS]);
      expect(view.notes).toEqual([]);
    });

    it('counts half a share per warrant: 1,000 x 0.5 = 500', () => {
      const fund = fundOnTheDay();
      expect(given.security('fund', 'w', '2024-01-02')).toMatchObject({
        quantity: 1_000,
        sharesIssuable: 500,
        countedShares: 500,
      });
      // 10,000 + 500 = 10,500 of (1,000,000 + 500) = 1.04947...%
      expect(fund.aggregate).toBe(10_500);
      expect(fund.percentOfClass).toBeCloseTo((10_500 / 1_000_500) * 100, 10);
    });

    it("gives the controller the fund's shares as owned indirectly, with shared power", () => {
      const fund = fundOnTheDay();
      const boss = given.holder('boss', '2024-01-02');
      expect(boss.controlledEntities).toEqual(['fund']);
      expect(boss.sharesOwned).toEqual({ direct: 100, indirect: 10_000 });
      expect(fund.sharesOwned).toEqual({ direct: 10_000, indirect: 0 });
      // 100 own; 10,000 + 500 through the fund
      expect([boss.soleVotingPower, boss.sharedVotingPower, boss.aggregate, boss.rightsCounted]).toEqual([
        100, 10_500, 10_600, 500,
      ]);
    });
  });

  describe('later, with no change since the report', () => {
    it('carries the figures forward as derived, and says the share count is older than the date', () => {
      const fund = given.holder('fund', '2024-01-15');
      expect(fund.securities.map((s) => s.basis)).toEqual(['derived', 'derived']);
      expect(fund.basis).toBe('derived');
      expect(fund.notes).toEqual([STALE]);
      const view = given.holdings('2024-01-15');
      expect(view.sharesOutstanding?.basis).toBe('derived');
      expect(view.notes).toEqual([STALE]);
    });
  });

  describe('after a purchase since the report', () => {
    it('derives the common from the report and the purchase: 10,000 + 500', () => {
      const fund = given.holder('fund', '2024-02-01');
      expect(fund.securities.map((s) => [s.securityId, s.quantity, s.basis, s.reportedAsOf])).toEqual([
        ['common', 10_500, 'derived', '2024-01-02'],
        ['w', 1_000, 'derived', '2024-01-02'],
      ]);
    });
  });

  describe('a holder with transactions only', () => {
    it('is on the basis of transactions', () => {
      const buyer = given.and([purchase('2024-03-01', 'buyer', 42)]).holder('buyer', '2024-03-01');
      expect(buyer).toMatchObject({ aggregate: 42, basis: 'transactions' });
      expect(buyer.securities.map((s) => s.basis)).toEqual(['transactions']);
    });

    it('without any position is on the basis of transactions, with nothing held', () => {
      const person: DomainEventInput = {
        type: 'PersonIdentified',
        data: {
          ...on('2024-03-01'),
          personId: 'named',
          name: 'Named Person',
          kind: 'individual',
          typeOfReportingPerson: ['IN'],
          citizenshipOrPlace: 'U.S.A.',
          cik: null,
        },
      };
      expect(given.and([person]).holder('named', '2024-03-01')).toMatchObject({
        name: 'Named Person',
        aggregate: 0,
        basis: 'transactions',
        securities: [],
      });
    });
  });

  describe('differences the transactions do not explain', () => {
    // Given the fund reported with 11,000 shares on 2024-03-01 (10,500 explained), Boss with 300 (100 explained) and
    // Other, reported with 100 then 200
    const withDifferences = given.and([
      report('2024-01-02', 'other', 'common', 100),
      report('2024-03-01', 'fund', 'common', 11_000),
      report('2024-03-01', 'boss', 'common', 300),
      report('2024-03-01', 'other', 'common', 200),
    ]);

    it('are listed for the person and for whoever controls it, never for anyone else', () => {
      const owners = (personId: string) => [
        ...new Set(withDifferences.holder(personId, '2024-03-01').unexplainedDifferences.map((d) => d.personId)),
      ];
      expect(owners('fund')).toEqual(['fund']);
      expect(owners('boss')).toEqual(['fund', 'boss']);
      expect(owners('other')).toEqual(['other']);
    });
  });
});

describe('shares issuable on convertible preferred', () => {
  it('are not known when the stated value or the conversion price is not', () => {
    // Given preferred with no stated value, and preferred with no conversion price, 10 of each held
    const history = given.and([
      describeSecurity('p-no-value', 'convertible-preferred', { conversionPrice: 2 }),
      describeSecurity('p-no-price', 'convertible-preferred', { statedValue: 1_000 }),
      report('2024-01-02', 'holder', 'p-no-value', 10),
      report('2024-01-02', 'holder', 'p-no-price', 10),
    ]);
    for (const securityId of ['p-no-value', 'p-no-price']) {
      expect(history.security('holder', securityId, '2024-01-02')).toMatchObject({
        quantity: 10,
        sharesIssuable: null,
        countedShares: 0,
        exercisableWithin60Days: false,
      });
    }
  });
});

describe('an exchange cap whose base is not known', () => {
  it('counts none of the rights it covers and says the aggregate is a lower bound', () => {
    // Given no shares outstanding known, and a 19.99% cap over warrants on 1,000 shares
    const capped = givenFacts([
      describeSecurity('w', 'warrant', { sharesPerUnit: 1 }),
      report('2024-01-02', 'fund', 'w', 1_000),
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-02'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['w'],
          exchange: 'NYSE American',
        },
      },
    ]);
    const fund = capped.holder('fund', '2024-01-02');
    expect(fund.securities[0]).toMatchObject({ sharesIssuable: 1_000, countedShares: 0, blockedByCap: 1_000 });
    expect(fund.notes).toContain(
      'cap: the 19.99% exchange cap is in force and its base is unknown, so no rights subject to it are counted; the aggregate is a lower bound',
    );
  });

  it('says nothing of a cap over rights none of which count yet', () => {
    // Given warrants exercisable only from 2025-06-01, under a cap of 19.99% of 1,000,000
    const later = givenFacts([
      describeSecurity('w', 'warrant', { sharesPerUnit: 1, exercisableFrom: '2025-06-01' }),
      { type: 'SharesOutstandingReported', data: { ...on('2024-01-02'), count: 1_000_000, reportedBy: 'the Issuer' } },
      report('2024-01-02', 'fund', 'w', 1_000),
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-02'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['w'],
          exchange: 'NYSE American',
        },
      },
    ]);
    const fund = later.holder('fund', '2024-01-02');
    expect(fund.securities[0]).toMatchObject({ sharesIssuable: 1_000, countedShares: 0, blockedByCap: 0 });
    expect(fund.notes.filter((n) => n.startsWith('cap:'))).toEqual([]);
  });
});

describe('convertible securities after a reverse split', () => {
  // Given preferred of $1,000 stated value convertible at $2.00, and a note convertible at $0.50, both described on
  // 2024-01-02; 10 preferred and a $10,000 note held; then a 1-for-10 reverse split on 2024-04-01
  const split = givenFacts([
    describeSecurity('pref', 'convertible-preferred', { statedValue: 1_000, conversionPrice: 2 }),
    describeSecurity('note', 'convertible-note', { conversionPrice: 0.5 }),
    {
      type: 'PreferredIssued',
      data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 10, purchasePrice: 10_000 },
    },
    {
      type: 'ConvertibleNoteIssued',
      data: {
        ...on('2024-01-02'),
        personId: 'fund',
        securityId: 'note',
        principal: 10_000,
        conversionPrice: 0.5,
        interestRatePercent: null,
      },
    },
    { type: 'StockSplit', data: { ...on('2024-04-01'), from: 10, to: 1 } },
  ]);

  it('converts at the stated prices before the split', () => {
    // 10 x $1,000 / $2.00 = 5,000; $10,000 / $0.50 = 20,000
    expect(split.security('fund', 'pref', '2024-03-31')).toMatchObject({ sharesIssuable: 5_000, conversionPrice: 2 });
    expect(split.security('fund', 'note', '2024-03-31')).toMatchObject({
      sharesIssuable: 20_000,
      conversionPrice: 0.5,
    });
  });

  it('converts at ten times the price after it: a tenth of the shares', () => {
    // $2.00 x 10 = $20.00: 10 x $1,000 / $20.00 = 500; $0.50 x 10 = $5.00: $10,000 / $5.00 = 2,000
    const pref = split.security('fund', 'pref', '2024-04-01');
    const note = split.security('fund', 'note', '2024-04-01');
    expect([pref.sharesIssuable, note.sharesIssuable]).toEqual([500, 2_000]);
    expect(pref.conversionPrice).toBeCloseTo(20, 10);
    expect(note.conversionPrice).toBeCloseTo(5, 10);
  });
});

describe('restricted stock units reported as a position', () => {
  it('are listed with no shares issuable and count nothing (they count as shares once vested)', () => {
    const rsus = givenFacts([describeSecurity('units', 'rsu'), report('2024-01-02', 'officer', 'units', 300)]);
    expect(rsus.security('officer', 'units', '2024-01-02')).toMatchObject({
      kind: 'rsu',
      quantity: 300,
      sharesIssuable: null,
      countedShares: 0,
      exercisableWithin60Days: false,
    });
    expect(rsus.holder('officer', '2024-01-02').aggregate).toBe(0);
  });
});
