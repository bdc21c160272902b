import { describe, expect, it } from 'vitest';
import {
  applyPartialCoverPage,
  coverPagesFold,
  foldCoverPages,
  type CoverPagesState,
} from '../../projections/folds/cover-pages.js';
import { foldContext } from '../../projections/timeline/fold-context.js';
import {
  cusipCheckDigit,
  parseCusip,
  type CoverPage,
  type DomainEventInput,
  type PartialCoverPage,
} from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Synthetic cover pages: each person's aggregate (row 11) and sole voting power (row 7), all sole.
const page = (personId: string, aggregate: number): CoverPage => ({
  personId,
  name: personId.toUpperCase(),
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
  percentOfClass: { kind: 'value', value: 1, text: '1.0%' },
  typeOfReportingPerson: ['CO'],
  footnotes: [],
});
const partial = (personId: string, rows: Partial<CoverPage>): PartialCoverPage => ({
  personId,
  name: personId.toUpperCase(),
  ...rows,
});
const purchase = (): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...on('2024-04-01'), personId: 'a', shares: 1, method: 'open-market', pricePerShare: 1, totalPrice: null },
});
const rows = (pages: readonly CoverPage[]) => pages.map((p) => [p.personId, p.aggregate, p.soleVotingPower]);

describe('cover pages folded over the amendment chain', () => {
  // Given an earlier filing with pages for A (100) and B (200)
  const previous = [page('a', 100), page('b', 200)];

  it("replaces every earlier page with a filing's full pages", () => {
    // When a filing has a full page for A alone (150), Then B's earlier page is gone
    const folded = foldCoverPages(previous, { coverPages: [page('a', 150)], partialCoverPages: [] });
    expect(rows(folded.coverPages)).toEqual([['a', 150, 150]]);
    expect(folded.unmatchedPartial).toEqual([]);
  });

  it('keeps the earlier pages under a filing with partial pages only, and overwrites the rows stated', () => {
    // When a filing restates only A's row 11 (120)
    const folded = foldCoverPages(previous, { coverPages: [], partialCoverPages: [partial('a', { aggregate: 120 })] });
    // Then A's row 11 is 120 and its row 7 stays 100; B is unchanged
    expect(rows(folded.coverPages)).toEqual([
      ['a', 120, 100],
      ['b', 200, 200],
    ]);
  });

  it("keeps the earlier page of a person a partial page names beside another person's full page", () => {
    // When a filing has a full page for C (300) and a partial page for B (row 11: 250)
    const folded = foldCoverPages(previous, {
      coverPages: [page('c', 300)],
      partialCoverPages: [partial('b', { aggregate: 250 })],
    });
    // Then C's page, and B's earlier page with row 11 restated; A's is gone
    expect(rows(folded.coverPages)).toEqual([
      ['c', 300, 300],
      ['b', 250, 200],
    ]);
  });

  it('lists a partial page of a person with no earlier page as unmatched', () => {
    const stray = partial('d', { aggregate: 5 });
    const folded = foldCoverPages(previous, { coverPages: [], partialCoverPages: [stray] });
    expect(folded.unmatchedPartial).toEqual([stray]);
    expect(rows(folded.coverPages)).toEqual([
      ['a', 100, 100],
      ['b', 200, 200],
    ]);
  });

  it('leaves a row the partial page holds as undefined as it was', () => {
    const restated = applyPartialCoverPage(
      page('a', 100),
      partial('a', { aggregate: 120, soleVotingPower: undefined }),
    );
    expect([restated.aggregate, restated.soleVotingPower]).toEqual([120, 100]);
  });
});

describe('the cover-page fold, filing by filing', () => {
  // Given Amendment No. 1 with full pages for A and B, No. 2 restating A's row 11 alone, No. 3 with a full page for A
  const filing = (
    amendmentNumber: number,
    coverPages: CoverPage[],
    partialCoverPages: PartialCoverPage[],
  ): DomainEventInput => {
    const filedOn = `2024-0${amendmentNumber}-15`;
    return {
      type: 'StatementFiled',
      data: {
        ...on(filedOn),
        issuer: {
          name: 'Example Issuer, Inc.',
          cusip: parseCusip(`99999X10${cusipCheckDigit('99999X10')}`),
          cik: null,
        },
        classTitle: 'Common Stock',
        amendmentNumber,
        accessionNumber: null,
        eventDate: filedOn,
        filedOn,
        contentsKnown: true,
        items: [],
        coverPages,
        noticeContact: null,
        businessAddresses: [],
        previousAccessionNumber: null,
        filedOnFrom: null,
        partialCoverPages,
        readingDoubts: [],
      },
    };
  };
  const given = givenFacts([
    filing(1, [page('a', 100), page('b', 200)], []),
    filing(2, [], [partial('a', { aggregate: 120 })]),
    filing(3, [page('a', 150)], []),
    purchase(),
  ]);
  // When folded fact by fact (inside each test, so that the fold runs under the test that checks it)
  const foldEach = () => {
    const facts = given.facts();
    return facts.reduce(
      (list, fact) => [...list, coverPagesFold.evolve(list[list.length - 1]!, fact, foldContext(facts))],
      [coverPagesFold.initialState()],
    );
  };
  const statedBy = (state: CoverPagesState) =>
    [...state.statedBy].map(([personId, f]) => [personId, f.event.data.amendmentNumber]);

  it('starts with no pages', () => {
    expect(foldEach()[0]).toEqual({ pages: [], statedBy: new Map() });
  });

  it('names the filing that last stated each page, in full or in part', () => {
    const states = foldEach();
    expect(rows(states[1]!.pages)).toEqual([
      ['a', 100, 100],
      ['b', 200, 200],
    ]);
    expect(statedBy(states[1]!)).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    // A partial page keeps who stated the other pages
    expect(rows(states[2]!.pages)).toEqual([
      ['a', 120, 100],
      ['b', 200, 200],
    ]);
    expect(statedBy(states[2]!)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    // Full pages replace the earlier ones, and who stated them
    expect(rows(states[3]!.pages)).toEqual([['a', 150, 150]]);
    expect(statedBy(states[3]!)).toEqual([['a', 3]]);
  });

  it('is left as it was by any other fact', () => {
    const states = foldEach();
    expect(states[4]).toBe(states[3]);
  });
});
