import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { parseCusip, type CoverPage } from '../../src/domain/index.js';
import { envelopes } from './build.js';

// Figures of test/fixtures/ingest/synthetic-schedule13d.xml (EDGAR XML written for the tests: cover pages only, no Item
// 5 breakdown).
const source = {
  amendmentNumber: 0,
  accessionNumber: null,
  filedOn: '2025-01-06',
  item: 'cover',
  quote: '<aggregateAmountOwned>1640000</aggregateAmountOwned>',
};
const cover = (
  personId: string,
  name: string,
  sole: number,
  shared: number,
  aggregate: number,
  percent: number,
  type: string,
): CoverPage => ({
  personId,
  name,
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: [type === 'PN' ? 'WC' : 'PF'],
  legalProceedings: false,
  citizenshipOrPlace: type === 'PN' ? 'DE' : 'X1',
  soleVotingPower: sole,
  sharedVotingPower: shared,
  soleDispositivePower: sole,
  sharedDispositivePower: shared,
  aggregate,
  excludesCertainShares: false,
  percentOfClass: { kind: 'value', value: percent, text: `${percent}` },
  typeOfReportingPerson: [type],
  footnotes: [],
});

const synthetic = envelopes([
  {
    type: 'StatementFiled',
    data: {
      effectiveDate: '2025-01-06',
      disclosedOn: '2025-01-06',
      source,
      issuer: { name: 'Veridane Therapeutics, Inc.', cusip: parseCusip('75934R103'), cik: null },
      classTitle: 'Common stock, par value $0.001 per share',
      amendmentNumber: 0,
      accessionNumber: null,
      // <dateOfEvent>01/06/2025</dateOfEvent>
      eventDate: '2025-01-06',
      filedOn: '2025-01-06',
      contentsKnown: true,
      items: [],
      coverPages: [
        // <soleVotingPower>0</soleVotingPower> <sharedVotingPower>1640000</sharedVotingPower> ...
        // <percentOfClass>7.7</percentOfClass> PN
        cover('kestrel-hollow-partners-lp', 'Kestrel Hollow Partners, L.P.', 0, 1_640_000, 1_640_000, 7.7, 'PN'),
        // <soleVotingPower>210000</soleVotingPower> <sharedVotingPower>1640000</sharedVotingPower>
        // <aggregateAmountOwned>1850000</aggregateAmountOwned> 8.6 IN
        cover('imogen-r-castellano', 'Castellano Imogen Rose', 210_000, 1_640_000, 1_850_000, 8.6, 'IN'),
      ],
      noticeContact: null,
      businessAddresses: [],
      previousAccessionNumber: null,
      filedOnFrom: null,
      partialCoverPages: [],
      readingDoubts: [],
    },
  },
]);

describe('holdings of an issuer known only from cover pages', () => {
  it('shows each reporting person the cover figures, basis reported, with no securities and a note', () => {
    // Given only the StatementFiled of the synthetic XML (no PositionReported events)
    // When holdings are asked at the event date
    const view = holdingsFromEnvelopes(synthetic, { asOf: '2025-01-06' });
    const byId = Object.fromEntries(view.holders.map((h) => [h.personId, h]));
    // Then Kestrel Hollow Partners: 0 sole, 1,640,000 shared, aggregate 1,640,000, 7.7%
    expect(byId['kestrel-hollow-partners-lp']).toMatchObject({
      aggregate: 1_640_000,
      percentOfClass: 7.7,
      soleVotingPower: 0,
      sharedVotingPower: 1_640_000,
      soleDispositivePower: 0,
      sharedDispositivePower: 1_640_000,
      basis: 'reported',
      securities: [],
      breakdownKnown: false,
    });
    // And Ms. Castellano: 210,000 sole + 1,640,000 shared = 1,850,000
    // (<aggregateAmountOwned>1850000</aggregateAmountOwned>), 8.6%
    expect(byId['imogen-r-castellano']).toMatchObject({
      name: 'Castellano Imogen Rose',
      aggregate: 1_850_000,
      percentOfClass: 8.6,
      soleVotingPower: 210_000,
      sharedVotingPower: 1_640_000,
      soleDispositivePower: 210_000,
      sharedDispositivePower: 1_640_000,
      basis: 'reported',
      securities: [],
    });
    expect(byId['imogen-r-castellano']!.notes).toContain('securities not broken down by the filing');
    expect(byId['imogen-r-castellano']!.reportedFigures).toMatchObject({
      kind: 'cover-page',
      filing: 'Original Schedule 13D',
      asOf: '2025-01-06',
    });
  });

  it('shows nothing before the event date of the statement', () => {
    expect(holdingsFromEnvelopes(synthetic, { asOf: '2025-01-05' }).holders).toEqual([]);
  });

  it('prefers a later Item 5 figure to an earlier cover page', () => {
    // Given an Item 5 report for Kestrel Hollow Partners as of 2025-01-15
    const [item5] = envelopes([
      {
        type: 'BeneficialOwnershipReported',
        data: {
          effectiveDate: '2025-01-15',
          disclosedOn: '2025-01-16',
          source: { ...source, amendmentNumber: 1, filedOn: '2025-01-16', item: '5(a)' },
          personId: 'kestrel-hollow-partners-lp',
          aggregate: 1_500_000,
          percentOfClass: { kind: 'value', value: 7.0, text: '7.0%' },
          soleVotingPower: 0,
          sharedVotingPower: 1_500_000,
          soleDispositivePower: 0,
          sharedDispositivePower: 1_500_000,
        },
      },
    ]);
    const kestrel = holdingsFromEnvelopes([...synthetic, item5!], { asOf: '2025-01-31' }).holders.find(
      (h) => h.personId === 'kestrel-hollow-partners-lp',
    )!;
    // Then
    // basis derived: the figures are as of 2025-01-15, carried forward to 2025-01-31
    expect(kestrel).toMatchObject({
      aggregate: 1_500_000,
      basis: 'derived',
      reportedFigures: { kind: 'item-5', filing: 'Amendment No. 1', asOf: '2025-01-15' },
    });
    expect(
      holdingsFromEnvelopes([...synthetic, item5!], { asOf: '2025-01-15' }).holders.find(
        (h) => h.personId === 'kestrel-hollow-partners-lp',
      )!.basis,
    ).toBe('reported');
  });
});
