import { describe, expect, it } from 'vitest';
import { asTimeline } from '../../projections/timeline/timeline.js';
import type { Holder, ReportedFigures } from '../../projections/views/holdings-types.js';
import { NOT_BROKEN_DOWN, reportedFiguresAt } from '../../projections/views/reported-figures.js';
import {
  cusipCheckDigit,
  parseCusip,
  type CoverPage,
  type DomainEventInput,
  type EventData,
  type PartialCoverPage,
  type ReportedPercent,
} from '../../src/domain/index.js';
import { givenFacts, type GivenFacts } from '../support/given-facts.js';
import { identified, on } from './build.js';

type ReadingDoubt = EventData<'StatementFiled'>['readingDoubts'][number];

// Synthetic filings of one issuer. A filing's facts are effective on its event date (or its filing date when it
// states none) and disclosed on its filing date, as the ingest records them.
const cusip = parseCusip(`99999X10${cusipCheckDigit('99999X10')}`);
const source = (amendmentNumber: number | null, filedOn: string, item = '5(a)') => ({
  amendmentNumber,
  accessionNumber: null,
  filedOn,
  item,
  quote: 'test',
});
const pct = (value: number): ReportedPercent => ({ kind: 'value', value, text: `${value.toFixed(1)}%` });

interface Rows {
  aggregate: number | null;
  sole?: number | null;
  shared?: number | null;
  percent?: ReportedPercent | null;
}
const cover = (personId: string, name: string, rows: Rows): CoverPage => {
  const sole = rows.sole === undefined ? rows.aggregate : rows.sole;
  const shared = rows.shared === undefined ? 0 : rows.shared;
  return {
    personId,
    name,
    memberOfGroup: { a: false, b: false },
    sourceOfFunds: ['WC'],
    legalProceedings: false,
    citizenshipOrPlace: 'Delaware',
    soleVotingPower: sole,
    sharedVotingPower: shared,
    soleDispositivePower: sole,
    sharedDispositivePower: shared,
    aggregate: rows.aggregate,
    excludesCertainShares: false,
    percentOfClass: rows.percent === undefined ? null : rows.percent,
    typeOfReportingPerson: ['PN'],
    footnotes: [],
  };
};

interface Filing {
  amendmentNumber: number | null;
  filedOn: string;
  eventDate: string | null;
  coverPages?: CoverPage[];
  partialCoverPages?: PartialCoverPage[];
  readingDoubts?: ReadingDoubt[];
}
const filing = (f: Filing): DomainEventInput => ({
  type: 'StatementFiled',
  data: {
    ...on(f.eventDate ?? f.filedOn, f.filedOn),
    source: source(f.amendmentNumber, f.filedOn, 'cover'),
    issuer: { name: 'Example Issuer, Inc.', cusip, cik: null },
    classTitle: 'Common Stock',
    amendmentNumber: f.amendmentNumber,
    accessionNumber: null,
    eventDate: f.eventDate,
    filedOn: f.filedOn,
    contentsKnown: true,
    items: [{ item: '5', change: 'restated', summary: null }],
    coverPages: f.coverPages ?? [],
    noticeContact: null,
    businessAddresses: [],
    previousAccessionNumber: null,
    filedOnFrom: null,
    partialCoverPages: f.partialCoverPages ?? [],
    readingDoubts: f.readingDoubts ?? [],
  },
});

/** Item 5(a)/(b) of a filing: one person's figures as of `asOf`, sole power only. */
const item5 = (
  personId: string,
  asOf: string,
  filed: [number | null, string],
  aggregate: number,
  percent: ReportedPercent,
): DomainEventInput => ({
  type: 'BeneficialOwnershipReported',
  data: {
    ...on(asOf, filed[1]),
    source: source(filed[0], filed[1]),
    personId,
    aggregate,
    percentOfClass: percent,
    soleVotingPower: aggregate,
    sharedVotingPower: 0,
    soleDispositivePower: aggregate,
    sharedDispositivePower: 0,
  },
});

/** Item 5(a)'s breakdown: `quantity` of a security held as of `asOf`, by the filing `filed`. */
const position = (
  personId: string,
  securityId: string,
  quantity: number,
  asOf: string,
  filed: [number | null, string],
): DomainEventInput => ({
  type: 'PositionReported',
  data: {
    ...on(asOf, filed[1]),
    source: source(filed[0], filed[1]),
    personId,
    securityId,
    quantity,
    sharesIssuableReported: null,
    exercisableFrom: null,
  },
});

const trade = (
  type: 'SharesPurchased' | 'SharesSold',
  personId: string,
  shares: number,
  date: string,
  disclosedOn: string,
): DomainEventInput => ({
  type,
  data: { ...on(date, disclosedOn), personId, shares, method: 'open-market', pricePerShare: null, totalPrice: null },
});
const bought = (personId: string, shares: number, date: string, disclosedOn: string) =>
  trade('SharesPurchased', personId, shares, date, disclosedOn);
const sold = (personId: string, shares: number, date: string, disclosedOn: string) =>
  trade('SharesSold', personId, shares, date, disclosedOn);
const warrants = (
  personId: string,
  securityId: string,
  shares: number,
  date: string,
  exercisableFrom: string | null,
): DomainEventInput => ({
  type: 'WarrantsIssued',
  data: { ...on(date), personId, securityId, shares, exercisePrice: null, exercisableFrom, expiresOn: null },
});

/** The id of the one fact of `type` that `matches`. */
function idOf(given: GivenFacts, type: string, matches: (data: Record<string, unknown>) => boolean): string {
  const found = given.facts().filter((f) => f.event.type === type && matches(f.event.data as Record<string, unknown>));
  if (found.length !== 1) throw new Error(`${found.length} facts of type ${type} match`);
  return found[0]!.id;
}
const statementId = (given: GivenFacts, amendmentNumber: number | null, filedOn: string) =>
  idOf(given, 'StatementFiled', (d) => d.amendmentNumber === amendmentNumber && d.filedOn === filedOn);

