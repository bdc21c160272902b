import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/facts.js';
import { groupsAt } from '../../projections/groups.js';
import { holdingsFromEnvelopes } from '../../projections/holdings-at.js';
import type { Envelope } from '../../src/domain/index.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

const purchase = (shares: number, date: string, disclosedOn = date) =>
  ({ type: 'SharesPurchased', data: { ...on(date, disclosedOn), personId: 'fund', shares, method: 'open-market', pricePerShare: null, totalPrice: null } }) as const;

describe('the three clocks', () => {
  const [first, second] = envelopes([purchase(1_000, '2024-01-10'), purchase(500, '2024-02-10', '2024-03-01')], '2024-03-02T00:00:00.000Z');
  const log: Envelope[] = [first!, second!];

  it('folds by effective date with asOf, and by disclosure date with filedBy', () => {
    // Given 1,000 shares bought 2024-01-10 and 500 bought 2024-02-10, disclosed 2024-03-01
    const owned = (clocks: Parameters<typeof holdingsFromEnvelopes>[1]) => holdingsFromEnvelopes(log, clocks).holders[0]?.aggregate ?? 0;
    // Then
    expect(owned({ asOf: '2024-02-09' })).toBe(1_000);
    expect(owned({ asOf: '2024-02-10' })).toBe(1_500);
    expect(owned({ asOf: '2024-02-10', filedBy: '2024-02-29' })).toBe(1_000);
    expect(owned({ asOf: '2024-02-10', filedBy: '2024-03-01' })).toBe(1_500);
  });

  describe('a correction recorded later', () => {
    const [correction] = envelopes([{ type: 'EventCorrected', data: { eventId: first!.id, set: { shares: 1_200 }, reason: 'the filing said 1,200' } }], '2024-04-01T00:00:00.000Z', 10);
    const corrected = [...log, correction!];

    it('applies from its recorded time on, and recordedBy before it shows the old belief', () => {
      const owned = (recordedBy: string | null) => holdingsFromEnvelopes(corrected, { asOf: '2024-12-31', recordedBy }).holders[0]!.aggregate;
      expect(owned(null)).toBe(1_200 + 500);
      expect(owned('2024-03-31T23:59:59.999Z')).toBe(1_000 + 500);
      expect(owned('2024-04-01T00:00:00.000Z')).toBe(1_200 + 500);
      expect(selectFacts(corrected).find((f) => f.id === first!.id)?.corrections).toEqual(['the filing said 1,200']);
    });

    it('does not mutate the stored event', () => {
      holdingsFromEnvelopes(corrected, { asOf: '2024-12-31' });
      expect(first!.event.data).toMatchObject({ shares: 1_000 });
    });
  });

  describe('a retraction recorded later', () => {
    const [retraction] = envelopes([{ type: 'EventRetracted', data: { eventId: second!.id, reason: 'entered twice' } }], '2024-05-01T00:00:00.000Z', 20);
    const retracted = [...log, retraction!];

    it('removes the event from then on; before then it still counts', () => {
      const owned = (recordedBy: string | null) => holdingsFromEnvelopes(retracted, { asOf: '2024-12-31', recordedBy }).holders[0]!.aggregate;
      expect(owned(null)).toBe(1_000);
      expect(owned('2024-04-30T00:00:00.000Z')).toBe(1_500);
    });
  });
});

describe('group membership over time', () => {
  const history = envelopes([
    { type: 'GroupFormed', data: { ...on('2024-01-01'), groupId: 'g', memberIds: ['a', 'b'] } },
    { type: 'GroupMemberJoined', data: { ...on('2024-02-01'), groupId: 'g', personId: 'c' } },
    { type: 'GroupMemberLeft', data: { ...on('2024-03-01'), groupId: 'g', personId: 'a' } },
  ]);
  const members = (asOf: string) => groupsAt(selectFacts(history), asOf).members.map((m) => `${m.personId}@${m.since}`);

  it('has no members before it is formed', () => expect(members('2023-12-31')).toEqual([]));
  it('has the founders from formation', () => expect(members('2024-01-01')).toEqual(['a@2024-01-01', 'b@2024-01-01']));
  it('adds a joiner from the day they join', () => expect(members('2024-02-01')).toEqual(['a@2024-01-01', 'b@2024-01-01', 'c@2024-02-01']));
  it('drops a leaver from the day they leave', () => expect(members('2024-03-01')).toEqual(['b@2024-01-01', 'c@2024-02-01']));

  it('shows the five Ault Alliance reporting persons as a group on 2024-07-23 and the joint filing agreement from 2024-07-24', () => {
    const facts = selectFacts(sampleEnvelopes());
    expect(groupsAt(facts, '2024-07-23').members).toHaveLength(5);
    expect(groupsAt(facts, '2024-07-23').jointFilingAgreements).toEqual([]);
    expect(groupsAt(facts, '2024-07-24').jointFilingAgreements[0]?.partyIds).toHaveLength(5);
  });
});
