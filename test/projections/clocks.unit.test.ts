import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { groupsAt } from '../../projections/views/groups.js';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import type { Envelope } from '../../src/domain/index.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

const purchase = (shares: number, date: string, disclosedOn = date) =>
  ({
    type: 'SharesPurchased',
    data: {
      ...on(date, disclosedOn),
      personId: 'fund',
      shares,
      method: 'open-market',
      pricePerShare: null,
      totalPrice: null,
    },
  }) as const;

describe('the three clocks', () => {
  const [first, second] = envelopes(
    [purchase(1_000, '2024-01-10'), purchase(500, '2024-02-10', '2024-03-01')],
    '2024-03-02T00:00:00.000Z',
  );
  const log: Envelope[] = [first!, second!];

  it('folds by effective date with asOf, and by disclosure date with filedBy', () => {
    // Given 1,000 shares bought 2024-01-10 and 500 bought 2024-02-10, disclosed 2024-03-01
    const owned = (clocks: Parameters<typeof holdingsFromEnvelopes>[1]) =>
      holdingsFromEnvelopes(log, clocks).holders[0]?.aggregate ?? 0;
    // Then
    expect(owned({ asOf: '2024-02-09' })).toBe(1_000);
    expect(owned({ asOf: '2024-02-10' })).toBe(1_500);
    expect(owned({ asOf: '2024-02-10', filedBy: '2024-02-29' })).toBe(1_000);
    expect(owned({ asOf: '2024-02-10', filedBy: '2024-03-01' })).toBe(1_500);
  });

  describe('a correction recorded later', () => {
    const [correction] = envelopes(
      [
        {
          type: 'EventCorrected',
          data: { eventId: first!.id, set: { shares: 1_200 }, reason: 'the filing said 1,200' },
        },
      ],
      '2024-04-01T00:00:00.000Z',
      10,
    );
    const corrected = [...log, correction!];

    it('applies from its recorded time on, and recordedBy before it shows the old belief', () => {
      const owned = (recordedBy: string | null) =>
        holdingsFromEnvelopes(corrected, { asOf: '2024-12-31', recordedBy }).holders[0]!.aggregate;
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
    const [retraction] = envelopes(
      [{ type: 'EventRetracted', data: { eventId: second!.id, reason: 'entered twice' } }],
      '2024-05-01T00:00:00.000Z',
      20,
    );
    const retracted = [...log, retraction!];

    it('removes the event from then on; before then it still counts', () => {
      const owned = (recordedBy: string | null) =>
        holdingsFromEnvelopes(retracted, { asOf: '2024-12-31', recordedBy }).holders[0]!.aggregate;
      expect(owned(null)).toBe(1_000);
      expect(owned('2024-04-30T00:00:00.000Z')).toBe(1_500);
    });
  });
});

describe('holdings', () => {
  describe('when asked as recorded by an instant', () => {
    // Given 1,000 shares bought on 2024-01-10, recorded at 2024-03-02T12:00:00.000Z, and 500 bought on 2024-02-10,
    // recorded a millisecond later
    const RECORDED_AT = '2024-03-02T12:00:00.000Z';
    const [early] = envelopes([purchase(1_000, '2024-01-10')], RECORDED_AT, 0);
    const [late] = envelopes([purchase(500, '2024-02-10')], '2024-03-02T12:00:00.001Z', 1);
    const log: Envelope[] = [early!, late!];
    const owned = (recordedBy: string | null) =>
      holdingsFromEnvelopes(log, { asOf: '2024-12-31', recordedBy }).holders[0]?.aggregate ?? 0;

    it('includes an event recorded exactly at that instant', () => {
      // When recordedBy is the instant the first purchase was recorded, Then its 1,000 shares count
      expect(owned(RECORDED_AT)).toBe(1_000);
      // And a millisecond earlier nothing was recorded yet
      expect(owned('2024-03-02T11:59:59.999Z')).toBe(0);
    });

    it('leaves out an event recorded a millisecond later', () => {
      // When recordedBy is that same instant, Then the 500 recorded at 12:00:00.001 are not among the facts
      expect(selectFacts(log, { recordedBy: RECORDED_AT }).map((f) => f.id)).toEqual([early!.id]);
      // And they count from the instant they were recorded: 1,000 + 500
      expect(owned('2024-03-02T12:00:00.001Z')).toBe(1_000 + 500);
    });

    it('gives every recorded event without the clock', () => {
      // When no recordedBy is given, Then 1,000 + 500
      expect(owned(null)).toBe(1_000 + 500);
    });

    it('applies a correction recorded exactly at that instant, and not one recorded a millisecond later', () => {
      // Given the first purchase corrected to 1,200 at 2024-04-01T00:00:00.000Z
      const [correction] = envelopes(
        [
          {
            type: 'EventCorrected',
            data: { eventId: early!.id, set: { shares: 1_200 }, reason: 'the filing said 1,200' },
          },
        ],
        '2024-04-01T00:00:00.000Z',
        2,
      );
      const corrected = [...log, correction!];
      const at = (recordedBy: string) =>
        holdingsFromEnvelopes(corrected, { asOf: '2024-12-31', recordedBy }).holders[0]!.aggregate;
      // Then at that instant: 1,200 + 500; a millisecond before: 1,000 + 500
      expect(at('2024-04-01T00:00:00.000Z')).toBe(1_200 + 500);
      expect(at('2024-03-31T23:59:59.999Z')).toBe(1_000 + 500);
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
  it('adds a joiner from the day they join', () =>
    expect(members('2024-02-01')).toEqual(['a@2024-01-01', 'b@2024-01-01', 'c@2024-02-01']));
  it('drops a leaver from the day they leave', () =>
    expect(members('2024-03-01')).toEqual(['b@2024-01-01', 'c@2024-02-01']));

  it('shows the five Ault Alliance reporting persons as a group on 2024-07-23 and the joint filing agreement from 2024-07-24', () => {
    const facts = selectFacts(sampleEnvelopes());
    expect(groupsAt(facts, '2024-07-23').members).toHaveLength(5);
    expect(groupsAt(facts, '2024-07-23').jointFilingAgreements).toEqual([]);
    expect(groupsAt(facts, '2024-07-24').jointFilingAgreements[0]?.partyIds).toHaveLength(5);
  });
});
