import { describe, expect, it } from 'vitest';
import { historyOf, type HistoryEntry } from '../../projections/views/history.js';
import { auditIndex } from '../../projections/timeline/audit-index.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { buildTimeline } from '../../projections/timeline/timeline.js';
import type { Envelope } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { buy, identified, on, RECORDED, reverseSplit } from './build.js';

const rows = (entries: readonly HistoryEntry[]) =>
  entries.map((e) => [e.date, e.personId, e.securityId, e.change, e.quantityAfter]);

// Given a fund (Fund One LP) whose general partner (Fund One GP LLC) controls it from 2024-01-10, and a manager the
// ledger has no name for:
//   2024-01-02 the fund buys 1,000,000 at $1.50      2024-01-03 the manager buys 100 at $1.40
//   2024-01-05 the fund is issued 10 preferred         2024-01-10 the fund buys 20,000 at $1.60 (control begins)
//   2024-01-12 the GP buys 3,000 at $1.70              2024-02-01 1-for-10 reverse split
//   2024-02-15 the preferred described as "Series A Preferred"   2024-03-01 the fund buys 500 at $16.00
const facts = givenFacts([
  identified('fund', 'Fund One LP'),
  identified('gp', 'Fund One GP LLC'),
  {
    type: 'ControlEstablished',
    data: { ...on('2024-01-10'), controllerId: 'gp', entityId: 'fund', relationship: 'general partner' },
  },
  buy('fund', '2024-01-02', 1_000_000, 1.5),
  buy('manager', '2024-01-03', 100, 1.4),
  {
    type: 'PreferredIssued',
    data: { ...on('2024-01-05'), personId: 'fund', securityId: 'pref', shares: 10, purchasePrice: null },
  },
  buy('fund', '2024-01-10', 20_000, 1.6),
  buy('gp', '2024-01-12', 3_000, 1.7),
  reverseSplit('2024-02-01'),
  {
    type: 'SecurityDescribed',
    data: {
      ...on('2024-02-15'),
      securityId: 'pref',
      title: 'Series A Preferred',
      kind: 'convertible-preferred',
      statedValue: 1_000,
      conversionPrice: 0.5,
      conversionPriceFloor: null,
      sharesPerUnit: null,
      exercisableFrom: null,
      expiresOn: null,
    },
  },
  buy('fund', '2024-03-01', 500, 16),
]).facts();

const AS_REPORTED_NOTE =
  'share basis: as reported then (1 later split known: 1-for-10 reverse split effective 2024-02-01; ' +
  'use --share-basis adjusted)';

