/**
 * The position changes of the positions fold (projections/folds/position-changes.ts), read from the fold's own
 * state: sales against what is held, lots taken earliest first, reports compared with the transactions, a
 * filing's breakdown closing what it leaves out, vestings and splits. Every figure is arithmetic on the facts.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEventInput } from '../../src/domain/index.js';
import { NOT_YET_EXERCISABLE, type LedgerState } from '../../projections/folds/positions.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

const trade = (type: 'SharesPurchased' | 'SharesSold', date: string, personId: string, shares: number) =>
  ({
    type,
    data: { ...on(date), personId, shares, method: 'open-market', pricePerShare: null, totalPrice: null },
  }) as DomainEventInput;
const buy = (date: string, personId: string, shares: number) => trade('SharesPurchased', date, personId, shares);
const sell = (date: string, personId: string, shares: number) => trade('SharesSold', date, personId, shares);

/** A reported position: as of `date`, disclosed on `disclosedOn` (the filing's date). */
function reported(
  date: string,
  personId: string,
  securityId: string,
  quantity: number,
  options: { disclosedOn?: string; exercisableFrom?: string } = {},
): DomainEventInput {
  return {
    type: 'PositionReported',
    data: {
      ...on(date, options.disclosedOn ?? date),
      personId,
      securityId,
      quantity,
      sharesIssuableReported: null,
      exercisableFrom: options.exercisableFrom ?? null,
    },
  };
}

function warrants(date: string, personId: string, securityId: string, shares: number, from: string | null) {
  return {
    type: 'WarrantsIssued',
    data: { ...on(date), personId, securityId, shares, exercisePrice: null, exercisableFrom: from, expiresOn: null },
  } as DomainEventInput;
}

function options(date: string, personId: string, shares: number, from: string | null): DomainEventInput {
  return {
    type: 'OptionsGranted',
    data: {
      ...on(date),
      personId,
      securityId: 'opt',
      shares,
      exercisePrice: null,
      exercisableFrom: from,
      expiresOn: null,
    },
  };
}

const vested = (date: string, personId: string, shares: number): DomainEventInput => ({
  type: 'OptionsVested',
  data: { ...on(date), personId, securityId: 'opt', shares },
});

const held = (state: LedgerState, personId: string, securityId: string) => {
  const found = state.positions.get(`${personId}|${securityId}`);
  if (found === undefined) throw new Error(`no position ${personId}|${securityId}`);
  return found;
};

const logOf = (state: LedgerState, personId: string, securityId: string) =>
  (state.log ?? []).filter((e) => e.personId === personId && e.securityId === securityId);

describe('sales against what is held', () => {
  it('names no gap for a position first met in a sale, nor for the report after it; later oversales are named', () => {
    // Given a sale of 100 shares before any report or purchase, then a report of 400, then a sale of 500
    const given = givenFacts([
      sell('2024-01-10', 'p', 100),
      reported('2024-02-01', 'p', 'common', 400),
      sell('2024-03-01', 'p', 500),
    ]);
    // When the positions are folded to before the second sale
    const before = given.ledger('2024-02-15');
    // Then the holding before the first sale was unknown: nothing is named, and the report stands at 400
    expect(before.differences).toEqual([]);
    expect(held(before, 'p', 'common')).toMatchObject({ quantity: 400, baseUnknown: false, hadTransactions: true });
    // And the sale of 500 from the 400 reported is 500 - 400 = 100 more than held
    const after = given.ledger();
    expect(after.differences).toEqual([
      expect.objectContaining({
        kind: 'sale-exceeds-holding',
        personId: 'p',
        securityId: 'common',
        asOf: '2024-03-01',
        reported: 500,
        computed: 400,
        difference: 100,
      }),
    ]);
    expect(held(after, 'p', 'common').quantity).toBe(400 - 500);
  });

  it('names only the sale that takes a reported position below zero, not one to zero nor a purchase after', () => {
    // Given 100 reported, then sales of 30 and 70 (to exactly 0), a sale of 50, and a purchase of 10
    const state = givenFacts([
      reported('2024-01-02', 'p', 'common', 100),
      sell('2024-01-10', 'p', 30),
      sell('2024-01-20', 'p', 70),
      sell('2024-02-01', 'p', 50),
      buy('2024-02-05', 'p', 10),
    ]).ledger();
    // Then one gap: 50 sold from 100 - 30 - 70 = 0 held; the position is 0 - 50 + 10 = -40
    expect(state.differences).toEqual([
      expect.objectContaining({ kind: 'sale-exceeds-holding', reported: 50, computed: 0, difference: 50 }),
    ]);
    expect(held(state, 'p', 'common').quantity).toBe(-40);
    expect(logOf(state, 'p', 'common').map((e) => [e.kind, e.change, e.quantityAfter])).toEqual([
      ['reported', 100, 100],
      ['transaction', -30, 70],
      ['transaction', -70, 0],
      ['transaction', -50, -50],
      ['transaction', 10, -40],
    ]);
  });
});

