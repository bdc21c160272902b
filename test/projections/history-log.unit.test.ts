import { describe, expect, it } from 'vitest';
import { auditTrail, restateLog } from '../../projections/views/history-log.js';
import type { ShareBasis } from '../../projections/views/share-basis.js';
import { auditIndex } from '../../projections/timeline/audit-index.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { foldAt } from '../../projections/timeline/fold-at.js';
import { asTimeline } from '../../projections/timeline/timeline.js';
import { positionsFold, positionsLogFold, type ChangeEntry } from '../../projections/folds/positions.js';
import type { DomainEventInput, Envelope } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { buy, on, RECORDED, reverseSplit, sell } from './build.js';

// Synthetic facts: a fund and another holder of one issuer's common stock, its preferred and a note.
const preferred = (personId: string, date: string, shares: number): DomainEventInput => ({
  type: 'PreferredIssued',
  data: { ...on(date), personId, securityId: 'pref', shares, purchasePrice: null },
});
const note = (personId: string, date: string, principal: number): DomainEventInput => ({
  type: 'ConvertibleNoteIssued',
  data: { ...on(date), personId, securityId: 'note', principal, conversionPrice: 0.25, interestRatePercent: 8 },
});
const describeSecurity = (
  securityId: string,
  kind: 'convertible-preferred' | 'convertible-note',
): DomainEventInput => ({
  type: 'SecurityDescribed',
  data: {
    ...on('2024-01-01'),
    securityId,
    title: securityId,
    kind,
    statedValue: null,
    conversionPrice: 0.25,
    conversionPriceFloor: null,
    sharesPerUnit: null,
    exercisableFrom: null,
    expiresOn: null,
  },
});
const correct = (target: Envelope, set: Record<string, number | string>, reason: string): DomainEventInput => ({
  type: 'EventCorrected',
  data: { eventId: target.id, set, reason },
});
const retract = (target: Envelope, reason: string): DomainEventInput => ({
  type: 'EventRetracted',
  data: { eventId: target.id, reason },
});

const T1 = '2024-09-01T00:00:00.000Z';
const T2 = '2024-09-02T00:00:00.000Z';
const T3 = '2024-09-03T00:00:00.000Z';
const TR1 = '2024-09-04T00:00:00.000Z';
const TR2 = '2024-09-05T00:00:00.000Z';

/** The log with its audit trail, folded to `asOf`, in `basis`. */
function trailOf(log: readonly Envelope[], asOf: string | null = null, basis: ShareBasis = 'as-reported') {
  const timeline = asTimeline(selectFacts(log));
  const state = foldAt(timeline, asOf, positionsLogFold);
  return auditTrail(state, auditIndex(log), { facts: timeline.facts, asOf, basis, splits: timeline.splits });
}

const rows = (entries: readonly ChangeEntry[]) =>
  entries.map((e) => [e.date, e.personId, e.securityId, e.change, e.quantityAfter]);