/** The figures a cover page reports, as the holdings view records them. */
const fromCoverPage = (
  page: CoverPage,
  filed: { filing: string; amendmentNumber: number | null; filedOn: string; asOf: string; factId: string },
): ReportedFigures => ({
  kind: 'cover-page',
  ...filed,
  aggregate: page.aggregate,
  percentOfClass: page.percentOfClass,
  soleVotingPower: page.soleVotingPower,
  sharedVotingPower: page.sharedVotingPower,
  soleDispositivePower: page.soleDispositivePower,
  sharedDispositivePower: page.sharedDispositivePower,
});

describe("which filing gives a person's reported figures as of a date (reportedFiguresAt)", () => {
  // Original (event 2024-01-10, filed 2024-01-15): cover pages of the fund (1,000 sole) and its general partner
  // (1,000 shared); Item 5 of the original states the fund's 900 shares as of 2024-01-05.
  // Amendment No. 1 (event 2024-03-12, filed 2024-03-15): the fund's cover page, 1,500; its Item 5 says 1,400 as of
  // the same date. Amendment No. 2 (filed 2024-04-12): Item 5 only, 1,700 as of 2024-04-10.
  // Amendment No. 3 (XML, event 2024-05-13, filed 2024-05-15): a partial cover page restating rows 11 and 13 only.
  // An amendment that states no number and no event date (filed 2024-06-20): the fund's cover page, 2,000.
  const fundDoubt: ReadingDoubt = {
    personId: 'fund',
    row: 7,
    read: '1,000 (1)',
    reason: 'a footnote marker beside the figure',
    place: 'line 114',
  };
  const gpDoubt: ReadingDoubt = { personId: 'gp', row: 11, read: '1,O00', reason: 'a letter O', place: 'line 160' };
  const frontDoubt: ReadingDoubt = {
    personId: null,
    row: 0,
    read: '99999X10',
    reason: 'no check digit',
    place: 'line 3',
  };
  const fund0 = cover('fund', 'FUND ONE LP', { aggregate: 1_000, percent: pct(10) });
  const gp0 = cover('gp', 'FUND ONE GP LLC', { aggregate: 1_000, sole: 0, shared: 1_000, percent: pct(10) });
  const fund1 = cover('fund', 'FUND ONE LP', { aggregate: 1_500, percent: pct(15) });
  const fundU = cover('fund', 'FUND ONE LP', { aggregate: 2_000, percent: pct(20) });
  const given = givenFacts([
    filing({
      amendmentNumber: 0,
      filedOn: '2024-01-15',
      eventDate: '2024-01-10',
      coverPages: [fund0, gp0],
      readingDoubts: [frontDoubt, fundDoubt, gpDoubt],
    }),
    item5('fund', '2024-01-05', [0, '2024-01-15'], 900, pct(9)),
    filing({ amendmentNumber: 1, filedOn: '2024-03-15', eventDate: '2024-03-12', coverPages: [fund1] }),
    item5('fund', '2024-03-12', [1, '2024-03-15'], 1_400, pct(14)),
    filing({ amendmentNumber: 2, filedOn: '2024-04-12', eventDate: '2024-04-10' }),
    item5('fund', '2024-04-10', [2, '2024-04-12'], 1_700, pct(17)),
    filing({
      amendmentNumber: 3,
      filedOn: '2024-05-15',
      eventDate: '2024-05-13',
      partialCoverPages: [{ personId: 'fund', name: 'FUND ONE LP', aggregate: 1_800, percentOfClass: pct(18) }],
    }),
    filing({ amendmentNumber: null, filedOn: '2024-06-20', eventDate: null, coverPages: [fundU] }),
  ]);
  const timeline = asTimeline(given.facts());
  const at = (asOf: string) => reportedFiguresAt(timeline, asOf);
  const fundAt = (asOf: string) => at(asOf).get('fund');
  const item5Id = (asOf: string) => idOf(given, 'BeneficialOwnershipReported', (d) => d.effectiveDate === asOf);

  it('has nothing before the first figures are stated', () => {
    expect(at('2024-01-04').size).toBe(0);
  });

  it("gives Item 5's figures, unnamed, from their own date (the filing's number and date from their source)", () => {
    const figures = {
      name: null,
      from: {
        kind: 'item-5',
        filing: 'Original Schedule 13D',
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        asOf: '2024-01-05',
        factId: item5Id('2024-01-05'),
        aggregate: 900,
        percentOfClass: pct(9),
        soleVotingPower: 900,
        sharedVotingPower: 0,
        soleDispositivePower: 900,
        sharedDispositivePower: 0,
      },
    };
    expect(fundAt('2024-01-05')).toEqual(figures);
    // The day before the cover page's event date, still Item 5's
    expect(fundAt('2024-01-09')).toEqual(figures);
    expect([...at('2024-01-09').keys()]).toEqual(['fund']);
  });

  it("gives a cover page from its event date on, over an earlier Item 5, with the person's own doubts", () => {
    const figures = at('2024-01-10');
    const filed = {
      filing: 'Original Schedule 13D',
      amendmentNumber: 0,
      filedOn: '2024-01-15',
      asOf: '2024-01-10',
      factId: statementId(given, 0, '2024-01-15'),
    };
    expect(figures.get('fund')).toEqual({
      name: 'FUND ONE LP',
      from: {
        ...fromCoverPage(fund0, filed),
        readWithDoubt: [
          { row: 7, read: '1,000 (1)', reason: 'a footnote marker beside the figure', place: 'line 114' },
        ],
      },
    });
    // The general partner's page: 0 sole, 1,000 shared; only its own doubt (not the fund's, not the front page's)
    expect(figures.get('gp')).toEqual({
      name: 'FUND ONE GP LLC',
      from: {
        ...fromCoverPage(gp0, filed),
        readWithDoubt: [{ row: 11, read: '1,O00', reason: 'a letter O', place: 'line 160' }],
      },
    });
    expect([...figures.keys()]).toEqual(['fund', 'gp']);
  });

  it('keeps the earlier cover page up to the day before a later event date', () => {
    expect(fundAt('2024-03-11')?.from).toMatchObject({ filing: 'Original Schedule 13D', aggregate: 1_000 });
  });

  it('prefers the cover page to an Item 5 of the same date, and records no doubts when there are none', () => {
    const fund = fundAt('2024-03-12')!;
    expect(fund).toEqual({
      name: 'FUND ONE LP',
      from: fromCoverPage(fund1, {
        filing: 'Amendment No. 1',
        amendmentNumber: 1,
        filedOn: '2024-03-15',
        asOf: '2024-03-12',
        factId: statementId(given, 1, '2024-03-15'),
      }),
    });
    expect(fund.from).not.toHaveProperty('readWithDoubt');
    expect(fundAt('2024-04-09')?.from).toMatchObject({ kind: 'cover-page', aggregate: 1_500 });
  });

  it('prefers a later Item 5 to an earlier cover page, from its own date', () => {
    expect(fundAt('2024-04-10')).toEqual({
      name: null,
      from: {
        kind: 'item-5',
        filing: 'Amendment No. 2',
        amendmentNumber: 2,
        filedOn: '2024-04-12',
        asOf: '2024-04-10',
        factId: item5Id('2024-04-10'),
        aggregate: 1_700,
        percentOfClass: pct(17),
        soleVotingPower: 1_700,
        sharedVotingPower: 0,
        soleDispositivePower: 1_700,
        sharedDispositivePower: 0,
      },
    });
  });

  it('gives a partial cover page as filed by the amendment that restates it, the other rows carried', () => {
    // Amendment No. 3 restates rows 11 and 13 (1,800, 18.0%); rows 7-10 stay Amendment No. 1's (1,500 sole, 0 shared)
    expect(fundAt('2024-05-13')).toEqual({
      name: 'FUND ONE LP',
      from: {
        kind: 'cover-page',
        filing: 'Amendment No. 3',
        amendmentNumber: 3,
        filedOn: '2024-05-15',
        asOf: '2024-05-13',
        factId: statementId(given, 3, '2024-05-15'),
        aggregate: 1_800,
        percentOfClass: pct(18),
        soleVotingPower: 1_500,
        sharedVotingPower: 0,
        soleDispositivePower: 1_500,
        sharedDispositivePower: 0,
      },
    });
  });

  it('dates the cover page of a filing that states no event date by its filing date', () => {
    expect(fundAt('2024-06-19')?.from.filing).toBe('Amendment No. 3');
    expect(fundAt('2024-06-20')).toEqual({
      name: 'FUND ONE LP',
      from: fromCoverPage(fundU, {
        filing: 'Amendment (no number)',
        amendmentNumber: null,
        filedOn: '2024-06-20',
        asOf: '2024-06-20',
        factId: statementId(given, null, '2024-06-20'),
      }),
    });
  });
});

