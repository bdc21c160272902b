import { describe, expect, it } from 'vitest';
import * as projections from '../../projections/index.js';
import {
  asTimeline,
  buildTimeline,
  foldAt,
  foldFacts,
  inChainOrder,
  selectFacts,
  type Fact,
  type Fold,
  type Timeline,
} from '../../projections/index.js';
import type { DomainEventInput, Envelope } from '../../src/domain/index.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

/**
 * Every fold the projections export: an object with initialState and evolve (a new fold is tested without listing it).
 */
const FOLDS = Object.entries(projections)
  .filter(([, value]) => typeof value === 'object' && value !== null && 'initialState' in value && 'evolve' in value)
  .map(([name, fold]) => [name, fold as Fold<unknown>] as const);

/** A deterministic mix of every kind of fact the folds read, over five years, for a few persons. */
function syntheticEvents(count: number): DomainEventInput[] {
  const persons = ['fund-a', 'fund-b', 'fund-c'];
  const events: DomainEventInput[] = [];
  let seed = 7;
  // A linear congruential generator; its high bits, as the low ones repeat in short cycles.
  const next = (n: number) =>
    Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * n);
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor((5 * 365 * 86_400_000 * i) / count))
      .toISOString()
      .slice(0, 10);
    // Some facts are disclosed after a later split, in its share basis.
    const fact = next(5) === 0 ? on(day, '2025-06-30') : on(day);
    const personId = persons[next(persons.length)]!;
    const kind = next(16);
    const events3 = [
      {
        type: 'SharesPurchased',
        data: {
          ...fact,
          personId,
          shares: 100 + next(900),
          method: 'open-market',
          pricePerShare: 1.5,
          totalPrice: null,
        },
      },
      {
        type: 'SharesSold',
        data: {
          ...fact,
          personId,
          shares: 10 + next(90),
          method: 'open-market',
          pricePerShare: 1.75,
          totalPrice: null,
        },
      },
      {
        type: 'WarrantsIssued',
        data: {
          ...fact,
          personId,
          securityId: 'warrants',
          shares: 1_000,
          exercisePrice: 2,
          exercisableFrom: day,
          expiresOn: '2027-01-01',
        },
      },
      {
        type: 'OptionsGranted',
        data: {
          ...fact,
          personId,
          securityId: 'options',
          shares: 90,
          exercisePrice: 3,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      { type: 'OptionsVested', data: { ...fact, personId, securityId: 'options', shares: 30 } },
      {
        type: 'PositionReported',
        data: {
          ...fact,
          personId,
          securityId: 'common',
          quantity: 5_000 + next(1_000),
          sharesIssuableReported: null,
          exercisableFrom: null,
        },
      },
      { type: 'SharesOutstandingReported', data: { ...fact, count: 1_000_000 + i, reportedBy: 'issuer' } },
      { type: 'StockSplit', data: { ...fact, from: 2, to: 1 } },
      {
        type: 'ControlEstablished',
        data: { ...fact, controllerId: 'fund-a', entityId: 'fund-c', relationship: 'parent' },
      },
      { type: 'ControlEnded', data: { ...fact, controllerId: 'fund-a', entityId: 'fund-c' } },
      {
        type: 'GroupFormed',
        data: { ...fact, groupId: 'group', memberIds: persons.filter(() => next(2) === 0).concat(personId) },
      },
      { type: 'GroupMemberJoined', data: { ...fact, groupId: 'group', personId } },
      { type: 'GroupMemberLeft', data: { ...fact, groupId: 'group', personId } },
      {
        type: 'JointFilingAgreementSigned',
        data: { ...fact, partyIds: ['fund-a', personId === 'fund-a' ? 'fund-b' : personId] },
      },
      {
        type: 'ExchangeCapSet',
        data: {
          ...fact,
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['warrants'],
          exchange: 'NYSE American',
        },
      },
      { type: 'ExchangeCapLifted', data: { ...fact, capId: 'cap', approvedBy: 'NYSE American' } },
    ];
    // Splits and caps are rare; the rest about as often as each other.
    const pick = kind === 7 && next(4) !== 0 ? 0 : kind;
    events.push(events3[pick] as DomainEventInput);
  }
  return events;
}