describe('a transaction of no shares', () => {
  it('adds no lot and names no sale, even below zero', () => {
    // Given 100 reported, 150 sold (50 more than held), then a purchase of 0 shares; and q's first purchase of 0
    const state = givenFacts([
      reported('2024-01-02', 'p', 'common', 100),
      sell('2024-01-10', 'p', 150),
      buy('2024-01-20', 'p', 0),
      buy('2024-01-20', 'q', 0),
    ]).ledger();
    // Then only the sale is named (150 against 100), and neither position has a lot of 0
    expect(state.differences).toEqual([expect.objectContaining({ reported: 150, computed: 100, difference: 50 })]);
    expect(held(state, 'p', 'common')).toMatchObject({ quantity: -50, lots: [] });
    expect(held(state, 'q', 'common')).toMatchObject({ quantity: 0, lots: [] });
  });
});

describe('lots', () => {
  it('merges purchases into one lot and takes sales from the earliest lot first', () => {
    // Given 100 common shares reported as exercisable from 2024-01-01 (a lot of their own), then 50 + 25 bought
    const given = givenFacts([
      reported('2024-01-02', 'p', 'common', 100, { exercisableFrom: '2024-01-01' }),
      buy('2024-01-10', 'p', 50),
      buy('2024-01-11', 'p', 25),
      sell('2024-02-01', 'p', 30),
      sell('2024-02-02', 'p', 70),
      sell('2024-02-03', 'p', 20),
    ]);
    // Then the purchases are one lot of 50 + 25 = 75
    expect(held(given.ledger('2024-01-31'), 'p', 'common').lots).toEqual([
      { quantity: 100, exercisableFrom: '2024-01-01' },
      { quantity: 75, exercisableFrom: null },
    ]);
    // And a sale of 30 takes from the first lot only: 100 - 30 = 70, the 75 untouched
    expect(held(given.ledger('2024-02-01'), 'p', 'common').lots).toEqual([
      { quantity: 70, exercisableFrom: '2024-01-01' },
      { quantity: 75, exercisableFrom: null },
    ]);
    // And a sale of 70 empties the first lot (dropped), then 20 more leaves 75 - 20 = 55
    expect(held(given.ledger('2024-02-02'), 'p', 'common').lots).toEqual([{ quantity: 75, exercisableFrom: null }]);
    const last = held(given.ledger(), 'p', 'common');
    expect(last.lots).toEqual([{ quantity: 55, exercisableFrom: null }]);
    expect(last.quantity).toBe(55);
  });

  it('keeps warrants exercisable from different dates in separate lots, the same date in one', () => {
    // Given warrants for 100 and 50 shares exercisable from 2024-07-01, and 30 from 2024-09-01
    const state = givenFacts([
      warrants('2024-01-10', 'p', 'w', 100, '2024-07-01'),
      warrants('2024-01-20', 'p', 'w', 50, '2024-07-01'),
      warrants('2024-01-30', 'p', 'w', 30, '2024-09-01'),
    ]).ledger();
    // Then two lots: 100 + 50 = 150 and 30
    expect(held(state, 'p', 'w').lots).toEqual([
      { quantity: 150, exercisableFrom: '2024-07-01' },
      { quantity: 30, exercisableFrom: '2024-09-01' },
    ]);
    expect(held(state, 'p', 'w').quantity).toBe(180);
  });
});