/** The holder's fields that say where its figures come from and what they are. */
const figuresOf = (h: Holder) => ({
  aggregate: h.aggregate,
  percentOfClass: h.percentOfClass,
  percentOfClassReason: h.percentOfClassReason,
  soleVotingPower: h.soleVotingPower,
  sharedVotingPower: h.sharedVotingPower,
  soleDispositivePower: h.soleDispositivePower,
  sharedDispositivePower: h.sharedDispositivePower,
  basis: h.basis,
});

describe('holders known only from reported figures', () => {
  // Original (event 2024-01-10, filed 2024-01-15): the fund's cover page (600 sole + 400 shared = 1,000, 10.0%, row 7
  // read with doubt) and its general partner's (1,000 shared). The fund is identified by name only on 2024-02-01.
  const fundPage = cover('fund', 'FUND ONE LP', { aggregate: 1_000, sole: 600, shared: 400, percent: pct(10) });
  const gpPage = cover('gp', 'FUND ONE GP LLC', { aggregate: 1_000, sole: 0, shared: 1_000, percent: pct(10) });
  const doubt: ReadingDoubt = {
    personId: 'fund',
    row: 7,
    read: '600 (1)',
    reason: 'a footnote marker beside the figure',
    place: 'line 114',
  };
  const given = givenFacts([
    filing({
      amendmentNumber: 0,
      filedOn: '2024-01-15',
      eventDate: '2024-01-10',
      coverPages: [fundPage, gpPage],
      readingDoubts: [doubt],
    }),
    identified('fund', 'Fund One, L.P.', '2024-02-01'),
  ]);
  const filed = {
    filing: 'Original Schedule 13D',
    amendmentNumber: 0,
    filedOn: '2024-01-15',
    asOf: '2024-01-10',
    factId: statementId(given, 0, '2024-01-15'),
  };

  it('shows the cover figures on their date, reported, with no securities and the notes saying so', () => {
    // Given the fund is not yet identified on 2024-01-10 (no holder computed for it)
    const fund = given.holder('fund', '2024-01-10');
    // Then its holder is the cover page's, named as the ledger names it (names are timeless)
    expect(fund).toEqual({
      personId: 'fund',
      name: 'Fund One, L.P.',
      securities: [],
      sharesOwned: { direct: 0, indirect: 0 },
      rightsCounted: 0,
      aggregate: 1_000,
      percentOfClass: 10,
      percentOfClassReason: null,
      soleVotingPower: 600,
      sharedVotingPower: 400,
      soleDispositivePower: 600,
      sharedDispositivePower: 400,
      basis: 'reported',
      controlledEntities: [],
      unexplainedDifferences: [],
      notes: [
        'securities not broken down by the filing',
        'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10',
        'Original Schedule 13D row 7 read with doubt (line 114): a footnote marker beside the figure',
      ],
      breakdownKnown: false,
      reportedFigures: {
        ...fromCoverPage(fundPage, filed),
        readWithDoubt: [{ row: 7, read: '600 (1)', reason: 'a footnote marker beside the figure', place: 'line 114' }],
      },
      differsFromReported: [],
    });
    expect(NOT_BROKEN_DOWN).toBe('securities not broken down by the filing');
  });

  it('names a person that only a cover page names as printed there', () => {
    expect(given.holder('gp', '2024-01-10')).toMatchObject({
      name: 'FUND ONE GP LLC',
      notes: [
        'securities not broken down by the filing',
        'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10',
      ],
      reportedFigures: fromCoverPage(gpPage, filed),
    });
  });

  it('carries the figures forward after their date as derived', () => {
    // 2024-01-20: no transactions since 2024-01-10, so the figures are the cover's, but not stated as of that day
    expect(figuresOf(given.holder('fund', '2024-01-20'))).toEqual({
      aggregate: 1_000,
      percentOfClass: 10,
      percentOfClassReason: null,
      soleVotingPower: 600,
      sharedVotingPower: 400,
      soleDispositivePower: 600,
      sharedDispositivePower: 400,
      basis: 'derived',
    });
  });

  it('lists each person once: the identified one where the computed holders are, then the others', () => {
    // Given the fund identified by 2024-02-01 (a computed holder with no securities) and the general partner not
    const view = given.holdings('2024-02-01');
    expect(view.holders.map((h) => h.personId)).toEqual(['fund', 'gp']);
    // Then the fund's figures are still the cover's; no transactions to compare them with, so no such note
    const fund = view.holders[0]!;
    expect(fund).toMatchObject({ name: 'Fund One, L.P.', aggregate: 1_000, basis: 'derived', breakdownKnown: false });
    expect(fund.notes).toEqual([
      'securities not broken down by the filing',
      'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10',
      'Original Schedule 13D row 7 read with doubt (line 114): a footnote marker beside the figure',
    ]);
  });

  it('says why the percent is unknown where row 13 is blank, and keeps blank rows unknown', () => {
    // Given a cover page whose rows 7-11 and 13 are all left blank
    const blank = givenFacts([
      filing({
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        eventDate: '2024-01-10',
        coverPages: [cover('blank', 'BLANK ROWS LLC', { aggregate: null, sole: null, shared: null, percent: null })],
      }),
    ]).holder('blank', '2024-01-10');
    expect(figuresOf(blank)).toEqual({
      aggregate: null,
      percentOfClass: null,
      percentOfClassReason: 'row 13 (percent of class) is left blank on the filing',
      soleVotingPower: null,
      sharedVotingPower: null,
      soleDispositivePower: null,
      sharedDispositivePower: null,
      basis: 'reported',
    });
  });
});

