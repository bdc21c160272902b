/**
 * reconcile() over small synthetic chains: which filing each check belongs to, what it reads as the filing knew it
 * (its own Item 5, its own breakdown, its own count outstanding), each check's two sides, and the order of findings.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, ReconciliationView } from '../../projections/views/reconciliation.js';
import {
  cusipCheckDigit,
  parseCusip,
  type CoverPage,
  type DomainEventInput,
  type PartialCoverPage,
  type ReportedPercent,
} from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';

const cusip = parseCusip(`99999X10${cusipCheckDigit('99999X10')}`);

interface Filing {
  amendment: number | null;
  eventDate: string | null;
  filedOn: string;
}

/** Provenance: disclosed by `filing`, effective on `date` (default: the filing's event date, else its filing date). */
const by = (filing: Filing, date = filing.eventDate ?? filing.filedOn) => ({
  effectiveDate: date,
  effectiveDatePrecision: 'exact' as const,
  disclosedOn: filing.filedOn,
  source: {
    amendmentNumber: filing.amendment,
    accessionNumber: null,
    filedOn: filing.filedOn,
    item: '5(a)',
    quote: '',
  },
});

const person = (
  f: Filing,
  personId: string,
  name: string,
  kind: 'entity' | 'individual' = 'entity',
  date = '2020-01-01',
): DomainEventInput => ({
  type: 'PersonIdentified',
  data: {
    ...by(f, date),
    personId,
    name,
    kind,
    typeOfReportingPerson: [kind === 'entity' ? 'PN' : 'IN'],
    citizenshipOrPlace: 'Delaware',
    cik: null,
  },
});
const security = (
  f: Filing,
  securityId: string,
  title: string,
  kind: 'common' | 'warrant' | 'option' | 'convertible-preferred',
): DomainEventInput => ({
  type: 'SecurityDescribed',
  data: {
    ...by(f, '2020-01-01'),
    securityId,
    title,
    kind,
    statedValue: null,
    conversionPrice: null,
    conversionPriceFloor: null,
    sharesPerUnit: kind === 'warrant' || kind === 'option' ? 1 : null,
    exercisableFrom: null,
    expiresOn: null,
  },
});
const outstanding = (f: Filing, count: number, date?: string): DomainEventInput => ({
  type: 'SharesOutstandingReported',
  data: { ...by(f, date), count, reportedBy: 'the Issuer' },
});
const position = (
  f: Filing,
  personId: string,
  securityId: string,
  quantity: number,
  sharesIssuableReported: number | null = null,
  date?: string,
): DomainEventInput => ({
  type: 'PositionReported',
  data: { ...by(f, date), personId, securityId, quantity, sharesIssuableReported, exercisableFrom: null },
});
const bought = (f: Filing, personId: string, shares: number, date: string): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...by(f, date), personId, shares, method: 'open-market', pricePerShare: null, totalPrice: null },
});
const sold = (f: Filing, personId: string, shares: number, date: string): DomainEventInput => ({
  type: 'SharesSold',
  data: { ...by(f, date), personId, shares, method: 'open-market', pricePerShare: null, totalPrice: null },
});
const preferred = (f: Filing, personId: string, shares: number, date: string): DomainEventInput => ({
  type: 'PreferredIssued',
  data: { ...by(f, date), personId, securityId: 'series-a', shares, purchasePrice: null },
});

interface Powers {
  sole: number;
  shared: number;
  soleDisp?: number;
  sharedDisp?: number;
  aggregate: number;
}
const percent = (text: string): ReportedPercent =>
  text.startsWith('Less than')
    ? { kind: 'less-than', bound: Number(text.replace(/\D+/g, '')), text }
    : { kind: 'value', value: Number(text.replace('%', '')), text };

const item5 = (f: Filing, personId: string, p: Powers, text: string, quote = ''): DomainEventInput => ({
  type: 'BeneficialOwnershipReported',
  data: {
    ...by(f),
    source: { ...by(f).source, quote },
    personId,
    aggregate: p.aggregate,
    percentOfClass: percent(text),
    soleVotingPower: p.sole,
    sharedVotingPower: p.shared,
    soleDispositivePower: p.soleDisp ?? p.sole,
    sharedDispositivePower: p.sharedDisp ?? p.shared,
  },
});

const cover = (
  personId: string,
  name: string,
  p: Powers,
  text: string,
  footnotes: CoverPage['footnotes'] = [],
): CoverPage => ({
  personId,
  name,
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: ['WC'],
  legalProceedings: false,
  citizenshipOrPlace: 'Delaware',
  soleVotingPower: p.sole,
  sharedVotingPower: p.shared,
  soleDispositivePower: p.soleDisp ?? p.sole,
  sharedDispositivePower: p.sharedDisp ?? p.shared,
  aggregate: p.aggregate,
  excludesCertainShares: false,
  percentOfClass: percent(text),
  typeOfReportingPerson: ['PN'],
  footnotes,
});

type Filed = Extract<DomainEventInput, { type: 'StatementFiled' }>['data'];
const statement = (f: Filing, more: Partial<Filed> = {}): DomainEventInput => ({
  type: 'StatementFiled',
  data: {
    ...by(f),
    issuer: { name: 'Example Issuer, Inc.', cusip, cik: null },
    classTitle: 'Common Stock',
    amendmentNumber: f.amendment,
    accessionNumber: null,
    eventDate: f.eventDate,
    filedOn: f.filedOn,
    contentsKnown: true,
    items: [],
    coverPages: [],
    noticeContact: null,
    businessAddresses: [],
    previousAccessionNumber: null,
    filedOnFrom: null,
    partialCoverPages: [],
    readingDoubts: [],
    ...more,
  },
});

type Checked = Finding & { ok: boolean };
/** Findings and checks that hold, with `ok` beside each (findings first, each list in its order). */
const checksOf = (view: ReconciliationView): Checked[] => [
  ...view.findings.map((f) => ({ ...f, ok: false })),
  ...view.consistent.map((f) => ({ ...f, ok: true })),
];

