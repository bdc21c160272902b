/**
 * The positions fold (projections/folds/positions.ts) event by event, read from its state: notes issued, converted
 * and repaid, RSUs, preferred, warrants and options, shares outstanding and exchange caps in the basis of their
 * effective date, persons and control, and a copy that later folding of the original cannot change.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEventInput } from '../../src/domain/index.js';
import type { Fact } from '../../projections/timeline/facts.js';
import { EMPTY_CONTEXT } from '../../projections/timeline/fold-context.js';
import {
  cloneLedgerState,
  evolveLedger,
  initialLedgerState,
  NOT_YET_EXERCISABLE,
  positionsFold,
  positionsLogFold,
  type LedgerState,
} from '../../projections/folds/positions.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

const quantity = (state: LedgerState, personId: string, securityId: string) =>
  state.positions.get(`${personId}|${securityId}`)?.quantity;

const noteIssued = (date: string, principal: number, conversionPrice: number | null): DomainEventInput => ({
  type: 'ConvertibleNoteIssued',
  data: { ...on(date), personId: 'p', securityId: 'note', principal, conversionPrice, interestRatePercent: null },
});

const repaid = (date: string, principalRepaid: number | null): DomainEventInput => ({
  type: 'ConvertibleNoteRepaid',
  data: { ...on(date), personId: 'p', securityId: 'note', principalRepaid },
});

const described = (securityId: string, kind: string, extra: Record<string, unknown> = {}): DomainEventInput =>
  ({
    type: 'SecurityDescribed',
    data: {
      ...on('2024-01-01'),
      securityId,
      title: `the ${securityId}`,
      kind,
      statedValue: null,
      conversionPrice: null,
      conversionPriceFloor: null,
      sharesPerUnit: null,
      exercisableFrom: null,
      expiresOn: null,
      ...extra,
    },
  }) as DomainEventInput;

/** A 1-for-10 reverse split effective 2024-06-01. */
const reverseSplit: DomainEventInput = { type: 'StockSplit', data: { ...on('2024-06-01'), from: 10, to: 1 } };

describe('convertible notes', () => {
  it('takes the conversion price from the first issue that states one, unless the terms already do', () => {
    // Given a note issued without a price, then with $0.50, then with $0.70;
    // another note described at $0.40, issued at $0.60
    const state = givenFacts([
      noteIssued('2024-01-10', 1_000, null),
      noteIssued('2024-01-20', 2_000, 0.5),
      noteIssued('2024-01-30', 3_000, 0.7),
      described('note-b', 'convertible-note', { conversionPrice: 0.4 }),
      {
        type: 'ConvertibleNoteIssued',
        data: {
          ...on('2024-02-01'),
          personId: 'q',
          securityId: 'note-b',
          principal: 500,
          conversionPrice: 0.6,
          interestRatePercent: null,
        },
      } as DomainEventInput,
    ]).ledger();
    // Then the first note's price is the first stated ($0.50) and its principal 1,000 + 2,000 + 3,000
    expect(state.securities.get('note')).toMatchObject({ kind: 'convertible-note', conversionPrice: 0.5 });
    expect(quantity(state, 'p', 'note')).toBe(6_000);
    // And the described note keeps its $0.40
    expect(state.securities.get('note-b')).toMatchObject({ conversionPrice: 0.4, title: 'the note-b' });
  });

  it('states a note price disclosed after a 1-for-10 split in the basis before it', () => {
    // Given a note issued on 2024-05-01, disclosed on 2024-07-01 at $2.00 a share (post-split)
    const state = givenFacts([
      {
        type: 'ConvertibleNoteIssued',
        data: {
          ...on('2024-05-01', '2024-07-01'),
          personId: 'p',
          securityId: 'note',
          principal: 1_000,
          conversionPrice: 2,
          interestRatePercent: null,
        },
      } as DomainEventInput,
      reverseSplit,
    ]).ledger('2024-05-31');
    // Then before the split the price is $2.00 x 1/10 = $0.20 a share, and the principal is untouched
    expect(state.securities.get('note')?.conversionPrice).toBeCloseTo(0.2, 10);
    expect(quantity(state, 'p', 'note')).toBe(1_000);
  });

  it('converts principal into common, and repays part, all, or no more than is left', () => {
    // Given 10,000 of principal; 4,000 converted into 8,000 shares; 1,000 repaid; then the rest repaid (null);
    // a second holder's 500 note repaid with 900
    const given = givenFacts([
      noteIssued('2024-01-10', 10_000, 0.5),
      {
        type: 'ConvertibleNoteConverted',
        data: {
          ...on('2024-02-01'),
          personId: 'p',
          securityId: 'note',
          principalConverted: 4_000,
          sharesIssued: 8_000,
        },
      },
      repaid('2024-03-01', 1_000),
      repaid('2024-04-01', null),
      {
        type: 'ConvertibleNoteIssued',
        data: {
          ...on('2024-01-10'),
          personId: 'q',
          securityId: 'note',
          principal: 500,
          conversionPrice: null,
          interestRatePercent: null,
        },
      } as DomainEventInput,
      {
        type: 'ConvertibleNoteRepaid',
        data: { ...on('2024-03-01'), personId: 'q', securityId: 'note', principalRepaid: 900 },
      },
    ]);
    // Then after the conversion 10,000 - 4,000 = 6,000 of principal and 8,000 common shares
    const converted = given.ledger('2024-02-01');
    expect([quantity(converted, 'p', 'note'), quantity(converted, 'p', 'common')]).toEqual([6_000, 8_000]);
    // And 6,000 - 1,000 = 5,000 after the part repaid, then none
    expect(quantity(given.ledger('2024-03-01'), 'p', 'note')).toBe(5_000);
    const state = given.ledger();
    expect(quantity(state, 'p', 'note')).toBe(0);
    // And q's repayment of 900 takes only the 500 held, named as no oversale
    expect(quantity(state, 'q', 'note')).toBe(0);
    expect(state.differences).toEqual([]);
    const repayments = (state.log ?? []).filter((e) => e.eventType === 'ConvertibleNoteRepaid');
    expect(repayments.map((e) => [e.personId, e.change])).toEqual([
      ['p', -1_000],
      ['q', -500],
      ['p', -5_000],
    ]);
  });

  it('logs the repayment of a note it never saw issued as a change of 0, never -0', () => {
    // Given only a repayment of p's note: p held none of it
    const state = givenFacts([repaid('2024-03-01', 1_000)]).ledger();
    // Then nothing is held, and the change logged is 0 (a table would print -0 as "-0")
    expect(quantity(state, 'p', 'note')).toBe(0);
    const [entry] = (state.log ?? []).filter((e) => e.eventType === 'ConvertibleNoteRepaid');
    expect(Object.is(entry?.change, 0)).toBe(true);
  });
});