describe('a person known only from Item 5 (no statement recorded)', () => {
  // Amendment No. 3's Item 5 (filed 2024-05-03): the adviser, 300 shares as of 2024-05-01, "Less than 1%"
  const lessThan1: ReportedPercent = { kind: 'less-than', bound: 1, text: 'Less than 1%' };
  const given = givenFacts([item5('adviser', '2024-05-01', [3, '2024-05-03'], 300, lessThan1)]);

  it('shows the Item 5 figures under the person id (no name known), the bound as the reason for no percent', () => {
    const adviser = given.holder('adviser', '2024-05-01');
    expect(adviser).toMatchObject({
      name: 'adviser',
      aggregate: 300,
      percentOfClass: null,
      percentOfClassReason: 'the filing reports "Less than 1%" and gives no figure',
      soleVotingPower: 300,
      basis: 'reported',
      breakdownKnown: false,
      notes: [
        'securities not broken down by the filing',
        'figures as reported by Amendment No. 3 (Item 5) as of 2024-05-01',
      ],
    });
    expect(adviser.reportedFigures).toMatchObject({ kind: 'item-5', filing: 'Amendment No. 3', filedOn: '2024-05-03' });
    expect(given.holdings('2024-04-30').holders).toEqual([]);
  });
});

describe('reported figures over transactions that do not break the holding down', () => {
  // The fund (identified 2024-01-02) bought 700 shares on 2024-01-05 and got warrants on 300 shares exercisable at
  // once on 2024-01-06. The original (event 2024-01-10, filed 2024-01-15) gives its cover page only: 800 sole +
  // 400 shared = 1,200, 12.0%. Later trades:
  // - 2024-01-12: +50, in the original's own table of trades (disclosed 2024-01-15, its filing date);
  // - 2024-01-18: -30 and 2024-01-20: +200, disclosed 2024-03-15 (a later filing);
  // - 2024-01-25: another person buys 999, disclosed 2024-03-15;
  // - 2024-02-15: +5, disclosed 2024-03-15.
  const fundPage = cover('fund', 'FUND ONE LP', { aggregate: 1_200, sole: 800, shared: 400, percent: pct(12) });
  const given = givenFacts([
    identified('fund', 'Fund One, L.P.', '2024-01-02'),
    bought('fund', 700, '2024-01-05', '2024-01-15'),
    warrants('fund', 'fund-warrants', 300, '2024-01-06', null),
    filing({ amendmentNumber: 0, filedOn: '2024-01-15', eventDate: '2024-01-10', coverPages: [fundPage] }),
    bought('fund', 50, '2024-01-12', '2024-01-15'),
    sold('fund', 30, '2024-01-18', '2024-03-15'),
    bought('fund', 200, '2024-01-20', '2024-03-15'),
    bought('other', 999, '2024-01-25', '2024-03-15'),
    bought('fund', 5, '2024-02-15', '2024-03-15'),
  ]);
  const figures = 'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10';
  const laterPercentReason =
    'Original Schedule 13D reports "12.0%" as of 2024-01-10, before later transactions; ' +
    "it gives no breakdown of the person's own rights to recompute it";

  it("gives the cover's totals on its date, not the transactions', and no breakdown from transactions alone", () => {
    const fund = given.holder('fund', '2024-01-10');
    // The transactions give 700 shares + 300 warrant shares = 1,000; the cover's 1,200 governs
    expect(fund).toMatchObject({
      name: 'Fund One, L.P.',
      securities: [],
      sharesOwned: { direct: 0, indirect: 0 },
      rightsCounted: 0,
      ...coverFigures(1_200, 800, 400, 12, null, 'reported'),
      controlledEntities: [],
      unexplainedDifferences: [],
      breakdownKnown: false,
      differsFromReported: [],
    });
    expect(fund.notes).toEqual([
      NOT_BROKEN_DOWN,
      figures,
      'the transactions known give 1,000 shares; Original Schedule 13D reports 1,200, which governs the totals ' +
        '(transactions up to 2024-01-10 are history, not added on top)',
    ]);
  });

  it('adds nothing a trade table of the same filing already counts (disclosed on its filing date)', () => {
    // 2024-01-12: the +50 is disclosed 2024-01-15, not after the original's filing date: the cover counts it
    const fund = given.holder('fund', '2024-01-12');
    expect(figuresOf(fund)).toEqual(coverFigures(1_200, 800, 400, 12, null, 'derived'));
    // The transactions now give 750 + 300 = 1,050
    expect(fund.notes.at(-1)).toBe(
      'the transactions known give 1,050 shares; Original Schedule 13D reports 1,200, which governs the totals ' +
        '(transactions up to 2024-01-10 are history, not added on top)',
    );
  });

  it('takes a later sale off the sole powers and the aggregate, and says so with its sign', () => {
    // 2024-01-18: 1,200 - 30 = 1,170; sole 800 - 30 = 770; shared 400 unchanged
    const fund = given.holder('fund', '2024-01-18');
    expect(figuresOf(fund)).toEqual(coverFigures(1_170, 770, 400, null, laterPercentReason, 'derived'));
    expect(fund.notes.at(-1)).toBe(
      '-30 shares from transactions after 2024-01-10 added to the reported figures (sole power)',
    );
  });

  it("adds only the person's own trades disclosed later, up to the date asked, with a plus sign", () => {
    // 2024-02-10: -30 + 200 = +170 (not the other person's 999, not the +50 of the original's table, not 2024-02-15's
    // +5): 1,200 + 170 = 1,370; sole 800 + 170 = 970
    const fund = given.holder('fund', '2024-02-10');
    expect(figuresOf(fund)).toEqual(coverFigures(1_370, 970, 400, null, laterPercentReason, 'derived'));
    // The transactions give 700 + 50 - 30 + 200 = 920 shares + 300 warrant shares = 1,220
    expect(fund.notes).toEqual([
      NOT_BROKEN_DOWN,
      figures,
      'the transactions known give 1,220 shares; Original Schedule 13D reports 1,200, which governs the totals ' +
        '(transactions up to 2024-01-10 are history, not added on top)',
      '+170 shares from transactions after 2024-01-10 added to the reported figures (sole power)',
    ]);
  });

  it('leaves a blank row blank, and the percent reason the blank row, whatever trades follow', () => {
    // Given a cover page with rows 7-11 and 13 blank, and +10 shares bought after it, disclosed later
    const blank = givenFacts([
      filing({
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        eventDate: '2024-01-10',
        coverPages: [cover('blank', 'BLANK ROWS LLC', { aggregate: null, sole: null, shared: null, percent: null })],
      }),
      bought('blank', 10, '2024-01-20', '2024-03-15'),
    ]).holder('blank', '2024-02-10');
    expect(figuresOf(blank)).toEqual({
      aggregate: null,
      percentOfClass: null,
      percentOfClassReason: 'row 13 (percent of class) is left blank on the filing',
      soleVotingPower: null,
      sharedVotingPower: null,
      soleDispositivePower: null,
      sharedDispositivePower: null,
      basis: 'derived',
    });
    // No comparison with a blank row 11; the +10 is still said
    expect(blank.notes).toEqual([
      NOT_BROKEN_DOWN,
      figures,
      '+10 shares from transactions after 2024-01-10 added to the reported figures (sole power)',
    ]);
  });
});