describe('restateLog: the change log restated into the basis after every split', () => {
  // Given a fund buying 1,000,000 shares at $1.50 and another holder 50,000 at $2.00, the fund's 10 preferred and
  // $500,000 note, a sale of 200,000, a 1-for-10 reverse split, then 5,000 shares bought at $15.00
  const given = givenFacts([
    describeSecurity('pref', 'convertible-preferred'),
    describeSecurity('note', 'convertible-note'),
    buy('fund', '2024-01-02', 1_000_000, 1.5),
    buy('other', '2024-01-02', 50_000, 2),
    preferred('fund', '2024-01-03', 10),
    note('fund', '2024-01-03', 500_000),
    sell('fund', '2024-01-15', 200_000),
    reverseSplit('2024-02-01'),
    buy('fund', '2024-03-01', 5_000, 15),
  ]);
  const timeline = asTimeline(given.facts());
  const state = foldAt(timeline, null, positionsLogFold);

  it('divides counts before the split by 10 and takes each change from the position before it', () => {
    // When the state's own log is restated
    const restated = restateLog(state, timeline.splits);
    // Then (pre-split entries x 1/10; the split's entries change nothing; after it, factor 1):
    expect(rows(restated)).toEqual([
      ['2024-01-02', 'fund', 'common', 100_000, 100_000], // 1,000,000 / 10
      ['2024-01-02', 'other', 'common', 5_000, 5_000], // 50,000 / 10: its own position, not the fund's
      ['2024-01-03', 'fund', 'pref', 10, 10], // preferred shares do not split
      ['2024-01-03', 'fund', 'note', 500_000, 500_000], // nor does note principal
      ['2024-01-15', 'fund', 'common', -20_000, 80_000], // (1,000,000 - 200,000) / 10 = 80,000
      ['2024-02-01', 'fund', 'common', 0, 80_000], // the split: 800,000 -> 80,000, already the basis
      ['2024-02-01', 'other', 'common', 0, 5_000], // 50,000 -> 5,000
      ['2024-03-01', 'fund', 'common', 5_000, 85_000], // 80,000 + 5,000
    ]);
  });

  it('multiplies prices before the split by 10, keeps a missing price missing, and names the factor applied', () => {
    const restated = restateLog(state, timeline.splits);
    // $1.50 x 10 = $15.00, $2.00 x 10 = $20.00; the sale, preferred and note state no price; $15.00 after the split
    expect(restated.map((e) => e.pricePerShare)).toEqual([15, 20, null, null, null, null, null, 15]);
    // Shares before the split x 0.1; preferred and note principal x 1; the split's own entries and later ones x 1
    expect(restated.map((e) => e.splitFactorApplied)).toEqual([0.1, 0.1, 1, 1, 0.1, 1, 1, 1]);
  });

  it("marks the split's own entries as already in the adjusted basis and leaves other notes alone", () => {
    const restated = restateLog(state, timeline.splits);
    expect(restated.map((e) => e.note)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'split 1-for-10 (already in the adjusted basis)',
      'split 1-for-10 (already in the adjusted basis)',
      null,
    ]);
    // And the rest of each entry is kept
    expect(restated[5]).toMatchObject({ kind: 'split', eventType: 'StockSplit', splitsApplied: 1 });
  });

  it('names a split entry without a note "split"', () => {
    // Given a log passed in whose split entry has no note
    const splitEntry = state.log!.find((e) => e.kind === 'split')!;
    const [restated] = restateLog(state, timeline.splits, [{ ...splitEntry, note: null }]);
    expect(restated!.note).toBe('split (already in the adjusted basis)');
  });

  it("restates the log passed in rather than the state's own", () => {
    // Given only the 2024-01-15 sale: its position before is unknown to the restatement, so it changes by all of it
    const sale = state.log!.filter((e) => e.eventType === 'SharesSold');
    const restated = restateLog(state, timeline.splits, sale);
    // 800,000 / 10 = 80,000 after, from 0
    expect(rows(restated)).toEqual([['2024-01-15', 'fund', 'common', 80_000, 80_000]]);
  });

  it('gives an empty log for a state folded without one', () => {
    expect(restateLog(foldAt(timeline, null, positionsFold), timeline.splits)).toEqual([]);
  });
});