describe('history of one holder', () => {
  describe('as reported (the default)', () => {
    it("lists the person's own changes in the basis of their date", () => {
      const view = historyOf(facts, 'gp');
      expect(view.personId).toBe('gp');
      expect(view.name).toBe('Fund One GP LLC');
      // 3,000 bought; the split takes them to 3,000 / 10 = 300
      expect(rows(view.changes)).toEqual([
        ['2024-01-12', 'gp', 'common', 3_000, 3_000],
        ['2024-02-01', 'gp', 'common', -2_700, 300],
      ]);
      expect(view.changes.map((e) => e.pricePerShare)).toEqual([1.7, null]);
      expect(view.changes.map((e) => e.splitFactorApplied)).toEqual([1, 1]);
      expect(view.changes.map((e) => e.note)).toEqual([null, 'split 1-for-10']);
    });

    it('lists the changes of an entity it controls from the control date on, that date included', () => {
      const view = historyOf(facts, 'gp');
      // The fund's 1,000,000 (2024-01-02) and preferred (2024-01-05) came before control; from 2024-01-10:
      // 1,000,000 + 20,000 = 1,020,000; the split: 1,020,000 / 10 = 102,000; then + 500
      expect(rows(view.throughControlledEntities)).toEqual([
        ['2024-01-10', 'fund', 'common', 20_000, 1_020_000],
        ['2024-02-01', 'fund', 'common', -918_000, 102_000],
        ['2024-03-01', 'fund', 'common', 500, 102_500],
      ]);
      expect(view.throughControlledEntities.map((e) => e.title)).toEqual(['common', 'common', 'common']);
    });

    it('says the basis is as reported and names the split known', () => {
      const view = historyOf(facts, 'gp');
      expect(view.shareBasis).toBe('as-reported');
      expect(view.splits).toEqual([
        { factId: expect.any(String), effectiveDate: '2024-02-01', disclosedOn: '2024-02-01', from: 10, to: 1 },
      ]);
      expect(view.shareBasisNote).toBe(AS_REPORTED_NOTE);
    });

    it('marks entries neither corrected nor retracted with null', () => {
      const view = historyOf(facts, 'gp');
      for (const entry of [...view.changes, ...view.throughControlledEntities]) {
        expect(entry.corrected).toBeNull();
        expect(entry.retracted).toBeNull();
      }
    });
  });

  describe('as of a date', () => {
    it('folds the facts effective by then, with titles and splits known later', () => {
      const view = historyOf(facts, 'fund', '2024-01-31');
      expect(view.name).toBe('Fund One LP');
      expect(rows(view.changes)).toEqual([
        ['2024-01-02', 'fund', 'common', 1_000_000, 1_000_000],
        ['2024-01-05', 'fund', 'pref', 10, 10],
        ['2024-01-10', 'fund', 'common', 20_000, 1_020_000],
      ]);
      // Titles are timeless: the preferred's title of 2024-02-15, and the id where a security has none
      expect(view.changes.map((e) => e.title)).toEqual(['common', 'Series A Preferred', 'common']);
      // The fund controls no one
      expect(view.throughControlledEntities).toEqual([]);
      // The split of 2024-02-01 is still named: it says in which basis these counts are
      expect(view.splits.map((s) => s.effectiveDate)).toEqual(['2024-02-01']);
      expect(view.shareBasisNote).toBe(AS_REPORTED_NOTE);
    });
  });

  it('names a person the ledger has no name for by its id', () => {
    const view = historyOf(facts, 'manager');
    expect(view.name).toBe('manager');
    // 100 bought; the split: 100 / 10 = 10
    expect(rows(view.changes)).toEqual([
      ['2024-01-03', 'manager', 'common', 100, 100],
      ['2024-02-01', 'manager', 'common', -90, 10],
    ]);
    expect(view.throughControlledEntities).toEqual([]);
  });

  describe('adjusted to the basis after the latest split', () => {
    it("restates the person's changes: 3,000 at $1.70 is 300 at $17.00, and the split changes nothing", () => {
      const view = historyOf(facts, 'gp', null, { shareBasis: 'adjusted' });
      expect(view.shareBasis).toBe('adjusted');
      expect(rows(view.changes)).toEqual([
        ['2024-01-12', 'gp', 'common', 300, 300],
        ['2024-02-01', 'gp', 'common', 0, 300],
      ]);
      expect(view.changes[0]!.pricePerShare).toBeCloseTo(1.7 * 10, 10);
      expect(view.changes.map((e) => e.splitFactorApplied)).toEqual([0.1, 1]);
      expect(view.changes[1]!.note).toBe('split 1-for-10 (already in the adjusted basis)');
      expect(view.shareBasisNote).toBe(
        "share basis: adjusted to today's shares (x0.1: 1-for-10 reverse split effective 2024-02-01)",
      );
    });

    it("takes a controlled entity's change from its whole history, not from the control date", () => {
      const view = historyOf(facts, 'gp', null, { shareBasis: 'adjusted' });
      // 1,000,000 / 10 = 100,000 before control; 1,020,000 / 10 = 102,000 after the 20,000: a change of 2,000
      expect(rows(view.throughControlledEntities)).toEqual([
        ['2024-01-10', 'fund', 'common', 2_000, 102_000],
        ['2024-02-01', 'fund', 'common', 0, 102_000],
        ['2024-03-01', 'fund', 'common', 500, 102_500],
      ]);
      expect(view.throughControlledEntities.map((e) => e.splitFactorApplied)).toEqual([0.1, 1, 1]);
    });
  });
});