/** Cover figures as a holder shows them: sole and shared powers alike for voting and disposing. */
function coverFigures(
  aggregate: number | null,
  sole: number | null,
  shared: number | null,
  percent: number | null,
  percentReason: string | null,
  basis: Holder['basis'],
): ReturnType<typeof figuresOf> {
  return {
    aggregate,
    percentOfClass: percent,
    percentOfClassReason: percentReason,
    soleVotingPower: sole,
    sharedVotingPower: shared,
    soleDispositivePower: sole,
    sharedDispositivePower: shared,
    basis,
  };
}

describe('what the comparison note says of the transactions known', () => {
  // The original (event 2024-01-10, filed 2024-01-15) gives cover pages only. Each person's trades are disclosed by it.
  const original = (...pages: CoverPage[]) =>
    filing({ amendmentNumber: 0, filedOn: '2024-01-15', eventDate: '2024-01-10', coverPages: pages });

  it('calls a negative net from a holding no filing states by that name, and keeps its unexplained difference', () => {
    // Given a seller who bought 100 and sold 150 before the cover page (400 shares): 100 - 150 = -50
    const given = givenFacts([
      identified('seller', 'Seller Corp.', '2024-01-02'),
      bought('seller', 100, '2024-01-03', '2024-01-15'),
      sold('seller', 150, '2024-01-04', '2024-01-15'),
      original(cover('seller', 'SELLER CORP', { aggregate: 400, percent: pct(4) })),
    ]);
    const seller = given.holder('seller', '2024-01-10');
    expect(seller.notes.at(-1)).toBe(
      'the transactions known net -50 shares from a holding no filing states; Original Schedule 13D reports 400, ' +
        'which governs the totals (transactions up to 2024-01-10 are history, not added on top)',
    );
    // The sale of 150 against 100 held: 50 short, kept on the holder
    const saleId = idOf(given, 'SharesSold', (d) => d.personId === 'seller');
    expect(seller.unexplainedDifferences).toEqual([
      {
        kind: 'sale-exceeds-holding',
        personId: 'seller',
        securityId: 'common',
        asOf: '2024-01-04',
        reported: 150,
        computed: 100,
        difference: 50,
        factId: saleId,
        source: source(1, '2024-01-15', '5(c)'),
      },
    ]);
  });

  it('gives zero, not a net, for rights not yet exercisable', () => {
    // Given warrants on 500 shares exercisable from 2024-06-01, past 60 days from 2024-01-10: 0 counted
    const director = givenFacts([
      identified('director', 'A. Director'),
      warrants('director', 'director-warrants', 500, '2024-01-05', '2024-06-01'),
      original(cover('director', 'A. DIRECTOR', { aggregate: 10, percent: pct(0.1) })),
    ]).holder('director', '2024-01-10');
    expect(director.notes.at(-1)).toBe(
      'the transactions known give 0 shares; Original Schedule 13D reports 10, which governs the totals ' +
        '(transactions up to 2024-01-10 are history, not added on top)',
    );
    expect([director.aggregate, director.rightsCounted, director.securities]).toEqual([10, 0, []]);
  });

  it('says nothing when the transactions give the reported aggregate', () => {
    const equal = givenFacts([
      identified('equal', 'Equal LLC'),
      bought('equal', 400, '2024-01-05', '2024-01-15'),
      original(cover('equal', 'EQUAL LLC', { aggregate: 400, percent: pct(4) })),
    ]).holder('equal', '2024-01-10');
    expect(equal.notes).toEqual([
      NOT_BROKEN_DOWN,
      'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10',
    ]);
  });

  it('says nothing when the cover page leaves row 11 blank', () => {
    const blank = givenFacts([
      identified('blank', 'Blank LLC'),
      bought('blank', 400, '2024-01-05', '2024-01-15'),
      original(cover('blank', 'BLANK LLC', { aggregate: null, sole: 400, percent: pct(4) })),
    ]).holder('blank', '2024-01-10');
    expect(blank.aggregate).toBeNull();
    expect(blank.soleVotingPower).toBe(400);
    expect(blank.notes).toEqual([
      NOT_BROKEN_DOWN,
      'figures as reported by Original Schedule 13D (cover page) as of 2024-01-10',
    ]);
  });
});

