import { describe, expect, it } from 'vitest';
import type { Fact } from '../../projections/timeline/facts.js';
import { chainGaps, statementAt, statementThrough } from '../../projections/views/statement.js';
import {
  cusipCheckDigit,
  parseCusip,
  type CoverPage,
  type DomainEventInput,
  type PartialCoverPage,
} from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Synthetic filings of one issuer, each effective on its event date (its filing date when it states none).
const issuer = { name: 'Example Issuer, Inc.', cusip: parseCusip(`99999X10${cusipCheckDigit('99999X10')}`), cik: null };
const cover = (aggregate: number): CoverPage => ({
  personId: 'fund',
  name: 'FUND ONE LP',
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: ['WC'],
  legalProceedings: false,
  citizenshipOrPlace: 'Delaware',
  soleVotingPower: aggregate,
  sharedVotingPower: 0,
  soleDispositivePower: aggregate,
  sharedDispositivePower: 0,
  aggregate,
  excludesCertainShares: false,
  percentOfClass: { kind: 'value', value: aggregate / 100, text: `${aggregate / 100}%` },
  typeOfReportingPerson: ['PN'],
  footnotes: [],
});
const contact = { name: 'General Counsel', address: '1 Main St, Suite 330', careOf: null, phone: null };
const addresses = [{ personId: 'fund', address: '1 Main St, Suite 240', careOf: null }];

interface Filing {
  amendmentNumber: number | null;
  filedOn: string;
  eventDate?: string | null;
  contentsKnown?: boolean;
  accessionNumber?: string | null;
  previousAccessionNumber?: string | null;
  items?: { item: string; change: 'restated' | 'amended' | 'supplemented'; summary: string | null }[];
  coverPages?: CoverPage[];
  partialCoverPages?: PartialCoverPage[];
  noticeContact?: typeof contact | null;
  businessAddresses?: typeof addresses;
}
const filing = (f: Filing): DomainEventInput => ({
  type: 'StatementFiled',
  data: {
    ...on(f.eventDate ?? f.filedOn, f.filedOn),
    issuer,
    classTitle: 'Common Stock',
    amendmentNumber: f.amendmentNumber,
    accessionNumber: (f.accessionNumber ?? null) as never,
    eventDate: f.eventDate ?? null,
    filedOn: f.filedOn,
    contentsKnown: f.contentsKnown ?? true,
    items: f.items ?? [],
    coverPages: f.coverPages ?? [],
    noticeContact: f.noticeContact ?? null,
    businessAddresses: f.businessAddresses ?? [],
    previousAccessionNumber: (f.previousAccessionNumber ?? null) as never,
    filedOnFrom: null,
    partialCoverPages: f.partialCoverPages ?? [],
    readingDoubts: [],
  },
});
const purchase: DomainEventInput = {
  type: 'SharesPurchased',
  data: {
    ...on('2024-02-01'),
    personId: 'fund',
    shares: 10,
    method: 'open-market',
    pricePerShare: 1,
    totalPrice: null,
  },
};
const idOf = (facts: readonly Fact[], amendmentNumber: number | null, filedOn: string) =>
  facts.find(
    (f) =>
      f.event.type === 'StatementFiled' &&
      f.event.data.amendmentNumber === amendmentNumber &&
      f.event.data.filedOn === filedOn,
  )!.id;
const untouched = (item: string) => ({
  item,
  lastChangedBy: null,
  change: null,
  summary: null,
  possiblyChangedByUnknownFilings: [],
});
const labels = (view: { filings: { label: string }[] }) => view.filings.map((f) => f.label);

