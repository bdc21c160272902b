import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT } from './fixtures.js';
import { amendmentNine } from './later-amendments.js';

const TRANSACTIONS = new Set([
  'SharesPurchased',
  'SharesSold',
  'ConvertibleNoteIssued',
  'ConvertibleNoteConverted',
  'ConvertibleNoteRepaid',
  'PreferredIssued',
  'WarrantsIssued',
  'OptionsGranted',
  'OptionsVested',
  'RsusVested',
  'JointFilingAgreementSigned',
  'ControlEstablished',
  'GroupFormed',
  'PersonIdentified',
]);

describe('a transaction restated by a later amendment', () => {
  it('has the same event id in both filings, so the second ingest appends no transaction', async () => {
    // Given Amendment No. 8 ingested, then a renumbered Amendment No. 9 whose Item 6 is unchanged
    const store = await openStore('sqlite::memory:');
    try {
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      const before = (await store.readAll()).length;
      const second = await ingestFiling(store, amendmentNine());
      expect(second.status).toBe('appended');
      // Then the 2020-2024 transactions Item 6 restates are not written again (only the filing's own figures are)
      const added = (await store.readAll()).slice(before);
      expect(added.length).toBeGreaterThan(0);
      expect(added.filter((e) => TRANSACTIONS.has(e.type)).map((e) => e.type)).toEqual([]);
      expect(added.map((e) => e.type)).toContain('StatementFiled');
      expect(added.map((e) => e.type)).toContain('PositionReported');
      // And holdings on 2024-03-10 count each common share once: 88 + 55 + 36
      const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-03-10' });
      const company = report.holders.find((h) => h.personId === 'ault-and-company')!;
      expect(company.securities.find((s) => s.securityId === 'common')?.quantity).toBe(88 + 55 + 36);
      expect(company.securities.find((s) => s.securityId === 'series-c-preferred')?.quantity).toBe(41_500 + 2 * 500);
    } finally {
      await store.close();
    }
  });
});