describe("an earlier filing's breakdown under a later filing's totals", () => {
  // The general partner (gp) controls the fund from 2024-01-02. The original (event 2024-01-10, filed 2024-01-15)
  // breaks down the fund's 1,000 shares; Amendment No. 1 (event 2024-02-10, filed 2024-02-12) the gp's own 100.
  // The gp gets warrants on 50 shares, exercisable at once, on 2024-02-20. Amendment No. 2 (event 2024-03-12,
  // filed 2024-03-15) gives only the gp's cover page: 150 sole + 1,150 shared = 1,300, 13.0%.
  // The gp's securities come own first, so the latest breakdown (2024-02-10) is not the last one listed.
  const gpPage = cover('gp', 'FUND ONE GP LLC', { aggregate: 1_300, sole: 150, shared: 1_150, percent: pct(13) });
  const given = givenFacts([
    identified('gp', 'Fund One GP LLC'),
    identified('fund', 'Fund One, L.P.', '2024-01-02'),
    {
      type: 'ControlEstablished',
      data: { ...on('2024-01-02'), controllerId: 'gp', entityId: 'fund', relationship: 'general partner' },
    },
    filing({ amendmentNumber: 0, filedOn: '2024-01-15', eventDate: '2024-01-10' }),
    position('fund', 'common', 1_000, '2024-01-10', [0, '2024-01-15']),
    filing({ amendmentNumber: 1, filedOn: '2024-02-12', eventDate: '2024-02-10' }),
    position('gp', 'common', 100, '2024-02-10', [1, '2024-02-12']),
    warrants('gp', 'gp-warrants', 50, '2024-02-20', null),
    filing({ amendmentNumber: 2, filedOn: '2024-03-15', eventDate: '2024-03-12', coverPages: [gpPage] }),
  ]);

  it("shows the last breakdown (derived) and the person's own and controlled holdings, the totals the filing's", () => {
    const gp = given.holder('gp', '2024-03-12');
    // Securities: the gp's 100 shares (reported 2024-02-10), its warrants (transactions only), the fund's 1,000
    // shares (reported 2024-01-10, held through the fund)
    expect(gp.securities.map((s) => [s.securityId, s.heldBy, s.countedShares, s.basis, s.reportedAsOf])).toEqual([
      ['common', 'gp', 100, 'derived', '2024-02-10'],
      ['gp-warrants', 'gp', 50, 'transactions', null],
      ['common', 'fund', 1_000, 'derived', '2024-01-10'],
    ]);
    expect(gp).toMatchObject({
      name: 'Fund One GP LLC',
      sharesOwned: { direct: 100, indirect: 1_000 },
      rightsCounted: 50,
      ...coverFigures(1_300, 150, 1_150, 13, null, 'reported'),
      controlledEntities: ['fund'],
      breakdownKnown: false,
      reportedFigures: { filing: 'Amendment No. 2', asOf: '2024-03-12' },
    });
    // The securities give 100 + 50 + 1,000 = 1,150; the breakdown is Amendment No. 1's, the latest of the two dates
    expect(gp.notes).toEqual([
      'securities not broken down by the filing Amendment No. 2: securities as last broken down by ' +
        'Amendment No. 1 (as of 2024-02-10), plus the transactions since (derived)',
      'figures as reported by Amendment No. 2 (cover page) as of 2024-03-12',
      'the securities known give 1,150 shares; Amendment No. 2 reports 1,300, which governs the totals ' +
        '(transactions up to 2024-03-12 are history, not added on top)',
    ]);
  });

  it('leaves the controlled entity, with no figures of its own, as computed', () => {
    const fund = given.holder('fund', '2024-03-12');
    expect([fund.aggregate, fund.basis, fund.breakdownKnown, fund.reportedFigures]).toEqual([
      1_000,
      'derived',
      true,
      null,
    ]);
  });

  it('names a breakdown no statement is dated for by its date', () => {
    // Given Item 5 of the original stating the fund's 1,000 shares as of 2024-01-05 (before its event date), and
    // Amendment No. 1's cover page as of 2024-03-12
    const fund = givenFacts([
      identified('fund', 'Fund One, L.P.', '2024-01-02'),
      filing({ amendmentNumber: 0, filedOn: '2024-01-15', eventDate: '2024-01-10' }),
      position('fund', 'common', 1_000, '2024-01-05', [0, '2024-01-15']),
      filing({
        amendmentNumber: 1,
        filedOn: '2024-03-15',
        eventDate: '2024-03-12',
        coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_000, percent: pct(10) })],
      }),
    ]).holder('fund', '2024-03-12');
    expect(fund.notes[0]).toBe(
      'securities not broken down by the filing Amendment No. 1: securities as last broken down by ' +
        'the report as of 2024-01-05, plus the transactions since (derived)',
    );
  });
});

