import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT, fixture } from './fixtures.js';

const COMBINED = fixture('ault-a8-combined-sc-to-t-a.txt');

describe('a submission that combines a 13D/A with another form', () => {
  it('finds the 13D part of an SC TO-T/A submission and reads its own amendment number', async () => {
    // Given a full submission of type SC TO-T/A whose main document is Amendment No. 2 to a Schedule TO
    // and, below it, Amendment No. 8 to the Schedule 13D
    // When it is read
    const filing = await readFilingFile(COMBINED);
    // Then the 13D part is found: its amendment number (8, not the Schedule TO's 2), issuer and five cover pages
    expect(filing).toMatchObject({
      format: 'submission',
      formType: 'SC 13D/A',
      amendmentNo: 8,
      accessionNumber: '0001213900-24-062999',
      filingDate: '2024-07-24',
      issuer: { cusip: '09175M507' },
      eventDate: '2024-07-23',
      submission: { submissionType: 'SC TO-T/A', documentTypes: ['EX-99.9', 'SC TO-T/A', 'EX-99.1'] },
    });
    expect(filing.coverPages.map((c) => [c.name, c.aggregate])).toEqual([
      ['AULT & COMPANY, INC.', 214_940_800],
      ['MILTON C. AULT, III', 214_943_126],
      ['WILLIAM B. HORNE', 162],
      ['HENRY C.W. NISSER', 163],
      ['KENNETH S. CRAGUN', 77],
    ]);
    expect(filing.sharesOutstanding?.count).toBe(35_846_318);
  });

  it('is the same filing as the 13D/A on its own: after the text, it writes nothing', async () => {
    // Given Amendment No. 8 ingested from the seed text
    const store = await openStore('sqlite::memory:');
    try {
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // When the combined submission carrying the same 13D/A is ingested
      const outcome = await ingestFiling(store, await readFilingFile(COMBINED));
      // Then nothing is written
      expect(outcome).toMatchObject({ status: 'already-recorded', appended: 0 });
    } finally {
      await store.close();
    }
  });
});
