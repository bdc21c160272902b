import { describe, expect, it } from 'vitest';
import type { Holder, ReportedFigures } from '../../projections/views/holdings-types.js';
import {
  compareWithReported,
  differences,
  doubtNotes,
  percentMatches,
} from '../../projections/views/reported-comparison.js';
import { cusipCheckDigit, parseCusip, type CoverPage, type DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// A computed holder of 1,000 shares held directly (sole power), 10% of the class, as of 2024-03-12.
const holder = (over: Partial<Holder> = {}): Holder => ({
  personId: 'fund',
  name: 'Fund One, L.P.',
  securities: [],
  sharesOwned: { direct: 1_000, indirect: 0 },
  rightsCounted: 0,
  aggregate: 1_000,
  percentOfClass: 10,
  percentOfClassReason: null,
  soleVotingPower: 1_000,
  sharedVotingPower: 0,
  soleDispositivePower: 1_000,
  sharedDispositivePower: 0,
  basis: 'reported',
  controlledEntities: [],
  unexplainedDifferences: [],
  notes: ['an earlier note'],
  breakdownKnown: true,
  reportedFigures: null,
  differsFromReported: [],
  ...over,
});

// Amendment No. 1's cover page for the same person, as of 2024-03-12: the same figures, "10.0%" in row 13.
const reported = (over: Partial<ReportedFigures> = {}): ReportedFigures => ({
  kind: 'cover-page',
  filing: 'Amendment No. 1',
  amendmentNumber: 1,
  filedOn: '2024-03-15',
  asOf: '2024-03-12',
  factId: 'fact-a1',
  aggregate: 1_000,
  percentOfClass: { kind: 'value', value: 10, text: '10.0%' },
  soleVotingPower: 1_000,
  sharedVotingPower: 0,
  soleDispositivePower: 1_000,
  sharedDispositivePower: 0,
  ...over,
});

const value = (v: number, text: string) => ({ kind: 'value' as const, value: v, text });
const lessThan = (bound: number, text: string) => ({ kind: 'less-than' as const, bound, text });

describe('percentMatches', () => {
  describe('a figure, rounded at the decimals the filing prints', () => {
    it('matches 214,940,800 / 250,761,889 = 85.7151% against "85.72%" (two decimals)', () => {
      // 35,846,318 + 200,000,000 + 14,915,571 = 250,761,889 (DOMAIN.md, Amendment No. 8)
      expect(percentMatches((214_940_800 / 250_761_889) * 100, value(85.72, '85.72%'))).toBe(true);
    });

    it('matches up to half a unit of the last decimal either side, and not beyond', () => {
      // 85.7249 -> 85.72; 85.7151 -> 85.72; 85.7251 -> 85.73; 85.7149 -> 85.71
      expect(percentMatches(85.7249, value(85.72, '85.72%'))).toBe(true);
      expect(percentMatches(85.7251, value(85.72, '85.72%'))).toBe(false);
      expect(percentMatches(85.7149, value(85.72, '85.72%'))).toBe(false);
    });

    it('reads one decimal from "7.7" (no percent sign)', () => {
      // 7.66 and 7.74 round to 7.7; 7.76 to 7.8; 7.64 to 7.6
      expect(percentMatches(7.66, value(7.7, '7.7'))).toBe(true);
      expect(percentMatches(7.74, value(7.7, '7.7'))).toBe(true);
      expect(percentMatches(7.76, value(7.7, '7.7'))).toBe(false);
      expect(percentMatches(7.64, value(7.7, '7.7'))).toBe(false);
    });

    it('rounds to a whole percent when the filing prints none ("8%")', () => {
      // 7.6 and 8.4 round to 8; 8.6 to 9; 7.4 to 7
      expect(percentMatches(7.6, value(8, '8%'))).toBe(true);
      expect(percentMatches(8.4, value(8, '8%'))).toBe(true);
      expect(percentMatches(8.6, value(8, '8%'))).toBe(false);
      expect(percentMatches(7.4, value(8, '8%'))).toBe(false);
    });

    it('counts trailing zeros as printed decimals ("10.0%": one, "10.00%": two)', () => {
      // "10.0%": 10.04 -> 10.0 (match); 10.06 -> 10.1 (no match).
      // "10.00%": 10.004 -> 10.00 (match); 10.006 -> 10.01 (no match)
      expect(percentMatches(10.04, value(10, '10.0%'))).toBe(true);
      expect(percentMatches(10.06, value(10, '10.0%'))).toBe(false);
      expect(percentMatches(10.004, value(10, '10.00%'))).toBe(true);
      expect(percentMatches(10.006, value(10, '10.00%'))).toBe(false);
    });
  });

  describe('a bound ("Less than 1%")', () => {
    it('holds strictly under the bound, and not at it', () => {
      // 19,000 / 2,000,000 = 0.95% < 1; exactly 1% is not "less than 1%"; 21,000 / 2,001,000 = 1.0495% is over
      expect(percentMatches((19_000 / 2_000_000) * 100, lessThan(1, 'Less than 1%'))).toBe(true);
      expect(percentMatches(0, lessThan(1, 'Less than 1%'))).toBe(true);
      expect(percentMatches(1, lessThan(1, 'Less than 1%'))).toBe(false);
      expect(percentMatches((21_000 / 2_001_000) * 100, lessThan(1, 'Less than 1%'))).toBe(false);
    });
  });
});

describe('differences', () => {
  it('finds none when every figure equals the filing', () => {
    expect(differences(holder(), reported())).toEqual([]);
  });

  it.each([
    ['aggregate', { aggregate: 1_200 }],
    ['soleVotingPower', { soleVotingPower: 1_200 }],
    ['sharedVotingPower', { sharedVotingPower: 200 }],
    ['soleDispositivePower', { soleDispositivePower: 1_200 }],
    ['sharedDispositivePower', { sharedDispositivePower: 200 }],
  ] as const)('names %s alone when only it differs, with both numbers', (field, stated) => {
    // Given the filing states one row other than the computed figure
    const found = differences(holder(), reported(stated));
    // Then that row is the one difference: reported as stated, computed as the holder has it
    expect(found).toEqual([{ field, reported: Object.values(stated)[0], computed: holder()[field] }]);
  });

  it('lists every differing row in cover-row order, the percent last with its text', () => {
    // Given computed 1,000 / 400 / 600 / 300 / 700 and 10.456%, against a filing stating 1,500 / 500 / 1,000 / 500 /
    // 1,000 and "15.0%"
    const computed = holder({
      aggregate: 1_000,
      soleVotingPower: 400,
      sharedVotingPower: 600,
      soleDispositivePower: 300,
      sharedDispositivePower: 700,
      percentOfClass: 10.456,
    });
    const stated = reported({
      aggregate: 1_500,
      soleVotingPower: 500,
      sharedVotingPower: 1_000,
      soleDispositivePower: 500,
      sharedDispositivePower: 1_000,
      percentOfClass: value(15, '15.0%'),
    });
    expect(differences(computed, stated)).toEqual([
      { field: 'aggregate', reported: 1_500, computed: 1_000 },
      { field: 'soleVotingPower', reported: 500, computed: 400 },
      { field: 'sharedVotingPower', reported: 1_000, computed: 600 },
      { field: 'soleDispositivePower', reported: 500, computed: 300 },
      { field: 'sharedDispositivePower', reported: 1_000, computed: 700 },
      { field: 'percentOfClass', reported: '15.0%', computed: 10.456 },
    ]);
  });

  it('finds nothing to differ from in a row the filing leaves blank', () => {
    // Given rows 7-11 and 13 left blank (null), and computed figures that are not zero
    const blank = reported({
      aggregate: null,
      soleVotingPower: null,
      sharedVotingPower: null,
      soleDispositivePower: null,
      sharedDispositivePower: null,
      percentOfClass: null,
    });
    expect(differences(holder({ sharedVotingPower: 50, sharedDispositivePower: 50 }), blank)).toEqual([]);
  });

  it('finds nothing to differ from where the computed figure is unknown', () => {
    // Given a holder whose rows are null (unknown) against a filing stating 1,500 and "15.0%"
    const unknown = holder({
      aggregate: null,
      percentOfClass: null,
      soleVotingPower: null,
      sharedVotingPower: null,
      soleDispositivePower: null,
      sharedDispositivePower: null,
    });
    const stated = reported({
      aggregate: 1_500,
      soleVotingPower: 1_500,
      sharedVotingPower: 10,
      soleDispositivePower: 1_500,
      sharedDispositivePower: 10,
      percentOfClass: value(15, '15.0%'),
    });
    expect(differences(unknown, stated)).toEqual([]);
  });

  it('checks the percent against a bound: 1.0% is not "Less than 1%", 0.95% is', () => {
    const bound = reported({ percentOfClass: lessThan(1, 'Less than 1%') });
    expect(differences(holder({ percentOfClass: 1 }), bound)).toEqual([
      { field: 'percentOfClass', reported: 'Less than 1%', computed: 1 },
    ]);
    expect(differences(holder({ percentOfClass: 0.95 }), bound)).toEqual([]);
  });

  it('accepts a percent that rounds to the printed one: 10.04% against "10.0%"', () => {
    expect(differences(holder({ percentOfClass: 10.04 }), reported())).toEqual([]);
  });
});

describe('doubtNotes', () => {
  it('says nothing when no row was read with doubt (absent or empty)', () => {
    expect(doubtNotes(reported())).toEqual([]);
    expect(doubtNotes(reported({ readWithDoubt: [] }))).toEqual([]);
  });

  it('names the filing, row, place and reason of each doubt, in order', () => {
    const r = reported({
      readWithDoubt: [
        { row: 7, read: '1,000 (1)', reason: 'a footnote marker beside the figure', place: 'line 114' },
        { row: 13, read: '10.0%*', reason: 'an asterisk the filing does not explain', place: 'line 121' },
      ],
    });
    expect(doubtNotes(r)).toEqual([
      'Amendment No. 1 row 7 read with doubt (line 114): a footnote marker beside the figure',
      'Amendment No. 1 row 13 read with doubt (line 121): an asterisk the filing does not explain',
    ]);
  });
});

describe('compareWithReported', () => {
  describe('when no filing states the totals as of the date', () => {
    it('leaves a holder that is not called reported as it is', () => {
      const derived = holder({ basis: 'derived' });
      const fromTransactions = holder({ basis: 'transactions' });
      expect(compareWithReported(derived, null, '2024-03-12')).toBe(derived);
      expect(compareWithReported(fromTransactions, null, '2024-03-12')).toBe(fromTransactions);
    });

    it('makes a holder computed from positions reported that day derived, and says why', () => {
      const input = holder();
      const result = compareWithReported(input, null, '2024-03-12');
      expect(result).toEqual({
        ...input,
        basis: 'derived',
        notes: [
          'an earlier note',
          "no filing states this person's totals as of 2024-03-12; computed from the positions reported",
        ],
      });
      // And the input is left as it was
      expect(input.basis).toBe('reported');
      expect(input.notes).toEqual(['an earlier note']);
    });
  });

  describe('when the figures equal the filing', () => {
    it('keeps the basis and notes and records the filing compared with', () => {
      const r = reported();
      const result = compareWithReported(holder(), r, '2024-03-12');
      expect(result).toEqual({ ...holder(), reportedFigures: r });
      expect(result.basis).toBe('reported');
      expect(result.differsFromReported).toEqual([]);
    });

    it('adds a note for each row read with doubt, the basis unchanged', () => {
      const r = reported({ readWithDoubt: [{ row: 11, read: '1,000', reason: 'a smudged digit', place: 'line 9' }] });
      const result = compareWithReported(holder(), r, '2024-03-12');
      expect(result.basis).toBe('reported');
      expect(result.notes).toEqual([
        'an earlier note',
        'Amendment No. 1 row 11 read with doubt (line 9): a smudged digit',
      ]);
    });
  });

  describe('when figures differ', () => {
    it('makes the holder derived and names each difference with both numbers, on the cover page', () => {
      // Given computed 1,000 / 10.456% against Amendment No. 1's cover page stating 1,500 / "15.0%"
      const r = reported({
        aggregate: 1_500,
        soleVotingPower: 1_500,
        soleDispositivePower: 1_500,
        percentOfClass: value(15, '15.0%'),
      });
      const result = compareWithReported(holder({ percentOfClass: 10.456 }), r, '2024-03-12');
      expect(result.basis).toBe('derived');
      expect(result.reportedFigures).toBe(r);
      expect(result.differsFromReported).toEqual([
        { field: 'aggregate', reported: 1_500, computed: 1_000 },
        { field: 'soleVotingPower', reported: 1_500, computed: 1_000 },
        { field: 'soleDispositivePower', reported: 1_500, computed: 1_000 },
        { field: 'percentOfClass', reported: '15.0%', computed: 10.456 },
      ]);
      // The computed percent printed at two decimals: 10.456 -> "10.46%"
      expect(result.notes).toEqual([
        'an earlier note',
        'differs from Amendment No. 1 (cover page) as of 2024-03-12: aggregate (row 11) computed 1,000, reported 1,500; ' +
          'sole voting power (row 7) computed 1,000, reported 1,500; ' +
          'sole dispositive power (row 9) computed 1,000, reported 1,500; ' +
          'percent of class (row 13) computed 10.46%, reported 15.0%',
      ]);
    });

    it('labels the shared powers by their rows, and an Item 5 source as such', () => {
      // Given Item 5 of Amendment No. 2 (as of 2024-04-10) stating 250 shared voting and 2,500 shared dispositive power
      const r = reported({
        kind: 'item-5',
        filing: 'Amendment No. 2',
        amendmentNumber: 2,
        asOf: '2024-04-10',
        sharedVotingPower: 250,
        sharedDispositivePower: 2_500,
      });
      expect(compareWithReported(holder(), r, '2024-04-10').notes.at(-1)).toBe(
        'differs from Amendment No. 2 (Item 5) as of 2024-04-10: shared voting power (row 8) computed 0, reported 250; ' +
          'shared dispositive power (row 10) computed 0, reported 2,500',
      );
    });

    it('prints a bound as the filing writes it', () => {
      // Given 1.0495% computed (21,000 / 2,001,000) against "Less than 1%"
      const r = reported({ percentOfClass: lessThan(1, 'Less than 1%') });
      const result = compareWithReported(holder({ percentOfClass: (21_000 / 2_001_000) * 100 }), r, '2024-03-12');
      expect(result.notes.at(-1)).toBe(
        'differs from Amendment No. 1 (cover page) as of 2024-03-12: percent of class (row 13) computed 1.05%, reported Less than 1%',
      );
    });

    it('puts the doubts after the difference', () => {
      const r = reported({
        aggregate: 1_500,
        readWithDoubt: [{ row: 11, read: '1,500', reason: 'a smudged digit', place: 'line 9' }],
      });
      expect(compareWithReported(holder(), r, '2024-03-12').notes).toEqual([
        'an earlier note',
        'differs from Amendment No. 1 (cover page) as of 2024-03-12: aggregate (row 11) computed 1,000, reported 1,500',
        'Amendment No. 1 row 11 read with doubt (line 9): a smudged digit',
      ]);
    });

    it('keeps a weaker basis than reported as it was', () => {
      const r = reported({ aggregate: 1_500 });
      expect(compareWithReported(holder({ basis: 'transactions' }), r, '2024-03-12').basis).toBe('transactions');
      expect(compareWithReported(holder({ basis: 'derived' }), r, '2024-03-12').basis).toBe('derived');
    });
  });
});

describe('holdings checked against the cover page of the same date (synthetic filing)', () => {
  // Amendment No. 1 (event 2024-03-12, filed 2024-03-15) states 9,000 shares outstanding and the fund's 1,000 shares
  // in Item 5(a); its cover page prints row 13 as given below.
  const cusip = parseCusip(`99999X10${cusipCheckDigit('99999X10')}`);
  const asOf = on('2024-03-12', '2024-03-15');
  const source = { amendmentNumber: 1, accessionNumber: null, filedOn: '2024-03-15', item: '5(a)', quote: 'test' };
  const cover = (percent: { kind: 'value'; value: number; text: string }): CoverPage => ({
    personId: 'fund',
    name: 'FUND ONE LP',
    memberOfGroup: { a: false, b: false },
    sourceOfFunds: ['WC'],
    legalProceedings: false,
    citizenshipOrPlace: 'Delaware',
    soleVotingPower: 1_000,
    sharedVotingPower: 0,
    soleDispositivePower: 1_000,
    sharedDispositivePower: 0,
    aggregate: 1_000,
    excludesCertainShares: false,
    percentOfClass: percent,
    typeOfReportingPerson: ['PN'],
    footnotes: [],
  });
  const chain = (percent: { kind: 'value'; value: number; text: string }): DomainEventInput[] => [
    { type: 'SharesOutstandingReported', data: { ...asOf, source, count: 9_000, reportedBy: 'the Issuer' } },
    {
      type: 'PositionReported',
      data: {
        ...asOf,
        source,
        personId: 'fund',
        securityId: 'common',
        quantity: 1_000,
        sharesIssuableReported: null,
        exercisableFrom: null,
      },
    },
    {
      type: 'StatementFiled',
      data: {
        ...asOf,
        source: { ...source, item: 'cover' },
        issuer: { name: 'Example Issuer, Inc.', cusip, cik: null },
        classTitle: 'Common Stock',
        amendmentNumber: 1,
        accessionNumber: null,
        eventDate: '2024-03-12',
        filedOn: '2024-03-15',
        contentsKnown: true,
        items: [{ item: '5', change: 'restated', summary: null }],
        coverPages: [cover(percent)],
        noticeContact: null,
        businessAddresses: [],
        previousAccessionNumber: null,
        filedOnFrom: null,
        partialCoverPages: [],
        readingDoubts: [],
      },
    },
  ];

  it('stays reported where 1,000 / 9,000 = 11.111% prints as the filing\'s "11.11%" or "11.1%"', () => {
    for (const printed of [value(11.11, '11.11%'), value(11.1, '11.1%')]) {
      const fund = givenFacts(chain(printed)).holder('fund', '2024-03-12');
      expect([fund.basis, fund.differsFromReported, fund.reportedFigures?.percentOfClass]).toEqual([
        'reported',
        [],
        printed,
      ]);
    }
  });

  it('is derived where the filing prints "11.12%", naming the computed 11.11%', () => {
    const fund = givenFacts(chain(value(11.12, '11.12%'))).holder('fund', '2024-03-12');
    expect(fund.basis).toBe('derived');
    expect(fund.differsFromReported).toEqual([
      { field: 'percentOfClass', reported: '11.12%', computed: (1_000 / 9_000) * 100 },
    ]);
    expect(fund.notes).toContain(
      'differs from Amendment No. 1 (cover page) as of 2024-03-12: percent of class (row 13) computed 11.11%, reported 11.12%',
    );
  });
});
