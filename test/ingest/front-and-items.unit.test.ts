import { describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { AULT_TEXT, fixture } from './fixtures.js';

describe('the front page and items of a text filing', () => {
  it('reads issuer, class, CUSIP, amendment number and event date', async () => {
    const filing = await readFilingFile(AULT_TEXT);
    expect(filing).toMatchObject({
      format: 'text',
      formType: 'SC 13D/A',
      amendmentNo: 8,
      issuer: { name: 'Ault Alliance, Inc.', cusip: '09175M507' },
      classTitle: 'Class A Common Stock, par value $0.001 per share',
      eventDate: '2024-07-23',
      signatureDate: '2024-07-24',
    });
    // A text file carries no accession number or filing date: ids will come from its content.
    expect(filing.accessionNumber).toBeUndefined();
    expect(filing.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads Item 5 shares outstanding with its date', async () => {
    const filing = await readFilingFile(AULT_TEXT);
    expect(filing.sharesOutstanding).toMatchObject({ count: 35_846_318, asOf: '2024-07-23' });
  });

  it("reads each person's Item 5(a) and (b), keeping Horne's 81 that differs from his cover page", async () => {
    const filing = await readFilingFile(AULT_TEXT);
    const byName = Object.fromEntries(filing.item5.map((p) => [p.coverName, p]));
    expect(byName['AULT & COMPANY, INC.']).toMatchObject({
      aggregate: 214_940_800,
      soleVotingPower: 214_940_800,
      sharedVotingPower: 0,
    });
    expect(byName['MILTON C. AULT, III']).toMatchObject({
      aggregate: 214_943_126,
      soleVotingPower: 2_326,
      sharedVotingPower: 214_940_800,
    });
    // DOMAIN.md: Horne's sole voting power is 162 on the cover page but 81 in Item 5(b); kept as reported.
    expect(byName['WILLIAM B. HORNE']).toMatchObject({ aggregate: 162, soleVotingPower: 81 });
    expect(filing.coverPages[2]!.soleVotingPower).toBe(162);
  });

  it('matches the Item 2 identities to the cover pages with aliases and addresses', async () => {
    const filing = await readFilingFile(AULT_TEXT);
    expect(filing.identities).toHaveLength(5);
    expect(filing.identities[0]).toMatchObject({ coverName: 'AULT & COMPANY, INC.', alias: 'Ault & Company' });
    expect(filing.identities[0]!.address).toContain('Suite 240');
    expect(filing.identities[3]).toMatchObject({ coverName: 'HENRY C.W. NISSER' });
    expect(filing.identities[3]!.address).toContain('New York, NY 10168');
  });

  it('lists the Item 7 exhibits and recognises the joint filing agreement', async () => {
    for (const file of [AULT_TEXT, fixture('ault-a8-reflowed.txt'), fixture('ault-a8.htm')]) {
      const filing = await readFilingFile(file);
      expect(filing.exhibits.map((e) => e.number)).toEqual(['99.1', '99.2', '99.3', '99.4', '99.5', '99.6', '99.7']);
      expect(filing.exhibits.filter((e) => e.isJointFilingAgreement).map((e) => e.number)).toEqual(['99.1']);
    }
  });

  it('records the items the amendment restates and reads Schedule A', async () => {
    const filing = await readFilingFile(AULT_TEXT);
    expect(filing.restatedItems).toEqual(['2', '3', '5', '6', '7']);
    expect(filing.scheduleA).toHaveLength(6);
    expect(filing.scheduleA[4]!.cells[0]).toContain('Darren Magot');
  });
});