const ORIGINAL: Filing = { amendment: 0, eventDate: '2024-01-10', filedOn: '2024-01-12' };
const A1: Filing = { amendment: 1, eventDate: '2024-03-01', filedOn: '2024-03-05' };
const A2: Filing = { amendment: 2, eventDate: '2024-04-08', filedOn: '2024-04-10' };

describe('reconcile: a cover page against the filing’s own Item 5', () => {
  // Amendment No. 1 (no shares outstanding stated, no securities broken down): Director A's cover says 162 sole voting,
  // Item 5(b) 81; Director B's figures agree. The original said 100 for Director A in both places; Amendment No. 2 is
  // known only as filed.
  const A = { sole: 162, shared: 0, aggregate: 162 };
  const B = { sole: 600, shared: 400, aggregate: 1_000 };
  const view = givenFacts([
    person(ORIGINAL, 'director-a', 'Director A', 'individual'),
    person(ORIGINAL, 'director-b', 'Director B', 'individual'),
    item5(ORIGINAL, 'director-a', { sole: 100, shared: 0, aggregate: 100 }, 'Less than 1%'),
    statement(ORIGINAL, {
      coverPages: [cover('director-a', 'DIRECTOR A', { sole: 100, shared: 0, aggregate: 100 }, 'Less than 1%')],
    }),
    item5(A1, 'director-b', B, 'Less than 1%'),
    item5(
      A1,
      'director-a',
      { sole: 81, shared: 0, soleDisp: 162, aggregate: 162 },
      'Less than 1%',
      'Director A may be deemed to beneficially own 162 Shares, consisting of (i) 81 Shares and (ii) 81 Shares ' +
        'issuable upon the exercise of options.',
    ),
    statement(A1, {
      coverPages: [
        cover('director-a', 'DIRECTOR A', A, 'Less than 1%'),
        cover('director-b', 'DIRECTOR B', B, 'Less than 1%'),
      ],
    }),
    statement(A2, { contentsKnown: false }),
  ]).reconciled();
  const ofFiling = (list: Finding[], filing: string) => list.filter((f) => f.filing === filing);

  it('finds the row that differs', () => {
    // Director A: 162 on the cover, 81 in Item 5(b)
    expect(ofFiling(view.findings, 'Amendment No. 1')).toEqual([
      {
        filing: 'Amendment No. 1',
        kind: 'cover-vs-item-5',
        personId: 'director-a',
        item: '5',
        reported: 162,
        computed: 81,
        message: 'Director A: sole voting power (row 7) is 162 on the cover page but 81 in Item 5(b)',
      },
    ]);
  });

  it('holds Item 5 powers whose voting falls short of the aggregate when its dispositive power reaches it', () => {
    // Director A's Item 5: 81 + 0 = 81 may be voted, 162 + 0 = 162 disposed of, aggregate 162 (Rule 13d-3: voting or
    // investment power)
    const powers = ofFiling(view.consistent, 'Amendment No. 1').filter(
      (f) => f.kind === 'powers-vs-aggregate' && f.personId === 'director-a' && f.item === '5(b)',
    );
    expect(powers).toEqual([
      {
        filing: 'Amendment No. 1',
        kind: 'powers-vs-aggregate',
        personId: 'director-a',
        item: '5(b)',
        reported: 162,
        computed: 162 + 0,
        message:
          'Director A: Item 5 sole + shared voting power = 81 + 0 = 81 against an aggregate of 162, and sole + shared ' +
          'dispositive power = 162 reach it: Rule 13d-3 counts a share that may be voted or disposed of',
      },
    ]);
  });

  it('lists every row that agrees, the breakdown that adds up, and the powers that make the aggregate', () => {
    // Director A: rows 8-11 agree; 81 + 81 = 162; cover 162 + 0 = 162; Item 5 disposes of 162. Director B: all five
    // rows agree, 600 + 400 =
    // 1,000 on the cover and in Item 5
    expect(ofFiling(view.consistent, 'Amendment No. 1').map((f) => [f.kind, f.item, f.message])).toEqual([
      ['cover-vs-item-5', '5', 'Director A: shared voting power (row 8) is 0 on the cover page and 0 in Item 5(b)'],
      [
        'cover-vs-item-5',
        '5',
        'Director A: sole dispositive power (row 9) is 162 on the cover page and 162 in Item 5(b)',
      ],
      [
        'cover-vs-item-5',
        '5',
        'Director A: shared dispositive power (row 10) is 0 on the cover page and 0 in Item 5(b)',
      ],
      ['cover-vs-item-5', '5', 'Director A: aggregate (row 11) is 162 on the cover page and 162 in Item 5(a)'],
      ['item-5-breakdown', '5(a)', 'Director A: Item 5(a) states 162 Shares, consisting of 81 + 81 = 162'],
      [
        'powers-vs-aggregate',
        'cover',
        'Director A: cover page sole + shared voting power = 162 + 0 = 162 against an aggregate of 162',
      ],
      [
        'powers-vs-aggregate',
        '5(b)',
        'Director A: Item 5 sole + shared voting power = 81 + 0 = 81 against an aggregate of 162, and sole + shared ' +
          'dispositive power = 162 reach it: Rule 13d-3 counts a share that may be voted or disposed of',
      ],
      ['cover-vs-item-5', '5', 'Director B: sole voting power (row 7) is 600 on the cover page and 600 in Item 5(b)'],
      ['cover-vs-item-5', '5', 'Director B: shared voting power (row 8) is 400 on the cover page and 400 in Item 5(b)'],
      [
        'cover-vs-item-5',
        '5',
        'Director B: sole dispositive power (row 9) is 600 on the cover page and 600 in Item 5(b)',
      ],
      [
        'cover-vs-item-5',
        '5',
        'Director B: shared dispositive power (row 10) is 400 on the cover page and 400 in Item 5(b)',
      ],
      ['cover-vs-item-5', '5', 'Director B: aggregate (row 11) is 1,000 on the cover page and 1,000 in Item 5(a)'],
      [
        'powers-vs-aggregate',
        'cover',
        'Director B: cover page sole + shared voting power = 600 + 400 = 1,000 against an aggregate of 1,000',
      ],
      [
        'powers-vs-aggregate',
        '5(b)',
        'Director B: Item 5 sole + shared voting power = 600 + 400 = 1,000 against an aggregate of 1,000',
      ],
    ]);
  });

  it("checks the original against its own Item 5 (100 everywhere), not the amendment's", () => {
    expect(ofFiling(view.findings, 'Original Schedule 13D')).toEqual([]);
    expect(
      ofFiling(view.consistent, 'Original Schedule 13D')
        .filter((f) => f.kind === 'cover-vs-item-5')
        .map((f) => f.computed),
    ).toEqual([100, 0, 100, 0, 100]);
  });

  it('lists the filing known only as filed as not checked, and checks nothing of it', () => {
    expect(view.notChecked).toEqual(['Amendment No. 2 (2024-04-10): contents unknown']);
    expect(checksOf(view).filter((f) => f.filing === 'Amendment No. 2')).toEqual([]);
  });
});