describe('whether a breakdown is as recent as the reported figures', () => {
  it('takes a breakdown of the same date by another filing filed the same day as older than the totals', () => {
    // Given Amendment No. 1 breaking the fund's 1,000 shares down as of 2024-03-12 and Amendment No. 2, filed the
    // same day for the same event date, giving only its cover page: 1,200
    const fund = givenFacts([
      identified('fund', 'Fund One, L.P.', '2024-01-02'),
      filing({ amendmentNumber: 1, filedOn: '2024-03-15', eventDate: '2024-03-12' }),
      position('fund', 'common', 1_000, '2024-03-12', [1, '2024-03-15']),
      filing({
        amendmentNumber: 2,
        filedOn: '2024-03-15',
        eventDate: '2024-03-12',
        coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_200, percent: pct(12) })],
      }),
    ]).holder('fund', '2024-03-12');
    // Then Amendment No. 2's totals govern; the security reported that day is shown derived under them
    expect(fund).toMatchObject({ aggregate: 1_200, basis: 'reported', breakdownKnown: false, differsFromReported: [] });
    expect(fund.securities.map((s) => [s.securityId, s.quantity, s.basis])).toEqual([['common', 1_000, 'derived']]);
    expect(fund.notes).toEqual([
      // The breakdown is Amendment No. 1's, though both filings state the same event date
      'securities not broken down by the filing Amendment No. 2: securities as last broken down by ' +
        'Amendment No. 1 (as of 2024-03-12), plus the transactions since (derived)',
      'figures as reported by Amendment No. 2 (cover page) as of 2024-03-12',
      'the securities known give 1,000 shares; Amendment No. 2 reports 1,200, which governs the totals ' +
        '(transactions up to 2024-03-12 are history, not added on top)',
    ]);
  });

  it('tells two amendments that state no number apart by their filing dates', () => {
    // Given one unnumbered amendment (filed 2024-02-20, no event date) breaking the fund's 1,000 shares down, and
    // another (event 2024-03-12, filed 2024-03-15) giving only its cover page: 1,100
    const fund = givenFacts([
      identified('fund', 'Fund One, L.P.', '2024-01-02'),
      filing({ amendmentNumber: null, filedOn: '2024-02-20', eventDate: null }),
      position('fund', 'common', 1_000, '2024-02-20', [null, '2024-02-20']),
      filing({
        amendmentNumber: null,
        filedOn: '2024-03-15',
        eventDate: '2024-03-12',
        coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_100, percent: pct(11) })],
      }),
    ]).holder('fund', '2024-03-12');
    expect([fund.aggregate, fund.breakdownKnown]).toEqual([1_100, false]);
    // The breakdown's filing is found by its date (the filing date, as it states no event date)
    expect(fund.notes[0]).toBe(
      'securities not broken down by the filing Amendment (no number): securities as last broken down by ' +
        'Amendment (no number) (as of 2024-02-20), plus the transactions since (derived)',
    );
  });

  it("does not count another person's later breakdown as the person's own", () => {
    // Given the fund identified, with the original's cover page (1,000), and an adviser's position as of 2024-02-10
    const fund = givenFacts([
      identified('fund', 'Fund One, L.P.', '2024-01-02'),
      filing({
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        eventDate: '2024-01-10',
        coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_000, percent: pct(10) })],
      }),
      filing({ amendmentNumber: 1, filedOn: '2024-02-12', eventDate: '2024-02-10' }),
      position('adviser', 'common', 50, '2024-02-10', [1, '2024-02-12']),
    ]).holder('fund', '2024-02-10');
    expect([fund.aggregate, fund.basis, fund.breakdownKnown]).toEqual([1_000, 'derived', false]);
  });

  describe('a breakdown by the filing that reports the totals, or a later one', () => {
    // The original (event 2024-01-10, filed 2024-01-15): 10,000 shares outstanding, the fund's 1,000 shares in Item
    // 5(a) and on its cover page (10.0%). Amendment No. 1 (event 2024-02-10, filed 2024-02-12): Item 5(a) only,
    // 1,100 shares.
    const given = givenFacts([
      identified('fund', 'Fund One, L.P.', '2024-01-02'),
      filing({
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        eventDate: '2024-01-10',
        coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_000, percent: pct(10) })],
      }),
      {
        type: 'SharesOutstandingReported',
        data: {
          ...on('2024-01-10', '2024-01-15'),
          source: source(0, '2024-01-15'),
          count: 10_000,
          reportedBy: 'the Issuer',
        },
      },
      position('fund', 'common', 1_000, '2024-01-10', [0, '2024-01-15']),
      filing({ amendmentNumber: 1, filedOn: '2024-02-12', eventDate: '2024-02-10' }),
      position('fund', 'common', 1_100, '2024-02-10', [1, '2024-02-12']),
    ]);

    it('computes the holding and checks it against the figures of that date: reported where they agree', () => {
      // 1,000 / 10,000 = 10% against "10.0%"
      const fund = given.holder('fund', '2024-01-10');
      expect(fund).toMatchObject({
        aggregate: 1_000,
        percentOfClass: 10,
        basis: 'reported',
        breakdownKnown: true,
        differsFromReported: [],
        reportedFigures: { kind: 'cover-page', filing: 'Original Schedule 13D', asOf: '2024-01-10' },
        notes: [],
      });
    });

    it('checks against nothing on a later date no filing states totals for', () => {
      const fund = given.holder('fund', '2024-01-20');
      expect([fund.aggregate, fund.basis, fund.breakdownKnown, fund.reportedFigures]).toEqual([
        1_000,
        'derived',
        true,
        null,
      ]);
    });

    it("computes from a later filing's breakdown, and says no filing states the totals of its date", () => {
      const fund = given.holder('fund', '2024-02-10');
      expect([fund.aggregate, fund.basis, fund.breakdownKnown, fund.reportedFigures]).toEqual([
        1_100,
        'derived',
        true,
        null,
      ]);
      expect(fund.notes).toEqual([
        'shares outstanding as of 2024-01-10, the latest known on or before 2024-02-10; ' +
          'later issuances are not known to the ledger',
        "no filing states this person's totals as of 2024-02-10; computed from the positions reported",
      ]);
    });
  });

  it('computes a holder with no reported figures at all from its transactions', () => {
    const fund = givenFacts([bought('fund', 10, '2024-01-05', '2024-01-15')]).holder('fund', '2024-01-10');
    expect([fund.aggregate, fund.basis, fund.breakdownKnown, fund.reportedFigures, fund.notes]).toEqual([
      10,
      'transactions',
      true,
      null,
      [],
    ]);
  });

  it('computes a holder with no reported figures of its own from its transactions, beside a reported one', () => {
    // Given the fund's purchase and another person's cover page
    const fund = givenFacts([
      bought('fund', 10, '2024-01-05', '2024-01-15'),
      filing({
        amendmentNumber: 0,
        filedOn: '2024-01-15',
        eventDate: '2024-01-10',
        coverPages: [cover('gp', 'FUND ONE GP LLC', { aggregate: 1_000, percent: pct(10) })],
      }),
    ]).holder('fund', '2024-01-10');
    expect([fund.aggregate, fund.basis, fund.breakdownKnown, fund.reportedFigures]).toEqual([
      10,
      'transactions',
      true,
      null,
    ]);
  });
});