describe('reports against the transactions', () => {
  it('names the gap between a report and the transactions, signed, in the note of the log', () => {
    // Given 100 bought, a report of 120, 50 sold, a report of 60; and a person only ever reported (300)
    const state = givenFacts([
      buy('2024-01-10', 'p', 100),
      reported('2024-02-01', 'p', 'common', 120),
      sell('2024-02-10', 'p', 50),
      reported('2024-03-01', 'p', 'common', 60),
      reported('2024-03-01', 'q', 'common', 300),
    ]).ledger();
    // Then 120 - 100 = +20 and 60 - (120 - 50) = -10 are named; q's first report is compared with nothing
    expect(state.differences).toEqual([
      expect.objectContaining({ personId: 'p', asOf: '2024-02-01', reported: 120, computed: 100, difference: 20 }),
      expect.objectContaining({ personId: 'p', asOf: '2024-03-01', reported: 60, computed: 70, difference: -10 }),
    ]);
    const reports = logOf(state, 'p', 'common').filter((e) => e.kind === 'reported');
    expect(reports.map((e) => [e.change, e.quantityAfter, e.note])).toEqual([
      [20, 120, 'reported 120, transactions give 100: +20 unexplained'],
      [-10, 60, 'reported 60, transactions give 70: -10 unexplained'],
    ]);
    expect(logOf(state, 'q', 'common').map((e) => [e.kind, e.change, e.note])).toEqual([['reported', 300, null]]);
    expect(logOf(state, 'p', 'common').find((e) => e.kind === 'transaction')?.eventType).toBe('SharesPurchased');
  });

  it('holds a report of none as no lots', () => {
    // Given 40 warrants, then a report of 0 of them
    const state = givenFacts([
      warrants('2024-01-10', 'p', 'w', 40, null),
      reported('2024-02-01', 'p', 'w', 0),
    ]).ledger();
    // Then the position is empty: no lot of 0 left behind, and the 40 disappearing is named
    expect(held(state, 'p', 'w')).toMatchObject({ quantity: 0, lots: [] });
    expect(state.differences).toEqual([expect.objectContaining({ reported: 0, computed: 40, difference: -40 })]);
  });

  it('calls a position as reported on the date of its report, derived from it after', () => {
    // Given 100 reported on 2024-03-01, then 10 bought on 2024-03-05
    const given = givenFacts([reported('2024-03-01', 'q', 'common', 100), buy('2024-03-05', 'q', 10)]);
    // Then on 2024-03-01 the 100 is as reported; on 2024-03-05 the 110 is derived from the report and the purchase
    expect(given.security('q', 'common', '2024-03-01')).toMatchObject({ quantity: 100, basis: 'reported' });
    expect(given.security('q', 'common', '2024-03-05')).toMatchObject({ quantity: 110, basis: 'derived' });
  });
});