describe('the statement as of a date (statementAt)', () => {
  // The original (event 2024-01-10, filed 2024-01-15) with the notice contact and Item 2(b) address; Amendment No. 1
  // (event 2024-03-12, filed 2024-03-15) amending Item 4 and restating Item 5, a new cover page; Amendment No. 2 (XML,
  // filed 2024-05-15) restating row 11 of the fund's page and giving an adviser's partial page, and naming a previous
  // accession number the ledger does not have.
  const original = filing({
    amendmentNumber: 0,
    filedOn: '2024-01-15',
    eventDate: '2024-01-10',
    accessionNumber: '0000999999-24-000001',
    coverPages: [cover(1_000)],
    noticeContact: contact,
    businessAddresses: addresses,
  });
  const amendment1 = filing({
    amendmentNumber: 1,
    filedOn: '2024-03-15',
    eventDate: '2024-03-12',
    accessionNumber: '0000999999-24-000002',
    items: [
      { item: '4', change: 'amended', summary: 'A new plan' },
      { item: '5', change: 'restated', summary: null },
    ],
    coverPages: [cover(1_500)],
  });
  const adviser: PartialCoverPage = { personId: 'adviser', name: 'ADVISER CO', aggregate: 50 };
  const amendment2 = filing({
    amendmentNumber: 2,
    filedOn: '2024-05-15',
    eventDate: '2024-05-13',
    accessionNumber: '0000999999-24-000003',
    previousAccessionNumber: '0000999999-24-000777',
    items: [{ item: 'Schedule A', change: 'supplemented', summary: null }],
    partialCoverPages: [{ personId: 'fund', name: 'FUND ONE LP', aggregate: 1_600 }, adviser],
  });
  const facts = givenFacts([original, purchase, amendment1, amendment2]).facts();

  it('is empty before the first filing date (the event date is not the filing date)', () => {
    expect(statementAt(facts, '2024-01-14')).toEqual({
      asOf: '2024-01-14',
      issuer: null,
      classTitle: null,
      filings: [],
      items: ['1', '2', '3', '4', '5', '6', '7'].map(untouched),
      coverPages: [],
      coverPagesWithoutBase: [],
      coverPagesFrom: null,
      noticeContact: null,
      businessAddresses: [],
      notes: [],
    });
  });

  it('folds the filings filed on or before the date, each with what it changed', () => {
    expect(statementAt(facts, '2024-03-14').filings.map((f) => f.label)).toEqual(['Original Schedule 13D']);
    expect(statementAt(facts, '2024-03-15')).toEqual({
      asOf: '2024-03-15',
      issuer,
      classTitle: 'Common Stock',
      filings: [
        {
          amendmentNumber: 0,
          label: 'Original Schedule 13D',
          filedOn: '2024-01-15',
          eventDate: '2024-01-10',
          contentsKnown: true,
          itemsChanged: [],
          factId: idOf(facts, 0, '2024-01-15'),
        },
        {
          amendmentNumber: 1,
          label: 'Amendment No. 1',
          filedOn: '2024-03-15',
          eventDate: '2024-03-12',
          contentsKnown: true,
          itemsChanged: ['4', '5'],
          factId: idOf(facts, 1, '2024-03-15'),
        },
      ],
      items: [
        untouched('1'),
        untouched('2'),
        untouched('3'),
        {
          item: '4',
          lastChangedBy: 'Amendment No. 1',
          change: 'amended',
          summary: 'A new plan',
          possiblyChangedByUnknownFilings: [],
        },
        {
          item: '5',
          lastChangedBy: 'Amendment No. 1',
          change: 'restated',
          summary: null,
          possiblyChangedByUnknownFilings: [],
        },
        untouched('6'),
        untouched('7'),
      ],
      // Amendment No. 1's full pages replace the original's
      coverPages: [cover(1_500)],
      coverPagesWithoutBase: [],
      coverPagesFrom: 'Amendment No. 1',
      // Amendment No. 1 states neither: the original's stand
      noticeContact: contact,
      businessAddresses: addresses,
      notes: [],
    });
  });

  it("keeps a partial page's absent rows, lists a partial page with no earlier page apart, and names a missing accession", () => {
    const view = statementAt(facts, '2024-05-15');
    expect(view.coverPages).toEqual([{ ...cover(1_500), aggregate: 1_600 }]);
    expect(view.coverPagesWithoutBase).toEqual([adviser]);
    expect(view.coverPagesFrom).toBe('Amendment No. 2');
    expect(view.items.map((i) => i.item)).toEqual(['1', '2', '3', '4', '5', '6', '7', 'Schedule A']);
    expect(view.filings.at(-1)).toMatchObject({ label: 'Amendment No. 2', itemsChanged: ['Schedule A'] });
    expect(view.notes).toEqual([
      'Amendment No. 2 amends the filing with accession number 0000999999-24-000777, which is not in the ledger',
    ]);
  });

  it('says which amendments the ledger lacks below the latest', () => {
    const view = statementAt(givenFacts([original, amendment2]).facts(), '2024-06-01');
    expect(view.notes).toEqual([
      'Amendment No. 1 is not in the ledger: what it said is unknown, not nothing',
      'Amendment No. 2 amends the filing with accession number 0000999999-24-000777, which is not in the ledger',
    ]);
  });

  it('folds a filing first known by date and later read in full once, as read', () => {
    const byDate = filing({ amendmentNumber: 1, filedOn: '2024-03-15', contentsKnown: false });
    const view = statementAt(givenFacts([original, byDate, amendment1]).facts(), '2024-03-15');
    expect(view.filings.map((f) => [f.label, f.contentsKnown])).toEqual([
      ['Original Schedule 13D', true],
      ['Amendment No. 1', true],
    ]);
  });
});

