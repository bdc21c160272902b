import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/holdings-at.js';
import { parseCusip, type CoverPage } from '../../src/domain/index.js';
import { envelopes } from './build.js';

// Figures of data/filings/aadi-bioscience-schedule13d-2025.xml (EDGAR XML: cover pages only, no Item 5 breakdown).
const source = { amendmentNumber: 0, accessionNumber: null, filedOn: '2024-12-31', item: 'cover', quote: '<aggregateAmountOwned>2100000</aggregateAmountOwned>' };
const cover = (personId: string, name: string, sole: number, shared: number, aggregate: number, percent: number, type: string): CoverPage => ({
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

const aadi = envelopes([
  {
    type: 'StatementFiled',
    data: {
      effectiveDate: '2024-12-31',
      disclosedOn: '2024-12-31',
      source,
      issuer: { name: 'Aadi Bioscience, Inc.', cusip: parseCusip('00032Q104'), cik: null },
      classTitle: 'Common stock, par value $0.0001 per share',
      amendmentNumber: 0,
      accessionNumber: null,
      // <dateOfEvent>12/31/2024</dateOfEvent>
      eventDate: '2024-12-31',
      filedOn: '2024-12-31',
      contentsKnown: true,
      items: [],
      coverPages: [
        // <soleVotingPower>0</soleVotingPower> <sharedVotingPower>2100000</sharedVotingPower> ... <percentOfClass>8.5</percentOfClass> PN
        cover('bml-investment-partners-lp', 'BML Investment Partners, L.P.', 0, 2_100_000, 2_100_000, 8.5, 'PN'),
        // <soleVotingPower>335000</soleVotingPower> <sharedVotingPower>2100000</sharedVotingPower> <aggregateAmountOwned>2435000</aggregateAmountOwned> 9.9 IN
        cover('braden-m-leonard', 'Leonard Braden Michael', 335_000, 2_100_000, 2_435_000, 9.9, 'IN'),
      ],
      noticeContact: null,
      businessAddresses: [],
    },
  },
]);

describe('holdings of an issuer known only from cover pages', () => {
  it('shows each reporting person the cover figures, basis reported, with no securities and a note', () => {
    // Given only the StatementFiled of the Aadi Bioscience XML (no PositionReported events)
    // When holdings are asked at the event date
    const view = holdingsFromEnvelopes(aadi, { asOf: '2024-12-31' });
    const byId = Object.fromEntries(view.holders.map((h) => [h.personId, h]));
    // Then BML Investment Partners: 0 sole, 2,100,000 shared, aggregate 2,100,000, 8.5%
    expect(byId['bml-investment-partners-lp']).toMatchObject({ aggregate: 2_100_000, percentOfClass: 8.5, soleVotingPower: 0, sharedVotingPower: 2_100_000, soleDispositivePower: 0, sharedDispositivePower: 2_100_000, basis: 'reported', securities: [], breakdownKnown: false });
    // And Mr. Leonard: 335,000 sole + 2,100,000 shared = 2,435,000, 9.9%
    expect(335_000 + 2_100_000).toBe(2_435_000);
    expect(byId['braden-m-leonard']).toMatchObject({ name: 'Leonard Braden Michael', aggregate: 2_435_000, percentOfClass: 9.9, soleVotingPower: 335_000, sharedVotingPower: 2_100_000, basis: 'reported', securities: [] });
    expect(byId['braden-m-leonard']!.notes).toContain('securities not broken down by the filing');
    expect(byId['braden-m-leonard']!.reportedFigures).toMatchObject({ kind: 'cover-page', filing: 'Original Schedule 13D', asOf: '2024-12-31' });
  });

  it('shows nothing before the event date of the statement', () => {
    expect(holdingsFromEnvelopes(aadi, { asOf: '2024-12-30' }).holders).toEqual([]);
  });

  it('prefers a later Item 5 figure to an earlier cover page', () => {
    // Given an Item 5 report for BML as of 2025-01-15
    const [item5] = envelopes([{ type: 'BeneficialOwnershipReported', data: { effectiveDate: '2025-01-15', disclosedOn: '2025-01-16', source: { ...source, amendmentNumber: 1, filedOn: '2025-01-16', item: '5(a)' }, personId: 'bml-investment-partners-lp', aggregate: 2_000_000, percentOfClass: { kind: 'value', value: 8.1, text: '8.1%' }, soleVotingPower: 0, sharedVotingPower: 2_000_000, soleDispositivePower: 0, sharedDispositivePower: 2_000_000 } }]);
    const bml = holdingsFromEnvelopes([...aadi, item5!], { asOf: '2025-01-31' }).holders.find((h) => h.personId === 'bml-investment-partners-lp')!;
    // Then
    // basis derived: the figures are as of 2025-01-15, carried forward to 2025-01-31
    expect(bml).toMatchObject({ aggregate: 2_000_000, basis: 'derived', reportedFigures: { kind: 'item-5', filing: 'Amendment No. 1', asOf: '2025-01-15' } });
    expect(holdingsFromEnvelopes([...aadi, item5!], { asOf: '2025-01-15' }).holders.find((h) => h.personId === 'bml-investment-partners-lp')!.basis).toBe('reported');
  });
});