describe('issued securities and common', () => {
  it('adds RSUs, preferred, warrants and options with their terms and prices in the basis before a split', () => {
    // Given, disclosed on 2024-07-01 after a 1-for-10 split (2024-06-01), facts of 2024-05-01: 30 RSU shares,
    // 20 preferred, warrants on 40 at $5.00, options on 50 at $3.00 not yet exercisable, a purchase of 60 at $1.00
    const late = on('2024-05-01', '2024-07-01');
    const state = givenFacts([
      { type: 'RsusVested', data: { ...late, personId: 'p', sharesIssued: 30 } },
      {
        type: 'PreferredIssued',
        data: { ...late, personId: 'p', securityId: 'pref', shares: 20, purchasePrice: null },
      },
      {
        type: 'WarrantsIssued',
        data: {
          ...late,
          personId: 'p',
          securityId: 'w',
          shares: 40,
          exercisePrice: 5,
          exercisableFrom: '2024-11-01',
          expiresOn: null,
        },
      },
      {
        type: 'OptionsGranted',
        data: {
          ...late,
          personId: 'p',
          securityId: 'opt',
          shares: 50,
          exercisePrice: 3,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      {
        type: 'SharesPurchased',
        data: { ...late, personId: 'p', shares: 60, method: 'open-market', pricePerShare: 1, totalPrice: null },
      },
      reverseSplit,
    ]).ledger('2024-05-31');
    // Then counts are x 10 (30 + 60 = 90 common shares, 900 before the split), preferred shares are not, prices / 10
    expect(quantity(state, 'p', 'common')).toBe(900);
    expect(quantity(state, 'p', 'pref')).toBe(20);
    expect(state.securities.get('pref')?.kind).toBe('convertible-preferred');
    expect(state.positions.get('p|w')?.lots).toEqual([{ quantity: 400, exercisableFrom: '2024-11-01' }]);
    expect(state.securities.get('w')?.kind).toBe('warrant');
    expect(state.positions.get('p|opt')?.lots).toEqual([{ quantity: 500, exercisableFrom: NOT_YET_EXERCISABLE }]);
    expect(state.securities.get('opt')?.kind).toBe('option');
    const prices = new Map((state.log ?? []).map((e) => [e.eventType, e.pricePerShare]));
    expect(prices.get('RsusVested')).toBeNull();
    expect(prices.get('WarrantsIssued')).toBeCloseTo(0.5, 10);
    expect(prices.get('OptionsGranted')).toBeCloseTo(0.3, 10);
    expect(prices.get('SharesPurchased')).toBeCloseTo(0.1, 10);
  });

  it('adds and takes common shares by purchases and sales', () => {
    // Given 100 bought and 40 sold
    const state = givenFacts([
      {
        type: 'SharesPurchased',
        data: { ...on('2024-01-10'), personId: 'p', shares: 100, method: 'other', pricePerShare: 2, totalPrice: null },
      },
      {
        type: 'SharesSold',
        data: { ...on('2024-01-20'), personId: 'p', shares: 40, method: 'other', pricePerShare: 3, totalPrice: null },
      },
    ]).ledger();
    // Then 100 - 40 = 60 are held, each change logged with its price
    expect(quantity(state, 'p', 'common')).toBe(60);
    expect((state.log ?? []).map((e) => [e.change, e.pricePerShare])).toEqual([
      [100, 2],
      [-40, 3],
    ]);
  });
});

describe('terms, persons, control, shares outstanding, caps', () => {
  it('keeps terms, persons and control, and folds group and joint-filing facts without a change', () => {
    // Given a warrant described as 2 shares a unit, from 2024-07-01, at $0.30; persons; control established and ended
    const control = (type: 'ControlEstablished' | 'ControlEnded', date: string, controllerId: string) =>
      ({
        type,
        data: {
          ...on(date),
          controllerId,
          entityId: 'fund',
          ...(type === 'ControlEstablished' ? { relationship: 'GP' } : {}),
        },
      }) as DomainEventInput;
    const given = givenFacts([
      described('w', 'warrant', { sharesPerUnit: 2, exercisableFrom: '2024-07-01', conversionPrice: 0.3 }),
      described('pref', 'convertible-preferred', { statedValue: 1_000 }),
      {
        type: 'PersonIdentified',
        data: {
          ...on('2024-01-01'),
          personId: 'fund',
          name: 'The Fund',
          kind: 'entity',
          typeOfReportingPerson: ['PN'],
          citizenshipOrPlace: null,
          cik: null,
        },
      },
      control('ControlEstablished', '2024-01-05', 'gp'),
      control('ControlEstablished', '2024-01-06', 'adviser'),
      { type: 'GroupFormed', data: { ...on('2024-01-07'), groupId: 'g', memberIds: ['fund'] } },
      { type: 'GroupMemberJoined', data: { ...on('2024-01-08'), groupId: 'g', personId: 'gp' } },
      { type: 'GroupMemberLeft', data: { ...on('2024-01-09'), groupId: 'g', personId: 'gp' } },
      { type: 'JointFilingAgreementSigned', data: { ...on('2024-01-09'), partyIds: ['fund', 'gp'] } },
      control('ControlEnded', '2024-02-01', 'gp'),
      { type: 'ControlEnded', data: { ...on('2024-02-02'), controllerId: 'gp', entityId: 'nobody' } },
    ]);
    const state = given.ledger();
    // Then the warrant's terms are as described (units of 2 shares) and the preferred's stated value kept
    expect(state.securities.get('w')).toMatchObject({
      kind: 'warrant',
      sharesPerUnit: 2,
      exercisableFrom: '2024-07-01',
      conversionPrice: 0.3,
      factorAtTerms: 1,
    });
    expect(state.securities.get('pref')).toMatchObject({ statedValue: 1_000, sharesPerUnit: 1 });
    expect(state.persons.get('fund')).toEqual({ name: 'The Fund', kind: 'entity' });
    // And the fund is controlled by both until 2024-02-01, then by the adviser only (ending an unknown one: no-op)
    expect([...(given.ledger('2024-01-31').controls.get('fund') ?? [])]).toEqual([
      ['gp', '2024-01-05'],
      ['adviser', '2024-01-06'],
    ]);
    expect([...(state.controls.get('fund') ?? [])]).toEqual([['adviser', '2024-01-06']]);
    expect(state.controls.has('nobody')).toBe(false);
    expect(state.positions.size).toBe(0);
  });

  it('states shares outstanding and a cap base disclosed after a split in the basis before it', () => {
    // Given, as of 2024-05-01 and disclosed on 2024-07-01 after a 1-for-10 split: 5,000 outstanding, a 19.99%
    // cap on 4,000; a cap with no base; then on 2024-08-01 the first cap lifted, and an unknown one
    const late = on('2024-05-01', '2024-07-01');
    const cap = (capId: string, base: number | null): DomainEventInput => ({
      type: 'ExchangeCapSet',
      data: { ...late, capId, capPercent: 19.99, baseSharesOutstanding: base, securityIds: ['pref'], exchange: 'NYSE' },
    });
    const lifted = (capId: string): DomainEventInput => ({
      type: 'ExchangeCapLifted',
      data: { ...on('2024-08-01'), capId, approvedBy: 'stockholders' },
    });
    const given = givenFacts([
      { type: 'SharesOutstandingReported', data: { ...late, count: 5_000, reportedBy: '10-Q' } },
      cap('cap', 4_000),
      cap('open', null),
      reverseSplit,
      lifted('cap'),
      lifted('unknown'),
    ]);
    // Then before the split: 5,000 x 10 = 50,000 outstanding; the cap's base 4,000 x 10 = 40,000
    const before = given.ledger('2024-05-31');
    expect(before.sharesOutstanding).toMatchObject({ count: 50_000, asOf: '2024-05-01', reportedBy: '10-Q' });
    expect(before.sharesOutstanding?.factorAtReport).toBe(1);
    expect(before.caps.get('cap')).toEqual({
      capPercent: 19.99,
      baseSharesOutstanding: 40_000,
      securityIds: ['pref'],
      liftedOn: null,
    });
    expect(before.caps.get('open')?.baseSharesOutstanding).toBeNull();
    // And after: the first cap lifted on 2024-08-01, nothing made of the unknown one
    const after = given.ledger();
    expect(after.caps.get('cap')?.liftedOn).toBe('2024-08-01');
    expect([...after.caps.keys()]).toEqual(['cap', 'open']);
  });
});

describe('the fold and its copies', () => {
  it('keeps a change log only in the log fold', () => {
    expect(initialLedgerState().log).toBeNull();
    expect(positionsFold.initialState().log).toBeNull();
    expect(positionsLogFold.initialState().log).toEqual([]);
    expect(initialLedgerState(true)).toMatchObject({ differences: [], splitFactor: 1, splitsApplied: 0 });
    expect(givenFacts([noteIssued('2024-01-10', 1, null)]).ledgerWithoutLog().log).toBeNull();
  });

  it('refuses an event of a type it does not know, naming it', () => {
    // Given a fact whose event slipped past validation with an unknown type
    const fact = { id: 'f', event: { type: 'SharesGifted', data: { shares: 5 } } } as unknown as Fact;
    // Then the fold fails, quoting the event, rather than skipping it
    expect(() => evolveLedger(initialLedgerState(), fact, EMPTY_CONTEXT)).toThrow(
      'Unhandled event {"type":"SharesGifted","data":{"shares":5}}',
    );
  });

  it('copies a state so that folding the original on leaves the copy as it was', () => {
    // Given p with a note and common (two positions), control of p by gp, a change log and a difference
    const given = givenFacts([
      noteIssued('2024-01-10', 1_000, null),
      {
        type: 'SharesPurchased',
        data: {
          ...on('2024-01-11'),
          personId: 'p',
          shares: 10,
          method: 'other',
          pricePerShare: null,
          totalPrice: null,
        },
      },
      {
        type: 'ControlEstablished',
        data: { ...on('2024-01-12'), controllerId: 'gp', entityId: 'p', relationship: 'GP' },
      },
    ]);
    const original = given.ledger();
    // When it is copied, and the original folds on: a repayment, a sale, control ended, a new controller
    const copy = cloneLedgerState(original);
    original.positions.get('p|note')!.quantity = 0;
    original.positionsOf.get('p')!.pop();
    original.controls.get('p')!.delete('gp');
    original.log!.pop();
    const first = copy.log![0]!;
    const { personId, securityId, factId, source } = first;
    original.differences.push({
      personId,
      securityId,
      factId,
      source,
      asOf: first.date,
      reported: 1,
      computed: 0,
      difference: 1,
    });
    // Then the copy still has both positions, as its own objects, its controller, its log and no difference
    expect(copy.positionsOf.get('p')?.map((h) => h.securityId)).toEqual(['note', 'common']);
    expect(copy.positionsOf.get('p')?.[0]).toBe(copy.positions.get('p|note'));
    expect(copy.positions.get('p|note')?.quantity).toBe(1_000);
    expect([...(copy.controls.get('p') ?? [])]).toEqual([['gp', '2024-01-12']]);
    expect(copy.log).toHaveLength(2);
    expect(copy.differences).toEqual([]);
    expect(cloneLedgerState(initialLedgerState(false)).log).toBeNull();
  });
});