describe('the statement through Amendment N (statementThrough)', () => {
  // The original (filed 2024-01-15), an amendment with no number (2024-02-20), Amendment No. 1 (2024-03-15), another
  // with no number (2024-04-01) and Amendment No. 2 (2024-05-15).
  const chain = [
    filing({ amendmentNumber: 0, filedOn: '2024-01-15', eventDate: '2024-01-10' }),
    filing({ amendmentNumber: null, filedOn: '2024-02-20' }),
    filing({ amendmentNumber: 1, filedOn: '2024-03-15', eventDate: '2024-03-12' }),
    filing({ amendmentNumber: null, filedOn: '2024-04-01' }),
    filing({ amendmentNumber: 2, filedOn: '2024-05-15', eventDate: '2024-05-13' }),
  ];
  const facts = givenFacts(chain).facts();

  it('folds the original and every amendment up to N, the unnumbered ones where their filing dates place them', () => {
    const through1 = statementThrough(facts, 1);
    expect(labels(through1)).toEqual(['Original Schedule 13D', 'Amendment (no number)', 'Amendment No. 1']);
    expect(through1.filings.map((f) => f.filedOn)).toEqual(['2024-01-15', '2024-02-20', '2024-03-15']);
    // As of the latest filing date among them
    expect(through1.asOf).toBe('2024-03-15');
    expect(through1.notes).toEqual(['an amendment filed 2024-02-20 states no number: placed by filing date']);
  });

  it('includes Amendment N itself, and nothing after it', () => {
    expect(labels(statementThrough(facts, 0))).toEqual(['Original Schedule 13D']);
    expect(statementThrough(facts, 0).asOf).toBe('2024-01-15');
    const through2 = statementThrough(facts, 2);
    expect(through2.filings.map((f) => f.filedOn)).toEqual([
      '2024-01-15',
      '2024-02-20',
      '2024-03-15',
      '2024-04-01',
      '2024-05-15',
    ]);
    expect(through2.notes).toEqual([
      '2 amendments filed 2024-02-20, 2024-04-01 state no number: placed by filing date',
    ]);
  });

  it('folds the numbered filings below N when the ledger has no Amendment N', () => {
    // Given the original and Amendment No. 2 only
    const gap = givenFacts([chain[0]!, chain[4]!]).facts();
    const through1 = statementThrough(gap, 1);
    expect(labels(through1)).toEqual(['Original Schedule 13D']);
    expect(through1.asOf).toBe('2024-01-15');
  });

  it('is as of the latest filing date, not of the filing folded last', () => {
    // Given Amendment No. 1 known by date only (filed 2024-03-15, effective then) and Amendment No. 2 with an
    // event date of 2024-03-14, filed 2024-03-18: the timeline has No. 2 first, the chain No. 1 first
    const given = givenFacts([
      filing({ amendmentNumber: 1, filedOn: '2024-03-15', contentsKnown: false }),
      filing({ amendmentNumber: 2, filedOn: '2024-03-18', eventDate: '2024-03-14' }),
    ]);
    const view = statementThrough(given.facts(), 2);
    expect(labels(view)).toEqual(['Amendment No. 1', 'Amendment No. 2']);
    expect(view.asOf).toBe('2024-03-18');
    // Amendment No. 2 restates no item: each may have been changed by Amendment No. 1, whose text is not at hand
    expect(view.items.map((i) => i.possiblyChangedByUnknownFilings)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'].map(() => ['Amendment No. 1']),
    );
    expect(view.notes).toEqual([
      'The original Schedule 13D is not in the ledger: what it said is unknown, not nothing',
    ]);
    expect(statementThrough(given.facts(), 1).asOf).toBe('2024-03-15');
  });

  it('looks only at statements, whatever other facts the ledger holds', () => {
    // Given the original, a purchase and Amendment No. 2 (No. 1 missing)
    const view = statementThrough(givenFacts([chain[0]!, purchase, chain[4]!]).facts(), 2);
    expect(labels(view)).toEqual(['Original Schedule 13D', 'Amendment No. 2']);
    expect(view.notes).toEqual(['Amendment No. 1 is not in the ledger: what it said is unknown, not nothing']);
  });

  it('is empty, as of no date, when the ledger has no statement', () => {
    const view = statementThrough(givenFacts([purchase]).facts(), 3);
    expect([view.filings, view.issuer, view.notes, view.asOf]).toEqual([[], null, [], '0000-01-01']);
  });
});