describe('auditTrail: corrections and retractions in the change log', () => {
  // Given, all recorded at RECORDED:
  //   R1 the fund buys 400 at $1 on 2024-01-05 (later retracted)
  //   P1 the fund buys 1,000 at $2 on 2024-01-10 (later corrected three times)
  //   the fund is issued 5 preferred on 2024-01-10; the other holder buys 300 at $3 on 2024-01-10
  //   R2 the fund buys 700 at $4 on 2024-01-10 (later retracted)
  //   the fund sells 100 on 2024-02-01
  const base = givenFacts([
    buy('fund', '2024-01-05', 400, 1),
    buy('fund', '2024-01-10', 1_000, 2),
    preferred('fund', '2024-01-10', 5),
    buy('other', '2024-01-10', 300, 3),
    buy('fund', '2024-01-10', 700, 4),
    sell('fund', '2024-02-01', 100),
  ]);
  const [r1, p1, , , r2] = base.log as [Envelope, Envelope, Envelope, Envelope, Envelope];
  // And P1 corrected: shares 1,000 -> 1,100 (T1), price $2 -> $2.50 (T2), shares 1,100 -> 1,200 (T3);
  // R1 retracted at TR1, R2 at TR2
  const log = base
    .and([correct(p1, { shares: 1_100 }, 'typo in Item 5(c)')], T1)
    .and([correct(p1, { pricePerShare: 2.5 }, 'price misread')], T2)
    .and([correct(p1, { shares: 1_200 }, 'figure of Amendment No. 2')], T3)
    .and([retract(r1, 'not a purchase of the fund')], TR1)
    .and([retract(r2, 'entered twice')], TR2).log;

  it('puts each retracted fact back at its date, after the entries of that date, contributing 0', () => {
    const trail = trailOf(log);
    expect(rows(trail)).toEqual([
      ['2024-01-05', 'fund', 'common', 0, 0], // R1: before every entry, no position before it
      ['2024-01-10', 'fund', 'common', 1_200, 1_200], // P1 as corrected
      ['2024-01-10', 'fund', 'pref', 5, 5],
      ['2024-01-10', 'other', 'common', 300, 300],
      ['2024-01-10', 'fund', 'common', 0, 1_200], // R2: after 2024-01-10's entries; the fund's common before it
      ['2024-02-01', 'fund', 'common', -100, 1_100], // 1,200 - 100
    ]);
    expect([trail[0]!.factId, trail[4]!.factId]).toEqual([r1.id, r2.id]);
  });

  it('says when each retracted fact was recorded and retracted, why, and what it gave', () => {
    const trail = trailOf(log);
    expect(trail[0]).toMatchObject({
      note: `recorded ${RECORDED}, retracted ${TR1}: not a purchase of the fund; contributes 0 (it gave 400)`,
      splitsApplied: 0,
      eventType: 'SharesPurchased',
      pricePerShare: 1,
    });
    expect(trail[0]!.retracted).toStrictEqual({
      reason: 'not a purchase of the fund',
      recordedAt: TR1,
      originallyRecordedAt: RECORDED,
      wouldHaveChanged: 400,
    });
    expect(trail[4]!.note).toBe(`recorded ${RECORDED}, retracted ${TR2}: entered twice; contributes 0 (it gave 700)`);
    expect(trail[4]!.retracted).toStrictEqual({
      reason: 'entered twice',
      recordedAt: TR2,
      originallyRecordedAt: RECORDED,
      wouldHaveChanged: 700,
    });
  });

  it('marks the corrected entry with what was first recorded, every reason, and the latest correction time', () => {
    const p1Entry = trailOf(log).find((e) => e.factId === p1.id)!;
    expect(p1Entry.pricePerShare).toBe(2.5);
    expect(p1Entry.corrected).toStrictEqual({
      // As first recorded (R1 and R2 included, as the ledger had them then): 1,000 bought, 400 + 1,000 = 1,400 held.
      // Each field's value before its first correction: shares 1,000 (not the 1,100 of the second), price $2.
      originally: { change: 1_000, quantityAfter: 1_400, fields: { shares: 1_000, pricePerShare: 2 } },
      reasons: ['typo in Item 5(c)', 'price misread', 'figure of Amendment No. 2'],
      recordedAt: T3,
      corrections: [
        { set: { shares: 1_100 }, before: { shares: 1_000 }, reason: 'typo in Item 5(c)', recordedAt: T1 },
        { set: { pricePerShare: 2.5 }, before: { pricePerShare: 2 }, reason: 'price misread', recordedAt: T2 },
        { set: { shares: 1_200 }, before: { shares: 1_100 }, reason: 'figure of Amendment No. 2', recordedAt: T3 },
      ],
    });
  });

  it('leaves entries of facts never corrected or retracted unmarked', () => {
    const trail = trailOf(log);
    for (const i of [2, 3, 5]) {
      expect(trail[i]).not.toHaveProperty('corrected');
      expect(trail[i]).not.toHaveProperty('retracted');
    }
    expect(trail[1]).not.toHaveProperty('retracted');
  });

  it('without the audit index, marks corrected entries with their reasons only and shows no retracted fact', () => {
    // When the trail is asked without the index
    const timeline = asTimeline(selectFacts(log));
    const state = foldAt(timeline, null, positionsLogFold);
    const trail = auditTrail(state, null, { facts: timeline.facts, asOf: null, basis: 'as-reported', splits: [] });
    // Then the log is the fold's: P1, the preferred, the other's purchase, the sale
    expect(rows(trail)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_200, 1_200],
      ['2024-01-10', 'fund', 'pref', 5, 5],
      ['2024-01-10', 'other', 'common', 300, 300],
      ['2024-02-01', 'fund', 'common', -100, 1_100],
    ]);
    expect(trail[0]!.corrected).toStrictEqual({
      originally: null,
      reasons: ['typo in Item 5(c)', 'price misread', 'figure of Amendment No. 2'],
      recordedAt: null,
      corrections: [],
    });
    for (const entry of trail.slice(1)) expect(entry).not.toHaveProperty('corrected');
  });

  it('gives an empty trail for a state folded without a log', () => {
    const timeline = asTimeline(selectFacts(log));
    const state = foldAt(timeline, null, positionsFold);
    expect(auditTrail(state, null, { facts: timeline.facts, asOf: null, basis: 'as-reported', splits: [] })).toEqual(
      [],
    );
  });

  it('takes the position before a retracted fact from the latest entry of the same person and security', () => {
    // Given the fund buys 100 (2024-01-01) and 250 (2024-01-02), the other holder 900 and the fund 7 preferred
    // (2024-01-03), then the fund's purchase of 50 on 2024-01-04 is retracted
    const given = givenFacts([
      buy('fund', '2024-01-01', 100, null),
      buy('fund', '2024-01-02', 250, null),
      buy('other', '2024-01-03', 900, null),
      preferred('fund', '2024-01-03', 7),
      buy('fund', '2024-01-04', 50, null),
    ]);
    const retracted = given.log[4]!;
    const trail = trailOf(given.and([retract(retracted, 'no such purchase')], TR1).log);
    // Then it is last, at the fund's common after 100 + 250 = 350 (not the other's 900 nor the fund's 7 preferred)
    expect(rows(trail).at(-1)).toEqual(['2024-01-04', 'fund', 'common', 0, 350]);
    expect(trail.at(-1)!.retracted?.wouldHaveChanged).toBe(50);
  });
});

