import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { withMemoryStore } from '../support/memory-store.js';
import { AULT_TEXT } from './fixtures.js';

describe('ingesting into an issuer stream that holds an event another program wrote badly', () => {
  it('still ingests, as the queries still answer: the bad event is left out, not a reason to refuse', async () => {
    await withMemoryStore(async (store) => {
      // Given a PositionReported with quantity "lots", appended straight to the store
      await store.append('issuer-09175M507', [
        {
          id: '88888888-8888-4888-8888-888888888888',
          type: 'PositionReported',
          data: { personId: 'x', quantity: 'lots' },
        },
      ]);
      // When the seed filing is ingested
      const outcome = await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // Then it is appended and the holdings reproduce Amendment No. 8's 214,940,800
      expect(outcome.status).toBe('appended');
      const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-23' });
      expect(report.holders.find((h) => h.personId === 'ault-and-company')?.aggregate).toBe(214_940_800);
    });
  });
});