describe("a filing's breakdown closes what it leaves out", () => {
  it('closes a position held, names what the transactions gave, and skips one already at zero', () => {
    // Given p bought 100 common and holds 50 warrants; r bought 20 and sold 20, and holds 5 warrants;
    // s bought 10 and sold 30; then each is reported with the warrants only, as of 2024-03-01
    const state = givenFacts([
      buy('2024-01-10', 'p', 100),
      warrants('2024-01-11', 'p', 'w', 50, null),
      buy('2024-01-10', 'r', 20),
      sell('2024-01-12', 'r', 20),
      warrants('2024-01-13', 'r', 'w', 5, null),
      buy('2024-01-10', 's', 10),
      sell('2024-01-12', 's', 30),
      warrants('2024-01-13', 's', 'w', 5, null),
      reported('2024-03-01', 'p', 'w', 50),
      reported('2024-03-01', 'r', 'w', 5),
      reported('2024-03-01', 's', 'w', 5),
    ]).ledger();
    // Then p's common is closed: 0 reported against 100, and s's against 10 - 30 = -20
    const closings = state.differences.filter((d) => d.asOf === '2024-03-01');
    expect(closings).toEqual([
      expect.objectContaining({ personId: 'p', securityId: 'common', reported: 0, computed: 100, difference: -100 }),
      expect.objectContaining({ personId: 's', securityId: 'common', reported: 0, computed: -20, difference: 20 }),
    ]);
    const common = held(state, 'p', 'common');
    expect(common).toMatchObject({ quantity: 0, lots: [], changedSinceReport: false });
    expect(common.lastReport).toMatchObject({ asOf: '2024-03-01', quantity: 0 });
    const closed = logOf(state, 'p', 'common').at(-1)!;
    expect([closed.kind, closed.change, closed.quantityAfter, closed.note]).toEqual([
      'reported',
      -100,
      0,
      "not in the filing's breakdown as of 2024-03-01: closed; transactions give 100: -100 unexplained",
    ]);
    expect(logOf(state, 's', 'common').at(-1)?.note).toBe(
      "not in the filing's breakdown as of 2024-03-01: closed; transactions give -20: 20 unexplained",
    );
    // And r's common, bought and sold to zero, is not closed again: its last change is the sale
    expect(logOf(state, 'r', 'common').map((e) => e.kind)).toEqual(['transaction', 'transaction']);
  });
  it('closes options vested but never granted with no gap named', () => {
    // Given 25 options vesting for p, whose grant the ledger never saw; then a filing listing only p's common
    const state = givenFacts([vested('2024-02-01', 'p', 25), reported('2024-03-01', 'p', 'common', 10)]).ledger();
    // Then nothing was there to vest (0 vested), and the filing closes the empty position: 0 against 0, no gap
    // (the closing logs its change as -0, the negation of a zero holding: compared by size)
    expect(logOf(state, 'p', 'opt').map((e) => [e.kind, Math.abs(e.change), e.note])).toEqual([
      ['transaction', 0, '0 vested'],
      ['reported', 0, "not in the filing's breakdown as of 2024-03-01: closed"],
    ]);
    expect(held(state, 'p', 'opt')).toMatchObject({ quantity: 0, lots: [] });
    expect(state.differences).toEqual([]);
  });
});

describe('vesting', () => {
  it('vests the unvested lots in order into a lot exercisable from the vesting date', () => {
    // Given options on 100 unvested, 40 exercisable from 2024-01-15, 50 unvested
    const given = givenFacts([
      options('2024-01-10', 'p', 100, null),
      options('2024-01-15', 'p', 40, '2024-01-15'),
      options('2024-01-20', 'p', 50, null),
      vested('2024-03-01', 'p', 120),
      vested('2024-04-01', 'p', 50),
    ]);
    // When 120 vest: all of the first 100 and 20 of the 50; the 40 already exercisable are left alone
    expect(held(given.ledger('2024-03-01'), 'p', 'opt').lots).toEqual([
      { quantity: 40, exercisableFrom: '2024-01-15' },
      { quantity: 50 - 20, exercisableFrom: NOT_YET_EXERCISABLE },
      { quantity: 120, exercisableFrom: '2024-03-01' },
    ]);
    // And of 50 more, only the 30 unvested can vest
    const state = given.ledger();
    expect(held(state, 'p', 'opt').lots).toEqual([
      { quantity: 40, exercisableFrom: '2024-01-15' },
      { quantity: 120, exercisableFrom: '2024-03-01' },
      { quantity: 30, exercisableFrom: '2024-04-01' },
    ]);
    expect(held(state, 'p', 'opt').quantity).toBe(190);
    const vestings = logOf(state, 'p', 'opt').filter((e) => e.eventType === 'OptionsVested');
    expect(vestings.map((e) => [e.kind, e.change, e.note])).toEqual([
      ['transaction', 0, '120 vested'],
      ['transaction', 0, '30 vested'],
    ]);
  });
});

