import { describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { AADI_XML, fixture } from './fixtures.js';

describe('EDGAR Schedule 13D XML', () => {
  it('reads the Aadi statement with both reporting persons and their figures', async () => {
    // Given the real Aadi Bioscience Schedule 13D
    // When it is parsed
    const filing = await readFilingFile(AADI_XML);
    // Then issuer, class and both cover pages are those in the XML
    expect(filing).toMatchObject({
      format: 'edgar-xml',
      formType: 'SC 13D',
      amendmentNo: 0,
      issuer: { name: 'Aadi Bioscience, Inc.', cik: '0001422142', cusip: '00032Q104' },
      classTitle: 'Common stock, par value $0.0001 per share',
      eventDate: '2024-12-31',
      signatureDate: '2024-12-31',
    });
    expect(filing.coverPages).toHaveLength(2);
    expect(filing.coverPages[0]).toMatchObject({
      name: 'BML Investment Partners, L.P.', cik: '0001373604', sourceOfFunds: ['WC'], citizenship: 'DE',
      soleVotingPower: 0, sharedVotingPower: 2_100_000, soleDispositivePower: 0, sharedDispositivePower: 2_100_000,
      aggregate: 2_100_000, excludesCertainShares: false, percentOfClass: { kind: 'value', value: 8.5 }, typeOfReportingPerson: ['PN'],
    });
    expect(filing.coverPages[1]).toMatchObject({
      name: 'Leonard Braden Michael', cik: '0001373603', sourceOfFunds: ['PF'],
      soleVotingPower: 335_000, sharedVotingPower: 2_100_000, aggregate: 2_435_000, percentOfClass: { kind: 'value', value: 9.9 }, typeOfReportingPerson: ['IN'],
    });
    expect(filing.coverPages[1]!.comment).toContain('disclaim that they constitute a statutory group');
    expect(filing.items['4']).toContain('sent a letter to the Board of Directors');
    expect(filing.exhibits).toEqual([{ number: '1', description: 'BML Letter to the Board', isJointFilingAgreement: false }]);
  });

  it('leaves absent cover fields of an amendment undefined, never zero', async () => {
    // Given a 13D/A that restates only aggregate and percent, with the CUSIP nested
    const filing = await readFilingFile(fixture('aadi-amendment-optional-absent.xml'));
    // Then the amendment is read and the fields it leaves out stay absent
    expect(filing).toMatchObject({ formType: 'SC 13D/A', amendmentNo: 1, previousAccessionNumber: '0001373604-25-000001', issuer: { cusip: '00032Q104' }, eventDate: '2025-02-14' });
    const cover = filing.coverPages[0]!;
    expect(cover).toMatchObject({ aggregate: 2_250_000, percentOfClass: { kind: 'value', value: 9.1 } });
    for (const field of ['soleVotingPower', 'sharedVotingPower', 'soleDispositivePower', 'sharedDispositivePower', 'citizenship', 'sourceOfFunds', 'typeOfReportingPerson', 'memberOfGroup'] as const) {
      expect(cover[field], field).toBeUndefined();
    }
    expect(filing.transactions).toEqual([
      expect.objectContaining({ kind: 'shares-purchased', method: 'open-market', date: '2025-02-14', holder: 'BML Investment Partners, L.P.', shares: 150_000 }),
    ]);
  });
});