describe('auditTrail: the as-recorded fold', () => {
  it('folds only facts effective by the as-of date, that date included', () => {
    // Given the fund buys 1,000 on 2024-01-10 (corrected to 1,100) and 250 on 2024-01-10 and 600 on 2024-01-20 (both
    // retracted)
    const given = givenFacts([
      buy('fund', '2024-01-10', 1_000, null),
      buy('fund', '2024-01-10', 250, null),
      buy('fund', '2024-01-20', 600, null),
    ]);
    const [p, r0, r1] = given.log as [Envelope, Envelope, Envelope];
    const log = given
      .and([correct(p, { shares: 1_100 }, 'typo')], T1)
      .and([retract(r0, 'duplicate')], TR1)
      .and([retract(r1, 'duplicate')], TR2).log;
    // When the trail is asked as of 2024-01-10
    const asOf = trailOf(log, '2024-01-10');
    // Then the corrected purchase knows its original (1,000 bought, 1,000 held), the retracted 250 of that day is back
    // at 1,100 held, and the 600 of 2024-01-20 is not there
    expect(rows(asOf)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_100, 1_100],
      ['2024-01-10', 'fund', 'common', 0, 1_100],
    ]);
    expect(asOf[0]!.corrected?.originally).toStrictEqual({
      change: 1_000,
      quantityAfter: 1_000,
      fields: { shares: 1_000 },
    });
    expect(asOf[1]!.retracted?.wouldHaveChanged).toBe(250);
    // And without an as-of date, the 600 of 2024-01-20 is back too
    expect(rows(trailOf(log)).at(-1)).toEqual(['2024-01-20', 'fund', 'common', 0, 1_100]);
  });

  it('gives what was first recorded in the adjusted basis when asked for it', () => {
    // Given the fund buys 1,000 at $2 on 2024-01-10 (corrected to 1,500) and 600 on 2024-01-20 (retracted), then a
    // 1-for-10 reverse split on 2024-02-01
    const given = givenFacts([
      buy('fund', '2024-01-10', 1_000, 2),
      buy('fund', '2024-01-20', 600, null),
      reverseSplit('2024-02-01'),
    ]);
    const [p, r] = given.log as [Envelope, Envelope];
    const log = given.and([correct(p, { shares: 1_500 }, 'typo')], T1).and([retract(r, 'not the fund')], TR1).log;
    // When the trail is asked adjusted
    const adjusted = trailOf(log, null, 'adjusted');
    // Then the entries stay as the fold gives them (1,500; the split 1,500 -> 150), the retracted one at 1,500
    expect(rows(adjusted)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_500, 1_500],
      ['2024-01-20', 'fund', 'common', 0, 1_500],
      ['2024-02-01', 'fund', 'common', -1_350, 150],
    ]);
    // And what was first recorded is adjusted: 1,000 / 10 = 100; the retracted 600 gave (1,000 + 600) / 10 - 100 = 60
    expect(adjusted[0]!.corrected?.originally).toStrictEqual({
      change: 100,
      quantityAfter: 100,
      fields: { shares: 1_000 },
    });
    expect(adjusted[1]!.note).toBe(`recorded ${RECORDED}, retracted ${TR1}: not the fund; contributes 0 (it gave 60)`);
    expect(adjusted[1]!.retracted?.wouldHaveChanged).toBe(60);
    // While as reported, they are as the facts said: 1,000, and 600
    const asReported = trailOf(log);
    expect(asReported[0]!.corrected?.originally).toStrictEqual({
      change: 1_000,
      quantityAfter: 1_000,
      fields: { shares: 1_000 },
    });
    expect(asReported[1]!.retracted?.wouldHaveChanged).toBe(600);
  });

  it('has no original figures for a position the uncorrected fact did not touch', () => {
    // Given a purchase of 1,000 recorded for the fund, corrected to the other holder
    const given = givenFacts([buy('fund', '2024-01-10', 1_000, null)]);
    const log = given.and([correct(given.log[0]!, { personId: 'other' }, 'wrong reporting person')], T1).log;
    // Then the other holder's entry was never recorded as such: no original change or position, only the field
    const [entry] = trailOf(log);
    expect(entry).toMatchObject({ personId: 'other', change: 1_000 });
    expect(entry!.corrected?.originally).toStrictEqual({
      change: null,
      quantityAfter: null,
      fields: { personId: 'fund' },
    });
  });

  it('carries the basis marker of the entry whose position a retracted fact takes', () => {
    // Given 10 preferred issued on 2024-01-05, a 1-for-10 reverse split, then 4 preferred on 2024-03-01 retracted
    const given = givenFacts([
      preferred('fund', '2024-01-05', 10),
      reverseSplit('2024-02-01'),
      preferred('fund', '2024-03-01', 4),
    ]);
    const trail = trailOf(given.and([retract(given.log[2]!, 'never closed')], TR1).log);
    // Then preferred shares do not split, so the split logs nothing for them; the retracted issuance holds the 10 of
    // 2024-01-05 and that entry's basis (no split applied), though it would itself have come after one split
    expect(rows(trail)).toEqual([
      ['2024-01-05', 'fund', 'pref', 10, 10],
      ['2024-03-01', 'fund', 'pref', 0, 10],
    ]);
    expect(trail.map((e) => e.splitsApplied)).toEqual([0, 0]);
    expect(trail[1]!.retracted?.wouldHaveChanged).toBe(4);
  });
});