describe('splits', () => {
  const split = { type: 'StockSplit', data: { ...on('2024-06-01'), from: 2, to: 3 } } as DomainEventInput;
  const preferred = {
    type: 'PreferredIssued',
    data: { ...on('2024-01-10'), personId: 'p', securityId: 'pref', shares: 100, purchasePrice: null },
  } as DomainEventInput;
  const note = {
    type: 'ConvertibleNoteIssued',
    data: {
      ...on('2024-01-10'),
      personId: 'p',
      securityId: 'note',
      principal: 5_000,
      conversionPrice: null,
      interestRatePercent: null,
    },
  } as DomainEventInput;

  it('converts a reported count of shares, not of preferred or note principal, into the basis before a split', () => {
    // Given 1,000 common, 100 preferred and a 5,000 note; a 3-for-2 split on 2024-06-01; a filing of 2024-07-01
    // stating the holding as of 2024-05-01: 1,500 common (post-split: 1,500 x 2/3 = 1,000), 100 preferred, 5,000
    const given = givenFacts([
      buy('2024-01-10', 'p', 1_000),
      preferred,
      note,
      reported('2024-05-01', 'p', 'common', 1_500, { disclosedOn: '2024-07-01' }),
      reported('2024-05-01', 'p', 'pref', 100, { disclosedOn: '2024-07-01' }),
      reported('2024-05-01', 'p', 'note', 5_000, { disclosedOn: '2024-07-01' }),
      split,
    ]);
    // Then before the split every report agrees with the transactions
    const before = given.ledger('2024-05-31');
    expect(before.differences).toEqual([]);
    expect(['common', 'pref', 'note'].map((s) => held(before, 'p', s).quantity)).toEqual([1_000, 100, 5_000]);
    // And after it the common is 1,000 x 3/2 = 1,500, the preferred and the note unchanged
    const after = given.ledger();
    expect(['common', 'pref', 'note'].map((s) => held(after, 'p', s).quantity)).toEqual([1_500, 100, 5_000]);
    expect(after.differences).toEqual([]);
    const logged = logOf(after, 'p', 'common').at(-1)!;
    expect([logged.kind, logged.change, logged.note]).toEqual(['split', 500, 'split 3-for-2']);
    expect(logOf(after, 'p', 'pref').map((e) => e.kind)).not.toContain('split');
  });

  it('merges the lots of common into one, keeps warrant lots apart, and leaves a zero position unlogged', () => {
    // Given p's 100 common reported exercisable from 2024-01-01 and 50 bought; q's 10 common likewise reported;
    // warrants on 20 and 30 exercisable from different dates; r bought 8 and sold 8
    const state = givenFacts([
      reported('2024-05-01', 'p', 'common', 100, { exercisableFrom: '2024-01-01' }),
      buy('2024-05-10', 'p', 50),
      reported('2024-05-01', 'q', 'common', 10, { exercisableFrom: '2024-01-01' }),
      warrants('2024-05-11', 'p', 'w', 20, '2024-07-01'),
      warrants('2024-05-12', 'p', 'w', 30, '2024-09-01'),
      buy('2024-05-10', 'r', 8),
      sell('2024-05-11', 'r', 8),
      split,
    ]).ledger();
    // Then p's common is one lot of 100 x 3/2 + 50 x 3/2 = 225; q's single lot keeps its date (10 x 3/2 = 15)
    expect(held(state, 'p', 'common').lots).toEqual([{ quantity: 225, exercisableFrom: null }]);
    expect(held(state, 'q', 'common').lots).toEqual([{ quantity: 15, exercisableFrom: '2024-01-01' }]);
    // And the warrants are 30 and 45 in their own lots
    expect(held(state, 'p', 'w').lots).toEqual([
      { quantity: 30, exercisableFrom: '2024-07-01' },
      { quantity: 45, exercisableFrom: '2024-09-01' },
    ]);
    // And r's zero position has no split entry
    expect(logOf(state, 'r', 'common').map((e) => e.kind)).toEqual(['transaction', 'transaction']);
    expect(state.splitFactor).toBe(1.5);
    expect(state.splitsApplied).toBe(1);
  });
});
