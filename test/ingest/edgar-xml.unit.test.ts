import { describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from './fixtures.js';

describe('EDGAR Schedule 13D XML', () => {
  it('reads the synthetic statement with both reporting persons and their figures', async () => {
    // Given the Schedule 13D written for the tests (test/fixtures/ingest/synthetic-schedule13d.xml)
    // When it is parsed
    const filing = await readFilingFile(SYNTHETIC_XML);
    // Then issuer, class and both cover pages are those in the XML
    expect(filing).toMatchObject({
      format: 'edgar-xml',
      formType: 'SC 13D',
      amendmentNo: 0,
      issuer: { name: 'Veridane Therapeutics, Inc.', cik: '0009900017', cusip: '75934R103' },
      classTitle: 'Common stock, par value $0.001 per share',
      eventDate: '2025-01-06',
      signatureDate: '2025-01-06',
    });
    expect(filing.coverPages).toHaveLength(2);
    expect(filing.coverPages[0]).toMatchObject({
      name: 'Kestrel Hollow Partners, L.P.',
      cik: '0009900231',
      sourceOfFunds: ['WC'],
      citizenship: 'DE',
      soleVotingPower: 0,
      sharedVotingPower: 1_640_000,
      soleDispositivePower: 0,
      sharedDispositivePower: 1_640_000,
      aggregate: 1_640_000,
      excludesCertainShares: false,
      percentOfClass: { kind: 'value', value: 7.7 },
      typeOfReportingPerson: ['PN'],
    });
    expect(filing.coverPages[1]).toMatchObject({
      name: 'Castellano Imogen Rose',
      cik: '0009900230',
      sourceOfFunds: ['PF'],
      soleVotingPower: 210_000,
      sharedVotingPower: 1_640_000,
      aggregate: 1_850_000,
      percentOfClass: { kind: 'value', value: 8.6 },
      typeOfReportingPerson: ['IN'],
    });
    expect(filing.coverPages[1]!.comment).toContain('disclaim that they constitute a statutory group');
    expect(filing.items['4']).toContain('sent a letter to the Board of Directors');
    expect(filing.exhibits).toEqual([
      { number: '1', description: 'Kestrel Hollow Letter to the Board', isJointFilingAgreement: false },
    ]);
  });

  it('leaves absent cover fields of an amendment undefined, never zero', async () => {
    // Given a 13D/A that restates only aggregate and percent, with the CUSIP nested
    const filing = await readFilingFile(SYNTHETIC_AMENDMENT_XML);
    // Then the amendment is read and the fields it leaves out stay absent
    expect(filing).toMatchObject({
      formType: 'SC 13D/A',
      amendmentNo: 1,
      previousAccessionNumber: '0009900231-25-000001',
      issuer: { cusip: '75934R103' },
      eventDate: '2025-03-10',
    });
    const cover = filing.coverPages[0]!;
    expect(cover).toMatchObject({ aggregate: 1_760_000, percentOfClass: { kind: 'value', value: 8.2 } });
    for (const field of [
      'soleVotingPower',
      'sharedVotingPower',
      'soleDispositivePower',
      'sharedDispositivePower',
      'citizenship',
      'sourceOfFunds',
      'typeOfReportingPerson',
      'memberOfGroup',
    ] as const) {
      expect(cover[field], field).toBeUndefined();
    }
    expect(filing.transactions).toEqual([
      expect.objectContaining({
        kind: 'shares-purchased',
        method: 'open-market',
        date: '2025-03-10',
        holder: 'Kestrel Hollow Partners, L.P.',
        shares: 120_000,
      }),
    ]);
  });
});
