import { describe, expect, it } from 'vitest';
import { auditIndex, originalFacts, retractedFacts } from '../../projections/timeline/audit-index.js';
import type { DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Given two purchases disclosed on 2024-07-25 (100 and 200 shares), recorded at the start of 2024-08-01
const purchase = (shares: number): DomainEventInput => ({
  type: 'SharesPurchased',
  data: {
    ...on('2024-06-17', '2024-07-25'),
    personId: 'holder',
    shares,
    method: 'open-market',
    pricePerShare: 1,
    totalPrice: null,
  },
});
const base = givenFacts([purchase(100), purchase(200)]);
const [first, second] = base.log;
const correct = (eventId: string, set: Record<string, string | number>, reason: string): DomainEventInput => ({
  type: 'EventCorrected',
  data: { eventId, set, reason },
});
const retract = (eventId: string, reason: string): DomainEventInput => ({
  type: 'EventRetracted',
  data: { eventId, reason },
});

describe('the audit index', () => {
  // And the first corrected to 150 on 2024-08-02, then to 175 with its quote on 2024-08-03; the second retracted
  // on 2024-08-04, and again (with another reason) on 2024-08-05
  const log = base
    .and([correct(first!.id, { shares: 150 }, 'typo')], '2024-08-02T00:00:00.000Z')
    .and(
      [correct(first!.id, { shares: 175, 'source.quote': 'purchased 175' }, 'second look')],
      '2024-08-03T00:00:00.000Z',
    )
    .and([retract(second!.id, 'not a trade')], '2024-08-04T00:00:00.000Z')
    .and([retract(second!.id, 'still not a trade')], '2024-08-05T00:00:00.000Z').log;

  it('records each correction with the values it replaced, oldest first', () => {
    const record = auditIndex(log).records.get(first!.id)!;
    expect(record.corrections.map((c) => [c.before, c.set, c.reason, c.recordedAt])).toEqual([
      [{ shares: 100 }, { shares: 150 }, 'typo', '2024-08-02T00:00:00.000Z'],
      [
        { shares: 150, 'source.quote': 'test' },
        { shares: 175, 'source.quote': 'purchased 175' },
        'second look',
        '2024-08-03T00:00:00.000Z',
      ],
    ]);
    expect((record.original.data as { shares: number }).shares).toBe(100);
    expect((record.current.data as { shares: number }).shares).toBe(175);
    expect(record.retraction).toBeNull();
  });

  it('keeps the first retraction of a fact', () => {
    expect(auditIndex(log).records.get(second!.id)!.retraction).toEqual({
      reason: 'not a trade',
      recordedAt: '2024-08-04T00:00:00.000Z',
    });
  });

  it('holds only what was recorded by the instant asked, that instant included', () => {
    const at = (recordedBy: string) => auditIndex(log, { recordedBy }).records;
    expect([...at('2024-08-01T23:59:59.999Z').keys()]).toEqual([]);
    expect(
      at('2024-08-02T00:00:00.000Z')
        .get(first!.id)!
        .corrections.map((c) => c.reason),
    ).toEqual(['typo']);
    expect(
      at('2024-08-03T00:00:00.000Z')
        .get(first!.id)!
        .corrections.map((c) => c.reason),
    ).toEqual(['typo', 'second look']);
    expect(at('2024-08-03T23:59:59.999Z').has(second!.id)).toBe(false);
  });

  it('holds only facts disclosed by the filing date asked, on the corrected date', () => {
    // Given the first fact's disclosure corrected to 2024-07-30
    const moved = givenFacts([purchase(100)]);
    const corrected = moved.and([correct(moved.log[0]!.id, { disclosedOn: '2024-07-30' }, 'filed later')]).log;
    expect(auditIndex(corrected, { filedBy: '2024-07-29' }).records.size).toBe(0);
    expect(auditIndex(corrected, { filedBy: '2024-07-30' }).records.size).toBe(1);
  });

  it('ignores a correction of an event it does not know', () => {
    const stray = base.and([correct('00000000-0000-4000-8000-ffffffffffff', { shares: 1 }, 'stray')]).log;
    expect(auditIndex(stray).records.size).toBe(0);
  });

  it('gives the retracted facts, corrected, and the corrected ones as first recorded', () => {
    // Given also the retracted second fact corrected to 250 before its retraction
    const both = givenFacts([purchase(100), purchase(200)]);
    const [a, b] = both.log;
    const audit = auditIndex(
      both.and([
        correct(a!.id, { shares: 150 }, 'typo'),
        correct(b!.id, { shares: 250 }, 'typo'),
        retract(b!.id, 'not a trade'),
      ]).log,
    );
    expect(
      retractedFacts(audit).map((f) => [f.id, (f.event.data as { shares: number }).shares, f.corrections]),
    ).toEqual([[b!.id, 250, ['typo']]]);
    const originals = originalFacts(audit);
    expect([...originals.keys()]).toEqual([a!.id]);
    expect(originals.get(a!.id)).toMatchObject({ corrections: [], event: { data: { shares: 100 } } });
  });
});