describe('the filings a chain lacks (chainGaps), further cases', () => {
  type Filed = Parameters<typeof chainGaps>[0][number];
  const filed = (
    amendmentNumber: number | null,
    filedOn: string,
    accessionNumber: string | null = null,
    previousAccessionNumber: string | null = null,
  ): Filed => ({ amendmentNumber, filedOn, accessionNumber, previousAccessionNumber }) as Filed;
  const numbered = (...numbers: number[]) => numbers.map((n) => filed(n, `2020-01-${String(n + 1).padStart(2, '0')}`));

  it('lacks nothing in an empty ledger or a complete chain', () => {
    expect(chainGaps([])).toEqual([]);
    expect(chainGaps(numbered(0, 1, 2))).toEqual([]);
  });

  it('names the original alone', () => {
    expect(chainGaps(numbered(1, 2))).toEqual([
      'The original Schedule 13D is not in the ledger: what it said is unknown, not nothing',
    ]);
  });

  it('joins two parts with "and", more with commas', () => {
    // Missing [0, 1]: one run starting at the original
    expect(chainGaps(numbered(2))).toEqual([
      'The original Schedule 13D and Amendment No. 1 are not in the ledger: what they said is unknown, not nothing',
    ]);
    // Missing [0, 1, 2, 4]
    expect(chainGaps(numbered(3, 5))).toEqual([
      'The original Schedule 13D, Amendments No. 1-2 and Amendment No. 4 are not in the ledger: what they said is unknown, not nothing',
    ]);
    // Missing [1, 3]: two single amendments
    expect(chainGaps(numbered(0, 2, 4))).toEqual([
      'Amendment No. 1 and Amendment No. 3 are not in the ledger: what they said is unknown, not nothing',
    ]);
  });

  it('counts no numbered filing missing when every filing states no number', () => {
    expect(chainGaps([filed(null, '2020-03-02'), filed(null, '2020-04-01')])).toEqual([
      '2 amendments filed 2020-03-02, 2020-04-01 state no number: placed by filing date',
    ]);
  });

  it('gives the missing numbers, the unnumbered filings and the missing accessions, in that order', () => {
    expect(
      chainGaps([
        filed(0, '2020-01-01'),
        filed(null, '2020-03-02', null, '0000999999-20-000009'),
        filed(2, '2020-05-01'),
      ]),
    ).toEqual([
      'Amendment No. 1 is not in the ledger: what it said is unknown, not nothing',
      'an amendment filed 2020-03-02 states no number: placed by filing date',
      'Amendment (no number) amends the filing with accession number 0000999999-20-000009, which is not in the ledger',
    ]);
  });

  it('says nothing of a previous accession the ledger has, or one the amendment before (recorded without) has', () => {
    // Amendment No. 1 names the original's accession number, which the ledger has
    expect(
      chainGaps([filed(0, '2026-01-02', '0001539497-26-000001'), filed(1, '2026-02-02', null, '0001539497-26-000001')]),
    ).toEqual([]);
    // Amendment No. 1 names an accession number no filing has, but the original was recorded without one: that is it
    expect(chainGaps([filed(0, '2026-01-02'), filed(1, '2026-02-02', null, '0001539497-26-000001')])).toEqual([]);
  });

  it('names a missing previous accession unless the amendment just before was recorded without any', () => {
    const a86 = filed(86, '2026-09-25', '0001539497-26-002605', '0001539497-26-001890');
    const missing =
      'Amendment No. 86 amends the filing with accession number 0001539497-26-001890, which is not in the ledger';
    // Amendment No. 85 recorded with another accession number: not the one named
    expect(chainGaps([filed(85, '2026-06-29', '0001539497-26-001111'), a86]).at(-1)).toBe(missing);
    // Amendment No. 84 recorded without one: not the amendment just before
    expect(chainGaps([filed(84, '2026-01-02'), filed(85, '2026-06-29', '0001539497-26-001111'), a86]).at(-1)).toBe(
      missing,
    );
    // A filing that names no previous accession: nothing to say
    expect(chainGaps([filed(0, '2026-01-02', null, null), filed(1, '2026-09-25', '0001539497-26-002605')])).toEqual([]);
  });
});
