import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { loadSample } from '../../src/ledger/sample.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT, SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from './fixtures.js';

const figures = (report: Awaited<ReturnType<typeof queryHoldings>>) =>
  report.holders.map((h) => ({
    personId: h.personId,
    aggregate: h.aggregate,
    percent: h.percentOfClass === null ? null : Number(h.percentOfClass.toFixed(2)),
    powers: [h.soleVotingPower, h.sharedVotingPower, h.soleDispositivePower, h.sharedDispositivePower],
  }));

describe('ingesting into the ledger', () => {
  it('gives from the seed text the same holdings at 2024-07-23 as the bundled sample', async () => {
    // Given the bundled sample in one store and the seed text ingested into an empty one
    const sample = await openStore('sqlite::memory:');
    const ingested = await openStore('sqlite::memory:');
    try {
      await loadSample(sample);
      await ingestFiling(ingested, await readFilingFile(AULT_TEXT));
      // When holdings are asked as of the event date
      const want = await queryHoldings(sample, { issuer: '09175M507', asOf: '2024-07-23' });
      const got = await queryHoldings(ingested, { issuer: '09175M507', asOf: '2024-07-23' });
      // Then every person's aggregate, percent and powers agree, on the same shares outstanding
      expect(figures(got)).toEqual(figures(want));
      expect(got.sharesOutstanding?.value).toBe(35_846_318);
      expect(got.sharesOutstanding?.value).toBe(want.sharesOutstanding?.value);
      expect(figures(got).find((h) => h.personId === 'ault-and-company')).toMatchObject({
        aggregate: 214_940_800,
        percent: 85.72,
      });
    } finally {
      await sample.close();
      await ingested.close();
    }
  });

  it('writes nothing when the same filing is ingested again', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const filing = await readFilingFile(AULT_TEXT);
      const first = await ingestFiling(store, filing);
      const second = await ingestFiling(store, await readFilingFile(AULT_TEXT));
      expect(first.appended).toBeGreaterThan(0);
      expect(second).toMatchObject({ appended: 0, alreadyPresent: first.events });
      expect(await store.readAll()).toHaveLength(first.events);
    } finally {
      await store.close();
    }
  });

  it('gives the same holdings whatever order the filings arrive in', async () => {
    // Given the synthetic original and its amendment, ingested in both orders
    const original = await readFilingFile(SYNTHETIC_XML);
    const amendment = await readFilingFile(SYNTHETIC_AMENDMENT_XML);
    const inOrder = await openStore('sqlite::memory:');
    const reversed = await openStore('sqlite::memory:');
    try {
      await ingestFiling(inOrder, original);
      await ingestFiling(inOrder, amendment);
      await ingestFiling(reversed, amendment);
      await ingestFiling(reversed, original);
      // Then each date's holdings agree: projections order by dates, not arrival
      for (const asOf of ['2025-01-06', '2025-03-10']) {
        const a = await queryHoldings(inOrder, { issuer: '75934R103', asOf });
        const b = await queryHoldings(reversed, { issuer: '75934R103', asOf });
        expect(figures(b), asOf).toEqual(figures(a));
        // The amendment's cover restates Kestrel Hollow Partners at 1,640,000 + the 120,000 bought on 2025-03-10 (Item
        // 5(c)).
        if (asOf === '2025-03-10') expect(figures(a).map((h) => h.aggregate)).toContain(1_640_000 + 120_000);
      }
    } finally {
      await inOrder.close();
      await reversed.close();
    }
  });

  it('ingests the synthetic XML with both reporting persons', async () => {
    const outcome = await ingestFiling(undefined, await readFilingFile(SYNTHETIC_XML));
    expect(outcome).toMatchObject({
      cusip: '75934R103',
      persons: ['Kestrel Hollow Partners, L.P.', 'Castellano Imogen Rose'],
      appended: 0,
    });
  });
});