describe('a filing carried across two later splits', () => {
  // The original (event 2024-03-01, filed 2024-03-05): the fund's 1,505 shares (sole), 10.0%. Then 30 shares
  // bought on 2024-05-01, a 1-for-10 reverse split on 2024-06-01, 40 shares bought on 2024-07-01 (each purchase
  // disclosed the day it is made), and a 3-for-1 split on 2024-08-01.
  const split = (date: string, from: number, to: number): DomainEventInput => ({
    type: 'StockSplit',
    data: { ...on(date), from, to },
  });
  const given = givenFacts([
    filing({
      amendmentNumber: 0,
      filedOn: '2024-03-05',
      eventDate: '2024-03-01',
      coverPages: [cover('fund', 'FUND ONE LP', { aggregate: 1_505, percent: pct(10) })],
    }),
    bought('fund', 30, '2024-05-01', '2024-05-01'),
    split('2024-06-01', 10, 1),
    bought('fund', 40, '2024-07-01', '2024-07-01'),
    split('2024-08-01', 1, 3),
  ]);
  const restated = "Original Schedule 13D's counts restated through the ";

  it('restates through the first split only while the second is still to come', () => {
    // 2024-06-15: 1,505 / 10 = 150.5, plus 30 / 10 = 3: 153.5, fraction dropped: 153
    const fund = given.holder('fund', '2024-06-15');
    expect([fund.aggregate, fund.soleVotingPower]).toEqual([153, 153]);
    expect(fund.notes.at(-1)).toBe(`${restated}1-for-10 reverse split effective 2024-06-01`);
    // 2024-07-01: 153.5 + 40 = 193.5: 193
    expect(given.holder('fund', '2024-07-01').aggregate).toBe(193);
  });

  it('restates the filing and each trade through the splits after it, naming both splits', () => {
    // 2024-08-01: 1,505 x 3 / 10 = 451.5; trades 30 x 3 / 10 = 9 and 40 x 3 = 120: 451.5 + 129 = 580.5, fraction
    // dropped once: 580
    const fund = given.holder('fund', '2024-08-01');
    expect([fund.aggregate, fund.soleVotingPower, fund.soleDispositivePower]).toEqual([580, 580, 580]);
    expect(fund.notes.slice(-2)).toEqual([
      '+129 shares from transactions after 2024-03-01 added to the reported figures (sole power)',
      `${restated}1-for-10 reverse split effective 2024-06-01; 3-for-1 split effective 2024-08-01`,
    ]);
  });
});
