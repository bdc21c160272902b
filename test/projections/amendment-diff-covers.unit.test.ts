import { describe, expect, it } from 'vitest';
import { amendmentDiff, amendmentNumbers } from '../../projections/views/amendment-diff.js';
import type { CoverPage, DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { identified, on } from './build.js';
import { cover, filing, type Filing } from './statements.js';

// A synthetic chain of one issuer whose filings are all read: the original (filed 2024-01-15, event 2024-01-10),
// an amendment that states no number (filed 2024-02-20), and Amendment No. 1 (filed 2024-03-15, event 2024-03-12).

const original = filing({
  amendmentNumber: 0,
  filedOn: '2024-01-15',
  eventDate: '2024-01-10',
  coverPages: [cover('fund', 'FUND ONE LP', 1_000, 10), cover('gp', 'FUND ONE GP LLC', 1_000, 10, 0)],
});
const unnumbered = filing({
  amendmentNumber: null,
  filedOn: '2024-02-20',
  eventDate: null,
  items: [{ item: '6', change: 'supplemented', summary: 'A lock-up agreement' }],
});
const amendment1 = filing({
  amendmentNumber: 1,
  filedOn: '2024-03-15',
  eventDate: '2024-03-12',
  items: [
    { item: '4', change: 'amended', summary: null },
    { item: '5', change: 'restated', summary: null },
  ],
  // The fund bought 500 more (row 7, 9, 11, 13 change); the general partner left; an adviser joined.
  coverPages: [cover('fund', 'FUND ONE LP', 1_500, 15), cover('adviser', 'ADVISER CO', 1_500, 15, 0)],
});
const chain = givenFacts([
  identified('fund', 'Fund One, L.P.', '2024-01-10', '2024-01-15'),
  original,
  unnumbered,
  amendment1,
]);

describe('what changed between two filings whose cover pages are both known', () => {
  // Folded in each test, not while the file is collected (a mutation run switches mutants per test).
  const diff = () => amendmentDiff(chain.facts(), 0, 1);

  it('names the two filings, with the dates holdings are compared at: each event date', () => {
    expect(diff().from).toEqual({
      amendment: 0,
      label: 'Original Schedule 13D',
      filedOn: '2024-01-15',
      eventDate: '2024-01-10',
      contentsKnown: true,
      holdingsAsOf: '2024-01-10',
    });
    expect(diff().to).toMatchObject({ amendment: 1, filedOn: '2024-03-15', holdingsAsOf: '2024-03-12' });
    expect(amendmentNumbers(chain.facts())).toEqual([0, 1]);
  });

  it('lists every filing after the first up to the second, the unnumbered one where its date places it', () => {
    expect(diff().itemsRestated).toEqual([
      {
        amendment: null,
        label: 'Amendment (no number)',
        filedOn: '2024-02-20',
        contentsKnown: true,
        items: [{ item: '6', change: 'supplemented', summary: 'A lock-up agreement' }],
      },
      {
        amendment: 1,
        label: 'Amendment No. 1',
        filedOn: '2024-03-15',
        contentsKnown: true,
        items: [
          { item: '4', change: 'amended', summary: null },
          { item: '5', change: 'restated', summary: null },
        ],
      },
    ]);
  });

  it("names each changed cover row with both values, and only those, under the ledger's name of the person", () => {
    const fund = diff().coverChanges.find((c) => c.personId === 'fund');
    expect(fund).toEqual({
      personId: 'fund',
      name: 'Fund One, L.P.',
      change: 'changed',
      fields: [
        { row: '7', field: 'soleVotingPower', before: 1_000, after: 1_500 },
        { row: '9', field: 'soleDispositivePower', before: 1_000, after: 1_500 },
        { row: '11', field: 'aggregate', before: 1_000, after: 1_500 },
        {
          row: '13',
          field: 'percentOfClass',
          before: { kind: 'value', value: 10, text: '10%' },
          after: { kind: 'value', value: 15, text: '15%' },
        },
      ],
    });
  });

  it('shows a person who joined as added with every row, and one who left as removed', () => {
    const adviser = diff().coverChanges.find((c) => c.personId === 'adviser')!;
    expect(adviser.change).toBe('added');
    expect(adviser.name).toBe('ADVISER CO');
    expect(adviser.fields.map((f) => f.row)).toEqual([
      '1',
      '2',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      'footnotes',
    ]);
    expect(adviser.fields.every((f) => f.before === null)).toBe(true);
    expect(adviser.fields.find((f) => f.row === '8')).toEqual({
      row: '8',
      field: 'sharedVotingPower',
      before: null,
      after: 1_500,
    });
    expect(diff().coverChanges.find((c) => c.personId === 'gp')).toEqual({
      personId: 'gp',
      name: 'FUND ONE GP LLC',
      change: 'removed',
      fields: [],
    });
    expect(diff().coverChanges).toHaveLength(3);
    expect(diff().personsAdded).toEqual(['adviser']);
    expect(diff().personsRemoved).toEqual(['gp']);
  });

  it('reports nothing changed for a person whose cover page is the same, and no notes when all is known', () => {
    const same = amendmentDiff(
      givenFacts([original, filing({ ...amendment1Input(), coverPages: coversOfOriginal() })]).facts(),
      0,
      1,
    );
    expect(same.coverChanges).toEqual([]);
    expect(same.personsAdded).toEqual([]);
    expect(same.personsRemoved).toEqual([]);
    expect(same.notes).toEqual([]);
  });

  it("compares holdings at each event date with the figures each filing's cover page reported", () => {
    const fund = diff().holdingChanges.find((h) => h.personId === 'fund')!;
    expect(fund.name).toBe('Fund One, L.P.');
    expect(fund.before).toMatchObject({ asOf: '2024-01-10', aggregate: 1_000, soleVotingPower: 1_000 });
    expect(fund.after).toMatchObject({ asOf: '2024-03-12', aggregate: 1_500, soleVotingPower: 1_500 });
    expect(fund.changes.map((c) => c.field)).toEqual([
      'aggregate',
      'percentOfClass',
      'soleVotingPower',
      'soleDispositivePower',
    ]);
    expect(fund.changes[0]).toEqual({ row: null, field: 'aggregate', before: 1_000, after: 1_500 });
    // The adviser had no figures on 2024-01-10: before is null, not zero.
    const adviser = diff().holdingChanges.find((h) => h.personId === 'adviser')!;
    expect(adviser.before).toBeNull();
    expect(adviser.changes.find((c) => c.field === 'sharedVotingPower')).toEqual({
      row: null,
      field: 'sharedVotingPower',
      before: null,
      after: 1_500,
    });
  });
});

describe('a diff across a split', () => {
  const split: DomainEventInput = { type: 'StockSplit', data: { ...on('2024-02-01'), from: 1, to: 2 } };
  const facts = givenFacts([original, split, amendment1]).facts();

  it('warns that the counts are in different share bases, as reported', () => {
    expect(amendmentDiff(facts, 0, 1).notes).toEqual([
      '1 split(s) fall between the two dates: counts are in different share bases; use --share-basis adjusted to compare them.',
    ]);
  });

  it('does not warn when the counts are adjusted to one basis', () => {
    const adjusted = amendmentDiff(facts, 0, 1, { shareBasis: 'adjusted' });
    expect(adjusted.shareBasis).toBe('adjusted');
    expect(adjusted.notes).toEqual([]);
  });

  it('does not count a split on the first date, nor one after the second', () => {
    const edges = givenFacts([
      original,
      { type: 'StockSplit', data: { ...on('2024-01-10'), from: 1, to: 2 } },
      { type: 'StockSplit', data: { ...on('2024-03-13'), from: 1, to: 2 } },
      amendment1,
    ]).facts();
    expect(amendmentDiff(edges, 0, 1).notes).toEqual([]);
  });

  it('counts a split on the second date', () => {
    const onTo = givenFacts([
      original,
      { type: 'StockSplit', data: { ...on('2024-03-12'), from: 1, to: 2 } },
      amendment1,
    ]).facts();
    expect(amendmentDiff(onTo, 0, 1).notes).toHaveLength(1);
  });
});

describe('a diff from a filing whose contents are unknown, with an earlier cover page known', () => {
  it('compares with the earlier cover pages and says the filing in between may have changed them', () => {
    const facts = givenFacts([
      original,
      filing({ amendmentNumber: 1, filedOn: '2024-02-15', eventDate: null, contentsKnown: false }),
      filing({
        amendmentNumber: 2,
        filedOn: '2024-04-15',
        eventDate: '2024-04-10',
        coverPages: [cover('fund', 'FUND ONE LP', 1_500, 15)],
      }),
    ]).facts();
    const diff = () => amendmentDiff(facts, 1, 2);
    expect(diff().from).toMatchObject({ contentsKnown: false, eventDate: null, holdingsAsOf: '2024-02-15' });
    expect(diff().notes[0]).toBe(
      "Amendment No. 1's contents are unknown: cover pages before are those of Original Schedule 13D, which Amendment No. 1 may have changed.",
    );
    expect(diff().coverChanges.find((c) => c.personId === 'fund')?.change).toBe('changed');
    expect(diff().personsRemoved).toEqual(['gp']);
  });
});

function amendment1Input(): Filing {
  return { amendmentNumber: 1, filedOn: '2024-03-15', eventDate: '2024-03-12' };
}
function coversOfOriginal(): CoverPage[] {
  return [cover('fund', 'FUND ONE LP', 1_000, 10), cover('gp', 'FUND ONE GP LLC', 1_000, 10, 0)];
}