describe('reconcile: rows a full cover page leaves blank', () => {
  it('compares none of them, and reads none as zero', () => {
    // Given a cover page whose row 7 (sole voting) and row 13 (percent) are blank, and an Item 5 that states 400 sole
    // voting of an aggregate of 1,000, with 2,000,000 shares outstanding
    const page: CoverPage = {
      ...cover('holder', 'HOLDER LP', { sole: 400, shared: 600, aggregate: 1_000 }, '0.1%'),
      soleVotingPower: null,
      percentOfClass: null,
    };
    const view = givenFacts([
      person(A1, 'holder', 'Holder LP'),
      outstanding(A1, 2_000_000),
      item5(A1, 'holder', { sole: 400, shared: 600, aggregate: 1_000 }, '0.05%'),
      statement(A1, { coverPages: [page] }),
    ]).reconciled();
    // Then rows 8-11 are set against Item 5, only Item 5's powers against its aggregate (400 + 600 = 1,000), and no
    // percent is checked
    expect(view.findings).toEqual([]);
    expect(view.consistent.map((f) => [f.kind, f.item, f.reported, f.computed])).toEqual([
      ['cover-vs-item-5', '5', 600, 600],
      ['cover-vs-item-5', '5', 400, 400],
      ['cover-vs-item-5', '5', 600, 600],
      ['cover-vs-item-5', '5', 1_000, 1_000],
      ['powers-vs-aggregate', '5(b)', 1_000, 400 + 600],
    ]);
  });
});

describe('reconcile: the order of findings in one filing', () => {
  // Amendment No. 1, no shares outstanding stated. Fund One LP: bought 100 on 2024-02-01, reported 150 common;
  // cover 150 sole voting and dispositive, aggregate 160, 8.0%, footnote (1) on row 7 enumerating 100 + 40 = 140;
  // Item 5: the same powers, aggregate 140 "consisting of (i) 100 Shares and (ii) 30 Shares". Director A restates
  // only aggregate 50 and 2.0%. The notice is c/o the fund at Suite 330; Item 2(b) puts it at Suite 240. Three values
  // were read with doubt.
  const fund = { sole: 150, shared: 0, aggregate: 160 };
  const view = givenFacts([
    person(A1, 'fund', 'Fund One LP'),
    person(A1, 'director-a', 'Director A', 'individual'),
    security(A1, 'common', 'Common Stock', 'common'),
    bought(A1, 'fund', 100, '2024-02-01'),
    position(A1, 'fund', 'common', 150),
    item5(
      A1,
      'fund',
      { ...fund, aggregate: 140 },
      '8.0%',
      'Fund One LP may be deemed to beneficially own 140 Shares, consisting of (i) 100 Shares and (ii) 30 Shares.',
    ),
    statement(A1, {
      coverPages: [
        cover('fund', 'FUND ONE LP', fund, '8.0%', [
          { marker: '1', text: 'Represents (i) 100 shares and (ii) 40 shares.', rows: [7] },
        ]),
      ],
      partialCoverPages: [
        { personId: 'director-a', name: 'DIRECTOR A', aggregate: 50, percentOfClass: percent('2.0%') },
      ],
      readingDoubts: [
        { personId: null, row: 0, read: '99999X1', reason: 'CUSIP printed without its check digit', place: 'line 12' },
        { personId: 'director-a', row: 13, read: '2.O%', reason: 'a letter O read as a zero', place: 'line 114' },
        { personId: 'someone-else', row: 7, read: '1O', reason: 'a letter O read as a zero', place: 'line 200' },
      ],
      noticeContact: { name: 'Jane Manager', address: 'c/o Fund One LP, Suite 330', careOf: 'fund', phone: null },
      businessAddresses: [{ personId: 'fund', address: '1 Main St, Suite 240', careOf: null }],
    }),
  ]).reconciled();

  it('lists the values read with doubt first, named by person (or the front page)', () => {
    expect(view.findings.slice(0, 3)).toEqual([
      {
        filing: 'Amendment No. 1',
        kind: 'read-with-doubt',
        personId: null,
        item: 'front page',
        reported: '99999X1',
        computed: null,
        message: 'front page: CUSIP printed without its check digit (line 12)',
      },
      {
        filing: 'Amendment No. 1',
        kind: 'read-with-doubt',
        personId: 'director-a',
        item: 'cover row 13',
        reported: '2.O%',
        computed: null,
        message: 'Director A: a letter O read as a zero (line 114)',
      },
      {
        filing: 'Amendment No. 1',
        kind: 'read-with-doubt',
        personId: 'someone-else',
        item: 'cover row 7',
        reported: '1O',
        computed: null,
        message: 'someone-else: a letter O read as a zero (line 200)',
      },
    ]);
  });

  it('then the differences, each cover in the order of its checks, the percents, and the address last', () => {
    expect(view.findings.slice(3).map((f) => [f.kind, f.personId, f.reported, f.computed])).toEqual([
      // the transactions explain 100 of the 150 reported
      ['unexplained-position-difference', 'fund', 150, 100],
      // cover row 11 160, Item 5(a) 140
      ['cover-vs-item-5', 'fund', 160, 140],
      // Item 5(a): 100 + 30 = 130, not 140
      ['item-5-breakdown', 'fund', 140, 100 + 30],
      // row 7 150, footnote 100 + 40 = 140; row 11 160, footnotes 140 + 0 (row 8 is zero)
      ['footnote-sum', 'fund', 150, 100 + 40],
      ['footnote-sum', 'fund', 160, 140 + 0],
      // the 150 shares reported give an aggregate of 150
      ['cover-vs-positions', 'fund', 160, 150],
      // 150 + 0 against 160 on the cover, against 140 in Item 5
      ['powers-vs-aggregate', 'fund', 160, 150 + 0],
      ['powers-vs-aggregate', 'fund', 140, 150 + 0],
      // 160 at 8.0%: [ceil(16,000 / 8.05), floor(16,000 / 7.95)] = [1,988, 2,012]; 50 at 2.0%: [ceil(5,000 / 2.05),
      // floor(5,000 / 1.95)] = [2,440, 2,564]: they do not overlap
      ['percent-denominator-not-stated', 'fund', '8.0%', null],
      ['percent-denominator-not-stated', 'director-a', '2.0%', null],
      ['percent-arithmetic', null, '8.0%, 2.0%', null],
      ['address-mismatch', 'fund', 'Suite 330', 'Suite 240'],
    ]);
    expect(view.findings.find((f) => f.kind === 'unexplained-position-difference')!.message).toBe(
      'Fund One LP, Common Stock: the filing reports 150; its disclosed transactions explain 100 of them, leaving 50 ' +
        'unexplained',
    );
    expect(view.findings.filter((f) => f.kind === 'percent-denominator-not-stated').map((f) => f.message)).toEqual([
      'Fund One LP: 160 shares stated as 8.0%, but the filing states no shares outstanding, so the percent cannot be ' +
        'checked; it implies a denominator (shares outstanding + own rights) of 1,988 to 2,012',
      'Director A: 50 shares stated as 2.0%, but the filing states no shares outstanding, so the percent cannot be ' +
        'checked; it implies a denominator (shares outstanding + own rights) of 2,440 to 2,564',
    ]);
  });

  it('makes no per-person percent check of a breakdown when no count outstanding is known', () => {
    expect(checksOf(view).filter((f) => f.kind === 'percent-arithmetic' && f.personId !== null)).toEqual([]);
  });
});