describe('history with its audit trail', () => {
  const T1 = '2024-09-01T00:00:00.000Z';
  const TR1 = '2024-09-02T00:00:00.000Z';
  const BETWEEN = '2024-08-15T00:00:00.000Z';
  // Given the fund buys 1,000 at $2 on 2024-01-10 (corrected to 1,100 at T1) and 500 on 2024-01-20 (retracted at
  // TR1), all recorded at RECORDED
  const given = givenFacts([buy('fund', '2024-01-10', 1_000, 2), buy('fund', '2024-01-20', 500, null)]);
  const [purchase, retracted] = given.log as [Envelope, Envelope];
  const log = given
    .and([{ type: 'EventCorrected', data: { eventId: purchase.id, set: { shares: 1_100 }, reason: 'typo' } }], T1)
    .and([{ type: 'EventRetracted', data: { eventId: retracted.id, reason: 'not the fund' } }], TR1).log;

  const corrected = {
    originally: { change: 1_000, quantityAfter: 1_000, fields: { shares: 1_000 } },
    reasons: ['typo'],
    recordedAt: T1,
    corrections: [{ set: { shares: 1_100 }, before: { shares: 1_000 }, reason: 'typo', recordedAt: T1 }],
  };
  const retraction = { reason: 'not the fund', recordedAt: TR1, originallyRecordedAt: RECORDED, wouldHaveChanged: 500 };

  const expectFullTrail = (changes: readonly HistoryEntry[]) => {
    // 1,100 as corrected; the retracted 500 back at 2024-01-20 contributing 0, the fund still at 1,100
    expect(rows(changes)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_100, 1_100],
      ['2024-01-20', 'fund', 'common', 0, 1_100],
    ]);
    expect(changes[0]!.corrected).toStrictEqual(corrected);
    expect(changes[0]!.retracted).toBeNull();
    expect(changes[1]!.corrected).toBeNull();
    expect(changes[1]!.retracted).toStrictEqual(retraction);
    expect(changes.map((e) => e.splitFactorApplied)).toEqual([1, 1]);
  };

  it("uses the timeline's own audit index by default", () => {
    expectFullTrail(historyOf(buildTimeline(log, {}, { audit: true }), 'fund').changes);
  });

  it('uses an audit index passed in', () => {
    expectFullTrail(historyOf(selectFacts(log), 'fund', null, { audit: auditIndex(log) }).changes);
  });

  it('builds the audit index from envelopes passed in', () => {
    expectFullTrail(historyOf(selectFacts(log), 'fund', null, { audit: { envelopes: log } }).changes);
  });

  it('builds the audit index from envelopes under the clocks passed with them', () => {
    // Given facts and envelopes as known at BETWEEN, before the correction and the retraction were recorded
    const view = historyOf(selectFacts(log, { recordedBy: BETWEEN }), 'fund', null, {
      audit: { envelopes: log, recordedBy: BETWEEN },
    });
    // Then the purchases are as first recorded: 1,000, then 1,000 + 500 = 1,500, and neither is marked
    expect(rows(view.changes)).toEqual([
      ['2024-01-10', 'fund', 'common', 1_000, 1_000],
      ['2024-01-20', 'fund', 'common', 500, 1_500],
    ]);
    expect(view.changes.map((e) => [e.corrected, e.retracted])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('without an audit index, knows only the reasons of the corrections and shows no retracted fact', () => {
    const view = historyOf(selectFacts(log), 'fund');
    expect(rows(view.changes)).toEqual([['2024-01-10', 'fund', 'common', 1_100, 1_100]]);
    expect(view.changes[0]!.corrected).toStrictEqual({
      originally: null,
      reasons: ['typo'],
      recordedAt: null,
      corrections: [],
    });
  });

  it('adjusted, restates the corrected and retracted entries with the rest', () => {
    // Given the same purchases, corrected to 1,500 and retracted, then a 1-for-10 reverse split on 2024-02-01
    const withSplit = givenFacts([
      buy('fund', '2024-01-10', 1_000, 2),
      buy('fund', '2024-01-20', 600, null),
      reverseSplit('2024-02-01'),
    ]);
    const [p, r] = withSplit.log as [Envelope, Envelope];
    const all = withSplit
      .and([{ type: 'EventCorrected', data: { eventId: p.id, set: { shares: 1_500 }, reason: 'typo' } }], T1)
      .and([{ type: 'EventRetracted', data: { eventId: r.id, reason: 'not the fund' } }], TR1).log;
    // When the history is asked adjusted
    const view = historyOf(buildTimeline(all, {}, { audit: true }), 'fund', null, { shareBasis: 'adjusted' });
    // Then 1,500 / 10 = 150 throughout: the retracted entry and the split change nothing
    expect(rows(view.changes)).toEqual([
      ['2024-01-10', 'fund', 'common', 150, 150],
      ['2024-01-20', 'fund', 'common', 0, 150],
      ['2024-02-01', 'fund', 'common', 0, 150],
    ]);
    expect(view.changes.map((e) => e.splitFactorApplied)).toEqual([0.1, 0.1, 1]);
    expect(view.changes[0]!.pricePerShare).toBeCloseTo(2 * 10, 10);
    // And what was first recorded is in the same basis: 1,000 / 10 = 100; (1,000 + 600) / 10 - 100 = 60
    expect(view.changes[0]!.corrected?.originally).toStrictEqual({
      change: 100,
      quantityAfter: 100,
      fields: { shares: 1_000 },
    });
    expect(view.changes[1]!.retracted?.wouldHaveChanged).toBe(60);
    expect(view.changes[1]!.note).toBe(
      `recorded ${RECORDED}, retracted ${TR1}: not the fund; contributes 0 (it gave 60)`,
    );
    expect(view.changes[2]!.note).toBe('split 1-for-10 (already in the adjusted basis)');
  });
});