describe('auditTrail: a fact a later filing restated', () => {
  it('finds the correction of the restating twin and the value first recorded', () => {
    // Given a purchase of 1,000 disclosed 2024-01-12, restated as filed 2024-03-01, the restatement corrected to 1,050
    const given = givenFacts([
      buy('fund', '2024-01-10', 1_000, null, '2024-01-12'),
      buy('fund', '2024-01-10', 1_000, null, '2024-03-01'),
    ]);
    const [kept, twin] = given.log as [Envelope, Envelope];
    const log = given.and([correct(twin, { shares: 1_050 }, 'typo in the restating filing')], T1).log;
    // When the trail is asked
    const trail = trailOf(log);
    // Then the purchase is one entry, the kept fact's, corrected to 1,050 from the 1,000 first recorded
    expect(rows(trail)).toEqual([['2024-01-10', 'fund', 'common', 1_050, 1_050]]);
    expect(trail[0]!.factId).toBe(kept.id);
    expect(trail[0]!.corrected).toStrictEqual({
      originally: { change: 1_000, quantityAfter: 1_000, fields: { shares: 1_000 } },
      reasons: ['typo in the restating filing'],
      recordedAt: T1,
      corrections: [
        { set: { shares: 1_050 }, before: { shares: 1_000 }, reason: 'typo in the restating filing', recordedAt: T1 },
      ],
    });
  });
});

describe('auditTrail: facts disclosed after a split that falls after the date asked', () => {
  // A 1-for-10 reverse split on 2024-02-01. Disclosed 2024-03-01, after it, in the new basis: 100 shares bought
  // 2024-01-10 (1,000 in the basis of that date; corrected to 120, i.e. 1,200) and 50 bought 2024-01-20 (500;
  // retracted). Asked as of 2024-01-31, before the split: every figure is in the basis of January.
  const given = givenFacts([
    buy('fund', '2024-01-10', 100, null, '2024-03-01'),
    buy('fund', '2024-01-20', 50, null, '2024-03-01'),
    reverseSplit('2024-02-01'),
  ]);
  const [first, second] = given.log;
  const log = given.and([correct(first!, { shares: 120 }, 'typo')], T1).and([retract(second!, 'duplicate')], TR1).log;

  it('give what was first recorded, and what a retracted fact would have given, in that basis', () => {
    const trail = trailOf(log, '2024-01-31');
    expect(rows(trail)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_200, 1_200],
      ['2024-01-20', 'fund', 'common', 0, 1_200],
    ]);
    expect(trail[0]!.corrected?.originally).toMatchObject({ change: 1_000, quantityAfter: 1_000 });
    expect(trail[1]!.retracted?.wouldHaveChanged).toBe(500);
  });
});