describe('reconcile: differences between a reported position and its transactions', () => {
  // The original (event 2023-11-30) reports the fund's Series A as 0 after a 1,000-share closing on 2023-11-01.
  // Amendment No. 1 discloses closings of 1,000, 500, 0 and 500 to the fund (2024-01-05 to 02-10), 700 to another
  // fund (01-15), fund warrants (01-12), reports the fund's Series A as 2,500 as of 02-28, and one more closing of 100
  // on 02-29. Jane Manager bought 50 and is reported with 100; Other Fund LP bought 30 and 20 and is reported with 100.
  const O: Filing = { amendment: 0, eventDate: '2023-11-30', filedOn: '2023-12-04' };
  const view = givenFacts([
    person(O, 'fund', 'Fund One LP'),
    person(O, 'other', 'Other Fund LP'),
    person(O, 'manager', 'Jane Manager', 'individual'),
    security(O, 'common', 'Common Stock', 'common'),
    security(O, 'series-a', 'Series A Convertible Preferred', 'convertible-preferred'),
    security(O, 'series-a-warrants', 'Series A Warrants', 'warrant'),
    preferred(O, 'fund', 1_000, '2023-11-01'),
    position(O, 'fund', 'series-a', 0),
    statement(O),
    preferred(A1, 'fund', 1_000, '2024-01-05'),
    preferred(A1, 'fund', 500, '2024-01-10'),
    {
      type: 'WarrantsIssued',
      data: {
        ...by(A1, '2024-01-12'),
        personId: 'fund',
        securityId: 'series-a-warrants',
        shares: 147,
        exercisePrice: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    },
    preferred(A1, 'other', 700, '2024-01-15'),
    preferred(A1, 'fund', 0, '2024-01-20'),
    bought(A1, 'manager', 50, '2024-01-20'),
    bought(A1, 'other', 30, '2024-01-25'),
    bought(A1, 'other', 20, '2024-02-05'),
    preferred(A1, 'fund', 500, '2024-02-10'),
    position(A1, 'fund', 'series-a', 2_500, null, '2024-02-28'),
    position(A1, 'fund', 'series-a-warrants', 147, 147, '2024-02-28'),
    preferred(A1, 'fund', 100, '2024-02-29'),
    position(A1, 'manager', 'common', 100),
    position(A1, 'other', 'common', 100),
    position(A1, 'other', 'series-a', 700),
    statement(A1),
  ]).reconciled();
  const differences = (filing: string) =>
    view.findings.filter((f) => f.filing === filing && f.kind === 'unexplained-position-difference');

  it('names, for each, the transactions since the previous report and a gap the size of the closings', () => {
    expect(differences('Amendment No. 1')).toEqual([
      {
        filing: 'Amendment No. 1',
        kind: 'unexplained-position-difference',
        personId: 'fund',
        item: '5(a)',
        // 0 reported as of 2023-11-30, then 1,000 + 500 + 0 + 500 = 2,000 against 2,500: 500 unexplained, the size of
        // two of the three closings (the other fund's 700, the warrants and the 100 after the report are not its)
        reported: 2_500,
        computed: 2_000,
        message:
          'Fund One LP, Series A Convertible Preferred: the filing reports 2,500; its disclosed transactions explain ' +
          '2,000 (1,000 + 500 + 500) of them, leaving 500 unexplained: exactly one more closing of 500, like the 2 ' +
          'disclosed, appears to be undisclosed',
      },
      {
        filing: 'Amendment No. 1',
        kind: 'unexplained-position-difference',
        personId: 'manager',
        item: '5(a)',
        // one purchase of 50 against 100: a gap of one purchase's size, but one transaction is no pattern
        reported: 100,
        computed: 50,
        message:
          'Jane Manager, Common Stock: the filing reports 100; its disclosed transactions explain 50 of them, leaving 50 ' +
          'unexplained',
      },
      {
        filing: 'Amendment No. 1',
        kind: 'unexplained-position-difference',
        personId: 'other',
        item: '5(a)',
        // 30 + 20 = 50 against 100: a gap of 50, the size of neither purchase
        reported: 100,
        computed: 30 + 20,
        message:
          'Other Fund LP, Common Stock: the filing reports 100; its disclosed transactions explain 50 (30 + 20) of them, ' +
          'leaving 50 unexplained',
      },
    ]);
  });

  it("keeps each difference with the filing that reported it: the original's 0 against 1,000", () => {
    expect(differences('Original Schedule 13D').map((f) => [f.personId, f.reported, f.computed])).toEqual([
      ['fund', 0, 1_000],
    ]);
  });
});

describe('reconcile: a sale of more than the transactions hold', () => {
  it('says which acquisition is missing, naming a security never described by its id', () => {
    // Given Seller LLC bought 100 shares on 2024-01-10 and sold 150 on 2024-02-15, both disclosed by Amendment No. 1
    const view = givenFacts([
      person(A1, 'seller', 'Seller LLC'),
      bought(A1, 'seller', 100, '2024-01-10'),
      sold(A1, 'seller', 150, '2024-02-15'),
      statement(A1),
    ]).reconciled();
    // Then 150 - 100 = 50 shares were acquired without being disclosed
    expect(view.findings).toEqual([
      {
        filing: 'Amendment No. 1',
        kind: 'unexplained-position-difference',
        personId: 'seller',
        item: '5(a)',
        reported: 150,
        computed: 100,
        message:
          'Seller LLC, common: the filing discloses 150 disposed of on 2024-02-15, but its transactions show only 100 ' +
          'held: an acquisition of at least 50 is not disclosed',
      },
    ]);
    // And nothing else: no check holds or is skipped in a filing with no cover page
    expect([view.consistent, view.notChecked]).toEqual([[], []]);
  });
});

describe("reconcile: each percent against aggregate / (outstanding + the filing's own rights)", () => {
  // Amendment No. 1 states 2,000,000 shares outstanding and breaks each person's securities down. Jane Manager
  // controls Fund One LP, which holds 900,000 shares and warrants on 100,000; the fund bought 10,000 more on
  // 2024-03-04, after the event date (2024-03-01). Kappa to Xi restate only some rows.
  const alone = (aggregate: number) => ({ sole: aggregate, shared: 0, aggregate });
  const fund = { sole: 1_000_000, shared: 0, soleDisp: 990_000, sharedDisp: 0, aggregate: 1_000_000 };
  const manager = { sole: 0, shared: 1_000_000, aggregate: 1_000_000 };
  const people: [string, string][] = [
    ['alpha', 'Alpha'],
    ['beta', 'Beta'],
    ['gamma', 'Gamma'],
    ['delta', 'Delta'],
    ['epsilon', 'Epsilon'],
    ['zeta', 'Zeta'],
    ['eta', 'Eta'],
    ['theta', 'Theta Capital LLC'],
    ['fund', 'Fund One LP'],
    ['manager', 'Jane Manager'],
  ];
  const partial = (personId: string, rows: Omit<PartialCoverPage, 'personId' | 'name'>): PartialCoverPage => ({
    personId,
    name: personId.toUpperCase(),
    ...rows,
  });
  const view = givenFacts([
    ...people.map(([id, name]) => person(A1, id, name)),
    security(A1, 'common', 'Common Stock', 'common'),
    security(A1, 'warrants', 'Warrants', 'warrant'),
    security(A1, 'options', 'Stock Options', 'option'),
    {
      type: 'ControlEstablished',
      data: { ...by(A1, '2020-01-01'), controllerId: 'manager', entityId: 'fund', relationship: 'managing member' },
    },
    outstanding(A1, 2_000_000),
    position(A1, 'alpha', 'common', 209_002),
    position(A1, 'beta', 'common', 208_998),
    position(A1, 'gamma', 'common', 20_000),
    position(A1, 'delta', 'common', 19_990),
    position(A1, 'epsilon', 'common', 1_000),
    position(A1, 'epsilon', 'warrants', 5_000, null),
    position(A1, 'zeta', 'common', 10_000),
    position(A1, 'zeta', 'options', 0, null),
    position(A1, 'zeta', 'warrants', 1_000, 1_000),
    position(A1, 'eta', 'common', 100),
    position(A1, 'eta', 'eta-notes', 100, null),
    position(A1, 'fund', 'common', 900_000),
    position(A1, 'fund', 'warrants', 100_000, 100_000),
    item5(A1, 'fund', fund, '47.6%'),
    position(A1, 'kappa', 'common', 1_000),
    item5(A1, 'kappa', { sole: 1_000, shared: 0, aggregate: 1_000 }, '0.05%'),
    position(A1, 'lambda', 'common', 2_000),
    bought(A1, 'fund', 10_000, '2024-03-04'),
    statement(A1, {
      coverPages: [
        cover('alpha', 'ALPHA', alone(209_002), '10.5%'),
        cover('beta', 'BETA', alone(208_998), '10.5%'),
        cover('gamma', 'GAMMA', alone(20_000), 'Less than 1%'),
        cover('delta', 'DELTA', alone(19_990), 'Less than 1%'),
        cover('epsilon', 'EPSILON', alone(6_000), '0.3%'),
        cover('zeta', 'ZETA', alone(11_000), '0.55%'),
        cover('eta', 'ETA', alone(200), '0.01%'),
        cover('theta', 'THETA CAPITAL LLC', alone(100_000), '5.0%'),
        cover('fund', 'FUND ONE LP', fund, '47.6%'),
        cover('manager', 'JANE MANAGER', manager, '47.6%'),
      ],
      partialCoverPages: [
        partial('kappa', { aggregate: 1_000 }),
        partial('lambda', { percentOfClass: percent('0.1%') }),
        partial('mu', { sharedVotingPower: 10, aggregate: 10 }),
        partial('nu', { soleVotingPower: 10, aggregate: 10 }),
        partial('xi', { soleVotingPower: 10, sharedVotingPower: 0 }),
      ],
    }),
  ]).reconciled();
  const percentOf = (personId: string) =>
    checksOf(view)
      .filter((f) => f.kind === 'percent-arithmetic' && f.personId === personId)
      .map(({ ok, reported, computed, message }) => ({ ok, reported, computed, message }));

  it('holds just above the rounding boundary at the decimals printed, and fails just below it', () => {
    // 209,002 / 2,000,000 = 10.4501%, "10.5" at one decimal (10.45 at two would not do);
    // 208,998 / 2,000,000 = 10.4499%, "10.4" at one decimal
    expect(percentOf('alpha')).toEqual([
      {
        ok: true,
        reported: '10.5%',
        computed: 10.4501,
        message:
          'Alpha: 209,002 / (2,000,000 outstanding + 0 own rights) = 10.4501%, 10.5% at 1 decimals, against "10.5%"',
      },
    ]);
    expect(percentOf('beta')).toEqual([
      {
        ok: false,
        reported: '10.5%',
        computed: 10.4499,
        message:
          'Beta: 208,998 / (2,000,000 outstanding + 0 own rights) = 10.4499%, 10.4% at 1 decimals, against "10.5%"',
      },
    ]);
  });

  it('finds "Less than 1%" at exactly 1%, and accepts it just under', () => {
    // 20,000 / 2,000,000 = 1%, which is not less than 1%; 19,990 / 2,000,000 = 0.9995%
    expect(percentOf('gamma')).toEqual([
      {
        ok: false,
        reported: 'Less than 1%',
        computed: 1,
        message: 'Gamma: 20,000 / (2,000,000 outstanding + 0 own rights) = 1.0000% against "Less than 1%"',
      },
    ]);
    expect(percentOf('delta')).toMatchObject([{ ok: true, computed: 0.9995 }]);
  });

  it("adds only the person's own rights to the denominator, leaving out closed positions", () => {
    // Zeta: 11,000 / (2,000,000 + 1,000 warrants; the options reported at 0 add nothing) = 0.5497%, "0.55" at two
    // decimals
    expect(percentOf('zeta')).toEqual([
      {
        ok: true,
        reported: '0.55%',
        computed: 0.5497,
        message:
          'Zeta: 11,000 / (2,000,000 outstanding + 1,000 own rights) = 0.5497%, 0.55% at 2 decimals, against "0.55%"',
      },
    ]);
  });

  it('counts the rights of the entities a person controls as its own (Rule 13d-3)', () => {
    // The fund: 1,000,000 / (2,000,000 + 100,000) = 47.6190%; Jane Manager reports nothing herself, but the fund's
    // warrants are hers too
    expect(percentOf('fund')).toMatchObject([
      {
        ok: true,
        computed: 47.619,
        message:
          'Fund One LP: 1,000,000 / (2,000,000 outstanding + 100,000 own rights) = 47.6190%, 47.6% at 1 decimals, ' +
          'against "47.6%"',
      },
    ]);
    expect(percentOf('manager')).toMatchObject([
      {
        ok: true,
        message: expect.stringMatching(/^Jane Manager: 1,000,000 \/ \(2,000,000 outstanding \+ 100,000 own/),
      },
    ]);
  });

  it('cannot check a percent whose rights the breakdown leaves uncounted, and names the security', () => {
    expect(percentOf('epsilon')).toEqual([
      {
        ok: false,
        reported: '0.3%',
        computed: null,
        message:
          'Epsilon: the filing\'s breakdown does not state the shares issuable on Warrants, so "0.3%" cannot be checked ' +
          'against aggregate / (shares outstanding + own rights)',
      },
    ]);
    // a security never described is named by its id
    expect(percentOf('eta')[0]!.message).toMatch(
      /^Eta: the filing's breakdown does not state the shares issuable on eta-notes, so/,
    );
  });

  it("files each of the ten covers' percent checks, checkable or not, under cover row 13", () => {
    expect(
      checksOf(view)
        .filter((f) => f.kind === 'percent-arithmetic')
        .map((f) => f.item),
    ).toEqual(Array<string>(10).fill('cover row 13'));
  });

  it('says nothing of what the percents imply about a denominator when the count outstanding is stated', () => {
    expect(checksOf(view).filter((f) => f.kind === 'percent-denominator-not-stated')).toEqual([]);
    expect(checksOf(view).filter((f) => f.kind === 'percent-arithmetic' && f.personId === null)).toEqual([]);
  });

  it('checks a person with no breakdown against the count outstanding alone', () => {
    // Theta: 100,000 / 2,000,000 = 5%, in [ceil(10,000,000 / 5.05), floor(10,000,000 / 4.95)] = [1,980,199, 2,020,202]
    expect(percentOf('theta')).toEqual([
      {
        ok: true,
        reported: '5.0%',
        computed: 5,
        message:
          'Theta Capital LLC: 100,000 / 2,000,000 outstanding = 5%, against 5.0%: consistent, with no rights to acquire ' +
          'counted',
      },
    ]);
    expect(checksOf(view).filter((f) => f.kind === 'cover-vs-positions' && f.personId === 'theta')).toEqual([]);
  });

  it("sets the cover against the securities at the event date, for the controller through the fund's", () => {
    // At 2024-03-01 (the 10,000 bought on 03-04 not yet): the fund 900,000 + 100,000 = 1,000,000 sole, the manager the
    // same shared; the fund's cover says 990,000 sole dispositive
    const positions = checksOf(view).filter((f) => f.kind === 'cover-vs-positions');
    expect(positions.filter((f) => f.personId === 'fund').map((f) => [f.ok, f.message])).toEqual([
      [
        false,
        'Fund One LP: sole dispositive power (row 9) 990,000; the securities the filing reports give 1,000,000 under ' +
          'Rule 13d-3',
      ],
      [
        true,
        'Fund One LP: sole voting power (row 7) 1,000,000; the securities the filing reports give 1,000,000 under Rule 13d-3',
      ],
      [true, 'Fund One LP: shared voting power (row 8) 0; the securities the filing reports give 0 under Rule 13d-3'],
      [
        true,
        'Fund One LP: shared dispositive power (row 10) 0; the securities the filing reports give 0 under Rule 13d-3',
      ],
      [
        true,
        'Fund One LP: aggregate (row 11) 1,000,000; the securities the filing reports give 1,000,000 under Rule 13d-3',
      ],
    ]);
    expect(positions.filter((f) => f.personId === 'manager').map((f) => [f.ok, f.reported, f.computed])).toEqual([
      [true, 0, 0],
      [true, 1_000_000, 1_000_000],
      [true, 0, 0],
      [true, 1_000_000, 1_000_000],
      [true, 1_000_000, 1_000_000],
    ]);
    expect(positions.find((f) => f.personId === 'manager')).toMatchObject({
      item: 'cover',
      kind: 'cover-vs-positions',
    });
  });

  it("reads the fund's Item 5, not the positions it reports, as its Item 5", () => {
    expect(
      checksOf(view)
        .filter((f) => f.kind === 'cover-vs-item-5' && f.personId === 'fund')
        .map((f) => [f.personId, f.ok, f.computed]),
    ).toEqual([
      ['fund', true, 1_000_000],
      ['fund', true, 0],
      ['fund', true, 990_000],
      ['fund', true, 0],
      ['fund', true, 1_000_000],
    ]);
  });

  it('checks a partial page on the rows it states only, named by id when no one names the person', () => {
    // Kappa restates its aggregate (its 1,000 shares give 1,000; its Item 5 states all five figures); Lambda only its
    // percent; Mu, Nu and Xi two rows each, never the three that sole + shared = aggregate needs
    expect(
      checksOf(view)
        .filter((f) => ['kappa', 'lambda', 'mu', 'nu', 'xi'].includes(f.personId ?? ''))
        .map((f) => [f.kind, f.ok, f.message]),
    ).toEqual([
      ['cover-vs-item-5', true, 'kappa: aggregate (row 11) is 1,000 on the cover page and 1,000 in Item 5(a)'],
      [
        'cover-vs-positions',
        true,
        'kappa: aggregate (row 11) 1,000; the securities the filing reports give 1,000 under Rule 13d-3',
      ],
      [
        'powers-vs-aggregate',
        true,
        'kappa: Item 5 sole + shared voting power = 1,000 + 0 = 1,000 against an aggregate of 1,000',
      ],
    ]);
  });
});

describe('reconcile: the shares outstanding a filing’s percents use', () => {
  // Theta Capital LLC, 100,000 shares, on every cover; only the original breaks them down (100,000 common). The
  // original (event 2024-01-10) states 2,000,000 as of 01-10; Amendment No. 1 states 1,900,000 as of 2023-12-31 (an
  // older count); Amendment No. 2 states none; two amendments without a number state 2,100,000 as of 03-31 (filed
  // 05-01) and 2,200,000 as of 05-31 (filed 06-03; no event date), the second also with Item 5; Amendments No. 3 and
  // No. 4 are filed the same day, 07-10: No. 3 states 2,300,000 as of 2024-01-01, No. 4 none.
  const U1: Filing = { amendment: null, eventDate: null, filedOn: '2024-05-01' };
  const U2: Filing = { amendment: null, eventDate: null, filedOn: '2024-06-03' };
  const A3: Filing = { amendment: 3, eventDate: '2024-07-08', filedOn: '2024-07-10' };
  const A4: Filing = { amendment: 4, eventDate: '2024-07-09', filedOn: '2024-07-10' };
  const theta = (text: string) => ({
    coverPages: [cover('theta', 'THETA', { sole: 100_000, shared: 0, aggregate: 100_000 }, text)],
  });
  const view = givenFacts([
    person(A1, 'theta', 'Theta Capital LLC', 'entity', '2023-06-01'),
    security(ORIGINAL, 'common', 'Common Stock', 'common'),
    outstanding(ORIGINAL, 2_000_000),
    position(ORIGINAL, 'theta', 'common', 100_000),
    statement(ORIGINAL, theta('5.0%')),
    outstanding(A1, 1_900_000, '2023-12-31'),
    statement(A1, theta('5.3%')),
    statement(A2, theta('5.0%')),
    outstanding(U1, 2_100_000, '2024-03-31'),
    statement(U1, theta('4.8%')),
    outstanding(U2, 2_200_000, '2024-05-31'),
    item5(U2, 'theta', { sole: 100_000, shared: 0, aggregate: 100_000 }, '4.5%'),
    statement(U2, theta('4.5%')),
    outstanding(A3, 2_300_000, '2024-01-01'),
    statement(A3, theta('4.3%')),
    statement(A4, theta('4.5%')),
  ]).reconciled();
  const messages = (kind: Finding['kind']) =>
    checksOf(view)
      .filter((f) => f.kind === kind)
      .map((f) => [f.filing, f.ok, f.message]);

  it('uses the count each filing states, even an older one, and otherwise the latest it could know', () => {
    // The original, with its breakdown: 100,000 / (2,000,000 + 0 own rights) = 5%. The others, without one:
    // 100,000 / 1,900,000 = 5.2632%; / 2,100,000 = 4.7619%; / 2,200,000 = 4.5455%; / 2,300,000 = 4.3478%.
    // Amendment No. 2 could not know the 2,100,000 disclosed after it: the latest it knew is the original's 2,000,000.
    // Amendment No. 4 states no count: the latest effective is 2,200,000 (05-31), not No. 3's older 2,300,000
    const consistent = ': consistent, with no rights to acquire counted';
    expect(messages('percent-arithmetic')).toEqual([
      [
        'Original Schedule 13D',
        true,
        'Theta Capital LLC: 100,000 / (2,000,000 outstanding + 0 own rights) = 5.0000%, 5.0% at 1 decimals, against ' +
          '"5.0%"',
      ],
      [
        'Amendment No. 1',
        true,
        `Theta Capital LLC: 100,000 / 1,900,000 outstanding = 5.2632%, against 5.3%${consistent}`,
      ],
      ['Amendment No. 2', true, `Theta Capital LLC: 100,000 / 2,000,000 outstanding = 5%, against 5.0%${consistent}`],
      [
        'Amendment (no number)',
        true,
        `Theta Capital LLC: 100,000 / 2,100,000 outstanding = 4.7619%, against 4.8%${consistent}`,
      ],
      [
        'Amendment (no number)',
        true,
        `Theta Capital LLC: 100,000 / 2,200,000 outstanding = 4.5455%, against 4.5%${consistent}`,
      ],
      [
        'Amendment No. 3',
        true,
        `Theta Capital LLC: 100,000 / 2,300,000 outstanding = 4.3478%, against 4.3%${consistent}`,
      ],
      [
        'Amendment No. 4',
        true,
        `Theta Capital LLC: 100,000 / 2,200,000 outstanding = 4.5455%, against 4.5%${consistent}`,
      ],
    ]);
    // Only the original's breakdown is set against a cover page: later filings do not borrow it
    expect(
      checksOf(view)
        .filter((f) => f.kind === 'cover-vs-positions')
        .map((f) => f.filing),
    ).toEqual(Array<string>(5).fill('Original Schedule 13D'));
  });

  it('reads a filing with no event date as of its filing date', () => {
    // Item 5 of the second unnumbered amendment is effective on its filing date, 2024-06-03
    expect(messages('cover-vs-item-5').map(([, , m]) => m)).toContain(
      'Theta Capital LLC: aggregate (row 11) is 100,000 on the cover page and 100,000 in Item 5(a)',
    );
  });
});

describe('reconcile: the notice address against Item 2(b)', () => {
  // The notice is given c/o Fund One GP LLC in five filings; Item 2(b) gives the fund (Suite 330, Reno) and the GP
  // (Suite 240, Las Vegas).
  const filing = (amendment: number, filedOn: string): Filing => ({ amendment, eventDate: filedOn, filedOn });
  const business = [
    { personId: 'fund', address: '200 Oak Ave, Suite 330, Reno, NV 89501', careOf: null },
    { personId: 'fund-gp', address: '100 Main St, Suite 240, Las Vegas, NV  89141', careOf: null },
  ];
  const notice = (address: string, careOf: string | null) => ({ name: 'Jane Manager', address, careOf, phone: null });
  const view = givenFacts([
    person(A1, 'fund', 'Fund One LP'),
    person(A1, 'fund-gp', 'Fund One GP LLC'),
    // the same address written otherwise: "c/o" prefix, "Nevada" in capitals, "St." and a comma with no space, a
    // double space and a closing full stop
    statement(filing(1, '2024-03-05'), {
      noticeContact: notice('c/o Fund One GP LLC, 100 Main St., Suite 240, Las Vegas,NEVADA  89141.', 'fund-gp'),
      businessAddresses: business,
    }),
    // another address, with no suite
    statement(filing(2, '2024-04-10'), {
      noticeContact: notice('c/o Fund One GP LLC, 200 Oak Avenue, Reno, NV 89501', 'fund-gp'),
      businessAddresses: business,
    }),
    // no notice, a notice care of no one, a notice care of someone Item 2(b) does not place
    statement(filing(3, '2024-05-10'), { businessAddresses: business }),
    statement(filing(4, '2024-06-10'), { noticeContact: notice('Suite 999', null), businessAddresses: business }),
    statement(filing(5, '2024-07-10'), {
      noticeContact: notice('c/o Fund One LP, Suite 999', 'fund'),
      businessAddresses: [business[1]!],
    }),
  ]).reconciled();

  it('holds for the same address written otherwise, and finds another address, quoted whole when it has no suite', () => {
    expect(checksOf(view).filter((f) => f.kind === 'address-mismatch')).toEqual([
      {
        filing: 'Amendment No. 2',
        kind: 'address-mismatch',
        personId: 'fund-gp',
        item: 'cover (notices) vs 2(b)',
        reported: 'c/o Fund One GP LLC, 200 Oak Avenue, Reno, NV 89501',
        computed: 'Suite 240',
        message:
          'the notice address (c/o Fund One GP LLC) says c/o Fund One GP LLC, 200 Oak Avenue, Reno, NV 89501; Item 2(b) ' +
          "gives Fund One GP LLC's principal business address as Suite 240",
        ok: false,
      },
      {
        filing: 'Amendment No. 1',
        kind: 'address-mismatch',
        personId: 'fund-gp',
        item: 'cover (notices) vs 2(b)',
        reported: 'Suite 240',
        computed: 'Suite 240',
        message:
          "the notice address (c/o Fund One GP LLC) says Suite 240; Item 2(b) gives Fund One GP LLC's principal business " +
          'address as Suite 240',
        ok: true,
      },
    ]);
  });
});

describe('reconcile: a difference counted from an earlier report', () => {
  // The original (event 2023-11-30) reports the fund's Series A as 1,000, after a 1,000-share closing. Amendment
  // No. 1 discloses closings of 1,000, 500 and 500 and reports 3,500: 1,000 + 2,000 = 3,000 explained, 500 not.
  const O: Filing = { amendment: 0, eventDate: '2023-11-30', filedOn: '2023-12-04' };
  const view = givenFacts([
    person(O, 'fund', 'Fund One LP'),
    security(O, 'series-a', 'Series A Convertible Preferred', 'convertible-preferred'),
    preferred(O, 'fund', 1_000, '2023-11-01'),
    position(O, 'fund', 'series-a', 1_000),
    statement(O),
    preferred(A1, 'fund', 1_000, '2024-01-05'),
    preferred(A1, 'fund', 500, '2024-01-10'),
    preferred(A1, 'fund', 500, '2024-02-10'),
    position(A1, 'fund', 'series-a', 3_500, null, '2024-02-28'),
    statement(A1),
  ]).reconciled();

  it('starts the sum with the report, so its terms add up to what they explain', () => {
    const found = view.findings.filter((f) => f.kind === 'unexplained-position-difference');
    expect(found.map((f) => [f.filing, f.reported, f.computed])).toEqual([['Amendment No. 1', 3_500, 3_000]]);
    expect(found[0]!.message).toBe(
      'Fund One LP, Series A Convertible Preferred: the filing reports 3,500; its disclosed transactions explain ' +
        '3,000 (1,000 reported as of 2023-11-30 + 1,000 + 500 + 500) of them, leaving 500 unexplained: exactly one ' +
        'more closing of 500, like the 2 disclosed, appears to be undisclosed',
    );
  });
});
