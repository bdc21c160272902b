import { describe, expect, it } from 'vitest';
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import {
  commonSharesOf,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  foldRank,
  isFact,
  isRestatable,
  knownPersonIds,
  personsNamedBy,
  validateEvent,
  type FactEvent,
} from '../../src/domain/index.js';

const sample = aultAllianceHistory()
  .events.map((e) => validateEvent(e))
  .filter(isFact);
const first = <T extends FactEvent['type']>(type: T) =>
  sample.find((e) => e.type === type) as Extract<FactEvent, { type: T }>;

describe('the event catalogue', () => {
  it('has traits for every fact type the schemas define, and for nothing else', () => {
    const factTypes = EVENT_TYPES.filter((t) => t !== 'EventCorrected' && t !== 'EventRetracted').sort();
    expect(Object.keys(EVENT_CATALOGUE).sort()).toEqual(factTypes);
  });

  it('orders a date: statements and definitions, then transactions, then figures reported as of it', () => {
    expect([foldRank('StatementFiled'), foldRank('PersonIdentified'), foldRank('ControlEstablished')]).toEqual([
      0, 0, 0,
    ]);
    expect([foldRank('SharesPurchased'), foldRank('StockSplit'), foldRank('ExchangeCapSet')]).toEqual([1, 1, 1]);
    expect([
      foldRank('PositionReported'),
      foldRank('BeneficialOwnershipReported'),
      foldRank('SharesOutstandingReported'),
    ]).toEqual([2, 2, 2]);
  });

  it('merges restated transactions and definitions, never a filing or the figures it states as of its own date', () => {
    expect(
      ['SharesPurchased', 'PersonIdentified', 'GroupFormed'].map((t) => isRestatable(t as FactEvent['type'])),
    ).toEqual([true, true, true]);
    expect(
      ['StatementFiled', 'PositionReported', 'BeneficialOwnershipReported', 'SharesOutstandingReported'].map((t) =>
        isRestatable(t as FactEvent['type']),
      ),
    ).toEqual([false, false, false, false]);
  });

  it('gives each trade its effect on common shares: the 10,000-share purchase of 2024-06-17 adds 10,000, a sale takes', () => {
    const purchase = sample.find((e) => e.type === 'SharesPurchased' && e.data.shares === 10_000)!;
    expect(commonSharesOf(purchase)).toBe(10_000);
    expect(
      commonSharesOf({ ...purchase, type: 'SharesSold', data: { ...purchase.data, shares: 500 } } as FactEvent),
    ).toBe(-500);
    expect(commonSharesOf(first('PreferredIssued'))).toBe(0);
  });

  it('names the persons a statement names on its cover pages and in its notice block', () => {
    const statement = sample.find((e) => e.type === 'StatementFiled' && e.data.contentsKnown)!;
    expect(new Set(personsNamedBy(statement))).toEqual(
      new Set(['ault-and-company', 'milton-c-ault-iii', 'william-b-horne', 'henry-c-w-nisser', 'kenneth-s-cragun']),
    );
    expect(personsNamedBy(first('ControlEstablished'))).toEqual(['milton-c-ault-iii', 'ault-and-company']);
  });

  it("knows the sample's five reporting persons and no one else", () => {
    const envelopes = sample.map((event, i) => ({
      id: String(i),
      event,
      recordedAt: '2024-08-01T00:00:00.000Z',
      position: i,
    }));
    expect([...knownPersonIds(envelopes)].sort()).toEqual([
      'ault-and-company',
      'henry-c-w-nisser',
      'kenneth-s-cragun',
      'milton-c-ault-iii',
      'william-b-horne',
    ]);
  });
});