const SPLIT: DomainEventInput = { type: 'StockSplit', data: { ...on('2024-01-02', '2024-07-24'), from: 10, to: 1 } };

const HISTORIES: [string, () => Envelope[]][] = [
  ['the bundled sample', () => sampleEnvelopes()],
  ['the bundled sample with a later split', () => [...sampleEnvelopes(), ...envelopes([SPLIT], undefined, 10_000)]],
  ['400 synthetic facts', () => envelopes(syntheticEvents(400))],
];

/** Every date a fact takes effect, the day before each, and dates before and after them all. */
function datesOf(facts: readonly Fact[]): string[] {
  const dates = new Set(['1990-01-01', '2099-12-31']);
  for (const f of facts) {
    const date = f.event.data.effectiveDate;
    dates.add(date);
    dates.add(new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10));
  }
  return [...dates].sort();
}

describe('every fold', () => {
  it('is found among the exports: positions (with and without the log), groups, statement, cover pages', () => {
    expect(FOLDS.map(([name]) => name).sort()).toEqual(
      ['coverPagesFold', 'groupsFold', 'positionsFold', 'positionsLogFold', 'statementFold'].sort(),
    );
  });

  describe.each(FOLDS)('%s', (_, fold) => {
    describe.each(HISTORIES)('over %s', (__, history) => {
      const log = history();
      const replayed = asTimeline(selectFacts(log));
      const dates = datesOf(replayed.facts);

      it('folded from a checkpoint and continued equals a full replay, at every date', () => {
        // Given timelines keeping a checkpoint every 1, 3 and 16 facts
        for (const every of [1, 3, 16]) {
          const checkpointed = buildTimeline(log, {}, { checkpointEvery: every });
          // When each date is asked, latest first (so every query starts from a checkpoint another query passed)
          for (const asOf of [...dates].reverse()) {
            // Then the fold equals the replay of every fact effective by then
            expect(foldAt(checkpointed, asOf, fold)).toEqual(foldAt(replayed, asOf, fold));
          }
          expect(checkpointed.checkpoints.get(fold)?.length ?? 0).toBeGreaterThan(0);
        }
      });

      it('continued from the state after any number of facts equals a full replay, and leaves that state as it was', () => {
        const facts = replayed.facts;
        const full = foldFacts(facts, fold, replayed.context);
        for (let count = 0; count <= facts.length; count += Math.max(1, Math.floor(facts.length / 25))) {
          // Given the state after `count` facts, as a checkpoint keeps it
          const checkpoint = foldFacts(facts, fold, replayed.context, fold.initialState(), 0, count);
          const before = structuredClone(checkpoint);
          // When the fold goes on from it (from a copy where the fold updates its state in place)
          const start = fold.clone === undefined ? checkpoint : fold.clone(checkpoint);
          const continued = foldFacts(facts, fold, replayed.context, start, count);
          // Then it ends where a replay ends, and the checkpoint is untouched
          expect(continued).toEqual(full);
          expect(checkpoint).toEqual(before);
        }
      });
    });

    it('over the amendment chain of the sample (the order the statement folds read), continued equals a replay', () => {
      const chain = inChainOrder(asTimeline(selectFacts(sampleEnvelopes())).statements);
      const full = foldFacts(chain, fold);
      for (let count = 0; count <= chain.length; count++) {
        const state = foldFacts(chain, fold, undefined, fold.initialState(), 0, count);
        const start = fold.clone === undefined ? state : fold.clone(state);
        expect(foldFacts(chain, fold, undefined, start, count)).toEqual(full);
      }
    });
  });

  it('a timeline without checkpoints keeps none', () => {
    const timeline: Timeline = asTimeline(selectFacts(sampleEnvelopes()));
    for (const [, fold] of FOLDS) foldAt(timeline, '2024-07-23', fold);
    expect(timeline.checkpoints.size).toBe(0);
  });
});
