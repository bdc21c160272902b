import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { parseCusip, type CoverPage } from '../../src/domain/index.js';
import { envelopes, sampleEnvelopes } from './build.js';

const cover = (
  personId: string,
  name: string,
  sole: number,
  shared: number,
  aggregate: number,
  type: string,
): CoverPage => ({
  personId,
  name,
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: ['AF'],
  legalProceedings: false,
  citizenshipOrPlace: 'DE',
  soleVotingPower: sole,
  sharedVotingPower: shared,
  soleDispositivePower: sole,
  sharedDispositivePower: shared,
  aggregate,
  excludesCertainShares: false,
  percentOfClass: { kind: 'value', value: 85.7, text: '85.7' },
  typeOfReportingPerson: [type],
  footnotes: [],
});

function withCoverOnlyAmendment() {
  const base = sampleEnvelopes();
  const source = {
    amendmentNumber: 10,
    accessionNumber: null,
    filedOn: '2025-01-14',
    item: 'cover',
    quote: '<aggregateAmountOwned>214930800</aggregateAmountOwned>',
  };
  return [
    ...base,
    ...envelopes(
      [
        {
          type: 'StatementFiled',
          data: {
            effectiveDate: '2025-01-10',
            disclosedOn: '2025-01-14',
            source,
            issuer: { name: 'Ault Alliance, Inc.', cusip: parseCusip('09175M507'), cik: null },
            classTitle: 'Common Stock',
            amendmentNumber: 10,
            accessionNumber: null,
            eventDate: '2025-01-10',
            filedOn: '2025-01-14',
            contentsKnown: true,
            items: [],
            coverPages: [
              cover('ault-and-company', 'Ault & Company, Inc.', 214_930_800, 0, 214_930_800, 'CO'),
              cover('milton-c-ault-iii', 'Milton C. Ault, III', 2_326, 214_930_800, 214_933_126, 'IN'),
            ],
            noticeContact: null,
            businessAddresses: [],
            previousAccessionNumber: null,
            filedOnFrom: null,
            partialCoverPages: [],
            readingDoubts: [],
          },
        },
      ],
      undefined,
      base.length,
    ),
  ];
}

describe('a cover-only amendment after a broken-down one', () => {
  it('keeps the last known breakdown (derived) while the cover figures govern the totals', () => {
    const view = holdingsFromEnvelopes(withCoverOnlyAmendment(), { asOf: '2025-01-10' });
    const company = view.holders.find((h) => h.personId === 'ault-and-company')!;
    expect(company.aggregate).toBe(214_930_800);
    expect(company.basis).toBe('reported');
    expect(company.securities.length).toBeGreaterThan(1);
    expect(company.securities.every((s) => s.basis !== 'reported')).toBe(true);
    expect(company.notes.join('\n')).toMatch(/as last broken down by Amendment No\. 8/);
    const milton = view.holders.find((h) => h.personId === 'milton-c-ault-iii')!;
    expect(milton.sharedVotingPower).toBe(214_930_800);
    expect(milton.securities.some((s) => s.ownership === 'indirect')).toBe(true);
  });
});
