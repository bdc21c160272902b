/**
 * A filing's figures carried past a split (DOMAIN.md, Time): a point-in-time view as reported is in the share
 * basis in force at its date, so a cover page stated before a 1-for-10 reverse split is shown after it in tenths,
 * with the trades since in the same basis; and the adjusted view before the split agrees with it.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';
import { cover, filing } from './statements.js';

// The original statement: the fund holds 1,505 shares (sole), 10.0%, as of 2024-03-01 (filed 2024-03-05).
const original = filing({
  amendmentNumber: 0,
  filedOn: '2024-03-05',
  eventDate: '2024-03-01',
  coverPages: [cover('fund', 'FUND ONE LP', 1_505, 10)],
});
const purchase = (date: string, shares: number): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...on(date), personId: 'fund', shares, method: 'open-market', pricePerShare: 1, totalPrice: null },
});
const reverseSplit: DomainEventInput = { type: 'StockSplit', data: { ...on('2024-06-01'), from: 10, to: 1 } };

describe("a cover page's figures after a later reverse split", () => {
  const given = givenFacts([original, reverseSplit]);

  it('are as the filing states them the day before the split', () => {
    expect(given.holder('fund', '2024-05-31')).toMatchObject({ aggregate: 1_505, soleVotingPower: 1_505 });
  });

  it('are in the new basis from the split on, fractions dropped, the percent unchanged, with a note', () => {
    // 1,505 / 10 = 150.5: 150 shares, as the fold drops a fraction at a split
    const fund = given.holder('fund', '2024-06-01');
    expect(fund).toMatchObject({
      aggregate: 150,
      soleVotingPower: 150,
      soleDispositivePower: 150,
      sharedVotingPower: 0,
      sharedDispositivePower: 0,
      percentOfClass: 10,
      basis: 'derived',
    });
    expect(fund.notes).toContain(
      "Original Schedule 13D's counts restated through the 1-for-10 reverse split effective 2024-06-01",
    );
  });

  it('agree with the adjusted view of a date before the split', () => {
    const adjusted = given.holder('fund', '2024-03-01', {}, { shareBasis: 'adjusted' });
    expect(adjusted.aggregate).toBe(given.holder('fund', '2024-06-01').aggregate);
  });

  it('keep a shared row in the new basis too', () => {
    // 2,000 aggregate, 500 sole and 1,500 shared: 200, 50 and 150 after the split
    const shared = givenFacts([
      filing({
        amendmentNumber: 0,
        filedOn: '2024-03-05',
        eventDate: '2024-03-01',
        coverPages: [cover('fund', 'FUND ONE LP', 2_000, 10, 500)],
      }),
      reverseSplit,
    ]).holder('fund', '2024-06-01');
    expect(shared).toMatchObject({
      aggregate: 200,
      soleVotingPower: 50,
      sharedVotingPower: 150,
      soleDispositivePower: 50,
      sharedDispositivePower: 150,
    });
  });
});

describe('trades after the filing, carried with its figures across a split', () => {
  // 95 shares bought 2024-04-01 (before the split: 9.5 after it) and 20 on 2024-07-01 (after it)
  const given = givenFacts([original, purchase('2024-04-01', 95), reverseSplit, purchase('2024-07-01', 20)]);

  it('add a trade before the split in the new basis: (1,505 + 95) / 10 = 160', () => {
    expect(given.holder('fund', '2024-06-15')).toMatchObject({ aggregate: 160, soleVotingPower: 160 });
    // Before the split, in the old basis: 1,505 + 95
    expect(given.holder('fund', '2024-05-31').aggregate).toBe(1_600);
  });

  it('add a trade after the split as it is: 160 + 20 = 180', () => {
    expect(given.holder('fund', '2024-07-01')).toMatchObject({ aggregate: 180, soleDispositivePower: 180 });
  });
});

describe('a split before the filing it carries', () => {
  it('changes nothing: the filing states its figures in the basis of its date', () => {
    const given = givenFacts([
      { type: 'StockSplit', data: { ...on('2024-02-01'), from: 10, to: 1 } },
      original,
      purchase('2024-04-01', 95),
    ]);
    const fund = given.holder('fund', '2024-04-01');
    expect(fund.aggregate).toBe(1_505 + 95);
    expect(fund.notes.some((n) => n.includes('restated through'))).toBe(false);
  });
});

describe('the last known breakdown shown with a later filing’s totals, adjusted to a later split', () => {
  // Amendment No. 1 breaks the fund's 1,000 shares down (a position of common, as of 2024-01-10); Amendment No. 2
  // states 1,500 on its cover page with no breakdown (as of 2024-03-01); then a 1-for-10 reverse split.
  const given = givenFacts([
    {
      type: 'SecurityDescribed',
      data: {
        ...on('2024-01-10'),
        securityId: 'common',
        title: 'Common Stock',
        kind: 'common',
        statedValue: null,
        conversionPrice: null,
        conversionPriceFloor: null,
        sharesPerUnit: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    },
    {
      type: 'PositionReported',
      data: {
        ...on('2024-01-10'),
        personId: 'fund',
        securityId: 'common',
        quantity: 1_000,
        sharesIssuableReported: null,
        exercisableFrom: null,
      },
    },
    filing({
      amendmentNumber: 1,
      filedOn: '2024-01-12',
      eventDate: '2024-01-10',
      coverPages: [cover('fund', 'FUND ONE LP', 1_000, 10)],
    }),
    filing({
      amendmentNumber: 2,
      filedOn: '2024-03-05',
      eventDate: '2024-03-01',
      coverPages: [cover('fund', 'FUND ONE LP', 1_500, 15)],
    }),
    reverseSplit,
  ]);

  it('restates the breakdown with the totals: 1,000 / 10 = 100 shares of common, 1,500 / 10 = 150 in all', () => {
    const asReported = given.holder('fund', '2024-03-15');
    expect(asReported.breakdownKnown).toBe(false);
    expect(asReported.securities.map((s) => [s.securityId, s.quantity])).toEqual([['common', 1_000]]);
    const adjusted = given.holder('fund', '2024-03-15', {}, { shareBasis: 'adjusted' });
    expect(adjusted.aggregate).toBe(150);
    expect(adjusted.securities.map((s) => [s.securityId, s.quantity, s.countedShares])).toEqual([['common', 100, 100]]);
    expect(adjusted.sharesOwned).toEqual({ direct: 100, indirect: 0 });
  });
});
