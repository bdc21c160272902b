import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { reconcile, type Finding } from '../../projections/views/reconciliation.js';
import { cusipCheckDigit, parseCusip, type CoverPage, type DomainEvent } from '../../src/domain/index.js';
import { envelopes, on } from './build.js';

// A synthetic Amendment No. 1 (event 2024-03-01, filed 2024-03-05) stating 2,000,000 shares outstanding and two
// directors whose cover pages both print "Less than 1%" in row 13.
const asOf = on('2024-03-01', '2024-03-05');
const LESS_THAN_1 = { kind: 'less-than', bound: 1, text: 'Less than 1%' } as const;
const none = {
  statedValue: null,
  conversionPrice: null,
  conversionPriceFloor: null,
  sharesPerUnit: null,
  exercisableFrom: null,
  expiresOn: null,
};

const cover = (personId: string, name: string, aggregate: number): CoverPage => ({
  personId,
  name,
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: ['PF'],
  legalProceedings: false,
  citizenshipOrPlace: 'U.S.A.',
  soleVotingPower: aggregate,
  sharedVotingPower: 0,
  soleDispositivePower: aggregate,
  sharedDispositivePower: 0,
  aggregate,
  excludesCertainShares: false,
  percentOfClass: LESS_THAN_1,
  typeOfReportingPerson: ['IN'],
  footnotes: [],
});

const person = (personId: string, name: string): DomainEvent => ({
  type: 'PersonIdentified',
  data: {
    ...asOf,
    personId,
    name,
    kind: 'individual',
    typeOfReportingPerson: ['IN'],
    citizenshipOrPlace: 'U.S.A.',
    cik: null,
  },
});
const position = (
  personId: string,
  securityId: string,
  quantity: number,
  sharesIssuableReported: number | null,
): DomainEvent => ({
  type: 'PositionReported',
  data: { ...asOf, personId, securityId, quantity, sharesIssuableReported, exercisableFrom: null },
});

const history = envelopes([
  person('director-a', 'Director A'),
  person('director-b', 'Director B'),
  {
    type: 'SecurityDescribed',
    data: { ...asOf, ...none, securityId: 'common', title: 'Common Stock', kind: 'common' },
  },
  {
    type: 'SecurityDescribed',
    data: { ...asOf, ...none, securityId: 'options', title: 'Stock options', kind: 'option', sharesPerUnit: 1 },
  },
  { type: 'SharesOutstandingReported', data: { ...asOf, count: 2_000_000, reportedBy: 'the Issuer' } },
  // Director A: 20,000 shares and options on 1,000 shares, 21,000 in all
  position('director-a', 'common', 20_000, null),
  position('director-a', 'options', 1_000, 1_000),
  // Director B: 19,000 shares
  position('director-b', 'common', 19_000, null),
  {
    type: 'StatementFiled',
    data: {
      ...asOf,
      issuer: { name: 'Example Issuer, Inc.', cusip: parseCusip(`99999X10${cusipCheckDigit('99999X10')}`), cik: null },
      classTitle: 'Common Stock',
      amendmentNumber: 1,
      accessionNumber: null,
      eventDate: '2024-03-01',
      filedOn: '2024-03-05',
      contentsKnown: true,
      items: [],
      coverPages: [cover('director-a', 'DIRECTOR A', 21_000), cover('director-b', 'DIRECTOR B', 19_000)],
      noticeContact: null,
      businessAddresses: [],
      previousAccessionNumber: null,
      filedOnFrom: null,
      partialCoverPages: [],
      readingDoubts: [],
    },
  },
]);

describe('reconciliation', () => {
  describe('when a cover page says "Less than 1%"', () => {
    const view = reconcile(selectFacts(history));
    const percent = (list: Finding[], personId: string) =>
      list.filter((f) => f.kind === 'percent-arithmetic' && f.personId === personId);

    it('finds the person whose aggregate is 1% or more of the class', () => {
      // Given Director A: 21,000 / (2,000,000 outstanding + 1,000 own options) = 1.049475...%, not less than 1%
      // When reconciled, Then the percent is a finding, with both figures
      expect(percent(view.findings, 'director-a')).toEqual([
        {
          filing: 'Amendment No. 1',
          kind: 'percent-arithmetic',
          personId: 'director-a',
          item: 'cover row 13',
          reported: 'Less than 1%',
          computed: 1.0495,
          message: 'Director A: 21,000 / (2,000,000 outstanding + 1,000 own rights) = 1.0495% against "Less than 1%"',
        },
      ]);
      expect(percent(view.consistent, 'director-a')).toEqual([]);
    });

    it('accepts it where the aggregate is under 1%', () => {
      // Given Director B: 19,000 / 2,000,000 = 0.95%
      // When reconciled, Then the percent holds
      expect(percent(view.consistent, 'director-b')).toMatchObject([{ reported: 'Less than 1%', computed: 0.95 }]);
      expect(percent(view.findings, 'director-b')).toEqual([]);
    });
  });
});
